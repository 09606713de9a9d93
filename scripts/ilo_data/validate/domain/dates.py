"""Date rules on every table: real calendar days, periods that run forward, nothing after today."""
from __future__ import annotations

import datetime as dt

from ...dates import parse_partial
from .base import FOREVER, Check, partial_date_fields, span

PERIODS = (("start", "end"), ("established", "closed"))   # (from, to) pairs checked wherever both exist
PLANNED = {"end"}   # a programme's or project's planned end may lie ahead; every other date is a past fact


class RealCalendarDates(Check):
    rule = "real-calendar-dates"
    tables = ("*",)

    def __init__(self, ctx):
        super().__init__(ctx)
        self.fields = {res.name: partial_date_fields(res.schema or {}) for res in ctx.spec.resources}

    def wants(self, table):
        return bool(self.fields.get(table))

    def row(self, table, line, row):
        for name in self.fields.get(table, ()):
            value = row.get(name)
            # Only year 0000 and days 29-31 can be impossible: parse only those.
            if value and (value.startswith("0000") or (len(value) == 10 and value[8:] > "28")):
                try:
                    parse_partial(value)
                except ValueError as exc:
                    if "calendar year" in str(exc):
                        self.ctx.report(table, line, self.rule, "no such calendar year (year 0 does not exist)", name, value)
                    elif "calendar" in str(exc):
                        self.ctx.report(table, line, self.rule, "no such calendar day", name, value)


class PeriodForward(Check):
    rule = "period-forward"
    tables = ("*",)

    def __init__(self, ctx):
        super().__init__(ctx)
        self.pairs = {}
        for res in ctx.spec.resources:
            names = set(res.field_names)
            self.pairs[res.name] = [pair for pair in PERIODS if set(pair) <= names]

    def wants(self, table):
        return bool(self.pairs.get(table))

    def row(self, table, line, row):
        for first, last in self.pairs.get(table, ()):
            begin, end = span(row.get(first)), span(row.get(last))
            if begin and end and end[1] < begin[0]:
                self.ctx.report(table, line, self.rule, f"before {first} ({row[first]})", last, row[last])


def period(start: str | None, end: str | None):
    """(latest possible start, earliest possible end) or None if the start is unknown."""
    begin = span(start)
    if begin is None:
        return None
    finish = span(end)
    return begin[1], (finish[0] if finish else FOREVER)


class NotInFuture(Check):
    """No fact is dated after today: a source cannot have seen it (a typo such as 2999 for 1999)."""

    rule = "date-in-future"
    tables = ("*",)

    def __init__(self, ctx, today: dt.date | None = None):
        super().__init__(ctx)
        self.today = today or dt.date.today()
        self.fields = {res.name: [f for f in partial_date_fields(res.schema or {}) if f not in PLANNED]
                       for res in ctx.spec.resources}

    def wants(self, table):
        return bool(self.fields.get(table))

    def row(self, table, line, row):
        for name in self.fields.get(table, ()):
            when = span(row.get(name))
            if when and when[0] > self.today:
                self.ctx.report(table, line, self.rule, f"after today ({self.today.isoformat()})", name, row[name])
