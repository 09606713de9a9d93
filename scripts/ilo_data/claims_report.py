"""`ilo-data claims`: check each dated claim against the package as of the claim's date.

Every row of `claims` is a statement true (per its source) as of `as_of`, e.g. "as of 2015,
Tajikistan had ratified 50 Conventions". Each gets one verdict: agrees, disagrees or cannot tell.
This is a report: it exits 0 whatever the verdicts, and 2 only when the package cannot be read.

How a count is checked. The package's count at the claim's date is bracketed by three numbers
lo <= mid <= hi (see ilo_data.timeline for the partial-date rules): lo counts rows certainly
counted by then; mid adds rows whose recorded date is too coarse to say (ratified "1993", asked
about 1993-06-30); hi adds rows that depend on a date not recorded at all (an INFERRED
ratification, a denunciation without date). Ratifications are counted as NORMLEX counts
"ratified": Conventions (not Protocols) ratified by then, including ones denounced later;
`conventions_in_force` leaves out those denounced by then; `fundamental_ratified` etc. use the
category the Convention had then (C155 and C187 only from June 2022). With V the claimed value:

- V < lo: **disagrees**. The package holds more than claimed, certainly dated by then. Missing
  rows cannot explain that: adding rows only raises the count.
- lo <= V <= mid: **agrees**. The package's own rows give the claimed value, exactly or within
  the precision of their dates (the reason lists the uncertain rows). Where coverage is partial
  this is consistency, not proof: rows the package lacks could make the true count higher.
- mid < V <= hi: **cannot tell**. Reaching V needs rows the package cannot date.
- V > hi: **cannot tell**. Ratifications and Recommendations are covered partially, so holding
  fewer than claimed is a gap in coverage, not a disagreement. The one exception is a country
  the package is known to cover completely up to a later date T: if another conventions_ratified
  claim as of T is met exactly by rows certainly ratified by T, then (if that claim is right) the
  package holds every ratification up to T, a lower count before T is real, and the verdict is
  **disagrees** (the reason names the claim it rests on).

Adoption counts (conventions_adopted, recommendations_adopted) use numbering: the ILO numbers
instruments in order of adoption, so the count adopted by a date is the highest number adopted
by then. lo is the highest number certainly adopted by then; hi is one less than the lowest
number certainly not yet adopted (a real upper bound, even on a partial table); mid extends lo
over the next numbers the package holds with a date. V outside [lo, hi] **disagrees**. V within
[lo, hi] **agrees** only when mid = hi: the package holds every number in between, with a date,
so the count is pinned down to date precision (stricter than for ratifications, because here it
can be). Otherwise it is **cannot tell**: the table lacks the instruments that would decide (the
Recommendations table is partial, so this is its usual verdict). Withdrawn and abrogated
instruments still count, as in the ILO's own totals ("183 Conventions").

member_since compares dates as ranges: a claim of "1993" agrees with 1993-06-22 (one range
contains the other), "1994" disagrees; no date in the package is cannot tell.
office_countries_covered counts the countries office_coverage gives the office at the claim's
date. The claims table has no office field, so the office is read from `subject`: its office_id
or full name, else the one main office (not a coordinator or project office) in a city the
subject names ("the ILO office in Moscow"). Coverage rows start at the earliest date a source
supports, so fewer is cannot tell. Metrics the package holds no data for (office_staff), claims without a readable
date or number, and unknown countries or offices are cannot tell, with the reason.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .dates import parse_partial
from .locate import add_package_arguments
from .timeline import (CERTAIN, NO, UnreadablePackage, Window, adopted_number_bounds, date_of, in_category,
                       offices_covering, ratifications_as_of, read_tables)

AGREES, DISAGREES, CANNOT_TELL = "agrees", "disagrees", "cannot tell"
VERDICTS = (AGREES, DISAGREES, CANNOT_TELL)

RATIFICATION_METRICS = {
    # metric: (kind counted, category or None, in force only)
    "conventions_ratified": ("convention", None, False),
    "conventions_in_force": ("convention", None, True),
    "fundamental_ratified": ("convention", "fundamental", False),
    "governance_ratified": ("convention", "governance", False),
    "technical_ratified": ("convention", "technical", False),
    "protocols_ratified": ("protocol", None, False),
}
MAIN_OFFICE_TYPES = ("headquarters", "regional office", "DWT and country office", "country office", "liaison office")
NO_DATA = {"office_staff": "the package holds no staff figures"}


def _int(text) -> int | None:
    try:
        return int(str(text).strip())
    except (TypeError, ValueError):
        return None


def _span(lo: int, hi: int | None) -> str:
    if hi is None:
        return f"at least {lo}"
    return str(lo) if lo == hi else f"{lo} to {hi}"


def ratification_bounds(tables, iso3: str, metric: str, when) -> tuple[int, int, int, list[str]]:
    """(lo, mid, hi, uncertain items) for a ratification count metric at `when`.

    lo: rows certainly counted; mid: plus rows uncertain only because a recorded date is coarser
    than the date asked; hi: plus rows uncertain because a date is not recorded at all.
    """
    kind, category, in_force = RATIFICATION_METRICS[metric]
    when = Window.of(when)
    instruments = {r.get("instrument_id"): r for r in tables.get("conventions", [])}
    lo = imprecise = undated = 0
    unsure = []
    for standing in ratifications_as_of(tables, iso3, when, in_force=in_force):
        instrument = instruments.get(standing.id, {"instrument_id": standing.id})
        if (instrument.get("kind") or "convention") != kind:
            continue
        reasons = list(standing.reasons)
        if category:
            fits = in_category(instrument, category, when)
            if fits == NO:
                continue
            if fits != CERTAIN:
                reasons.append(f"{category} only from June 2022")
        if not reasons:
            lo += 1
            continue
        unsure.append(f"{standing.id} ({'; '.join(reasons)})")
        if standing.undated:
            undated += 1
        else:
            imprecise += 1
    return lo, lo + imprecise, lo + imprecise + undated, unsure


def complete_through(tables, iso3: str, exclude: str = "") -> tuple[Window, dict] | None:
    """The latest date T up to which the package holds every Convention ratification of a country:
    a conventions_ratified claim as of T met exactly by rows certainly ratified by T."""
    best = None
    for claim in tables.get("claims", []):
        if claim.get("iso3") != iso3 or claim.get("metric") != "conventions_ratified" or claim.get("claim_id") == exclude:
            continue
        value, as_of = _int(claim.get("value")), date_of(claim, "as_of")
        if value is None or as_of is None:
            continue
        when = Window.of(as_of)
        lo = ratification_bounds(tables, iso3, "conventions_ratified", when)[0]
        if lo == value and (best is None or when.lo > best[0].lo):
            best = (when, claim)
    return best


def _count_verdict(value: int, lo: int, mid: int, hi: int | None, bounded: bool) -> str:
    """lo <= mid <= hi: certain / within date precision / within what the package cannot date or lacks."""
    if value < lo:
        return DISAGREES
    if value <= mid:
        return AGREES
    if hi is not None and value > hi and bounded:
        return DISAGREES
    return CANNOT_TELL


def _check_ratifications(tables, claim, value, when) -> tuple[str, str, str]:
    iso3, metric = claim["iso3"], claim["metric"]
    lo, mid, hi, unsure = ratification_bounds(tables, iso3, metric, when)
    complete = complete_through(tables, iso3, exclude=claim["claim_id"]) if metric != "protocols_ratified" else None
    bounded = complete is not None and when.hi <= complete[0].lo
    verdict = _count_verdict(value, lo, mid, hi, bounded)
    listed = ": " + ", ".join(unsure) if unsure else ""
    if value < lo:
        reason = f"the package holds {lo} rows certainly dated by then, more than the {value} claimed"
        if not RATIFICATION_METRICS[metric][2]:
            reason += " (counting every ratification made by then, later denunciations included)"
    elif verdict == AGREES:
        reason = f"the package holds exactly {value}" if lo == hi else (
            f"the package holds {lo} certainly and {hi - lo} more of uncertain date{listed}")
    elif value <= hi:
        reason = (f"the package holds {lo} certainly" + (f", {mid - lo} more within date precision" if mid > lo else "")
                  + f"; reaching {value} needs rows it cannot date{listed}")
    elif bounded:
        reason = (f"the package holds at most {hi} by then, yet holds all {complete[1]['value']} ratified by "
                  f"{complete[0]} (claim {complete[1]['claim_id']}), so a lower count is real")
    else:
        reason = (f"the package holds {_span(lo, hi)} by then; coverage of ratifications is partial, "
                  "so fewer is a gap, not a disagreement")
    return verdict, _span(lo, hi), reason


def _check_adopted(tables, claim, value, when) -> tuple[str, str, str]:
    if claim["metric"] == "conventions_adopted":
        rows = [r for r in tables.get("conventions", []) if (r.get("kind") or "convention") == "convention"]
        what = "Conventions"
    else:
        rows, what = tables.get("recommendations", []), "Recommendations"
    lo, hi = adopted_number_bounds(rows, when)
    dated = {_int(r.get("number")) for r in rows if date_of(r, "adoption_date") is not None}
    mid = lo   # extend over the next numbers the package holds with a date (uncertain only by precision)
    while (hi is None or mid < hi) and mid + 1 in dated:
        mid += 1
    if value < lo or (hi is not None and value > hi):
        verdict = DISAGREES
    else:   # the count is pinned only if every number up to the upper bound is held with a date
        verdict = AGREES if hi is not None and mid == hi else CANNOT_TELL
    if verdict == AGREES:
        later = f"No. {mid}" if mid == lo + 1 else f"Nos. {lo + 1} to {mid}"
        reason = f"numbering: {what} up to No. {lo} certainly adopted by then" + (
            "" if lo == mid else f"; {later} possibly (the adoption date and {when} overlap)")
    elif value < lo:
        reason = f"numbering: No. {lo} was certainly adopted by then, so at least {lo} {what}"
    elif hi is not None and value > hi:
        reason = f"numbering: No. {hi + 1} was certainly not yet adopted by then, so at most {hi} {what}"
    else:
        missing = f"No. {mid + 1}" if hi is None or mid + 1 == hi else f"Nos. {mid + 1} to {hi}"
        reason = (f"numbering puts the count {_span(lo, hi)}, but the {what} table is partial: it holds "
                  f"no dated row for {missing}" + ("" if hi is not None else " and any later instrument that would bound the count"))
    return verdict, _span(lo, hi), reason


def _check_member_since(tables, claim) -> tuple[str, str, str]:
    country = next((c for c in tables.get("countries", []) if c.get("iso3") == claim["iso3"]), None)
    try:
        claimed = parse_partial(claim.get("value", "").strip())
    except ValueError:
        claimed = None
    if claimed is None:
        return CANNOT_TELL, "", "the claimed value is not a date"
    held = date_of(country, "member_since") if country else None
    if held is None:
        return CANNOT_TELL, "", "the package records no membership date"
    if claimed.latest() < held.earliest() or held.latest() < claimed.earliest():
        return DISAGREES, str(held), f"the package records {held}, outside {claimed}"
    return AGREES, str(held), f"the package records {held}, within {claimed}" if held != claimed else "same date"


def _resolve_office(tables, subject: str) -> str | None:
    offices = tables.get("offices", [])
    text = subject.strip().lower()
    for office in offices:
        if text in (office.get("office_id", "").lower(), office.get("name", "").strip().lower()):
            return office["office_id"]
    words = set(text.replace(",", " ").split())
    found = [o["office_id"] for o in offices if o.get("office_id") and o["office_id"].lower() in words]
    if not found:  # "the ILO office in Moscow": the one main office in a city named in the subject
        found = [o["office_id"] for o in offices if o.get("type") in MAIN_OFFICE_TYPES
                 and o.get("city") and o["city"].strip().lower() in words]
    return found[0] if len(found) == 1 else None


def _check_office_countries(tables, claim, value, when) -> tuple[str, str, str]:
    office = _resolve_office(tables, claim.get("subject", ""))
    if office is None:
        return CANNOT_TELL, "", f"no office matches the subject {claim.get('subject', '')!r}"
    lo = hi = 0
    unsure = []
    for iso3 in sorted({r.get("iso3") for r in tables.get("office_coverage", []) if r.get("office_id") == office}):
        for standing in offices_covering(tables, iso3, when):
            if standing.id == office:
                hi += 1
                lo += standing.certain
                if not standing.certain:
                    unsure.append(f"{iso3} ({'; '.join(standing.reasons)})")
    verdict = _count_verdict(value, lo, hi, hi, bounded=False)
    if verdict == DISAGREES:
        reason = f"office_coverage gives {office} {lo} countries certainly covered by then"
    elif verdict == AGREES:
        reason = f"office_coverage gives {office} exactly {value}" if lo == hi else (
            f"office_coverage gives {office} {lo} certain and {hi - lo} uncertain: " + ", ".join(unsure))
    else:
        reason = (f"office_coverage gives {office} {_span(lo, hi)} by then; coverage is partial "
                  "(nothing before a row's start is recorded), so fewer is a gap, not a disagreement")
    return verdict, _span(lo, hi), reason


def check_claim(tables: dict, claim: dict) -> dict:
    """One claim's verdict: the claim's own fields plus verdict, package (what the data says) and reason."""
    claim = {key: (value or "").strip() for key, value in claim.items() if isinstance(key, str)}
    result = {key: claim.get(key, "") for key in ("claim_id", "iso3", "metric", "value", "as_of", "statement", "source_id")}
    verdict, found, reason = _check(tables, claim)
    result.update(verdict=verdict, package=found, reason=reason)
    return result


def _check(tables, claim) -> tuple[str, str, str]:
    metric = claim.get("metric", "")
    countries = {c.get("iso3") for c in tables.get("countries", [])}
    if metric in NO_DATA:
        return CANNOT_TELL, "", NO_DATA[metric]
    needs_country = metric in RATIFICATION_METRICS or metric == "member_since"
    if needs_country and claim.get("iso3") not in countries:
        return CANNOT_TELL, "", f"no country {claim.get('iso3')!r} in the package" if claim.get("iso3") else "the claim names no country"
    if metric == "member_since":
        return _check_member_since(tables, claim)
    known = set(RATIFICATION_METRICS) | {"conventions_adopted", "recommendations_adopted", "office_countries_covered"}
    if metric not in known:
        return CANNOT_TELL, "", f"no check for metric {metric!r}"
    value = _int(claim.get("value"))
    if value is None:
        return CANNOT_TELL, "", f"the claimed value {claim.get('value', '')!r} is not a whole number"
    as_of = date_of(claim, "as_of")
    if as_of is None:
        why = "has no date" if not claim.get("as_of", "").strip() else f"date {claim['as_of']!r} cannot be read"
        return CANNOT_TELL, "", f"the claim {why}, so there is nothing to compare it with"
    when = Window.of(as_of)
    if metric in RATIFICATION_METRICS:
        return _check_ratifications(tables, claim, value, when)
    if metric == "office_countries_covered":
        return _check_office_countries(tables, claim, value, when)
    return _check_adopted(tables, claim, value, when)


def check_claims(tables: dict) -> list[dict]:
    return [check_claim(tables, claim) for claim in sorted(tables.get("claims", []), key=lambda c: c.get("claim_id", ""))]


def summary(results: list[dict]) -> dict:
    return {verdict: sum(r["verdict"] == verdict for r in results) for verdict in VERDICTS}


def _summary_line(results: list[dict]) -> str:
    counts = summary(results)
    return (f"{len(results)} claims: {counts[AGREES]} agree, {counts[DISAGREES]} disagree, "
            f"{counts[CANNOT_TELL]} cannot tell")


def _sentence(r: dict) -> str:
    where = r["iso3"] or "ILO"
    when = f"as of {r['as_of']}" if r["as_of"] else "undated"
    return f"{where}, {when}: {r['metric']} = {r['value']}"


def render_text(results: list[dict]) -> str:
    lines = []
    for r in results:
        found = f" (package: {r['package']})" if r["package"] else ""
        lines.append(f"{r['verdict'].upper():12} {r['claim_id']}: {_sentence(r)}{found}")
        lines.append(f"{'':12} {r['reason']}")
    lines.append(_summary_line(results))
    return "\n".join(lines)


def render_markdown(results: list[dict]) -> str:
    def esc(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")
    lines = ["| Claim | Country | Metric | Claimed | As of | Package | Verdict | Why |", "|---|---|---|---|---|---|---|---|"]
    for r in results:
        cells = [r["claim_id"], r["iso3"] or "-", r["metric"], r["value"], r["as_of"] or "undated",
                 r["package"] or "-", r["verdict"], r["reason"]]
        lines.append("| " + " | ".join(esc(c) for c in cells) + " |")
    lines += ["", _summary_line(results) + ".",
              "", "*Agrees*: the package's own rows give the claimed value (within date uncertainty); where coverage "
              "is partial this is consistency, not proof. *Disagrees*: the package certainly holds more than claimed "
              "by that date (or fewer where it is known to be complete, or a date outside the claimed one). "
              "*Cannot tell*: the package holds fewer than claimed where its coverage is partial, reaching the claimed "
              "value needs rows it cannot date, the claim has no date, or the package has no data on it."]
    return "\n".join(lines)


def add_arguments(parser) -> None:
    add_package_arguments(parser)
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")


def run(args) -> int:
    try:
        tables = read_tables(args.root)
    except UnreadablePackage as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if "claims" not in tables:
        print(f"error: the package at {args.root} has no claims resource", file=sys.stderr)
        return 2
    results = check_claims(tables)
    if args.format == "json":
        print(json.dumps({"summary": summary(results), "claims": results}, indent=2, ensure_ascii=False))
    elif args.format == "markdown":
        print(render_markdown(results))
    else:
        print(render_text(results))
    return 0
