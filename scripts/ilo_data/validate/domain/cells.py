"""Cells every download reads the same way: integers in canonical form, within 64 bits.

Frictionless reads integers with Python's int(), which also takes "2_9", "３０" (fullwidth digits)
and numbers of any size: the CSV would keep "2_9" while JSON and SQLite say 29, and an integer
beyond 64 bits breaks the SQLite and Parquet downloads. Streaming, like the domain rules.
"""
from __future__ import annotations

import re

from .base import Check

_CANONICAL = re.compile(r"-?(0|[1-9][0-9]*)", re.ASCII)
INT64 = (-(1 << 63), (1 << 63) - 1)


def integer_problem(text: str) -> str | None:
    """Why an integer cell is not canonical, or None."""
    if not _CANONICAL.fullmatch(text):
        return "not a plain integer: ASCII digits 0-9 only, an optional leading minus, no leading zeros, no _ or +"
    if len(text) > 18 and not INT64[0] <= int(text) <= INT64[1]:
        return "beyond 64 bits (-9223372036854775808 to 9223372036854775807): SQLite and Parquet cannot hold it"
    return None


class IntegerForm(Check):
    rule = "integer-form"
    tables = ("*",)

    def __init__(self, ctx):
        super().__init__(ctx)
        self.fields = {res.name: [f["name"] for f in (res.schema or {}).get("fields", []) if f.get("type") == "integer"]
                       for res in ctx.spec.resources}

    def wants(self, table):
        return bool(self.fields.get(table))

    def row(self, table, line, row):
        for name in self.fields[table]:
            value = row.get(name)
            if value:
                why = integer_problem(value)
                if why:
                    self.ctx.report(table, line, self.rule, why, name, value)
