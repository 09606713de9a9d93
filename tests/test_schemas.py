"""The Table Schemas bite: every field documented with a valid example, keys declared, NA safe,
every table sourced, schemas referenced by path.

Each check is a function returning a list of problems for a package root, run on the real
package (must be empty) and on a broken copy (must not be), so every test can fail.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from frictionless import Field

ROOT = Path(__file__).resolve().parents[1]


def descriptor(root: Path) -> dict:
    return json.loads((root / "datapackage.json").read_text(encoding="utf-8"))


def schemas(root: Path) -> dict[str, dict]:
    out = {}
    for res in descriptor(root)["resources"]:
        schema = res["schema"]
        out[res["name"]] = json.loads((root / schema).read_text(encoding="utf-8")) if isinstance(schema, str) else schema
    return out


# ----------------------------------------------------------------------------- checks


def undocumented_fields(root: Path) -> list[str]:
    problems = []
    for name, schema in schemas(root).items():
        for field in schema["fields"]:
            for key in ("title", "description", "example"):
                if field.get(key) in (None, ""):
                    problems.append(f"{name}.{field['name']}: no {key}")
    return problems


def keys_and_missing_values(root: Path) -> list[str]:
    problems = []
    for name, schema in schemas(root).items():
        names = [f["name"] for f in schema["fields"]]
        key = schema.get("primaryKey")
        if not key:
            problems.append(f"{name}: no primaryKey")
        elif any(k not in names for k in key):
            problems.append(f"{name}: primaryKey {key} names unknown fields")
        if schema.get("missingValues") != [""]:
            problems.append(f"{name}: missingValues is {schema.get('missingValues')!r}, not [\"\"]")
    return problems


def invalid_examples(root: Path) -> list[str]:
    """Each example must be a valid cell for its own field (type, pattern, enum, range)."""
    problems = []
    for name, schema in schemas(root).items():
        for descriptor_ in schema["fields"]:
            field = Field.from_descriptor(descriptor_)
            example = descriptor_.get("example")
            _, notes = field.read_cell("" if example is None else str(example))
            if notes:
                problems.append(f"{name}.{descriptor_['name']}: example {example!r} is invalid: {notes}")
    return problems


def unsourced(root: Path) -> list[str]:
    problems = []
    for res in descriptor(root)["resources"]:
        schema = schemas(root)[res["name"]]
        field = next((f for f in schema["fields"] if f["name"] == "source_id"), None)
        if field is None:
            problems.append(f"{res['name']}: no source_id field")
            continue
        if not field.get("constraints", {}).get("required"):
            problems.append(f"{res['name']}: source_id is not required")
        with (root / res["path"]).open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                if not (row.get("source_id") or "").strip():
                    problems.append(f"{res['path']}:{number}: empty source_id")
    return problems


def inline_schemas(root: Path) -> list[str]:
    problems = []
    for res in descriptor(root)["resources"]:
        schema = res.get("schema")
        expected = f"schemas/{res['name']}.schema.json"
        if not isinstance(schema, str):
            problems.append(f"{res['name']}: schema is inline, not a path")
        elif schema != expected:
            problems.append(f"{res['name']}: schema path {schema!r}, expected {expected!r}")
        elif not (root / schema).is_file():
            problems.append(f"{res['name']}: {schema} does not exist")
    return problems


CHECKS = [undocumented_fields, keys_and_missing_values, invalid_examples, unsourced, inline_schemas]


# ----------------------------------------------------------------------------- the real package


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_package_passes(check):
    assert check(ROOT) == []


def test_every_resource_declares_its_csv_form():
    for res in descriptor(ROOT)["resources"]:
        assert res["encoding"] == "utf-8" and res["format"] == "csv" and res["mediatype"] == "text/csv", res["name"]
        assert res["dialect"] == {"delimiter": ",", "quoteChar": '"', "header": True}, res["name"]
        assert res["path"] == f"data/{res['name']}.csv"


# ----------------------------------------------------------------------------- the checks bite


def edit_schema(root: Path, name: str, change) -> None:
    path = root / "schemas" / f"{name}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    change(schema)
    path.write_text(json.dumps(schema), encoding="utf-8")


def test_undocumented_field_is_caught(copy):
    edit_schema(copy, "countries", lambda s: s["fields"][1].pop("description"))
    assert undocumented_fields(copy) == ["countries.iso2: no description"]


def test_missing_example_is_caught(copy):
    edit_schema(copy, "claims", lambda s: s["fields"][0].pop("example"))
    assert undocumented_fields(copy) == ["claims.claim_id: no example"]


def test_missing_key_and_na_missing_value_are_caught(copy):
    def change(schema):
        schema.pop("primaryKey")
        schema["missingValues"] = ["", "NA"]
    edit_schema(copy, "countries", change)
    assert keys_and_missing_values(copy) == [
        "countries: no primaryKey", 'countries: missingValues is [\'\', \'NA\'], not [""]']


@pytest.mark.parametrize("field, example", [("iso2", "Na"), ("ilo_region", "Europe"), ("member_since", "1993-13")])
def test_invalid_example_is_caught(copy, field, example):
    def change(schema):
        next(f for f in schema["fields"] if f["name"] == field)["example"] = example
    edit_schema(copy, "countries", change)
    problems = invalid_examples(copy)
    assert len(problems) == 1 and problems[0].startswith(f"countries.{field}: example")


def test_integer_example_out_of_range_is_caught(copy):
    def change(schema):
        next(f for f in schema["fields"] if f["name"] == "minimum_age")["example"] = 12
    edit_schema(copy, "ratifications", change)
    assert len(invalid_examples(copy)) == 1


def test_empty_source_id_is_caught(copy):
    path = copy / "data" / "themes.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    head, _, tail = lines[1].rstrip("\n").rpartition(",")
    lines[1] = head + ",\n"
    path.write_text("".join(lines), encoding="utf-8")
    assert unsourced(copy) == ["data/themes.csv:2: empty source_id"]


def test_table_without_source_id_is_caught(copy):
    edit_schema(copy, "themes", lambda s: s.update(fields=[f for f in s["fields"] if f["name"] != "source_id"]))
    assert "themes: no source_id field" in unsourced(copy)


def test_inline_schema_is_caught(copy):
    package = descriptor(copy)
    package["resources"][0]["schema"] = schemas(copy)[package["resources"][0]["name"]]
    (copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    assert inline_schemas(copy) == ["sources: schema is inline, not a path"]
