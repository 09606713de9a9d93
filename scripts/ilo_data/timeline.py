"""The state of the package at a date, with honest partial dates.

Pure functions over tables (the dict returned by `ilo_data.package.read_all(root)`); only
`state_as_of` and `coverage` also accept a root folder and read it.

Dates. A partial date covers a range (1993 = 1993-01-01 .. 1993-12-31), and so may the date
asked about ("as of 2001-06"). An event has *certainly* happened by the date asked when its
latest possible day is on or before the first day asked (`latest() <= lo`); it has *possibly*
happened when its earliest possible day is on or before the last day asked
(`earliest() <= hi`); otherwise it has not. Nothing is guessed: an empty date is unknown, and
an item whose standing depends on an unknown or too-coarse date is reported as *uncertain*,
with the reason. Dates in the data that cannot be read are treated as unknown.

What the package cannot say, and what this module assumes instead (each is documented):
- `conventions` records a status (withdrawn, abrogated) but not its date, so at any date after
  its adoption such a Convention is *uncertain*: the package cannot say when it went.
- C155 and C187 became fundamental at the 2022 Conference (their rows' notes; the day is not
  in the package's sources), so before 2022 they count as technical, during 2022 as
  uncertain. Every other category is taken as recorded.
- The office coverage `start` is the earliest date a source supports; coverage before it is
  not claimed by the package, so it is not reported.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .dates import PartialDate, parse_partial

CERTAIN, POSSIBLE, NO = "certain", "possible", "no"

REMOVED = ("withdrawn", "abrogated")   # instrument statuses whose date the package lacks
# As the conventions' notes say ("fundamental since the 2022 Conference"): year precision only.
FUNDAMENTAL_SINCE = {"C155": PartialDate(2022), "C187": PartialDate(2022)}
ENDED = ("denounced", "abrogated", "withdrawn")   # ratification statuses that end a ratification


@dataclass(frozen=True)
class Window:
    """The date asked about, as a range of days (a full date is a one-day range)."""

    lo: dt.date
    hi: dt.date
    label: str

    @classmethod
    def of(cls, when: "Window | PartialDate | dt.date | str") -> "Window":
        if isinstance(when, Window):
            return when
        if isinstance(when, dt.date):
            return cls(when, when, when.isoformat())
        if isinstance(when, str):
            parsed = parse_partial(when.strip())  # ValueError for a bad date
            if parsed is None:
                raise ValueError("no date given")
            when = parsed
        return cls(when.earliest(), when.latest(), str(when))

    def __str__(self) -> str:
        return self.label


def happened_by(event: PartialDate | None, when: Window) -> str | None:
    """CERTAIN, POSSIBLE or NO for an event on or before `when`; None when the date is unknown."""
    if event is None:
        return None
    if event.latest() <= when.lo:
        return CERTAIN
    if event.earliest() <= when.hi:
        return POSSIBLE
    return NO


def date_of(row: dict, name: str) -> PartialDate | None:
    """The partial date in row[name]; None when empty or unreadable (validation reports those)."""
    try:
        return parse_partial((row.get(name) or "").strip())
    except ValueError:
        return None


@dataclass
class Standing:
    """An item (instrument, office, ...) that is, or may be, in a given state at a date."""

    id: str
    certain: bool
    reasons: list[str] = field(default_factory=list)
    row: dict = field(default_factory=dict, repr=False)
    undated: bool = False   # uncertain because a date it depends on is not recorded at all

    def as_dict(self) -> dict:
        return {"id": self.id, "certainty": CERTAIN if self.certain else "uncertain", "reasons": self.reasons}


def _table(tables, name: str) -> list[dict]:
    if isinstance(tables, list):
        return tables
    return list(tables.get(name, []))


def _index(rows: list[dict], key: str) -> dict[str, dict]:
    return {row.get(key, ""): row for row in rows}


def is_convention(instrument: dict) -> bool:
    """A Convention, not a Protocol (an instrument of unknown kind counts as a Convention, as in NORMLEX
    totals). The one definition every count of "Conventions ratified" uses."""
    return instrument.get("kind", "convention") != "protocol"


def _removal(instrument: dict, when: Window) -> tuple[str, str | None]:
    """Whether a withdrawn or abrogated instrument had been removed by `when` (its date is unknown)."""
    status = (instrument.get("status") or "").strip()
    if status not in REMOVED:
        return NO, None
    return POSSIBLE, f"{status}, date not recorded"


def conventions_as_of(tables, when, kinds: tuple[str, ...] = ("convention",)) -> list[Standing]:
    """Instruments adopted on or before `when` and not yet withdrawn or abrogated.

    `tables` is the read_all dict (or the conventions rows themselves). Instruments that certainly
    did not exist yet are left out; the others are certain or uncertain, with reasons.
    """
    when = Window.of(when)
    result = []
    for row in _table(tables, "conventions"):
        if (row.get("kind") or "convention") not in kinds:
            continue
        reasons = []
        adopted = happened_by(date_of(row, "adoption_date"), when)
        if adopted == NO:
            continue
        if adopted is None:
            reasons.append("adoption date not recorded")
        elif adopted == POSSIBLE:
            reasons.append(f"adopted {row['adoption_date']}: may fall after {when}")
        _, why = _removal(row, when)
        if why:
            reasons.append(why)
        undated = adopted is None or why is not None
        result.append(Standing(row["instrument_id"], not reasons, reasons, row, undated))
    return sorted(result, key=lambda s: s.id)


def adopted_number_bounds(rows: list[dict], when) -> tuple[int, int | None]:
    """Bounds on how many instruments of one series (C or R numbers) had been adopted by `when`.

    Instruments are numbered in order of adoption, so the count adopted by a date is the highest
    number adopted by then: at least the highest number certainly adopted, at most one less than
    the lowest number certainly not yet adopted (None: no upper bound known). Works on a partial
    table; rows without a number or a readable date are ignored.
    """
    when = Window.of(when)
    lo, hi = 0, None
    for row in rows:
        try:
            number = int(row.get("number") or "")
        except ValueError:
            continue
        adopted = happened_by(date_of(row, "adoption_date"), when)
        if adopted == CERTAIN:
            lo = max(lo, number)
        elif adopted == NO:
            hi = number - 1 if hi is None else min(hi, number - 1)
    return lo, hi


def in_category(instrument: dict, category: str, when) -> str:
    """CERTAIN, POSSIBLE or NO: was the instrument in `category` at `when`? (see FUNDAMENTAL_SINCE)."""
    when = Window.of(when)
    since = FUNDAMENTAL_SINCE.get(instrument.get("instrument_id", ""))
    if since is None:
        return CERTAIN if instrument.get("category") == category else NO
    switched = happened_by(since, when)
    if category == "fundamental":
        return switched
    if category == "technical":
        return {CERTAIN: NO, POSSIBLE: POSSIBLE, NO: CERTAIN}[switched]
    return NO


def ratifications_as_of(tables, iso3: str, when, in_force: bool = False) -> list[Standing]:
    """A country's ratifications registered on or before `when`.

    in_force=False: every ratification made by then (as NORMLEX counts "ratified", including
    ones denounced later). in_force=True: leave out those denounced (or whose Convention was
    abrogated or withdrawn) by then. Undated rows are uncertain unless their instrument had
    certainly not been adopted yet, in which case they are left out.
    """
    when = Window.of(when)
    instruments = _index(_table(tables, "conventions"), "instrument_id")
    result = []
    for row in _table(tables, "ratifications"):
        if row.get("iso3") != iso3:
            continue
        instrument = instruments.get(row.get("instrument_id", ""), {})
        reasons = []
        undated = False
        ratified = happened_by(date_of(row, "ratified"), when)
        if ratified == NO:
            continue
        if ratified is None:
            if happened_by(date_of(instrument, "adoption_date"), when) == NO:
                continue  # the instrument did not exist yet
            reasons.append("ratification date not recorded")
            undated = True
        elif ratified == POSSIBLE:
            reasons.append(f"ratified {row['ratified']}: may fall after {when}")
        if in_force:
            status = (row.get("status") or "").strip()
            if status in ENDED:
                ended = happened_by(date_of(row, "status_date"), when)
                if ended == CERTAIN:
                    continue
                if ended is None:
                    reasons.append(f"{status}, date not recorded")
                    undated = True
                elif ended == POSSIBLE:
                    reasons.append(f"{status} {row['status_date']}: may fall by {when}")
            elif status == "not in force":
                reasons.append("recorded as not in force" + (f" ({row['status_date']})" if row.get("status_date") else ""))
                undated = True
            if status not in ENDED:
                _, why = _removal(instrument, when)
                if why:
                    reasons.append(f"Convention {why}")
                    undated = True
        result.append(Standing(row["instrument_id"], not reasons, reasons, row, undated))
    return sorted(result, key=lambda s: s.id)


def ratifications_in_force_as_of(tables, iso3: str, when) -> list[Standing]:
    """Ratified on or before `when` and not denounced (or abrogated, withdrawn) by then."""
    return ratifications_as_of(tables, iso3, when, in_force=True)


def offices_covering(tables, iso3: str, when) -> list[Standing]:
    """Offices covering a country at `when`, from office_coverage (start..end, end empty = still)."""
    when = Window.of(when)
    result = []
    for row in _table(tables, "office_coverage"):
        if row.get("iso3") != iso3:
            continue
        reasons = []
        started = happened_by(date_of(row, "start"), when)
        if started in (NO, None):
            continue  # before the earliest date a source supports
        if started == POSSIBLE:
            reasons.append(f"coverage from {row['start']}: may start after {when}")
        ended = happened_by(date_of(row, "end"), when)
        if ended == CERTAIN:
            continue
        if ended == POSSIBLE:
            reasons.append(f"coverage until {row['end']}: may have ended by {when}")
        result.append(Standing(row["office_id"], not reasons, reasons, row))
    return sorted(result, key=lambda s: s.id)


def _sort_key(date: PartialDate) -> tuple:
    return (date.latest(), date.earliest())


def latest_claim(tables, iso3: str, metric: str = "conventions_ratified") -> dict | None:
    """The claim with the latest as_of for a country and metric, or None if there is none.

    Claims with a readable as_of come first. Failing those, an undated claim is used (its as_of
    left empty): the one with the highest value, since a count of ratifications ever made
    only grows. Claims whose value is not a whole number, and claims the data marks OUTDATED
    (superseded by later facts), are ignored.
    """
    claims = [c for c in _table(tables, "claims") if c.get("iso3") == iso3 and c.get("metric") == metric
              and _int(c.get("value")) is not None and not _outdated(c)]
    dated = [(date_of(c, "as_of"), c) for c in claims]
    dated = [(d, c) for d, c in dated if d is not None]
    if dated:
        return max(dated, key=lambda dc: (_sort_key(dc[0]), dc[1].get("claim_id", "")))[1]
    undated = [c for c in claims if not (c.get("as_of") or "").strip()]
    if undated:
        return max(undated, key=lambda c: (_int(c.get("value")), c.get("claim_id", "")))
    return None


def _outdated(claim: dict) -> bool:
    return (claim.get("notes") or "").lstrip().upper().startswith("OUTDATED")


def _int(text) -> int | None:
    try:
        return int(str(text).strip())
    except (TypeError, ValueError):
        return None


def coverage(tables_or_root) -> list[dict]:
    """Per country: Convention ratifications held against the latest stated total.

    Countries listed: those with ratification rows or a conventions_ratified claim. `held` counts
    Conventions (not Protocols, as in NORMLEX totals) of any status; `held_by_as_of` counts those
    possibly ratified by the stated total's date (undated rows included; all of `held` when the
    total is undated, `stated_as_of` then being ""); `share` is that over the stated total, in per
    cent (None when no total is stated). Precision counts (day, month, year, undated) are over `held`;
    `day_inferred` counts the full days among them inferred from entry into force (date_basis);
    status counts (stated, derived, none) and the id lists of rows still short of a full date or a
    status are over all rows, Protocols included.
    """
    tables = _tables(tables_or_root)
    instruments = _index(_table(tables, "conventions"), "instrument_id")
    names = {c.get("iso3"): c.get("name", "") for c in _table(tables, "countries")}
    countries = {r.get("iso3") for r in _table(tables, "ratifications")}
    countries |= {c.get("iso3") for c in _table(tables, "claims") if c.get("metric") == "conventions_ratified" and c.get("iso3")}
    report = []
    for iso3 in sorted(c for c in countries if c):
        rows = [r for r in _table(tables, "ratifications") if r.get("iso3") == iso3]
        conv = [r for r in rows if is_convention(instruments.get(r.get("instrument_id"), {}))]
        precision = {"day": 0, "month": 0, "year": 0, "undated": 0}
        for r in conv:
            d = date_of(r, "ratified")
            precision[d.precision if d else "undated"] += 1
        basis = {"stated": 0, "derived": 0, "": 0}
        for r in rows:
            basis[r.get("status_basis") if r.get("status_basis") in basis else ""] += 1
        inferred = sum(1 for r in conv if r.get("date_basis") == "entry-into-force" and date_of(r, "ratified"))
        entry = {"iso3": iso3, "name": names.get(iso3, ""), "held": len(conv),
                 "protocols_held": len(rows) - len(conv), **precision, "day_inferred": inferred,
                 "status_stated": basis["stated"], "status_derived": basis["derived"], "status_none": basis[""],
                 "undated_ids": sorted(r["instrument_id"] for r in rows if not date_of(r, "ratified")),
                 "partly_dated_ids": sorted(r["instrument_id"] for r in rows
                                            if date_of(r, "ratified") and date_of(r, "ratified").precision != "day"),
                 "no_status_ids": sorted(r["instrument_id"] for r in rows if not r.get("status")),
                 "stated": None, "stated_claim_id": None, "stated_source_id": None, "stated_as_of": None,
                 "held_by_as_of": None, "share": None}
        claim = latest_claim(tables, iso3)
        if claim:
            stated = _int(claim["value"])
            if date_of(claim, "as_of"):
                subset = {"conventions": list(instruments.values()), "ratifications": conv}
                by_then = len(ratifications_as_of(subset, iso3, claim["as_of"]))
            else:
                by_then = len(conv)   # an undated total: no date to hold the rows against
            entry.update(stated=stated, stated_claim_id=claim.get("claim_id"), stated_source_id=claim.get("source_id"),
                         stated_as_of=claim.get("as_of") or "", held_by_as_of=by_then,
                         share=round(100 * by_then / stated, 1) if stated else None)
        report.append(entry)
    return report


class UnreadablePackage(Exception):
    """The package at a root cannot be read (the commands print it as one line and exit 2)."""


def read_tables(root) -> dict:
    """read_all(root), with any failure to read turned into UnreadablePackage (one clear message)."""
    import csv
    from .package import read_all
    try:
        tables = read_all(Path(root))
    except (OSError, KeyError, ValueError, TypeError, AttributeError, IndexError, RecursionError, csv.Error) as error:
        raise UnreadablePackage(f"cannot read the package at {root}: {type(error).__name__}: {error}") from None
    if not isinstance(tables, dict):
        raise UnreadablePackage(f"cannot read the package at {root}")
    return tables


def _tables(tables_or_root) -> dict:
    if isinstance(tables_or_root, dict):
        return tables_or_root
    return read_tables(tables_or_root)


def state_as_of(tables_or_root, when, iso3: str | None = None) -> dict:
    """Everything above at one date, as plain data (the `ilo-data asof` JSON)."""
    tables = _tables(tables_or_root)
    when = Window.of(when)
    conventions = conventions_as_of(tables, when)
    names = {c.get("iso3"): c.get("name", "") for c in _table(tables, "countries")}
    if iso3:
        countries = [iso3]
    else:
        countries = sorted({r.get("iso3") for r in _table(tables, "ratifications") if r.get("iso3")})
    state = {
        "as_of": str(when), "from": when.lo.isoformat(), "to": when.hi.isoformat(),
        "conventions": {"certain": sum(s.certain for s in conventions),
                        "uncertain": sum(not s.certain for s in conventions),
                        "items": [s.as_dict() for s in conventions]},
        "countries": [],
    }
    for code in countries:
        held = ratifications_in_force_as_of(tables, code, when)
        offices = offices_covering(tables, code, when)
        state["countries"].append({
            "iso3": code, "name": names.get(code, ""),
            "ratifications": {"certain": sum(s.certain for s in held), "uncertain": sum(not s.certain for s in held),
                              "items": [s.as_dict() for s in held]},
            "offices": [s.as_dict() for s in offices],
        })
    return state
