"""The reference hole frictionless leaves (layer 3): a foreign key that lands only on rows which
fail their own table (a type, constraint, unique or key error, or misaligned cells) does not count.

Frictionless looks references up among all rows of the referenced table, valid or not. The
stream keeps, for every referenced table, its key values and the records holding them; when
some key lives on invalid rows only, the referencing files are re-read (by the hygiene layer's own
reader, so records and lines agree with the first pass) to name the rows.
"""
from __future__ import annotations

from .descriptor import PackageSpec, ResourceSpec
from .hygiene import FileScan, reread
from .problems import Problems
from .tableschema import foreign_keys


def invalid_reference_rows(spec: PackageSpec, scans: dict[str, FileScan], keys: dict, invalid: dict[str, set],
                           problems: Problems) -> None:
    """Report rows whose foreign key matches only rows that fail their own table.

    `keys[(table, fields)]` maps each key value (tuple of raw strings) to the record numbers holding it.
    Child files are re-read only when some referenced key lives on invalid rows only.
    """
    for child in spec.resources:
        scan = scans.get(child.name)
        if not child.usable or scan is None or scan.fatal:
            continue
        wanted = []
        for fields, target, ref_fields in foreign_keys(child.schema, child.name):
            index = keys.get((target, tuple(ref_fields)))
            bad = invalid.get(target)
            if target not in scans or scans[target].fatal:
                continue   # frictionless did not check this reference; the skip warning says so
            if not index or not bad or not all(f in child.field_names for f in fields):
                continue
            dead = {key: numbers[0] for key, numbers in index.items() if all(n in bad for n in numbers)}
            if dead:
                wanted.append(([child.field_names.index(f) for f in fields], fields, target, dead))
        if wanted:
            _rescan(child, scan, wanted, scans, problems)


def _rescan(child: ResourceSpec, scan: FileScan, wanted: list, scans: dict, problems: Problems) -> None:
    def check(number: int, line: int, cells: list) -> None:
        for positions, fields, target, dead in wanted:
            key = tuple(cells[i] for i in positions)
            if key in dead:
                where = f"{scans[target].rel}:{scans[target].line_of_record(dead[key])}"
                problems.add(child.rel, line, "schema-foreign-key", f"refers to {where}, a row that is itself invalid",
                             field=", ".join(fields), value=", ".join(key))
    reread(child, check)

