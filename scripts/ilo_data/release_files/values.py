"""Schema-driven conversion between CSV strings and typed values.

CSV cells are strings; the JSON, SQLite and XLSX downloads carry typed values. Both directions
live here so every writer converts the same way and the round trips are lossless:
`to_text(field, to_value(field, text)) == text` for every valid cell.
"""
from __future__ import annotations

import json

MISSING = ""


def field_types(schema: dict) -> dict[str, str]:
    return {field["name"]: field.get("type", "string") for field in schema["fields"]}


def to_value(field_type: str, text: str):
    """One CSV cell -> its typed value; the empty string (the only missing value) -> None."""
    if text == MISSING:
        return None
    if field_type == "integer":
        return int(text)
    if field_type == "number":
        # Whole numbers stay ints so "12" comes back as "12", not "12.0".
        try:
            return int(text)
        except ValueError:
            return float(text)
    if field_type == "boolean":
        if text in ("true", "True", "TRUE", "1"):
            return True
        if text in ("false", "False", "FALSE", "0"):
            return False
        raise ValueError(f"not a boolean: {text!r}")
    if field_type in ("object", "array"):
        return json.loads(text)
    return text


def to_text(field_type: str, value) -> str:
    """A typed value -> its canonical CSV cell."""
    if value is None:
        return MISSING
    if field_type == "boolean":
        return "true" if value else "false"
    if field_type in ("object", "array"):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def typed_rows(schema: dict, rows: list[dict[str, str]]) -> list[dict]:
    """Rows of strings -> rows of typed values, keys in schema field order."""
    types = field_types(schema)
    return [{name: to_value(kind, row.get(name, MISSING)) for name, kind in types.items()} for row in rows]


def text_rows(schema: dict, rows: list[dict]) -> list[dict[str, str]]:
    types = field_types(schema)
    return [{name: to_text(kind, row.get(name)) for name, kind in types.items()} for row in rows]
