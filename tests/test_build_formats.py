"""Every download format holds exactly the CSVs' rows: lossless round trips, keys, inert text."""
from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest

from ilo_data.release_files import command
from ilo_data.release_files.csvs import csv_text
from ilo_data.release_files.values import text_rows, to_text

FIXTURE = Path(__file__).parent / "fixtures" / "build"
REPO = Path(__file__).resolve().parents[1]
HOSTILE = '=HYPERLINK("http://x","y")'


def test_csv_json_csv_round_trip_is_lossless(built):
    release, tables = built
    for name, (schema, rows) in tables.items():
        records = json.loads((release.folder / "json" / f"{name}.json").read_text(encoding="utf-8"))
        assert text_rows(schema, records) == rows, name
        names = [f["name"] for f in schema["fields"]]
        assert csv_text(names, text_rows(schema, records)).encode() == (release.folder / "data" / f"{name}.csv").read_bytes()


def test_json_values_are_typed(built):
    release, tables = built
    for name, (schema, _) in tables.items():
        records = json.loads((release.folder / "json" / f"{name}.json").read_text(encoding="utf-8"))
        for field in schema["fields"]:
            values = [r[field["name"]] for r in records]
            assert "" not in values, f"{name}.{field['name']}: empty string instead of null"
            if field.get("type") == "integer":
                assert all(v is None or type(v) is int for v in values), f"{name}.{field['name']}"


def test_csv_sqlite_csv_round_trip_is_lossless(built):
    release, tables = built
    db = sqlite3.connect(release.folder / "ilo-eeca.sqlite")
    try:
        for name, (schema, rows) in tables.items():
            names = [f["name"] for f in schema["fields"]]
            cursor = db.execute(f'SELECT {", ".join(chr(34) + n + chr(34) for n in names)} FROM "{name}" ORDER BY rowid')
            back = [{n: to_text(f.get("type", "string"), v) for n, f, v in zip(names, schema["fields"], row)} for row in cursor]
            assert back == rows, name
    finally:
        db.close()


def test_sqlite_columns_are_typed_and_keys_declared(built):
    release, tables = built
    db = sqlite3.connect(release.folder / "ilo-eeca.sqlite")
    try:
        for name, (schema, _) in tables.items():
            columns = {row[1]: (row[2], row[5]) for row in db.execute(f'PRAGMA table_info("{name}")')}
            for field in schema["fields"]:
                expected = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}.get(field.get("type"), "TEXT")
                assert columns[field["name"]][0] == expected, f"{name}.{field['name']}"
            key = schema.get("primaryKey", [])
            key = [key] if isinstance(key, str) else key
            assert [c for c, (_, pk) in sorted(columns.items(), key=lambda i: i[1][1]) if pk] == key, name
            declared = {(r[2], r[3]) for r in db.execute(f'PRAGMA foreign_key_list("{name}")')}
            for fk in schema.get("foreignKeys", []):
                fields = [fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]
                target = fk["reference"]["resource"] or name
                assert all((target, f) in declared for f in fields), f"{name}: {fk}"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()


def test_sqlite_foreign_keys_reject_an_orphan_row(tmp_path):
    release = command.build(FIXTURE, tmp_path)
    db = sqlite3.connect(release.folder / "ilo-eeca.sqlite")
    db.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute("INSERT INTO ratifications (iso3, instrument_id, date_basis, source_id) VALUES ('XXX', 'C029', 'unknown', 'untj-ilo')")
    with pytest.raises(sqlite3.IntegrityError):  # STRICT: no text in an integer column
        db.execute("INSERT INTO ratifications (iso3, instrument_id, date_basis, minimum_age, source_id) VALUES ('BLR', 'C081', 'unknown', 'sixteen', 'untj-ilo')")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):  # the vocabulary is enforced
        db.execute("INSERT INTO ratifications (iso3, instrument_id, date_basis, source_id) VALUES ('BLR', 'C081', 'guess', 'untj-ilo')")
    db.close()


def test_xlsx_matches_the_csvs(built):
    release, tables = built
    workbook = openpyxl.load_workbook(release.folder / "ilo-eeca.xlsx")
    assert workbook.sheetnames == ["README", *tables]
    readme = [[c.value for c in row] for row in workbook["README"].iter_rows()]
    assert ["version", json.loads((release.folder / "datapackage.json").read_text())["version"], None, None] in readme
    for name, (schema, rows) in tables.items():
        sheet = workbook[name]
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        assert values[0] == [f["name"] for f in schema["fields"]], name
        assert len(values) - 1 == len(rows), name
        for row, cells in zip(rows, values[1:]):
            assert [to_text(f.get("type", "string"), v) for f, v in zip(schema["fields"], cells)] == list(row.values()), name


def test_hostile_text_arrives_inert_in_xlsx(tmp_path):
    release = command.build(FIXTURE, tmp_path)
    workbook = openpyxl.load_workbook(release.folder / "ilo-eeca.xlsx")
    found = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    found[cell.value] = cell
    assert HOSTILE in found and "+7 rows disagree; see notes\nsecond line" in found and "@role only" in found and "-5 is not a date" in found
    for value, cell in found.items():
        assert cell.data_type == "s", value  # a string, not a formula ("f")
        assert cell.quotePrefix, value  # and Excel keeps it text when edited
    with zipfile.ZipFile(release.folder / "ilo-eeca.xlsx") as archive:
        for entry in archive.namelist():
            if entry.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(entry) and b"<f " not in archive.read(entry), entry


def test_nested_documents_cover_every_country(built):
    release, tables = built
    countries = tables["countries"][1]
    files = sorted(p.stem for p in (release.folder / "json" / "countries").glob("*.json"))
    assert files == sorted(r["iso3"] for r in countries)
    tree = json.loads((release.folder / "json" / "offices-tree.json").read_text())

    def walk(nodes):
        for node in nodes:
            yield node["office_id"]
            yield from walk(node["children"])

    assert sorted(walk(tree)) == sorted(r["office_id"] for r in tables["offices"][1])
