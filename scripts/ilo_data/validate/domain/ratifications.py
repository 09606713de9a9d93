"""Rules on ratification rows: after adoption, after membership, protocols, status dates, registration days
inferred from entry into force."""
from __future__ import annotations

import datetime as dt
import re
import sys

from ...status import enters_for_member
from .base import Check, pdate, span

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


def _entry_days(clause: str, ratified) -> set[dt.date]:
    """The days a ratification registered on `ratified` (a full day) enters into force for the member by
    the clause; where a month-based delay lands past a month's end (29 February + 12 months, 31 August
    + 6 months), the month's last day and the next day both count."""
    day = enters_for_member(clause, ratified).earliest()
    clamped = day.day != ratified.earliest().day and clause in ("6-months", "12-months")
    return {day, day + dt.timedelta(days=1)} if clamped else {day}


# conventions.entry_for_member in words: how long after registration a ratification takes effect.
CLAUSE_WORDS = {"on-registration": "on", "90-days": "90 days after", "6-months": "six months after", "12-months": "twelve months after"}


class RegistrationFromEntryIntoForce(Check):
    """A registration day inferred from the day the Convention entered into force for the country holds
    only where the Convention's final clause is recorded (`conventions.entry_for_member`): the day is
    stated, as far after registration as the clause says, and the Convention itself was already in
    force (otherwise the country's day may be the Convention's own)."""
    rule = "registration-from-entry-into-force"
    tables = ("conventions", "ratifications")
    needs = {"ratifications": ("conventions",)}

    def __init__(self, ctx):
        super().__init__(ctx)
        self.in_force_from: dict[str, tuple] = {}
        self.clause: dict[str, str] = {}

    def row(self, table, line, row):
        if table == "conventions":
            date = span(row.get("entry_into_force"))
            if date:
                self.in_force_from[row.get("instrument_id")] = (date[1], row["entry_into_force"])
            self.clause[row.get("instrument_id")] = row.get("entry_for_member") or ""
            return
        if row.get("date_basis") != "entry-into-force":
            return
        ratified, status_date = pdate(row.get("ratified")), pdate(row.get("status_date"))
        if not (ratified and ratified.precision == "day"):
            self.ctx.report(table, line, self.rule, "date_basis entry-into-force needs a full-day ratified (the inferred registration day)",
                            "ratified", row.get("ratified") or "")
            return
        if row.get("status") != "in force" or row.get("status_basis") != "stated" or not (status_date and status_date.precision == "day"):
            self.ctx.report(table, line, self.rule,
                            "date_basis entry-into-force needs the stated day of entry into force: status \"in force\", "
                            "status_basis stated and a full-day status_date", "status_date", row.get("status_date") or "")
            return
        iid = row.get("instrument_id")
        clause = self.clause.get(iid, "")
        if not clause:
            self.ctx.report(table, line, self.rule,
                            f"{iid}'s final clause on entry into force for a member is not recorded (conventions.entry_for_member): "
                            "the registration day cannot be inferred from it", "date_basis", "entry-into-force")
            return
        if status_date.earliest() not in _entry_days(clause, ratified):
            self.ctx.report(table, line, self.rule,
                            f"not {CLAUSE_WORDS.get(clause, clause)} the ratified day ({row['ratified']}), as {iid}'s final clause says",
                            "status_date", row["status_date"])
            return
        general = self.in_force_from.get(iid)
        if general and general[0] >= status_date.earliest():
            self.ctx.report(table, line, self.rule,
                            f"{iid} itself entered into force on {general[1]}: the country's day may be the Convention's own, "
                            "not the one its registration gives", "date_basis", "entry-into-force")
