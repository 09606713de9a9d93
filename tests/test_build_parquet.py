"""The Parquet download: one file per resource, typed from its schema, lossless, reproducible."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import duckdb
import pytest

from ilo_data import package
from ilo_data.release_files import command
from ilo_data.release_files.parquet import column_types, write_parquet
from ilo_data.release_files.values import to_text, to_value

FIXTURE = Path(__file__).parent / "fixtures" / "build"


def _read(path: Path) -> tuple[list[tuple[str, str]], list[tuple]]:
    """(column name, DuckDB type) pairs and the rows of a Parquet file, in file order."""
    db = duckdb.connect(":memory:")
    try:
        source = "read_parquet('" + str(path).replace("'", "''") + "')"
        described = [(row[0], row[1]) for row in db.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
        return described, db.execute(f"SELECT * FROM {source}").fetchall()
    finally:
        db.close()


def test_one_parquet_file_per_resource(built):
    release, tables = built
    on_disk = {p.name for p in (release.folder / "parquet").iterdir()}
    assert on_disk == {f"{name}.parquet" for name in tables}


def test_csv_parquet_csv_round_trip_is_lossless(built):
    release, tables = built
    for name, (schema, rows) in tables.items():
        _, back = _read(release.folder / "parquet" / f"{name}.parquet")
        kinds = [f.get("type", "string") for f in schema["fields"]]
        names = [f["name"] for f in schema["fields"]]
        assert [dict(zip(names, (to_text(k, v) for k, v in zip(kinds, row)))) for row in back] == rows, name


def test_parquet_matches_the_json_values(built):
    """Same typed values as json/<resource>.json, missing strings included (null, never "")."""
    release, tables = built
    for name, (schema, _) in tables.items():
        records = json.loads((release.folder / "json" / f"{name}.json").read_text(encoding="utf-8"))
        _, back = _read(release.folder / "parquet" / f"{name}.parquet")
        names = [f["name"] for f in schema["fields"]]
        assert [dict(zip(names, row)) for row in back] == records, name
        assert all("" not in row for row in back), f"{name}: empty string instead of null"


def test_parquet_columns_are_typed_from_the_schema(built):
    release, tables = built
    for name, (schema, _) in tables.items():
        described, _ = _read(release.folder / "parquet" / f"{name}.parquet")
        assert described == list(column_types(schema).items()), name
    if "conventions" in tables:
        described, _ = _read(release.folder / "parquet" / "conventions.parquet")
        assert dict(described)["number"] == "BIGINT"
        assert dict(described)["adoption_date"] == "VARCHAR"  # partial dates stay text


def test_every_type_and_missing_values(tmp_path):
    schema = {
        "fields": [
            {"name": "id", "type": "integer"},
            {"name": "share", "type": "number"},
            {"name": "open", "type": "boolean"},
            {"name": "since", "type": "string", "format": "partial-date"},
            {"name": "tags", "type": "array"},
            {"name": "note", "type": "string"},
        ],
        "primaryKey": ["id"],
    }
    rows = [
        {"id": "10", "share": "0.1", "open": "false", "since": "1999-06", "tags": '["a","b"]', "note": "O'Brien, \"x\"\nline 2"},
        {"id": "2", "share": "", "open": "", "since": "", "tags": "", "note": ""},
        {"id": "-3", "share": "12", "open": "true", "since": "2001", "tags": "[]", "note": "é ⁂ 𝄞"},
    ]
    write_parquet(tmp_path, {"t": (schema, rows)})
    described, back = _read(tmp_path / "t.parquet")
    assert described == [("id", "BIGINT"), ("share", "DOUBLE"), ("open", "BOOLEAN"), ("since", "VARCHAR"),
                         ("tags", "VARCHAR"), ("note", "VARCHAR")]
    assert [row[0] for row in back] == [-3, 2, 10]  # ordered by the primary key, numerically
    assert back[1] == (2, None, None, None, None, None)  # empty cell -> NULL, strings too
    by_id = {row[0]: row for row in back}
    for row in rows:
        typed = by_id[int(row["id"])]
        for field, value in zip(schema["fields"], typed):
            kind = field["type"]
            expected = to_value(kind, row[field["name"]])
            if kind == "array" and expected is not None:
                expected = row[field["name"]]  # kept as its JSON text
            if kind == "number" and expected is not None:
                expected = float(expected)  # DOUBLE: "12" comes back as 12.0, unlike JSON's 12
            assert value == expected and type(value) is type(expected), (field["name"], value, expected)


def test_empty_table_keeps_its_columns(tmp_path):
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "name"}], "primaryKey": "id"}
    write_parquet(tmp_path, {"empty": (schema, [])})
    assert _read(tmp_path / "empty.parquet") == ([("id", "BIGINT"), ("name", "VARCHAR")], [])


def test_parquet_is_byte_identical_across_builds(built, request, tmp_path):
    root = request.node.callspec.params["built"]
    first = built[0].folder / "parquet"   # built once per test run (conftest.py)
    # A second build's Parquet: the same tables read again from the files and written as the build writes them.
    second = tmp_path / "parquet"
    write_parquet(second, command.load_tables(root, package.load_descriptor(root)))
    files = sorted(p.name for p in first.iterdir())
    assert files and files == sorted(p.name for p in second.iterdir())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_parquet_in_checksums_zip_and_readme(built):
    release, tables = built
    sums = {line.split("  ", 1)[1] for line in (release.folder / "SHA256SUMS").read_text().splitlines()}
    with zipfile.ZipFile(release.zip) as archive:
        names = set(archive.namelist())
    for name in tables:
        assert f"parquet/{name}.parquet" in sums
        assert f"{release.folder.name}/parquet/{name}.parquet" in names
    assert "`parquet/<resource>.parquet`" in (release.folder / "README.md").read_text()


def test_a_value_parquet_cannot_hold_names_the_table(tmp_path):
    schema = {"fields": [{"name": "id", "type": "integer"}], "primaryKey": "id"}
    with pytest.raises(duckdb.Error) as caught:
        write_parquet(tmp_path, {"big": (schema, [{"id": "99999999999999999999"}])})  # beyond BIGINT
    assert str(caught.value).startswith("big: ")
