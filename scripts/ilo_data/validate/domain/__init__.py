"""Layer 4, domain rules: checks that read rows as they stream by and conclude at the end.

Each check is a class in one of the modules here, registered in CHECKS; its rule is documented in
ilo_data.validate.rules.RULES. A check applies only when the tables it names are in the package.
"""
from __future__ import annotations

from .base import Check, Context
from .cells import IntegerForm
from .countries import CategoryCounts, IsoCodesReal
from .dates import NotInFuture, PeriodForward, RealCalendarDates
from .names import NameLookalikes, NameScript, NameWhitespace
from .offices import HierarchyAcyclic, OneOfficeAtATime
from .ratifications import AfterAdoption, AfterMembership, ProtocolWithConvention, RegistrationFromEntryIntoForce, StatusDates
from .revisions import RevisionEffect, RevisionForward, SupplementNotYounger
from .sources import SecondaryOverPrimary, SourcesExist, SourcesUsed
from .statuses import DerivedStatus, StatusBasis

CHECKS: list[type[Check]] = [
    AfterAdoption, AfterMembership, ProtocolWithConvention, StatusDates, RegistrationFromEntryIntoForce, StatusBasis, DerivedStatus, RevisionForward, RevisionEffect, SupplementNotYounger,
    RealCalendarDates, PeriodForward, NotInFuture,
    HierarchyAcyclic, OneOfficeAtATime, SourcesExist, SourcesUsed, SecondaryOverPrimary, IsoCodesReal, CategoryCounts, IntegerForm,
    NameScript, NameLookalikes, NameWhitespace,
]


class Domain:
    """All applicable checks, with per-table dispatch lists so a row costs one dict and a few calls."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.checks = [cls(ctx) for cls in CHECKS]
        self.checks = [c for c in self.checks if c.applies()]
        names = [r.name for r in ctx.spec.resources]
        self.by_table = {name: [c.row for c in self.checks if c.wants(name)] for name in names}

    def needs(self) -> dict[str, set[str]]:
        """Ordering constraints of all checks: table -> tables to stream before it."""
        out: dict[str, set[str]] = {}
        names = [r.name for r in self.ctx.spec.resources]
        for check in self.checks:
            for table, before in check.needs.items():
                for target in (names if table == "*" else [table]):
                    out.setdefault(target, set()).update(b for b in before if b != target)
        return out

    def handlers(self, table: str):
        return self.by_table.get(table, [])

    def finish(self) -> None:
        for check in self.checks:
            check.finish()
