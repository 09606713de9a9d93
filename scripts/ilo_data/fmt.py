"""`ilo-data fmt`: rewrite the data files into canonical form; `--check` only reports.

Canonical form (the spec's conventions): UTF-8 without BOM, LF line endings (also inside cells),
Python csv QUOTE_MINIMAL quoting, header = the schema's field names, no blank rows, rows sorted
by primary key (integer and number fields numerically), a final newline. Cell contents are never
changed otherwise: files fmt cannot rewrite safely (not UTF-8, binary, wrong header, ragged rows)
are named with the reason and left alone; fix those by hand (`ilo-data validate` says where).

Exit status: 0 nothing to do (or rewritten), 1 `--check` found files to rewrite, 2 unusable input.
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
from pathlib import Path

from .locate import add_package_arguments

NUMERIC = {"integer", "number"}


class CannotFormat(Exception):
    """The file needs a human: fmt would have to guess."""


def _sort_key(schema: dict, names: list[str]):
    key = schema.get("primaryKey") or []
    key = [key] if isinstance(key, str) else list(key)
    types = {f["name"]: f.get("type", "string") for f in schema.get("fields", [])}
    positions = [(names.index(k), types.get(k) in NUMERIC) for k in key if k in names]

    def sort_key(row: list[str]):
        out = []
        for i, numeric in positions:
            value = row[i]
            if numeric:
                try:
                    out.append((0, float(value), value))
                    continue
                except ValueError:
                    pass
            out.append((1, 0.0, value))
        return out
    return sort_key


def canonical(raw: bytes, schema: dict, dialect: dict | None = None) -> tuple[bytes, list[str]]:
    """(canonical bytes, what changes) for one CSV file; CannotFormat when it needs a human."""
    dialect = dialect or {}
    delimiter, quotechar = dialect.get("delimiter", ","), dialect.get("quoteChar", '"')
    reasons = []
    if not raw:
        raise CannotFormat("empty file: write the header line by hand")
    if b"\x00" in raw:
        raise CannotFormat("NUL bytes: binary content, not CSV text")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        reasons.append("byte-order mark removed")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CannotFormat(f"not UTF-8 (line {line}): re-save it as UTF-8") from None
    if "\r" in text:
        reasons.append("line endings converted to LF")
    names = [f["name"] for f in schema.get("fields", [])]
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar=quotechar))
    except csv.Error as exc:
        raise CannotFormat(f"CSV syntax: {exc}") from None
    if not records or records[0] != names:
        raise CannotFormat("the header differs from the schema's field names: fix it by hand")
    rows, blank = [], 0
    for number, row in enumerate(records[1:], start=2):
        if not any(row):
            blank += 1
            continue
        if len(row) != len(names):
            raise CannotFormat(f"record {number} has {len(row)} cells, the header has {len(names)}: fix it by hand")
        rows.append([cell.replace("\r\n", "\n").replace("\r", "\n") for cell in row])
    if blank:
        reasons.append(f"{blank} blank rows removed")
    ordered = sorted(rows, key=_sort_key(schema, names))
    if ordered != rows:
        reasons.append("rows sorted by primary key")
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, quotechar=quotechar, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(names)
    writer.writerows(ordered)
    result = out.getvalue().encode("utf-8")
    if result != raw and not reasons:
        reasons.append("quoting or final newline made canonical")
    return result, reasons if result != raw else []


def write_atomically(path: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def format_package(root: Path, check: bool, out=None) -> int:
    # sys.stdout looked up per call, not bound at import: `ilo-data check` runs fmt in-process.
    out = out if out is not None else sys.stdout
    from .validate.descriptor import check_descriptor
    from .validate.problems import Problems
    problems = Problems()
    spec = check_descriptor(Path(root), problems)
    if spec.fatal:
        for p in problems.items:
            print(f"{p.file}{':' + str(p.line) if p.line else ''}: {p.message}", file=out)
        return 2
    changed, broken = [], []
    for res in spec.resources:
        if not res.usable:
            broken.append(f"{res.rel or res.name}: cannot be read (run `ilo-data validate`)")
            continue
        raw = res.file.read_bytes()
        try:
            data, reasons = canonical(raw, res.schema, res.dialect)
        except CannotFormat as exc:
            broken.append(f"{res.rel}: {exc}")
            continue
        if not reasons:
            continue
        changed.append(res.rel)
        if check:
            print(f"{res.rel}: not in canonical form ({'; '.join(reasons)}) — run `make fmt`", file=out)
        else:
            write_atomically(res.file, data)
            print(f"{res.rel}: rewritten ({'; '.join(reasons)})", file=out)
    for line in broken:
        print(f"{line} — left unchanged", file=out)
    if broken:
        return 2
    return 1 if check and changed else 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_package_arguments(parser)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 naming the files that would change")


def run(args: argparse.Namespace) -> int:
    try:
        return format_package(Path(args.root), bool(args.check))
    except Exception as exc:  # noqa: BLE001 - one clear line, never a traceback
        print(f"ilo-data fmt: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
