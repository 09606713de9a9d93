"""The site's headline numbers. Each has one function here, and every page, chart, table download and
search entry that shows it calls that function (STYLE.md), so a count is the same wherever it appears.

Ratifications are counted as `ilo-data coverage` counts them (`ilo_data.timeline.coverage`): Conventions
(not Protocols) with a ratification row in the package, whatever their status; Protocols apart."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..timeline import is_convention
from .context import CATEGORY_ORDER, Context
from .stats import country_coverage


@dataclass(frozen=True)
class Ratified:
    """What the package records of one country's ratifications."""
    iso3: str
    conventions: int                 # Conventions with a ratification row (the coverage's `held`)
    protocols: int                   # Protocols with a ratification row
    undated: int                     # Conventions recorded without a registration date
    by_category: dict[str, int] = field(default_factory=dict)   # Conventions per category

    @property
    def dated(self) -> int:
        return self.conventions - self.undated


def instrument(ctx: Context, instrument_id: str) -> dict[str, str]:
    return ctx.index("conventions", "instrument_id").get(instrument_id, {})


def convention_rows(ctx: Context, iso3: str) -> list[dict[str, str]]:
    """The country's ratification rows of Conventions (not Protocols), in file order."""
    return [r for r in ctx.group("ratifications", "iso3").get(iso3, []) if is_convention(instrument(ctx, r["instrument_id"]))]


def category_sizes(ctx: Context) -> dict[str, int]:
    """How many Conventions (not Protocols) each category holds: fundamental 10, governance 4, ..."""
    key = ("category_sizes",)
    if key not in ctx._indexes:
        sizes = Counter(c.get("category") or "uncategorised" for c in ctx.rows("conventions") if is_convention(c))
        ctx._indexes[key] = dict(sizes)
    return ctx._indexes[key]


def ratified(ctx: Context, iso3: str) -> Ratified:
    """The one count of a country's ratifications, used by every page and chart."""
    key = ("ratified", iso3)
    if key not in ctx._indexes:
        cov = country_coverage(ctx, iso3)
        by_category = Counter(instrument(ctx, r["instrument_id"]).get("category") or "uncategorised"
                              for r in convention_rows(ctx, iso3))
        ctx._indexes[key] = Ratified(iso3, cov.held, cov.protocols_held, cov.undated, dict(by_category))
    return ctx._indexes[key]


def categories(ctx: Context) -> list[str]:
    """Categories in display order (fundamental, governance, technical, then any other)."""
    return list(CATEGORY_ORDER) + sorted(k for k in category_sizes(ctx) if k not in CATEGORY_ORDER)


def recorded_for(ctx: Context, instrument_id: str, countries: list[str]) -> list[str]:
    """Which of `countries` have a ratification of the instrument recorded in the package."""
    have = {r["iso3"] for r in ctx.group("ratifications", "instrument_id").get(instrument_id, [])}
    return [iso3 for iso3 in countries if iso3 in have]


def projects_by_status(projects: list[dict]) -> Counter:
    """Projects per stated status ('' = not stated)."""
    return Counter(p.get("status") or "" for p in projects)
