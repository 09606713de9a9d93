"""Rules on ratification rows: after adoption, after membership, protocols, status dates."""
from __future__ import annotations

import re
import sys

from .base import Check, span

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


class AfterAdoption(Check):
    rule = "ratification-after-adoption"
    tables = ("conventions", "ratifications")
    needs = {"ratifications": ("conventions",)}

    def __init__(self, ctx):
        super().__init__(ctx)
        self.adopted: dict[str, tuple] = {}

    def row(self, table, line, row):
        if table == "conventions":
            date = span(row.get("adoption_date"))
            if date:
                self.adopted[row.get("instrument_id")] = (date[0], row["adoption_date"])
            return
        known = self.adopted.get(row.get("instrument_id"))
        ratified = span(row.get("ratified")) if known else None
        if ratified and ratified[1] < known[0]:
            self.ctx.report(table, line, self.rule, f"before {row['instrument_id']} was adopted ({known[1]})",
                            "ratified", row["ratified"])


class AfterMembership(Check):
    rule = "ratification-after-membership"
    tables = ("countries", "ratifications")
    needs = {"ratifications": ("countries",)}

    def __init__(self, ctx):
        super().__init__(ctx)
        self.joined: dict[str, tuple] = {}

    def row(self, table, line, row):
        if table == "countries":
            since = span(row.get("member_since"))
            if since:
                earliest, text = since[0], row["member_since"]
                years = [int(y) for y in _YEAR.findall(row.get("membership_history") or "")]
                if years and min(years) < earliest.year:   # an earlier membership counts
                    earliest, text = earliest.replace(year=min(years), month=1, day=1), f"{min(years)}, per membership_history"
                self.joined[row.get("iso3")] = (earliest, text)
            return
        known = self.joined.get(row.get("iso3"))
        ratified = span(row.get("ratified")) if known else None
        # A successor State's ratification (the USSR's, continued) may predate its own membership:
        # that is the `succession` field's fact, never a word in the notes.
        if ratified and ratified[1] < known[0] and row.get("succession") != "true":
            self.ctx.report(table, line, self.rule,
                            f"before {row['iso3']} joined the ILO ({known[1]}), and the row is not marked as a succession",
                            "ratified", row["ratified"])


class ProtocolWithConvention(Check):
    rule = "protocol-with-convention"
    tables = ("conventions", "ratifications")
    needs = {"ratifications": ("conventions",)}

    def __init__(self, ctx):
        super().__init__(ctx)
        self.parent_of: dict[str, str] = {}
        self.holders: dict[str, set[str]] = {}      # Convention with a Protocol -> countries that ratified it
        self.waiting: list[tuple[int, str, str]] = []  # Protocol rows seen before their Convention's row

    def row(self, table, line, row):
        if table == "conventions":
            if row.get("kind") == "protocol" and row.get("parent_id"):
                self.parent_of[row["instrument_id"]] = row["parent_id"]
                self.holders.setdefault(row["parent_id"], set())
            return
        instrument, iso3 = row.get("instrument_id"), row.get("iso3")
        parent = self.parent_of.get(instrument)
        if parent is not None:
            if iso3 not in self.holders[parent]:   # rows sorted by key put the Convention first
                self.waiting.append((line, iso3, instrument))
        elif instrument in self.holders:
            self.holders[instrument].add(sys.intern(iso3))

    def finish(self):
        for line, iso3, protocol in self.waiting:
            parent = self.parent_of[protocol]
            if iso3 not in self.holders[parent]:
                self.ctx.report("ratifications", line, self.rule,
                                f"{iso3} ratified the Protocol but has no ratification of {parent}", "instrument_id", protocol)


class StatusDates(Check):
    rule = "status-dates"
    tables = ("ratifications",)

    def row(self, table, line, row):
        status, status_date = row.get("status"), row.get("status_date")
        if not status_date and status != "denounced":
            return
        if status == "denounced" and not status_date:
            self.ctx.report(table, line, self.rule, 'status "denounced" needs a status_date (when it took effect)',
                            "status_date", "")
            return
        when, ratified = span(status_date), span(row.get("ratified"))
        if when and ratified and when[1] < ratified[0]:
            self.ctx.report(table, line, self.rule, f"before the ratification ({row['ratified']})", "status_date", status_date)
