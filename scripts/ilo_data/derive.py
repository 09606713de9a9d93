"""`ilo-data derive`: write the statuses that follow from the package's facts into
`ratifications.csv` (`status_basis` = derived); `--check` only reports rows that would change.

Rows whose status a source states (`status_basis` = stated) are never touched: where the
derivation disagrees, `ilo-data validate` warns (rule status-disagrees). The rules are in
ilo_data.status. Exit status: 0 nothing to do (or written), 1 `--check` found rows to change,
2 the package cannot be read.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
from pathlib import Path

from .fmt import write_atomically
from .package import field_names, resource
from .locate import add_package_arguments
from .status import Derived, derive_all
from .timeline import UnreadablePackage, read_tables

STATUS_FIELDS = ("status", "status_date", "status_basis")


def derived_values(derived: Derived) -> tuple[str, str, str]:
    """The three cells a derived status writes (all empty when the facts do not tell)."""
    if not derived.status:
        return "", "", ""
    return derived.status, derived.date, "derived"


def _derived(tables: dict, today: dt.date | None) -> dict[tuple[str, str], Derived]:
    return derive_all(tables.get("conventions", []), tables.get("revisions", []), tables.get("ratifications", []), today)


def updates(tables: dict, today: dt.date | None = None) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(iso3, instrument_id) -> new (status, status_date, status_basis) for rows that would change."""
    rows = tables.get("ratifications", [])
    derived = _derived(tables, today)
    changes = {}
    for row in rows:
        if row.get("status_basis") == "stated":
            continue
        key = (row.get("iso3", ""), row.get("instrument_id", ""))
        new = derived_values(derived[key])
        if new != tuple(row.get(name, "") for name in STATUS_FIELDS):
            changes[key] = new
    return changes


def disagreements(tables: dict, today: dt.date | None = None) -> list[tuple[dict, Derived]]:
    """Rows whose stated status the facts contradict, with what the facts give."""
    rows = tables.get("ratifications", [])
    derived = _derived(tables, today)
    found = []
    for row in rows:
        fact = derived[(row.get("iso3", ""), row.get("instrument_id", ""))]
        if row.get("status_basis") == "stated" and fact.contradicts(row.get("status", ""), row.get("status_date", "")):
            found.append((row, fact))
    return found


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_package_arguments(parser)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if rows would change")
    parser.add_argument("--disagreements", action="store_true",
                        help="change nothing; list the stated statuses the facts contradict")


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    try:
        tables = read_tables(root)
    except UnreadablePackage as error:
        print(f"ilo-data derive: {error}", file=sys.stderr)
        return 2
    if args.disagreements:
        found = disagreements(tables)
        for row, fact in found:
            since = f" from {row['status_date']}" if row.get("status_date") else ""
            print(f"{row['iso3']} {row['instrument_id']}: stated \"{row['status']}\"{since} ({row.get('source_id')}); "
                  f"the facts give \"{fact.status}\"{' from ' + fact.date if fact.date else ''}: {fact.reason}")
        print(f"{len(found)} stated statuses disagree with the facts" if found else "no stated status disagrees with the facts")
        return 0
    changes = updates(tables)
    if args.check:
        for (iso3, instrument_id), new in sorted(changes.items()):
            print(f"ratifications {iso3} {instrument_id}: derived status would be {new[0] or '(none)'}"
                  f"{' ' + new[1] if new[1] else ''} — run `make derive`")
        return 1 if changes else 0
    if changes:
        names = field_names(root, "ratifications")
        out = io.StringIO(newline="")
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        for row in tables["ratifications"]:
            new = changes.get((row.get("iso3", ""), row.get("instrument_id", "")))
            if new:
                row = {**row, **dict(zip(STATUS_FIELDS, new))}
            writer.writerow(row)
        write_atomically(root / resource(root, "ratifications")["path"], out.getvalue().encode("utf-8"))
    print(f"derive: {len(changes)} ratification statuses written")
    return 0
