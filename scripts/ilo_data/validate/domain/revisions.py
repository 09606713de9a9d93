"""Rules on links between instruments: a Convention is revised by a later one, never by itself, and
a link's details fit its effect; a Recommendation supplements a Convention adopted before it or with it."""
from __future__ import annotations

from .base import Check, span


class _LinkToConventions(Check):
    """A check on rows that name Conventions: the Conventions' adoption dates are read first
    (`needs`), then each linking row goes to `link`."""
    linking = ""   # the table whose rows name Conventions

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tables = ("conventions", cls.linking)
        cls.needs = {cls.linking: ("conventions",)}

    def __init__(self, ctx):
        super().__init__(ctx)
        self.adopted: dict[str, str] = {}

    def row(self, table, line, row):
        if table == "conventions":
            self.adopted[row.get("instrument_id")] = row.get("adoption_date") or ""
        else:
            self.link(table, line, row)

    def link(self, table, line, row):
        raise NotImplementedError


class RevisionForward(_LinkToConventions):
    rule = "revision-forward"
    linking = "revisions"

    def link(self, table, line, row):
        old, new = row.get("revised_id"), row.get("revising_id")
        if old and old == new:
            self.ctx.report(table, line, self.rule, "a Convention cannot revise itself", "revising_id", new)
            return
        before, after = span(self.adopted.get(old)), span(self.adopted.get(new))
        if before and after and after[1] < before[0]:
            self.ctx.report(table, line, self.rule, f"adopted ({self.adopted[new]}) before the Convention it "
                            f"revises, {old} ({self.adopted[old]})", "revising_id", new)


class RevisionEffect(Check):
    """`takes_effect` dates an automatic denunciation and `condition` qualifies a conditional one:
    on any other link they are a slip (derivation would ignore them without a word)."""
    rule = "revision-effect"
    tables = ("revisions",)
    FIELD_FOR = {"takes_effect": "yes", "condition": "conditional"}

    def row(self, table, line, row):
        effect = row.get("automatic_denunciation") or ""
        for field, wanted in self.FIELD_FOR.items():
            value = row.get(field)
            if value and effect != wanted:
                self.ctx.report(table, line, self.rule, f'{field} is for automatic_denunciation "{wanted}", '
                                f'not "{effect}"', field, value)


class SupplementNotYounger(_LinkToConventions):
    rule = "supplement-not-younger"
    linking = "recommendations"

    def link(self, table, line, row):
        convention = row.get("supplements")
        recommendation, parent = span(row.get("adoption_date")), span(self.adopted.get(convention))
        if recommendation and parent and recommendation[1] < parent[0]:
            self.ctx.report(table, line, self.rule, f"adopted ({row.get('adoption_date')}) before the Convention it "
                            f"supplements, {convention} ({self.adopted[convention]})", "supplements", convention)
