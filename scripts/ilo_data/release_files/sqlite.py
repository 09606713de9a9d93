"""The SQLite download: one STRICT table per resource, typed columns, declared primary and
foreign keys, enum CHECKs, indexes on every foreign key.

Foreign keys are declared; SQLite enforces them on connections that run `PRAGMA foreign_keys=ON`
(the build does, and checks every key before it writes the file). The file is written
deterministically: built in memory, then `VACUUM INTO` a fresh file with fixed page settings, so the
same tables give the same bytes.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from ..package import names_list
from .values import typed_rows

SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"



def create_table_sql(name: str, schema: dict) -> str:
    lines = []
    for field in schema["fields"]:
        field_type = field.get("type", "string")
        column = f"{quote(field['name'])} {SQL_TYPES.get(field_type, 'TEXT')}"
        constraints = field.get("constraints", {})
        if constraints.get("required"):
            column += " NOT NULL"
        if constraints.get("unique"):
            column += " UNIQUE"
        if "enum" in constraints:
            values = ", ".join(_literal(v) for v in constraints["enum"])
            column += f" CHECK ({quote(field['name'])} IN ({values}))"
        if field_type == "boolean":
            column += f" CHECK ({quote(field['name'])} IN (0, 1))"
        lines.append(column)
    key = names_list(schema.get("primaryKey"))
    if key:
        lines.append(f"PRIMARY KEY ({', '.join(quote(k) for k in key)})")
    for fk in schema.get("foreignKeys", []):
        reference = fk["reference"]
        target = reference.get("resource") or name  # "" = the table itself
        lines.append(
            f"FOREIGN KEY ({', '.join(quote(f) for f in names_list(fk['fields']))}) "
            f"REFERENCES {quote(target)} ({', '.join(quote(f) for f in names_list(reference['fields']))})"
        )
    body = ",\n  ".join(lines)
    return f"CREATE TABLE {quote(name)} (\n  {body}\n) STRICT"


def index_sql(name: str, schema: dict) -> list[str]:
    key = names_list(schema.get("primaryKey"))
    statements, seen = [], set()
    for fk in schema.get("foreignKeys", []):
        fields = tuple(names_list(fk["fields"]))
        # The primary key's own index already serves a foreign key that is its prefix.
        if fields in seen or list(fields) == key[: len(fields)]:
            continue
        seen.add(fields)
        index = f"idx_{name}_{'_'.join(fields)}"
        statements.append(f"CREATE INDEX {quote(index)} ON {quote(name)} ({', '.join(quote(f) for f in fields)})")
    return statements


def build_database(tables: dict[str, tuple[dict, list[dict[str, str]]]]) -> sqlite3.Connection:
    """tables: name -> (table schema, raw CSV rows), in descriptor order. Raises sqlite3.Error on a
    broken key or type, with the table named."""
    db = sqlite3.connect(":memory:")
    db.execute("PRAGMA foreign_keys = ON")
    for name, (schema, _) in tables.items():
        db.execute(create_table_sql(name, schema))
        for statement in index_sql(name, schema):
            db.execute(statement)
    # Check keys at commit, not per row, so tables (and self-references) load in any order.
    db.execute("BEGIN")
    db.execute("PRAGMA defer_foreign_keys = ON")
    for name, (schema, rows) in tables.items():
        fields = [f["name"] for f in schema["fields"]]
        sql = f"INSERT INTO {quote(name)} ({', '.join(quote(f) for f in fields)}) VALUES ({', '.join('?' for _ in fields)})"
        try:
            db.executemany(sql, [tuple(row[f] for f in fields) for row in typed_rows(schema, rows)])
        except (sqlite3.Error, OverflowError) as error:
            # OverflowError: an integer beyond SQLite's 64 bits; reported like any other bad value.
            raise sqlite3.IntegrityError(f"{name}: {error}") from None
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        table, rowid, parent, _ = problems[0]
        raise sqlite3.IntegrityError(f"{table}: row {rowid} has no matching row in {parent} ({len(problems)} broken foreign keys)")
    db.execute("COMMIT")
    return db


def write_sqlite(path: Path, tables: dict[str, tuple[dict, list[dict[str, str]]]]) -> None:
    path = Path(path)
    if path.exists():
        path.unlink()
    db = build_database(tables)
    try:
        db.execute("PRAGMA page_size = 4096")
        db.execute("VACUUM INTO ?", (str(path),))
    finally:
        db.close()
