"""Layer 3's run of frictionless, with bounded output: errors stream out of frictionless one by one;
the first `cap` of each rule and resource are described, the rest only counted.

Frictionless's own report keeps every error object (a million invalid rows: gigabytes); here its
checklist hands each error over as it is found and keeps none, so memory stays flat and the count
stays exact. The result is plain data: it may cross a process boundary (background.py).
"""
from __future__ import annotations

import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..dates import PARTIAL_DATE_PATTERN
from .metadata_memo import checked_once

# Frictionless errors the hygiene layer already reports in its own words.
COVERED = {"blank-row", "extra-cell", "missing-cell", "extra-label", "missing-label", "blank-label",
           "duplicate-label", "incorrect-label", "blank-header"}
# Errors that make a row "fail its own table" (foreign-key failures do not cascade).
ROW_INVALID = {"type-error", "constraint-error", "unique-error", "primary-key"}
_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"$', re.S)
_NAMED_CONSTRAINTS = {"required": "schema-required", "enum": "schema-enum", "unique": "schema-unique"}
_RULE_OF_TYPE = {"type-error": "schema-type", "unique-error": "schema-unique", "primary-key": "schema-primary-key",
                 "foreign-key": "schema-foreign-key"}


def constraint_of(note: str) -> tuple[str, str]:
    """(constraint name, its limit) from a constraint-error's note."""
    match = _CONSTRAINT.search(note or "")
    return (match.group(1), match.group(2)) if match else ("", note or "")


def ascii_only(pattern: str) -> str:
    """The pattern evaluated ASCII-only (\\d = 0-9, \\w = [A-Za-z0-9_]), as frictionless is given it."""
    return f"(?a:{pattern})"


_DATE_PATTERNS = {PARTIAL_DATE_PATTERN, ascii_only(PARTIAL_DATE_PATTERN)}


def rule_of(kind: str, note: str, field_spec: dict) -> str:
    """The rule a frictionless error is reported under; `field_spec` is its field's schema entry
    (as written, or as sanitised for frictionless)."""
    if kind != "constraint-error":
        return _RULE_OF_TYPE.get(kind, "schema-other")
    name, _ = constraint_of(note)
    if name == "pattern":
        pattern = (field_spec.get("constraints") or {}).get("pattern")
        return "partial-date-pattern" if pattern in _DATE_PATTERNS else "schema-pattern"
    return _NAMED_CONSTRAINTS.get(name, "schema-constraint")


@dataclass
class Found:
    """One frictionless error, reduced to plain data."""
    resource: str
    type: str
    message: str
    row_number: int | None = None
    field_name: str | None = None
    cell: str | None = None
    note: str = ""
    cells: list = field(default_factory=list)
    field_names: list = field(default_factory=list)
    field_cells: list = field(default_factory=list)
    reference_name: str = ""
    reference_field_names: list = field(default_factory=list)


_KEEP = ("row_number", "field_name", "cell", "note", "cells", "field_names", "field_cells", "reference_name",
         "reference_field_names")


def _found(resource: str, error) -> Found:
    if not error.message:   # made under _row_messages_on_demand: render it now, as frictionless would have
        from frictionless.error import Error
        Error.__attrs_post_init__(error)
    extra = {k: getattr(error, k) for k in _KEEP if getattr(error, k, None) is not None}
    if extra.get("cell") is not None and not isinstance(extra["cell"], str):
        extra["cell"] = str(extra["cell"])
    return Found(resource, error.type, error.message, **extra)


@dataclass
class Findings:
    """What frictionless found: the first errors of each (resource, rule) described, the rest counted."""
    found: list[Found] = field(default_factory=list)
    more: Counter = field(default_factory=Counter)          # (resource, rule) -> errors not described
    # record numbers, past the cap, of rows that fail their own table; only for tables a foreign
    # key points at (the one place `invalid` is read: references.py)
    invalid_rows: dict[str, list[int]] = field(default_factory=dict)
    checked: list[str] = field(default_factory=list)   # the resources frictionless validated


class _Collector:
    def __init__(self, descriptor: dict, cap: int, referenced: set[str] | None = None) -> None:
        self.cap = cap
        self.findings = Findings()
        self.described: Counter = Counter()
        resources = descriptor.get("resources", [])
        self.fields = {r["name"]: {f.get("name"): f for f in r["schema"].get("fields", [])} for r in resources}
        self.referenced = referenced if referenced is not None else {
            (fk.get("reference") or {}).get("resource") or r["name"] for r in resources for fk in r["schema"].get("foreignKeys") or []}

    def take(self, resource: str, error) -> None:
        if error.type in COVERED:
            return
        spec = self.fields.get(resource, {}).get(getattr(error, "field_name", None), {})
        key = (resource, rule_of(error.type, getattr(error, "note", "") or "", spec))
        if not self.cap or self.described[key] < self.cap:
            self.described[key] += 1
            self.findings.found.append(_found(resource, error))
            return
        self.findings.more[key] += 1
        number = getattr(error, "row_number", None)
        if number and error.type in ROW_INVALID and resource in self.referenced:
            self.findings.invalid_rows.setdefault(resource, []).append(number)


def _streaming_checklist(take):
    """A frictionless Checklist that passes every error it is asked about to `take(resource, error)`
    and answers "not kept", so frictionless's report stays empty however many errors there are."""
    from frictionless import Checklist, errors

    class Streaming(Checklist):
        def connect(self, resource):
            # Package.validate checks resources one after the other, connecting each first.
            self._resource_name = resource.name
            self._scope = set(self.scope)   # computed once: frictionless recomputes it per error
            return super().connect(resource)

        def match(self, error) -> bool:
            if not isinstance(error, errors.DataError) or error.type in self._scope:
                take(self._resource_name, error)
            return False

    return Streaming()


@contextmanager
def _row_messages_on_demand():
    """Frictionless renders an error's message as it makes the error, by exporting the whole error
    (its row's cells included) as a descriptor: 0.3 ms an error, five minutes for a million invalid
    rows, for messages that are only counted. While it validates, row and cell errors are made
    without one; `_found` renders the few that are described. (frictionless is pinned.)"""
    from frictionless.errors import RowError
    from frictionless.metadata import Metadata

    def without_message(error) -> None:
        error.message = ""
        Metadata.__attrs_post_init__(error)

    own = RowError.__dict__.get("__attrs_post_init__")
    RowError.__attrs_post_init__ = without_message
    try:
        yield
    finally:
        if own is None:
            del RowError.__attrs_post_init__
        else:
            RowError.__attrs_post_init__ = own


@contextmanager
def _foreign_key_lookups_read_once():
    """Frictionless builds each table's foreign-key lookup by copying the referenced resource and
    reading it through: `sources`, which every table references, was copied and read once per table,
    over half of the real package's validation time. Within one validation each (resource, key) is
    now read once and shared. Self-references and references to a missing resource keep
    frictionless' own path, with its errors. (frictionless is pinned; its lookup is a private method.)"""
    from frictionless.resources import TableResource
    from frictionless.table import Lookup

    own = TableResource._TableResource__open_lookup
    shared: dict[tuple, set] = {}

    def read_keys(resource, key: tuple) -> set:
        copy = resource.to_copy()
        if copy.schema:
            copy.schema.foreign_keys = []
        found = set()
        with copy:
            for row in copy.row_stream:
                cells = tuple(row.get(name) for name in key)
                if set(cells) != {None}:
                    found.add(cells)
        return found

    def open_lookup(self) -> None:
        package = self.package
        references = [(fk["reference"]["resource"], tuple(fk["reference"]["fields"])) for fk in self.schema.foreign_keys]
        if not package or any(name in ("", self.name) or not package.has_resource(name) for name, _ in references):
            return own(self)
        lookup = Lookup()
        for name, key in references:
            if (id(package), name, key) not in shared:
                shared[(id(package), name, key)] = read_keys(package.get_resource(name), key)
            lookup.setdefault(name, {})[key] = shared[(id(package), name, key)]
        self._TableResource__lookup = lookup

    TableResource._TableResource__open_lookup = open_lookup
    try:
        yield
    finally:
        TableResource._TableResource__open_lookup = own


@contextmanager
def _fields_not_copied():
    """Frictionless copies every field of a table each time it opens it, once for the header and once
    for the rows, so that a caller who edits a row's fields cannot change the schema: a copy goes
    through a descriptor and back, and on the real package these copies took a quarter of the Table
    Schema time. Here the rows go to the checklist above, which reads them and edits nothing, so a
    field can stand for its own copy. (frictionless is pinned; copies with options are untouched.)"""
    from frictionless import Field

    own = Field.__dict__.get("to_copy")
    inherited = Field.to_copy

    def to_copy(self, **options):
        return inherited(self, **options) if options else self

    Field.to_copy = to_copy
    try:
        yield
    finally:
        if own is None:
            del Field.to_copy
        else:
            Field.to_copy = own


@contextmanager
def local_csv_plugins():
    """Frictionless loads every plugin it ships (Excel, SQL, Parquet, CKAN, ...) and scans all of
    sys.path for third-party ones the first time it needs one: a fifth of the time a one-off
    validation spends importing it. The descriptors built here are local CSV files only, so the
    local-file and CSV plugins are all it needs. Where the plugins are already loaded (a long-lived
    process) nothing changes. (frictionless is pinned; `plugins` is a cached property of `system`.)"""
    from collections import OrderedDict

    from frictionless import system
    if "plugins" in system.__dict__:
        yield
        return
    from frictionless.formats.csv import CsvPlugin
    from frictionless.schemes.local import LocalPlugin
    system.__dict__["plugins"] = OrderedDict([*system._System__dynamic_plugins.items(),
                                              ("local", LocalPlugin()), ("csv", CsvPlugin())])
    try:
        yield
    finally:
        for name in ("plugins", "methods"):   # the full set is loaded the next time one is asked for
            system.__dict__.pop(name, None)


def frictionless_errors(descriptor: dict, basepath: str, cap: int = 0, referenced: set[str] | None = None) -> Findings:
    """Validate a sanitised descriptor with frictionless: every error counted, the first `cap` of
    each (resource, rule) described (all of them when cap is 0). `referenced`: the tables a foreign
    key points at, whose invalid rows past the cap are remembered (by default, those the descriptor's
    own foreign keys point at; the package's may point at more: foreignkeys.py checks some)."""
    from frictionless import FrictionlessException, Package
    collector = _Collector(descriptor, cap, referenced)
    try:
        with _row_messages_on_demand(), _foreign_key_lookups_read_once(), _fields_not_copied(), checked_once(), local_csv_plugins():
            report = Package(descriptor, basepath=basepath).validate(_streaming_checklist(collector.take), limit_errors=0)
    except FrictionlessException as exc:
        return Findings([Found("", exc.error.type, exc.error.message)])
    findings = collector.findings
    # The tables frictionless read through: none after a package-level error, nor one it could not read.
    findings.checked = [task.name for task in report.tasks if not task.errors]
    findings.found += [Found("", error.type, error.message) for error in report.errors]
    for task in report.tasks:   # errors raised rather than matched (a source that cannot be read): few
        for error in task.errors:
            collector.take(task.name, error)
    return findings
