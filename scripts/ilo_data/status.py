"""Ratification statuses that follow from the package's own facts (`status_basis` = derived).

The rules are the ILO Constitution's and the Conventions' final clauses:
- a ratification enters into force for the member as the Convention's final clause says
  (`conventions.entry_for_member`: on registration for the Conventions of 1919-1926, then 90 days,
  six months or, from 1928 on, twelve months after; twelve months, the longest, where the clause
  is not recorded), or on the Convention's own entry into force if that is later; its start is not
  derived, as a successor State's declaration takes effect from its independence instead;
- ratifying a revising Convention denounces the revised one ipso jure, once the revising
  Convention is in force (`revisions.automatic_denunciation` = yes); NORMLEX then shows the older
  ratification as "not in force". The day depends on the revising Convention
  (`revisions.takes_effect`): the registration of the newer ratification (the standard final
  clause, and C138), or the newer Convention's entry into force for the member twelve months later
  (the MLC, 2006; C185); unknown, the day is given only where both readings agree;
- a Convention the Conference abrogated or withdrew takes every ratification with it.
A member that also ratified a revising Convention whose effect on the older one is unknown
(`automatic_denunciation` empty) or depends on what it accepted (`conditional`) has no derived
status for the older one: the facts do not tell whether it was denounced.
An explicit denunciation cannot be derived: only a source can state it. Dates keep the precision
of the facts they come from (a registration year gives an entry-into-force year).

`derive_all` is the one function every caller uses: `ilo-data derive` to write the values, the
validator to check them, the reports to compare them with stated statuses.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .dates import PartialDate, parse_partial

ENTRY_DELAY_YEARS = 1          # "twelve months after the date on which its ratification has been registered"
ENDED_BY_CONFERENCE = ("abrogated", "withdrawn")
PENDING = "not in force"       # also the label NORMLEX gives an automatically denounced ratification


@dataclass(frozen=True)
class Derived:
    status: str      # "in force", "not in force", "abrogated", "withdrawn", or "" when the facts do not tell
    date: str        # when it took effect, as precise as the facts allow; "" when unknown
    reason: str      # one sentence for reports
    automatic_denunciation: bool = False
    open_by: str = ""   # no status because this revising Convention may have denounced it
    in_force_by: str = ""   # "in force": it entered into force by this day (by the final clause, or the Convention's own entry into force if later)

    def agrees_with(self, stated: str) -> bool:
        """Whether a stated status says the same: sources other than NORMLEX often call an
        automatic denunciation "denounced" where NORMLEX says "not in force"."""
        return stated == self.status or (self.automatic_denunciation and stated == "denounced")

    def contradicts(self, stated: str, stated_date: str) -> bool:
        """Whether a stated status and its date say something else: another status, or the same
        one from a day the derived date rules out (partial dates that overlap agree)."""
        if not self.status:
            return False
        if not self.agrees_with(stated):
            return True
        theirs = _parse(stated_date)
        latest = _parse(self.in_force_by)
        if stated == "in force" and theirs is not None and latest is not None and theirs.earliest() > latest.latest():
            # A stated entry into force after the latest day the registration allows: not the ILO's
            # (often the day a national act took effect).
            return True
        ours = _parse(self.date)
        if ours is None or theirs is None:
            return False
        return ours.latest() < theirs.earliest() or theirs.latest() < ours.earliest()


UNKNOWN = Derived("", "", "")


def _parse(text: str | None) -> PartialDate | None:
    try:
        return parse_partial(text or "")
    except ValueError:
        return None


def _shifted(low: dt.date, high: dt.date) -> PartialDate:
    """The partial date covering low..high; where none does (a year-only date moved by six months
    spans two years), the later year, so the result stays a latest bound."""
    return _covering(low, high) or PartialDate(high.year)


def _plus_months(date: PartialDate, months: int) -> PartialDate:
    """The same day `months` later (31 August + 6 months: the last day of February), as precise as `date`."""
    if date.month is None:
        if months % 12 == 0:
            return PartialDate(date.year + months // 12, None, None)
        return _shifted(_plus_months(PartialDate(date.year, 1, 1), months).earliest(),
                        _plus_months(PartialDate(date.year, 12, 31), months).latest())
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if date.day:
        return PartialDate(year, month, min(date.day, calendar.monthrange(year, month)[1]))
    return PartialDate(year, month, None)


def _plus_year(date: PartialDate) -> PartialDate:
    return _plus_months(date, 12 * ENTRY_DELAY_YEARS)


def _plus_days(date: PartialDate, days: int) -> PartialDate:
    """`days` later, as precisely as the shifted span allows."""
    step = dt.timedelta(days=days)
    return _shifted(date.earliest() + step, date.latest() + step)


def enters_for_member(rule: str, registered: PartialDate) -> PartialDate:
    """The day a ratification registered on `registered` enters into force for the member once the
    Convention itself is in force, by the Convention's final clause (`conventions.entry_for_member`).
    Unknown rule: twelve months, the longest any clause gives, so the day is a latest bound."""
    if rule == "on-registration":
        return registered
    if rule == "90-days":
        return _plus_days(registered, 90)
    if rule == "6-months":
        return _plus_months(registered, 6)
    return _plus_year(registered)


def _covering(low: dt.date, high: dt.date) -> PartialDate | None:
    """The most precise partial date that covers every day from low to high."""
    if low == high:
        return PartialDate(low.year, low.month, low.day)
    if (low.year, low.month) == (high.year, high.month):
        return PartialDate(low.year, low.month)
    if low.year == high.year:
        return PartialDate(low.year)
    return None


def later(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    """The later of two partial dates, as precisely as both allow (None: unknown)."""
    if a is None or b is None:
        return None
    return _covering(max(a.earliest(), b.earliest()), max(a.latest(), b.latest()))


def _when(date: PartialDate | None, today: dt.date) -> str:
    """'past', 'future' or 'unsure' for the day a partial date means, seen from today."""
    if date is None:
        return "unsure"
    if date.latest() <= today:
        return "past"
    if date.earliest() > today:
        return "future"
    return "unsure"


class Facts:
    """The instrument facts derivation reads (conventions and revisions), indexed once; `held` is
    added per country: the registration dates of the revising Conventions it ratified."""

    def __init__(self, conventions: list[dict], revisions: list[dict]) -> None:
        self.instruments = {row.get("instrument_id", ""): row for row in conventions}
        self.revised_by: dict[str, list[str]] = {}
        self.maybe_revised_by: dict[str, list[str]] = {}     # links whose effect is unknown or conditional
        self.takes_effect: dict[tuple[str, str], str] = {}   # (revised, revising) -> registration / entry-into-force / ""
        for row in revisions:
            revised, revising = row.get("revised_id", ""), row.get("revising_id", "")
            effect = row.get("automatic_denunciation") or ""
            if effect == "yes":
                self.revised_by.setdefault(revised, []).append(revising)
                self.takes_effect[(revised, revising)] = row.get("takes_effect") or ""
            elif effect in ("", "conditional"):
                self.maybe_revised_by.setdefault(revised, []).append(revising)
        self.revising = {r for ids in (*self.revised_by.values(), *self.maybe_revised_by.values()) for r in ids}
        self.held: dict[tuple[str, str], str] = {}   # (iso3, revising id) -> its `ratified` text

    def note(self, row: dict) -> None:
        """Remember a ratification of a revising Convention (others are not needed)."""
        if row.get("instrument_id") in self.revising:
            self.held[(row.get("iso3", ""), row.get("instrument_id", ""))] = row.get("ratified", "")

    def waits_for_others(self, row: dict) -> bool:
        """Whether the row's status depends on the country's other ratifications."""
        return row.get("instrument_id") in self.revised_by or row.get("instrument_id") in self.maybe_revised_by

    def entry_into_force(self, instrument_id: str) -> PartialDate | None:
        return _parse(self.instruments.get(instrument_id, {}).get("entry_into_force"))

    def in_force_for(self, instrument_id: str, registered: PartialDate | None) -> PartialDate | None:
        """The latest day a ratification registered on `registered` can have entered into force for
        the member: as the Convention's final clause says (twelve months later where it is not
        recorded), or the Convention's own entry into force if that is later (None when that is
        unknown). Used to tell in force from not yet in force."""
        if registered is None:
            return None
        rule = self.instruments.get(instrument_id, {}).get("entry_for_member") or ""
        return later(enters_for_member(rule, registered), self.entry_into_force(instrument_id))


def _conference_decision(instrument: dict) -> Derived | None:
    status = instrument.get("status") or ""
    if status in ENDED_BY_CONFERENCE:
        date = instrument.get("status_date") or ""
        return Derived(status, date, f"the Conference {status} {instrument.get('instrument_id')}"
                       + (f" ({date})" if date else ""))
    return None


def _denounced_on(facts: Facts, revised: str, revising: str, registered: PartialDate | None) -> PartialDate | None:
    """The day a ratification of `revising` registered on `registered` ends the member's ratification
    of `revised` (None: unknown). Never before the revising Convention's own entry into force."""
    if registered is None:
        return None
    on_registration = later(registered, facts.entry_into_force(revising))
    on_entry_into_force = facts.in_force_for(revising, registered)
    rule = facts.takes_effect.get((revised, revising), "")
    if rule == "registration":
        return on_registration
    if rule == "entry-into-force":
        return on_entry_into_force
    # Not known which: a day only where both readings give it (a revising Convention that entered
    # into force more than twelve months after the registration), else as precisely as both share.
    if on_registration is None or on_entry_into_force is None:
        return None
    return _covering(on_registration.earliest(), on_entry_into_force.latest())


def _automatic_denunciation(facts: Facts, iso3: str, instrument_id: str, today: dt.date) -> Derived | None:
    for revising in sorted(facts.revised_by.get(instrument_id, [])):
        newer = facts.held.get((iso3, revising))
        if newer is None or facts.entry_into_force(revising) is None:
            continue
        when = _denounced_on(facts, instrument_id, revising, _parse(newer))
        if when is not None and _when(when, today) == "future":
            continue
        return Derived(PENDING, str(when) if when else "",
                       f"automatically denounced by the ratification of {revising}", automatic_denunciation=True)
    return None


def _perhaps_denounced(facts: Facts, iso3: str, instrument_id: str, today: dt.date) -> Derived | None:
    """No status (with its reason, for reports) when the member ratified a revising Convention
    whose effect on this ratification the facts do not give, and which may have taken effect."""
    for revising in sorted(facts.maybe_revised_by.get(instrument_id, [])):
        newer = facts.held.get((iso3, revising))
        if newer is None:
            continue
        registered = _parse(newer)
        if registered is not None and _when(later(registered, facts.entry_into_force(revising)), today) == "future":
            continue
        return Derived("", "", f"the ratification of {revising}, which revises it, may have denounced it",
                       open_by=revising)
    return None


def derive(facts: Facts, row: dict, today: dt.date) -> Derived:
    """The status one ratification row's facts imply today (UNKNOWN when they do not tell)."""
    iso3, instrument_id = row.get("iso3", ""), row.get("instrument_id", "")
    instrument = facts.instruments.get(instrument_id, {})
    # A ratification denounced by a revising Convention stays so when the Conference later
    # abrogates the old Convention: the first event that ended it is its status.
    denounced = _automatic_denunciation(facts, iso3, instrument_id, today)
    if denounced:
        return denounced
    perhaps = _perhaps_denounced(facts, iso3, instrument_id, today)
    if perhaps:
        return perhaps
    decided = _conference_decision(instrument)
    if decided:
        return decided
    entry = facts.in_force_for(instrument_id, _parse(row.get("ratified")))
    moment = _when(entry, today)
    if moment == "past":
        # In force, but from when is not derived: twelve months after registration holds for an
        # ordinary ratification, while a successor State's declaration takes effect earlier (from
        # its independence), and the package cannot always tell the two apart.
        return Derived("in force", "", f"registered {row.get('ratified')}; in force by {entry} at the latest",
                       in_force_by=str(entry))
    if moment == "future":
        return Derived(PENDING, "", f"registered; enters into force on {entry}")
    return UNKNOWN


def derive_all(conventions: list[dict], revisions: list[dict], ratifications: list[dict],
               today: dt.date | None = None) -> dict[tuple[str, str], Derived]:
    """(iso3, instrument_id) -> the derived status, for every ratification row."""
    today = today or dt.date.today()
    facts = Facts(conventions, revisions)
    for row in ratifications:
        facts.note(row)
    return {(row.get("iso3", ""), row.get("instrument_id", "")): derive(facts, row, today) for row in ratifications}
