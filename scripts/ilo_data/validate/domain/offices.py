"""Rules on offices: the hierarchy has no cycle; one country-level office covers a country at a time."""
from __future__ import annotations

from collections import defaultdict

from .base import Check
from .dates import period

# Offices that cover a country as its main ILO office. Other types (headquarters, regional office,
# national coordinator, liaison office, project office) sit at other levels and may overlap them.
COUNTRY_LEVEL = ("DWT and country office", "country office")


class HierarchyAcyclic(Check):
    rule = "office-hierarchy-acyclic"
    tables = ("offices",)

    def __init__(self, ctx):
        super().__init__(ctx)
        self.parent: dict[str, str] = {}
        self.line: dict[str, int] = {}

    def row(self, table, line, row):
        office = row.get("office_id")
        if office and office not in self.line:
            self.line[office] = line
            if row.get("parent_office_id"):
                self.parent[office] = row["parent_office_id"]

    def finish(self):
        done: set[str] = set()
        for start in self.line:
            path, seen, node = [], {}, start
            while node in self.parent and node not in done and node not in seen:
                seen[node] = len(path)
                path.append(node)
                node = self.parent[node]
            if node in seen:   # a loop: report it once, at its first office in the file
                loop = path[seen[node]:]
                first = min(loop, key=lambda o: self.line[o])
                i = loop.index(first)
                ring = loop[i:] + loop[:i] + [first]
                self.ctx.report("offices", self.line[first], self.rule, "cycle " + " -> ".join(ring),
                                "parent_office_id", self.parent[first])
            done.update(path)


class OneOfficeAtATime(Check):
    rule = "one-office-at-a-time"
    tables = ("offices", "office_coverage")

    def __init__(self, ctx):
        super().__init__(ctx)
        self.types: dict[str, str] = {}
        self.coverage: dict[str, list] = defaultdict(list)

    def row(self, table, line, row):
        if table == "offices":
            self.types[row.get("office_id")] = row.get("type")
            return
        span = period(row.get("start"), row.get("end"))
        if span:
            self.coverage[row.get("iso3")].append((span, line, row.get("office_id"), row.get("start"), row.get("end")))

    def finish(self):
        for iso3, periods in self.coverage.items():
            periods = sorted(p for p in periods if self.types.get(p[2]) in COUNTRY_LEVEL)
            for i, (span, line, office, start, end) in enumerate(periods):
                for other_span, other_line, other, other_start, other_end in periods[:i]:
                    if max(span[0], other_span[0]) < min(span[1], other_span[1]):
                        self.ctx.report("office_coverage", line, self.rule,
                                        f"{iso3} covered by {office} from {start} while {other} covers it "
                                        f"(line {other_line}, {other_start}–{other_end or 'open'}): one country-level office at a time",
                                        "start", start)
                        break
