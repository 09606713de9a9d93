"""Rules on citations: every cited source exists; every source is cited."""
from __future__ import annotations

from .base import Check

SOURCES = "sources"


def _declares_fk(schema: dict, field: str) -> bool:
    for fk in schema.get("foreignKeys") or []:
        fields = fk.get("fields") if isinstance(fk, dict) else None
        if fields == field or fields == [field]:
            return True
    return False


class SourcesExist(Check):
    rule = "sources-exist"
    tables = (SOURCES, "*")
    needs = {"*": (SOURCES,)}

    def __init__(self, ctx):
        super().__init__(ctx)
        self.ids: set[str] = set()
        # source_id is checked here only where the schema has no foreign key for it (else layer 3 reports it)
        self.check_source_id = {res.name: not _declares_fk(res.schema or {}, "source_id") for res in ctx.spec.resources}
        self.ready: dict[str, bool] = {}

    def row(self, table, line, row):
        if table == SOURCES:
            self.ids.add(row.get("source_id"))
            return
        if table not in self.ready:   # first row of a table: were the sources all read?
            self.ready[table] = self.ctx.complete(SOURCES)
        if not self.ready[table]:
            return
        source = row.get("source_id")
        if source and self.check_source_id[table] and source not in self.ids:
            self.ctx.report(table, line, self.rule, "no such source_id in sources", "source_id", source)
        others = row.get("other_source_ids")
        if others:
            for source in others.split(";"):
                if source and source not in self.ids:
                    self.ctx.report(table, line, self.rule, f'"{source}" is not a source_id in sources',
                                    "other_source_ids", others)


class SourcesUsed(Check):
    rule = "sources-used"
    tables = (SOURCES, "*")

    def __init__(self, ctx):
        super().__init__(ctx)
        self.lines: dict[str, int] = {}
        self.used: set[str] = set()

    def row(self, table, line, row):
        if table == SOURCES:
            self.lines.setdefault(row.get("source_id"), line)
            return
        if row.get("source_id"):
            self.used.add(row["source_id"])
        if row.get("other_source_ids"):
            self.used.update(row["other_source_ids"].split(";"))

    def finish(self):
        # "Cited by no row" holds only when every table was read to its end.
        if not self.ctx.complete(*(res.name for res in self.ctx.spec.resources)):
            return
        for source, line in self.lines.items():
            if source and source not in self.used:
                self.ctx.report(SOURCES, line, self.rule, "cited by no row of any table", "source_id", source)


class SecondaryOverPrimary(Check):
    """A warning, one per table: rows that follow a secondary source while citing a primary one
    beside it. The primary source should be followed where it gives the value; where it gives less
    (a year where the secondary gives the day), the note says so. One line per table keeps a
    contributor's screen readable; `ilo-data validate --format json` gives the first line."""

    rule = "secondary-source"
    tables = (SOURCES, "*")
    needs = {"*": (SOURCES,)}

    def __init__(self, ctx):
        super().__init__(ctx)
        self.primary: dict[str, bool] = {}
        self.found: dict[str, list[int]] = {}    # table -> [count, first line]

    def applies(self):
        spec = self.ctx.spec.by_name(SOURCES)
        return spec is not None and "primary" in spec.field_names

    def row(self, table, line, row):
        if table == SOURCES:
            self.primary[row.get("source_id")] = row.get("primary") == "true"
            return
        source, others = row.get("source_id"), row.get("other_source_ids")
        if not source or not others or self.primary.get(source, True):
            return
        if any(self.primary.get(other) for other in others.split(";")):
            seen = self.found.setdefault(table, [0, line])
            seen[0] += 1

    def finish(self):
        for table, (count, first) in self.found.items():
            self.ctx.problems.add(self.ctx.file(table), first, self.rule,
                                  f"{count} rows follow a secondary source while citing a primary one beside it "
                                  f"(this line is the first)", field="source_id", severity="warning")
