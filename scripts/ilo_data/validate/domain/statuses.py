"""Rules on ratification statuses: each has its basis, derived values are current, stated values
that the derivation contradicts are pointed out (the derivation itself is ilo_data.status)."""
from __future__ import annotations

import datetime as dt

from ...status import PENDING, Facts, derive
from .base import Check

DERIVE_HINT = "run `make derive` (ilo-data derive) to rewrite the derived statuses"


def _status_cells(row: dict) -> tuple[str, str]:
    return row.get("status") or "", row.get("status_date") or ""


class StatusBasis(Check):
    rule = "status-basis"
    tables = ("ratifications",)

    def applies(self):
        return super().applies() and "status_basis" in self.ctx.spec.by_name("ratifications").field_names

    def row(self, table, line, row):
        status, basis = row.get("status"), row.get("status_basis")
        if status and not basis:
            self.ctx.report(table, line, self.rule, f'status "{status}" without a status_basis: stated (a source '
                            'says so) or derived', "status_basis", "")
        elif basis and not status:
            self.ctx.report(table, line, self.rule, f'status_basis "{basis}" without a status', "status_basis", basis)


class DerivedStatus(Check):
    """status-derived: a derived status equals what the facts give today; status-disagrees: a
    stated status the facts contradict (a warning: the source may know a denunciation)."""

    rule = "status-derived"
    tables = ("conventions", "revisions", "ratifications")
    needs = {"ratifications": ("conventions", "revisions")}

    def __init__(self, ctx, today: dt.date | None = None):
        super().__init__(ctx)
        self.today = today or dt.date.today()
        self.conventions: list[dict] = []
        self.revisions: list[dict] = []
        self.facts: Facts | None = None
        self.waiting: list[tuple[int, dict]] = []   # rows whose status depends on a later row

    def row(self, table, line, row):
        if table == "conventions":
            self.conventions.append({k: row.get(k) for k in ("instrument_id", "status", "status_date", "entry_into_force", "entry_for_member")})
            return
        if table == "revisions":
            self.revisions.append(dict(row))
            return
        if self.facts is None:
            self.facts = Facts(self.conventions, self.revisions)
        self.facts.note(row)
        keep = {k: row.get(k) for k in ("iso3", "instrument_id", "ratified", "status", "status_date", "status_basis")}
        if self.facts.waits_for_others(row):
            self.waiting.append((line, keep))
        else:
            self._check(line, keep)

    def finish(self):
        for line, row in self.waiting:
            self._check(line, row)

    def _check(self, line: int, row: dict) -> None:
        derived = derive(self.facts, row, self.today)
        have = _status_cells(row)
        basis = row.get("status_basis") or ""
        if basis == "stated":
            if derived.contradicts(*have):
                stated = f'"{have[0]}"' + (f" from {have[1]}" if have[1] else "")
                given = f'"{derived.status}"' + (f" from {derived.date}" if derived.date else "")
                self.ctx.problems.add(self.ctx.file("ratifications"), line, "status-disagrees",
                                      f"stated {stated} but the facts give {given} ({derived.reason})",
                                      field="status", value=have[0], severity="warning")
            return
        want = (derived.status, derived.date) if derived.status else ("", "")
        if have == want and basis == ("derived" if want[0] else ""):
            return
        shown = f'"{want[0]}"' + (f" from {want[1]}" if want[1] else "") if want[0] else "no status"
        message = f"derived status is out of date: the facts now give {shown}"
        # A ratification that has since entered into force is the passage of time, not a wrong fact.
        aged = have[0] == PENDING and want[0] == "in force"
        self.ctx.problems.add(self.ctx.file("ratifications"), line, self.rule, message, field="status",
                              value=have[0], hint=DERIVE_HINT, severity="warning" if aged else "error")
