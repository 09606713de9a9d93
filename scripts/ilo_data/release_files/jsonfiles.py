"""The JSON downloads: one array of typed records per resource, one document per country, the
office tree; each checked against its JSON Schema (jsonschema + FormatChecker) before it is kept."""
from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from .. import views
from ..outpaths import output_path
from .json_schemas import resource_json_schema
from .values import typed_rows

NESTED_SCHEMAS = ("country.schema.json", "offices-tree.schema.json")


class JsonSchemaError(Exception):
    pass


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def validator_for(schema: dict) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def check(document, schema: dict | Draft202012Validator, label: str) -> None:
    validator = schema if isinstance(schema, Draft202012Validator) else validator_for(schema)
    if validator.is_valid(document):
        return
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise JsonSchemaError(f"{label}: {where}: {first.message} ({len(errors)} error(s))")


def write_json(release: Path, descriptor: dict, tables: dict, nested_schema_dir: Path) -> list[Path]:
    """Writes json/ and schemas/json/ under the release folder; returns the files written."""
    written: list[Path] = []

    def emit(relative: str, value) -> None:
        path = output_path(release, relative)   # names and iso3 codes come from data
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(value), encoding="utf-8", newline="\n")
        written.append(path)

    titles = {r["name"]: r.get("title") for r in descriptor["resources"]}
    for name, (schema, rows) in tables.items():
        json_schema = resource_json_schema(name, schema, titles.get(name))
        records = typed_rows(schema, rows)
        check(records, json_schema, f"json/{name}.json")
        emit(f"schemas/json/{name}.schema.json", json_schema)
        emit(f"json/{name}.json", records)

    nested = {}
    for filename in NESTED_SCHEMAS:
        nested[filename] = json.loads((nested_schema_dir / filename).read_text(encoding="utf-8"))
        emit(f"schemas/json/{filename}", nested[filename])
    country_validator = validator_for(nested["country.schema.json"])
    raw = {name: rows for name, (_, rows) in tables.items()}
    for iso3 in views.country_ids(raw):
        document = views.country_document(raw, iso3)
        check(document, country_validator, f"json/countries/{iso3}.json")
        emit(f"json/countries/{iso3}.json", document)
    tree = views.office_tree(raw)
    check(tree, nested["offices-tree.schema.json"], "json/offices-tree.json")
    emit("json/offices-tree.json", tree)
    return written
