"""Layer 3, Table Schema: frictionless checks types, constraints, unique values and foreign keys;
we map its errors to our one-line format and close a hole: a reference that lands on a row which
is itself invalid does not count. Primary keys are checked by keys.py (less memory, and a
composite key with an empty part is reported), and foreign keys between text fields by
foreignkeys.py, on the stream that already indexes the referenced keys (faster).

Frictionless only ever sees a sanitised descriptor built here: local paths already checked by
layer 1, schemas as dicts, no profile or $schema URL, so it has nothing to fetch.
"""
from __future__ import annotations

import copy
import re

from .descriptor import PackageSpec, ResourceSpec
from .hygiene import FileScan
from .metadata_memo import checked_once
from .patterns import backtracking_problem
from .problems import Problems
from .schemapass import ROW_INVALID, Findings, Found, ascii_only, constraint_of, local_csv_plugins, rule_of

_POSITION = re.compile(r'row at position "?(\d+)"?')


def foreign_keys(schema: dict, own_name: str) -> list[tuple[list[str], str, list[str]]]:
    """(fields, referenced resource, referenced fields) for each well-formed foreign key."""
    out = []
    for fk in (schema or {}).get("foreignKeys") or []:
        if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
            continue
        fields, ref = fk.get("fields"), fk["reference"]
        ref_fields = ref.get("fields")
        fields = [fields] if isinstance(fields, str) else fields
        ref_fields = [ref_fields] if isinstance(ref_fields, str) else ref_fields
        if isinstance(fields, list) and isinstance(ref_fields, list) and isinstance(ref.get("resource", ""), str):
            out.append((fields, ref.get("resource") or own_name, ref_fields))
    return out


def _plain_text(schema: dict, names) -> bool:
    """True when every one of `names` is a field of `schema` of type string with no format and no
    missing values of its own: its text is its value."""
    fields = {f.get("name"): f for f in (schema or {}).get("fields", []) if isinstance(f, dict)}
    return all(name in fields and fields[name].get("type", "string") == "string"
               and fields[name].get("format", "default") == "default" and "missingValues" not in fields[name]
               for name in names)


def stream_checks(fields: list[str], ref_fields: list[str], schema: dict, target_schema: dict) -> bool:
    """True when a foreign key is checked on the stream (foreignkeys.py) rather than by frictionless:
    text fields on both sides, as many on each."""
    return len(fields) == len(ref_fields) and _plain_text(schema, fields) and _plain_text(target_schema, ref_fields)


def _on_the_stream(spec: PackageSpec, res: ResourceSpec, fk: dict) -> bool:
    """True when foreignkeys.py checks this foreign key of `res` (so frictionless is not given it)."""
    for fields, target, ref_fields in foreign_keys({"foreignKeys": [fk]}, res.name):
        target_res = spec.by_name(target)
        return target_res is not None and stream_checks(fields, ref_fields, res.schema, target_res.schema or {})
    return False


def primary_key(schema: dict) -> list[str]:
    key = (schema or {}).get("primaryKey") or []
    return [key] if isinstance(key, str) else list(key)


def _ascii_pattern(fld: dict) -> None:
    """Evaluate a field's pattern ASCII-only: in Python, \\d and \\w also match other scripts' digits
    and letters ("C０２９" would pass ^C\\d{3}$), which the JSON, SQLite and Parquet downloads disagree on."""
    constraints = fld.get("constraints")
    pattern = constraints.get("pattern") if isinstance(constraints, dict) else None
    if not isinstance(pattern, str):
        return
    scoped = ascii_only(pattern)
    try:
        re.compile(scoped)
    except re.error:
        return   # e.g. global flags inside: left as written (accepts_schema reports what frictionless refuses)
    constraints["pattern"] = scoped


def _sanitised(spec: PackageSpec, readable: list[ResourceSpec], problems: Problems) -> dict:
    names = {r.name for r in readable}
    resources = []
    unchecked: dict[str, list[str]] = {}
    for res in readable:
        schema = copy.deepcopy(res.schema)
        kept = []
        for fk in schema.get("foreignKeys") or []:
            target = (fk.get("reference") or {}).get("resource") if isinstance(fk, dict) else None
            if target in ("", None) or target in names:
                if not _on_the_stream(spec, res, fk):
                    kept.append(fk)
            elif spec.by_name(target) is None:
                problems.add(res.schema_rel or res.rel, None, "schema-descriptor",
                             f'foreign key refers to "{target}", which is not a resource of the package')
            else:
                unchecked.setdefault(target, []).append(res.name)
        if "foreignKeys" in schema:
            schema["foreignKeys"] = kept
        schema.pop("primaryKey", None)   # checked by keys.PrimaryKeyCheck, in a fraction of the memory
        for fld in schema.get("fields", []):
            _ascii_pattern(fld)
        for key in ("$schema", "profile"):   # a profile URL would make frictionless fetch it
            schema.pop(key, None)
        dialect = {"delimiter": res.dialect.get("delimiter", ","), "quoteChar": res.dialect.get("quoteChar", '"'), "header": True}
        resources.append({"name": res.name, "path": res.rel, "schema": schema, "format": "csv", "encoding": "utf-8",
                          "dialect": dialect})
    for target, children in unchecked.items():
        res = spec.by_name(target)
        problems.add(res.rel or target, None, "schema-skipped",
                     f"references to this table not checked (from {', '.join(children)}): it could not be read",
                     severity="warning")
    return {"name": "package", "resources": resources}


def safe_patterns(res: ResourceSpec, problems: Problems) -> bool:
    """True when no pattern of the schema may backtrack for ever; else report each one."""
    safe = True
    for fld in res.schema.get("fields", []):
        pattern = (fld.get("constraints") or {}).get("pattern") if isinstance(fld.get("constraints"), dict) else None
        why = backtracking_problem(pattern) if isinstance(pattern, str) else None
        if why:
            problems.add(res.schema_rel or res.rel, None, "pattern-backtracking", f"{why}; the table is not checked against it",
                         field=fld.get("name"), value=pattern)
            safe = False
    return safe


def accepts_schema(res: ResourceSpec, problems: Problems) -> bool:
    """True when frictionless accepts the Table Schema; else report why."""
    from frictionless import FrictionlessException, Schema
    schema = {k: v for k, v in res.schema.items() if k not in ("$schema", "profile")}   # never fetched
    try:
        Schema.from_descriptor(copy.deepcopy(schema))
        return True
    except FrictionlessException as exc:
        for error in exc.to_errors() or [exc.error]:
            problems.add(res.schema_rel or res.rel, None, "schema-descriptor", error.message)
    except Exception as exc:  # noqa: BLE001 - a bad schema must never crash the validator
        problems.add(res.schema_rel or res.rel, None, "schema-descriptor", f"not a valid Table Schema: {exc}")
    return False


def prepare(spec: PackageSpec, problems: Problems) -> list[ResourceSpec]:
    """The resources frictionless can be given (file and schema present, schema accepted)."""
    with checked_once(), local_csv_plugins():
        return [res for res in spec.resources if res.usable and safe_patterns(res, problems) and accepts_schema(res, problems)]


def descriptor_for(spec: PackageSpec, resources: list[ResourceSpec], problems: Problems | None) -> dict:
    return _sanitised(spec, resources, problems if problems is not None else Problems())


def map_errors(findings: Findings, spec: PackageSpec, scans: dict[str, FileScan], problems: Problems,
               invalid: dict[str, set]) -> None:
    """Report what frictionless found: each described error as a problem, the rest as counts."""
    mappers: dict[str, _Mapper] = {}
    for item in findings.found:
        res = spec.by_name(item.resource) if item.resource else None
        if res is None or res.name not in scans:
            problems.add("datapackage.json", None, "schema-other", f"{item.type}: {item.message}")
            continue
        mapper = mappers.get(res.name)
        if mapper is None:
            mapper = mappers[res.name] = _Mapper(res, scans[res.name], problems, invalid.setdefault(res.name, set()))
        mapper.add(item)
    for (name, rule), count in findings.more.items():
        res = spec.by_name(name)
        problems.count_more(res.rel if res is not None and res.name in scans else "datapackage.json", rule, count)
    for name, numbers in findings.invalid_rows.items():
        invalid.setdefault(name, set()).update(numbers)


def readable(resources: list[ResourceSpec], scans: dict[str, FileScan], problems: Problems) -> list[ResourceSpec]:
    """The resources whose files frictionless can read; warn about the others."""
    out = []
    for res in resources:
        scan = scans.get(res.name)
        if scan is None:
            continue
        if scan.fatal:
            problems.add(res.rel, None, "schema-skipped", "Table Schema checks skipped: fix the problems above first",
                         severity="warning")
        else:
            out.append(res)
    return out


class _Mapper:
    def __init__(self, res: ResourceSpec, scan: FileScan, problems: Problems, invalid: set) -> None:
        self.res, self.scan, self.problems, self.invalid = res, scan, problems, invalid
        self.fields = {f["name"]: f for f in res.schema["fields"]}

    def add(self, error) -> None:
        kind = error.type
        number = getattr(error, "row_number", None)
        if number in self.scan.blank_records:
            return
        line = self.scan.line_of_record(number)
        if kind in ROW_INVALID and number:
            self.invalid.add(number)
        field = getattr(error, "field_name", None)
        value = getattr(error, "cell", None)
        note = getattr(error, "note", "") or ""
        add = self.problems.add
        rel = self.res.rel
        if kind == "type-error":
            spec = self.fields.get(field, {})
            kind_text = spec.get("type", "value") + (f" ({spec['format']})" if spec.get("format") not in (None, "default") else "")
            add(rel, line, "schema-type", f"not a valid {kind_text}", field=field, value=value)
        elif kind == "constraint-error":
            self.constraint(line, field, value, note)
        elif kind == "unique-error":
            add(rel, line, "schema-unique", f"same value as {self.position(note)}", field=field, value=value)
        elif kind == "primary-key":
            key = ", ".join(primary_key(self.res.schema))
            if "None" in note and "position" not in note:
                add(rel, line, "schema-primary-key", f"the primary key ({key}) is empty")
            else:
                cells = getattr(error, "cells", [])
                names = self.res.field_names
                shown = ", ".join(cells[names.index(k)] if names.index(k) < len(cells) else "" for k in primary_key(self.res.schema))
                add(rel, line, "schema-primary-key", f"duplicate primary key ({key}): same as {self.position(note)}",
                    field=key, value=shown)
        elif kind == "foreign-key":
            ref = getattr(error, "reference_name", "") or self.res.name
            ref_fields = ", ".join(getattr(error, "reference_field_names", []) or [])
            names = ", ".join(getattr(error, "field_names", []) or [])
            values = ", ".join(str(v) for v in (getattr(error, "field_cells", []) or []))
            add(rel, line, "schema-foreign-key", f"not found in {ref}.{ref_fields}" if "," not in names else
                f"not found in {ref} ({ref_fields})", field=names, value=values)
        else:
            add(rel, line, "schema-other", f"{kind}: {error.message}", field=field, value=value)

    def position(self, note: str) -> str:
        match = _POSITION.search(note)
        line = self.scan.line_of_record(int(match.group(1))) if match else None
        return f"line {line}" if line else note

    def constraint(self, line, field, value, note) -> None:
        spec = self.fields.get(field, {})
        rule = rule_of("constraint-error", note, spec)
        name, limit = constraint_of(note)
        constraints = spec.get("constraints") or {}
        rel, add = self.res.rel, self.problems.add
        if rule == "schema-required":
            add(rel, line, rule, "required but empty", field=field)
        elif rule == "schema-enum":
            options = ", ".join(str(o) for o in constraints.get("enum", []))
            add(rel, line, rule, f"not one of: {options}", field=field, value=value)
        elif rule == "partial-date-pattern":
            add(rel, line, rule, "not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", field=field, value=value)
        elif rule == "schema-pattern":
            add(rel, line, rule, f"does not match {constraints.get('pattern', limit)}", field=field, value=value)
        elif rule == "schema-unique":
            add(rel, line, rule, "repeated value", field=field, value=value)
        else:
            add(rel, line, rule, f"constraint {name or '?'} is {limit}", field=field, value=value)
