"""What the site says about what the data knows, in one place (STYLE.md: "first attested" is not
"since"; "not recorded" is not "not ratified"). Each function returns Markdown; values from the data
are escaped here. Page modules call these rather than spelling the phrases out themselves."""
from __future__ import annotations

from . import escape, i18n
from .context import Context
from .i18n import N_, _

# Constants are English (marked for the catalog); translate them where they are shown: _(NOT_RECORDED).
NOT_RECORDED = N_("not recorded")
NO_END = N_("no end recorded")
NOT_STATED = N_("not stated")
# Column headings that carry a meaning readers could otherwise misread.
FIRST_ATTESTED = N_("first attested")
ENDED = N_("ended")


def date(value: str | None) -> str:
    """A partial date from the data, escaped, in the page's language (as precise as the data)."""
    return escape.text(i18n.date(value))


def first_attested(value: str | None) -> str:
    """The earliest date a source supports for a fact that may have begun earlier."""
    return date(value) if value else _(NOT_RECORDED)


def ended(value: str | None) -> str:
    return date(value) if value else _(NO_END)


def source_date(ctx: Context, source_id: str | None) -> str:
    """The date a source speaks for: its publication date, else when it was read; '' if neither."""
    source = ctx.index("sources", "source_id").get(source_id or "", {})
    return source.get("published") or source.get("retrieved") or ""


def as_of(ctx: Context, row: dict) -> str:
    """' (as of <date of the row's source>)' or ' (source undated)': a status is true as of its source."""
    date = source_date(ctx, row.get("source_id"))
    return (" " + _("(as of {date})").format(date=f'<span class="nowrap">{escape.text(i18n.date(date))}</span>')
            if date else " " + _("(source undated)"))


def stated_status(ctx: Context, row: dict) -> str:
    """A project's or programme's status as its source states it, with the source's date."""
    if not row.get("status"):
        return _(NOT_STATED)
    from .md import status_word
    return status_word(row["status"]) + as_of(ctx, row)


def count_of(n: int, total: int | None = None) -> str:
    return _("{n} of {total}").format(n=n, total=total) if total is not None else str(n)


def ratification_status(ctx: Context, row: dict, iso3: str = "") -> str:
    """md.status (with "(derived)" where the facts imply it), plus the source's date where a source states it,
    or why there is none where a revising Convention may have denounced it (`iso3` for rows of a
    country's document, which do not repeat it)."""
    from .md import status
    text = status(row)
    if not row.get("status"):
        revising = ctx.status_left_open_by(row.get("iso3") or iso3, row.get("instrument_id", ""))
        if revising:
            return text + ": " + _("the ratification of {revising}, which revises it, may have denounced it").format(
                revising=ctx.convention_link(revising))
        return text
    return text + as_of(ctx, row) if row.get("status_basis") != "derived" else text
