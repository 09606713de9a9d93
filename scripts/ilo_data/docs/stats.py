"""Coverage of ratifications against the stated totals, as `ilo-data coverage` computes it.

The numbers come from `ilo_data.timeline.coverage` (the TIME helper's definition), so the site and
the command line always agree: `held` = Conventions (not Protocols) with a ratification row;
`held_by_as_of` = those possibly ratified by the date of the latest stated total; `share` =
held_by_as_of / stated, in per cent."""
from __future__ import annotations

from dataclasses import dataclass

from .. import timeline
from ..dates import parse_partial
from .context import Context


@dataclass
class Coverage:
    iso3: str
    held: int
    protocols_held: int
    stated: int | None
    as_of: str
    claim_id: str
    source_id: str
    held_by_as_of: int | None
    share: float | None        # per cent
    undated: int = 0


def all_coverage(ctx: Context) -> dict[str, Coverage]:
    key = ("coverage",)
    if key not in ctx._indexes:
        ctx._indexes[key] = {
            e["iso3"]: Coverage(
                iso3=e["iso3"], held=e["held"], protocols_held=e["protocols_held"], stated=e["stated"],
                as_of=e.get("stated_as_of") or "", claim_id=e.get("stated_claim_id") or "",
                source_id=e.get("stated_source_id") or "", held_by_as_of=e.get("held_by_as_of"),
                share=e.get("share"), undated=e.get("undated", 0))
            for e in timeline.coverage(ctx.tables)
        }
    return ctx._indexes[key]


def country_coverage(ctx: Context, iso3: str) -> Coverage:
    return all_coverage(ctx).get(iso3) or Coverage(iso3, 0, 0, None, "", "", "", None, None)


def year(text: str) -> int | None:
    try:
        d = parse_partial(text)
    except ValueError:
        return None
    return d.year if d else None


def pct(share: float | None) -> str:
    return f"{share:.0f}%" if share is not None else "–"
