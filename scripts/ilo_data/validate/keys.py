"""Primary keys (layer 3), checked on the hygiene layer's stream instead of by frictionless.

Frictionless keeps every key tuple in a dict: about 250 MB at a million rows, most of the
validator's memory. Here each row costs 12 bytes (a 64-bit hash and a record number); at the
end the hashes are sorted and only records whose hashes collide are re-read (by the same reader
as the first pass, so the lines agree) and compared exactly. Values compare as frictionless compares them: integer and number fields by value
("01" = "1"), the rest as text. Also reported: a key with an empty part, which frictionless
lets through when the key is composite.
"""
from __future__ import annotations

from array import array

from .descriptor import ResourceSpec
from .hygiene import FileScan, reread
from .problems import Problems


def _normaliser(field: dict):
    kind = field.get("type", "string")
    if kind == "integer":
        def norm(value):
            try:
                return str(int(value))
            except ValueError:
                return value
        return norm
    if kind == "number":
        def norm(value):
            try:
                return repr(float(value))
            except ValueError:
                return value
        return norm
    return None


class PrimaryKeyCheck:
    """Sink for one resource's rows; `finish(scan)` reports the duplicates."""

    def __init__(self, res: ResourceSpec, problems: Problems, invalid: set) -> None:
        self.res, self.problems, self.invalid = res, problems, invalid
        key = (res.schema or {}).get("primaryKey") or []
        self.key = [key] if isinstance(key, str) else list(key)
        fields = {f["name"]: f for f in res.schema["fields"]}
        names = res.field_names
        self.usable = bool(self.key) and all(k in fields for k in self.key)
        if not self.usable:
            return
        self.positions = [names.index(k) for k in self.key]
        self.norms = [_normaliser(fields[k]) for k in self.key]
        self.plain = not any(self.norms)
        self.required = {k for k in self.key if (fields[k].get("constraints") or {}).get("required")}
        self.label = ", ".join(self.key)
        self.hashes = array("q")
        self.numbers = array("I")

    def key_of(self, cells: list) -> tuple:
        if self.plain:
            return tuple(cells[i] for i in self.positions)
        return tuple(norm(cells[i]) if norm else cells[i] for i, norm in zip(self.positions, self.norms))

    def __call__(self, number: int, line: int, cells: list) -> None:
        key = self.key_of(cells)
        if "" in key:
            empty = [k for k, v in zip(self.key, key) if v == ""]
            optional = [k for k in empty if k not in self.required]   # required ones: frictionless says "required"
            if optional:
                what = "is empty" if len(empty) == len(key) else f"has an empty part: {', '.join(empty)}"
                self.problems.add(self.res.rel, line, "schema-primary-key", f"the primary key ({self.label}) {what}",
                                  field=optional[0], value="")
            self.invalid.add(number)
            return
        self.hashes.append(hash(key))
        self.numbers.append(number)

    def finish(self, scan: FileScan) -> None:
        if not self.usable or len(self.hashes) < 2:
            return
        ordered = sorted(self.hashes)
        clashes = {a for a, b in zip(ordered, ordered[1:]) if a == b}
        del ordered
        if not clashes:
            return
        suspects = {n for h, n in zip(self.hashes, self.numbers) if h in clashes}
        first_seen: dict[tuple, int] = {}

        def compare(number: int, line: int, cells: list) -> None:
            if number not in suspects:
                return
            key = self.key_of(cells)
            if key in first_seen:
                self.problems.add(self.res.rel, line, "schema-primary-key",
                                  f"duplicate primary key ({self.label}): same as line {scan.line_of_record(first_seen[key])}",
                                  field=self.label, value=", ".join(key))
                self.invalid.add(number)
            else:
                first_seen[key] = number
        reread(self.res, compare)
