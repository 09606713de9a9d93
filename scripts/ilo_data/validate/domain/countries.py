"""Rules on countries and Conventions: real ISO codes; the fundamental and governance counts."""
from __future__ import annotations

from collections import defaultdict

import pycountry

from .base import Check

# Codes accepted although not in ISO 3166-1. Keep this list explicit and documented.
ISO_EXCEPTIONS = {
    ("XK", "XKX"): "Kosovo: user-assigned code used by the European Union and UN agencies",
}
EXPECTED_CATEGORIES = {"fundamental": 10, "governance": 4}


class IsoCodesReal(Check):
    rule = "iso-codes-real"
    tables = ("countries",)

    def row(self, table, line, row):
        iso2, iso3 = row.get("iso2") or "", row.get("iso3") or ""
        if (iso2, iso3) in ISO_EXCEPTIONS:
            return
        by3 = pycountry.countries.get(alpha_3=iso3) if len(iso3) == 3 else None
        by2 = pycountry.countries.get(alpha_2=iso2) if len(iso2) == 2 else None
        if iso3 and by3 is None:
            self.ctx.report(table, line, self.rule, "not an ISO 3166-1 alpha-3 code", "iso3", iso3)
        if iso2 and by2 is None:
            self.ctx.report(table, line, self.rule, "not an ISO 3166-1 alpha-2 code", "iso2", iso2)
        if by2 is not None and by3 is not None and by2.alpha_3 != by3.alpha_3:
            self.ctx.report(table, line, self.rule, f"is {by2.name}, but iso3 {iso3} is {by3.name}", "iso2", iso2)


class CategoryCounts(Check):
    rule = "category-counts"
    tables = ("conventions",)

    def __init__(self, ctx):
        super().__init__(ctx)
        self.found: dict[str, list[str]] = defaultdict(list)

    def row(self, table, line, row):
        if row.get("kind") == "convention" and row.get("category") in EXPECTED_CATEGORIES:
            self.found[row["category"]].append(row.get("instrument_id") or "?")

    def finish(self):
        if not self.ctx.complete("conventions"):
            return
        for category, expected in EXPECTED_CATEGORIES.items():
            ids = self.found.get(category, [])
            if len(ids) != expected:
                listed = ", ".join(ids) if ids else "none"
                self.ctx.report("conventions", None, self.rule,
                                f"{len(ids)} {category} Conventions ({listed}), expected {expected}", "category", category)
