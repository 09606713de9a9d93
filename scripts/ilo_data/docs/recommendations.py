"""One page listing every Recommendation: its title in each language, adoption, status and the
Convention it supplements; each row has an anchor that Convention pages link to."""
from __future__ import annotations

from .. import languages
from . import escape, i18n, md, tables, wording
from .context import Context, page_slug
from .i18n import _, ngettext

INDEX = "recommendations/index.md"


def anchor(instrument_id: str) -> str:
    """The row's anchor on the index page (`r184`)."""
    return page_slug(instrument_id)


def link(instrument_id: str, prefix: str = "../") -> str:
    """A link to the Recommendation's row on the index page."""
    return f"{prefix}recommendations/index.md#{anchor(instrument_id)}"


def _other_titles(ctx: Context, iid: str) -> str:
    """The title in the package's other languages (the current one is in the title column)."""
    held = {r.get("language"): r.get("title") for r in ctx.group("recommendation_titles", "instrument_id").get(iid, [])}
    # The English title, unless the title column already shows it standing in for a missing one.
    if not ctx.instrument_title(iid)[1]:
        held[i18n.SOURCE] = ctx.index("recommendations", "instrument_id").get(iid, {}).get("title")
    return "; ".join(f'{escape.text(code)}: <span lang="{escape.attr(code)}">{escape.text(held[code])}</span>'
                     for code in [i18n.SOURCE, *languages.LANGUAGES] if held.get(code) and code != i18n.current())


def index_page(ctx: Context) -> str:
    rows = sorted(ctx.rows("recommendations"), key=lambda r: r["instrument_id"])
    out = [md.front_matter(_("Recommendations")), "# " + _("Recommendations") + "\n"]
    # The same figures as `ilo-data coverage --names` and the dictionary: one function computes them.
    titled = {e["language"]: e["held"] for e in languages.completeness(
        {name: ctx.rows(name) for name in ("recommendations", "recommendation_titles")}) if e["resource"] == "recommendation_titles"}
    out.append(ngettext("{n} Recommendation.", "{n} Recommendations.", len(rows)) + " "
               + _("Recommendations are not ratified: they guide national policy, often beside the Convention they "
                   "supplement. Titles in other languages are those read in a cited source ({counts}); a row's sources "
                   "include those of its titles.").format(
                   counts=", ".join(f"{escape.code(code)} {n}" for code, n in titled.items())) + "\n")
    titles = ctx.group("recommendation_titles", "instrument_id")
    cells = []
    for r in rows:
        iid = r["instrument_id"]
        session = (" " + _("(session {session})").format(session=escape.text(r["ilc_session"]))) if r.get("ilc_session") else ""
        cells.append([
            f'<span id="{escape.attr(anchor(iid))}"></span>{escape.text(iid)}',
            ctx.instrument_title_md(iid) or _(wording.NOT_RECORDED),
            _other_titles(ctx, iid),
            (wording.date(r.get("adoption_date")) or _(wording.NOT_RECORDED)) + session,
            md.status_word(r.get("status") or "") or _(wording.NOT_RECORDED),
            ctx.convention_link(r["supplements"]) if r.get("supplements") else "",
            ", ".join(ctx.source_link(s) for s in ctx.cited([r] + titles.get(iid, []))),
        ])
    out.append(tables.table(ctx, INDEX, "recommendations",
                            [_("id"), _("title"), _("other languages"), _("adopted"), _("status"), _("supplements"), _("sources")],
                            cells))
    return "\n".join(out)


def write(ctx: Context) -> None:
    if "recommendations" in ctx.schemas:
        ctx.write(INDEX, index_page(ctx))
