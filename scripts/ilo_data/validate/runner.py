"""Run the five layers over a package and collect every problem in one pass.

Each CSV file is read once by the hygiene layer, in an order where referenced tables come first;
its rows feed the composite-key check, the key index for references and the domain rules as they
stream by. Frictionless then reads the readable files for the Table Schema layer.
"""
from __future__ import annotations

import gc
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import DESCRIPTOR_NAME
from .descriptor import PackageSpec, ResourceSpec, check_descriptor
from .hygiene import FileScan, scan_file
from .jsonfiles import check_json
from .problems import LAYERS, MAX_PER_RULE, Problems
from . import background
from .foreignkeys import ForeignKeyCheck
from .keys import PrimaryKeyCheck
from .references import invalid_reference_rows
from .schemapass import Findings, frictionless_errors
from .tableschema import descriptor_for, foreign_keys, map_errors, prepare, readable


@dataclass
class Result:
    problems: Problems
    spec: PackageSpec
    scans: dict[str, FileScan] = field(default_factory=dict)
    json_files: int = 0
    seconds: float = 0.0

    @property
    def fatal(self) -> bool:
        return self.spec.fatal

    @property
    def valid(self) -> bool:
        return not self.fatal and not self.problems.error_count

    def file_order(self) -> dict[str, int]:
        files = ["datapackage.json"]
        for res in self.spec.resources:
            files += [res.schema_rel or "", res.rel]
        return {f: i for i, f in enumerate(files) if f}

    def summary(self) -> dict:
        counts = self.problems.counts()
        return {
            "errors": counts["errors"], "warnings": counts["warnings"],
            "resources": len(self.spec.resources),
            "rows": sum(s.rows for s in self.scans.values()),
            "json_files": self.json_files,
            "by_layer": counts["by_layer"], "by_rule": counts["by_rule"],
            "seconds": round(self.seconds, 3),
            "max_per_rule": self.problems.max_per_rule,
            "omitted": [{"file": g.file, "rule": g.rule, "severity": g.severity, "count": n}
                        for g, n in sorted(self.problems.omitted().items(), key=lambda item: self._group_order(item[0]))],
        }

    def _group_order(self, group) -> tuple:
        order = self.file_order()
        return (LAYERS.index(group.layer), order.get(group.file, len(order)), group.file, group.rule, group.severity)


def processing_order(resources: list[ResourceSpec], needs: dict[str, set[str]]) -> list[ResourceSpec]:
    """Referenced tables (and tables a domain rule reads first) before the tables that use them."""
    names = [r.name for r in resources]
    before = {name: set(needs.get(name, set())) for name in names}
    for res in resources:
        for _, target, _ in foreign_keys(res.schema or {}, res.name):
            if target != res.name and target in before:
                before[res.name].add(target)
    order, placed = [], set()
    while len(order) < len(resources):
        ready = [r for r in resources if r.name not in placed and before[r.name] <= placed]
        if not ready:  # a cycle: take the rest in descriptor order
            ready = [r for r in resources if r.name not in placed]
        order.append(ready[0])
        placed.add(ready[0].name)
    return order


def _referenced(spec: PackageSpec) -> dict[str, set[tuple[str, ...]]]:
    out: dict[str, set] = {}
    for res in spec.resources:
        for _, target, ref_fields in foreign_keys(res.schema or {}, res.name):
            out.setdefault(target, set()).add(tuple(ref_fields))
    return out


def _sink(res: ResourceSpec, domain, key_index: dict, primary, references=None):
    names = res.field_names
    handlers = domain.handlers(res.name)
    indexes = [([names.index(f) for f in fields], key_index.setdefault((res.name, fields), {}))
               for (table, fields) in list(key_index) if table == res.name and all(f in names for f in fields)]
    table = res.name

    def sink(number, line, cells):
        if primary is not None:
            primary(number, line, cells)
        for positions, index in indexes:
            index.setdefault(tuple(cells[i] for i in positions), []).append(number)
        if references is not None:
            references(number, line, cells)
        if handlers:
            row = dict(zip(names, cells))
            for handle in handlers:
                handle(table, line, row)
    return sink


@contextmanager
def _fewer_collections(threshold: int = 20_000):
    """Frictionless allocates a few objects per cell; with the default gen-0 threshold (700) the
    cyclic collector runs thousands of times and costs ~20 % of the run. Raise it, then restore."""
    before = gc.get_threshold()
    gc.set_threshold(threshold, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def validate(root: Path, progress=None, max_per_rule: int = MAX_PER_RULE, meanwhile=None) -> Result:
    """Check the package at `root`; at most `max_per_rule` problems of one rule in one file are
    kept (the rest are counted), 0 keeps them all. `meanwhile()`, when given, is other work for this
    process, run once the Table Schema checks have started in the background (`ilo-data check`'s
    other steps): its output comes before the problems found here."""
    with _fewer_collections():
        return _validate(root, progress, max_per_rule, meanwhile or (lambda: None))


def _validate(root: Path, progress, max_per_rule: int, meanwhile) -> Result:
    started = time.monotonic()
    problems = Problems(max_per_rule)
    spec = check_descriptor(Path(root), problems)
    result = Result(problems, spec)
    if spec.fatal:
        meanwhile()
        result.seconds = time.monotonic() - started
        return result
    # Layer 3 starts first, in the background when it can: frictionless reads the files while layers
    # 2 and 4 read them here. A file found unreadable below cancels it (then it reruns here, on the
    # readable files). Which schemas frictionless accepts is decided here only where frictionless is
    # already loaded (a long-lived process: its verdicts are remembered for the next validation, see
    # metadata_memo); a one-off command leaves the import and that work to the background process.
    worker = prepared = None
    if background.available() and any(res.usable for res in spec.resources):
        prepared = prepare(spec, problems) if "frictionless" in sys.modules else None
        worker = background.Background(_layer3, spec, prepared, max_per_rule)
    try:
        meanwhile()
    except BaseException:
        if worker is not None:
            worker.cancel()
        raise
    invalid: dict[str, set] = {}
    key_index, text_keys = _stream(spec, problems, result, invalid, progress, max_per_rule)
    if worker is not None and any(scan.fatal for scan in result.scans.values()):
        worker.cancel()
        worker = None
    json_checked = worker is not None
    if json_checked:
        # JSON files need no frictionless: checked while the background work finishes.
        if progress:
            progress("checking JSON files")
        result.json_files = check_json(spec, problems)
    if progress:
        progress("checking Table Schemas (frictionless)")
    found = None
    if worker is not None:
        try:
            on_the_way, found = worker.result()
            problems.extend(on_the_way)
        except background.Deadline as late:
            problems.add(DESCRIPTOR_NAME, None, "time-limit", f"Table Schema checks stopped: they {late}",
                         severity="error")
            if prepared is None:
                prepare(spec, problems)   # its own findings (schemas, patterns) are quick: report them
            found = Findings()   # not rerun here: it would take as long again
        except RuntimeError:
            found = None
    if found is None:
        candidates = prepared if prepared is not None else prepare(spec, problems)
        found = frictionless_errors(descriptor_for(spec, readable(candidates, result.scans, problems), problems),
                                    str(spec.root), max_per_rule, set(_referenced(spec)))
    map_errors(found, spec, result.scans, problems, invalid)
    text_keys.report(problems, set(found.checked))
    invalid_reference_rows(spec, result.scans, key_index, invalid, problems)
    if not json_checked:
        if progress:
            progress("checking JSON files")
        result.json_files = check_json(spec, problems)
    result.seconds = time.monotonic() - started
    return result


def _layer3(spec: PackageSpec, prepared: list | None, max_per_rule: int) -> tuple[Problems, Findings]:
    """Layer 3 in the background: the resources frictionless can take (schemas it accepts, patterns
    that cannot hang) unless `prepared` says, then its checks. Returns the problems found on the way
    and its findings."""
    on_the_way = Problems(max_per_rule)
    candidates = prepared if prepared is not None else prepare(spec, on_the_way)
    descriptor = descriptor_for(spec, candidates, on_the_way)
    return on_the_way, frictionless_errors(descriptor, str(spec.root), max_per_rule, set(_referenced(spec)))


def _stream(spec: PackageSpec, problems: Problems, result: Result, invalid: dict, progress,
            max_per_rule: int) -> tuple[dict, ForeignKeyCheck]:
    """Layers 2 and 4, and the foreign keys between text fields: read each CSV file once; returns the
    key index for the reference check and the foreign keys' findings."""
    # Imported here, after the background process has started: it needs none of the domain rules
    # (and pycountry's data), so the one-off command forks that much sooner.
    from .domain import Domain
    from .domain.base import Context
    ctx = Context(spec, problems)
    domain = Domain(ctx)
    key_index: dict = {}
    for table, field_sets in _referenced(spec).items():
        for fields in field_sets:
            key_index[(table, fields)] = {}
    text_keys = ForeignKeyCheck(spec, key_index, max_per_rule)
    for res in processing_order(spec.resources, domain.needs()):
        if not res.usable:
            continue
        if progress:
            progress(f"reading {res.rel}")
        bad = invalid.setdefault(res.name, set())
        primary = PrimaryKeyCheck(res, problems, bad)
        scan = scan_file(res, problems, _sink(res, domain, key_index, primary if primary.usable else None,
                                              text_keys.sink_for(res.name)), progress)
        text_keys.finished(res.name)
        primary.finish(scan)
        del primary
        bad.update(scan.bad_records)
        result.scans[res.name] = scan
        if scan.header_ok and scan.complete:
            ctx.streamed.add(res.name)
    domain.finish()
    text_keys.settle()
    return key_index, text_keys
