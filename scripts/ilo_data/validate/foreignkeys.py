"""Foreign keys between text fields (layer 3), checked on the hygiene layer's stream instead of by
frictionless.

Frictionless builds each foreign key's lookup by reading the referenced table through again, every
cell typed, and that was a third of its time on the real package, on the critical path of the
validator's background process. The stream already indexes the referenced tables' keys as it reads
them (for the reference check, references.py), so a key made of text fields is checked here, as
frictionless checks it: a cell in the schema's `missingValues` is empty (None); a key that is all
empty is not checked; otherwise its values must be among the referenced rows' keys, any row, valid
or not. Only keys whose fields are all strings without a format, on both sides, are taken: there the
text is the value. Every other foreign key stays with frictionless (`tableschema.stream_checks`).

The problems are reported, with frictionless' wording, only for tables frictionless was given too
(`Findings.checked`): a table whose schema it refuses is not checked at all, as before.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .descriptor import PackageSpec
from .problems import Problems
from .tableschema import foreign_keys, stream_checks


@dataclass
class _Key:
    child: str
    rel: str
    target: str
    fields: list[str]
    ref_fields: tuple[str, ...]
    positions: list[int]
    missing: frozenset
    target_missing: frozenset
    found: Problems
    pending: list = field(default_factory=list)   # (line, key) read before the referenced table was complete


def _missing(schema: dict) -> frozenset:
    values = (schema or {}).get("missingValues", [""])
    return frozenset(v for v in values if isinstance(v, str)) if isinstance(values, list) else frozenset([""])


class ForeignKeyCheck:
    """Sinks for the stream (`sink_for`), then `report` once frictionless has said which tables it checked."""

    def __init__(self, spec: PackageSpec, key_index: dict, max_per_rule: int) -> None:
        self.key_index = key_index
        self.done: set[str] = set()
        self.known: dict[tuple, set] = {}
        self.keys: dict[str, list[_Key]] = {}
        for res in spec.resources:
            if not res.usable:
                continue
            for fields, target, ref_fields in foreign_keys(res.schema, res.name):
                target_res = spec.by_name(target)
                if target_res is None or not target_res.usable or (target, tuple(ref_fields)) not in key_index:
                    continue
                if not stream_checks(fields, ref_fields, res.schema, target_res.schema):
                    continue
                self.keys.setdefault(res.name, []).append(_Key(
                    res.name, res.rel, target, list(fields), tuple(ref_fields),
                    [res.field_names.index(f) for f in fields], _missing(res.schema), _missing(target_res.schema),
                    Problems(max_per_rule)))

    def sink_for(self, name: str):
        keys = self.keys.get(name)
        if not keys:
            return None

        def check(number: int, line: int, cells: list) -> None:
            for key in keys:
                values = tuple(None if cells[i] in key.missing else cells[i] for i in key.positions)
                if set(values) == {None}:
                    continue
                if key.target not in self.done:
                    key.pending.append((line, values))
                elif values not in self._known(key):
                    self._add(key, line, values)
        return check

    def finished(self, name: str) -> None:
        """`name` has been read to the end: its keys are all in the index."""
        self.done.add(name)

    def settle(self) -> None:
        """Check the rows read before their referenced table was complete (a table referring to itself)."""
        for keys in self.keys.values():
            for key in keys:
                for line, values in key.pending:
                    if values not in self._known(key):
                        self._add(key, line, values)
                key.pending = []

    def report(self, problems: Problems, checked: set[str]) -> None:
        for keys in self.keys.values():
            for key in keys:
                if key.child in checked and key.target in checked:
                    problems.extend(key.found)

    def _known(self, key: _Key) -> set:
        known = self.known.get((key.target, key.ref_fields))
        if known is None:
            known = set()
            for values in self.key_index[(key.target, key.ref_fields)]:
                typed = tuple(None if v in key.target_missing else v for v in values)
                if set(typed) != {None}:
                    known.add(typed)
            self.known[(key.target, key.ref_fields)] = known
        return known

    @staticmethod
    def _add(key: _Key, line: int, values: tuple) -> None:
        names = ", ".join(key.fields)
        where = (f"not found in {key.target}.{', '.join(key.ref_fields)}" if len(key.fields) == 1 else
                 f"not found in {key.target} ({', '.join(key.ref_fields)})")
        key.found.add(key.rel, line, "schema-foreign-key", where, field=names, value=", ".join("" if v is None else v for v in values))
