"""The Parquet download: `parquet/<resource>.parquet`, one file per resource, written with DuckDB.

Columns are typed from the Table Schema (integer -> BIGINT, number -> DOUBLE, boolean -> BOOLEAN,
everything else, partial dates included, -> VARCHAR) and come in schema field order. Missing
values are NULL for every type, strings included, as in the JSON download (`values.to_value`).
Same tables, same bytes: one thread, rows ordered by the primary key (then by CSV row, which is the
same order for canonical data), zstd, and no clock in the file (DuckDB writes only its version).
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import duckdb

from ..outpaths import output_path
from .values import MISSING, field_types, to_text, to_value

PARQUET_TYPES = {"integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN"}
ROW = "__row"  # scratch column: the CSV row number, a tie-break that never reaches the file


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def column_types(schema: dict) -> dict[str, str]:
    """Field name -> DuckDB type, in schema order."""
    return {name: PARQUET_TYPES.get(kind, "VARCHAR") for name, kind in field_types(schema).items()}


def _records(schema: dict, rows: list[dict[str, str]]) -> str:
    """Newline-delimited JSON for DuckDB to read: typed values for typed columns, the canonical
    CSV text for VARCHAR columns (objects and arrays as compact JSON text), null when missing."""
    types = field_types(schema)
    lines = []
    for number, row in enumerate(rows):
        record = {ROW: number}
        for name, kind in types.items():
            value = to_value(kind, row.get(name, MISSING))
            record[name] = value if kind in PARQUET_TYPES or value is None else to_text(kind, value)
        lines.append(json.dumps(record, ensure_ascii=False, allow_nan=False))
    return "".join(line + "\n" for line in lines)


def _order_by(schema: dict) -> str:
    key = schema.get("primaryKey") or []
    key = [key] if isinstance(key, str) else list(key)
    return ", ".join([*(quote(k) for k in key), quote(ROW)])


def connect() -> duckdb.DuckDBPyConnection:
    db = duckdb.connect(":memory:")
    db.execute("SET threads = 1")  # one writer thread: row groups in one fixed order
    db.execute("SET autoinstall_known_extensions = false")  # parquet and json are built in; never download
    return db


def write_parquet(folder: Path, tables: dict[str, tuple[dict, list[dict[str, str]]]]) -> list[Path]:
    """Writes <folder>/<name>.parquet for every table; returns the files written.
    Raises duckdb.Error (a value its column type cannot hold) with the table named."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    db = connect()
    try:
        with tempfile.TemporaryDirectory(prefix="ilo-parquet-") as scratch:
            for name, (schema, rows) in tables.items():
                source = Path(scratch) / f"{len(written)}.ndjson"
                source.write_text(_records(schema, rows), encoding="utf-8", newline="\n")
                types = column_types(schema)
                columns = ", ".join(f"{_string(k)}: {_string(v)}" for k, v in {ROW: "BIGINT", **types}.items())
                target = output_path(folder, f"{name}.parquet")
                try:
                    db.execute(
                        f"COPY (SELECT {', '.join(quote(k) for k in types)} "
                        f"FROM read_json({_string(str(source))}, format = 'newline_delimited', records = true, "
                        f"columns = {{{columns}}}) ORDER BY {_order_by(schema)}) "
                        f"TO {_string(str(target))} (FORMAT parquet, COMPRESSION zstd)"
                    )
                except duckdb.Error as error:
                    raise duckdb.Error(f"{name}: {error}") from None
                written.append(target)
    finally:
        db.close()
    return written
