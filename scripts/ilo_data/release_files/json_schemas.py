"""JSON Schemas for the per-resource JSON files, derived from the Table Schemas.

Derived at build time (not kept in git) so they can never drift from `schemas/<name>.schema.json`:
each file is an array of records; every field is present, null when missing, typed as in the
Table Schema, with the same pattern, enum and bounds.
"""
from __future__ import annotations

JSON_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean",
              "object": "object", "array": "array"}
# Table Schema formats that mean something to jsonschema's FormatChecker.
FORMATS = {"email": "email", "uri": "uri"}


def field_schema(field: dict) -> dict:
    constraints = field.get("constraints", {})
    json_type = JSON_TYPES.get(field.get("type", "string"), "string")
    schema: dict = {}
    if field.get("title"):
        schema["title"] = field["title"]
    if field.get("description"):
        schema["description"] = field["description"]
    schema["type"] = json_type if constraints.get("required") else [json_type, "null"]
    if field.get("format") in FORMATS and json_type == "string":
        schema["format"] = FORMATS[field["format"]]
    if "enum" in constraints:
        schema["enum"] = list(constraints["enum"]) + ([] if constraints.get("required") else [None])
    if json_type == "string":
        for key, target in (("pattern", "pattern"), ("minLength", "minLength"), ("maxLength", "maxLength")):
            if key in constraints:
                schema[target] = constraints[key]
    if json_type in ("integer", "number"):
        for key in ("minimum", "maximum"):
            if key in constraints:
                schema[key] = constraints[key]
    return schema


def resource_json_schema(name: str, table_schema: dict, title: str | None = None) -> dict:
    fields = table_schema["fields"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        "title": title or name,
        "description": f"The {name} table as a JSON array of records (derived from schemas/{name}.schema.json).",
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": [field["name"] for field in fields],
            "properties": {field["name"]: field_schema(field) for field in fields},
        },
    }
