"""One page per Convention and Protocol: what it is, and which of the ten countries ratified it."""
from __future__ import annotations

from .. import languages
from . import counts, escape, i18n, md, recommendations, tables, wording
from .context import CATEGORY_ORDER, Context, page_slug, sources_cell
from .i18n import N_, _, ngettext


DENUNCIATION = {"yes": N_("ratifying {new} denounces {old} automatically"),
                "conditional": N_("ratifying {new} denounces {old} in some cases"),
                "no": N_("ratifying {new} does not denounce {old}")}
ENTRY_FOR_MEMBER = {"on-registration": N_("on the day its ratification is registered"),
                    "90-days": N_("90 days after its ratification is registered"),
                    "6-months": N_("six months after its ratification is registered"),
                    "12-months": N_("twelve months after its ratification is registered")}
TAKES_EFFECT = {"registration": N_("on the day the ratification of {new} is registered"),
                "entry-into-force": N_("when {new} enters into force for the member, twelve months after registration")}


def _revision_link(ctx: Context, row: dict, other: str) -> str:
    """One revision link: the other Convention, and what ratifying the newer one does to the older."""
    effect = _(DENUNCIATION.get(row.get("automatic_denunciation") or "", N_("effect on ratifications not recorded")))
    effect = effect.format(new=escape.text(row["revising_id"]), old=escape.text(row["revised_id"]))
    when = TAKES_EFFECT.get(row.get("takes_effect") or "") if row.get("automatic_denunciation") == "yes" else None
    if when:
        effect += " " + _(when).format(new=escape.text(row["revising_id"]))
    condition = f": {escape.text(row['condition'])}" if row.get("condition") else ""
    return f"{ctx.convention_link(row[other], with_title=True)} ({effect}{condition})"


def _revision_facts(ctx: Context, iid: str) -> list[tuple[str, str]]:
    """What this Convention revises and what revised it, from the revisions table."""
    facts = []
    revises = ctx.group("revisions", "revising_id").get(iid, [])
    revised_by = ctx.group("revisions", "revised_id").get(iid, [])
    if revises:
        facts.append((_("Revises"), "; ".join(_revision_link(ctx, r, "revised_id") for r in revises)))
    if revised_by:
        facts.append((_("Revised by"), "; ".join(_revision_link(ctx, r, "revising_id") for r in revised_by)))
    return facts


def _titles(ctx: Context, iid: str) -> tuple[str, list[dict[str, str]]]:
    """The title in each other language of the package, each with its source ("not recorded" where
    none is held), and the label rows shown: the page carries every title, so search finds it."""
    held = {r.get("language"): r for r in ctx.group("convention_titles", "instrument_id").get(iid, [])}
    parts, shown = [], []
    for code in languages.LANGUAGES:
        if code == i18n.current():
            continue
        row = held.get(code)
        if row:
            shown.append(row)
            parts.append(f'{escape.text(code)}: <span lang="{escape.attr(code)}">{escape.text(row.get("title"))}</span> '
                         f'({ctx.source_link(row.get("source_id", ""))})')
        else:
            parts.append(f"{escape.text(code)}: " + _(wording.NOT_RECORDED))
    return "; ".join(parts), shown


def convention_page(ctx: Context, conv: dict[str, str], covered: list[str]) -> str:
    iid = conv["instrument_id"]
    page = f"conventions/{page_slug(iid)}.md"
    heading = ctx.instrument_title_md(iid) if conv.get("title") else escape.text(iid)
    out = [md.front_matter(f"{iid} {ctx.instrument_title_plain(iid) or iid}", search_boost=True), f"# {escape.text(iid)}: {heading}\n"]
    if i18n.current() != i18n.SOURCE and ctx.instrument_title(iid)[0] != conv.get("title") and conv.get("title"):
        out.append(_("English title:") + f' <span lang="en">{escape.text(conv["title"])}</span>\n')
    not_recorded = _(wording.NOT_RECORDED)
    clause = ENTRY_FOR_MEMBER.get(conv.get("entry_for_member") or "")
    titles, title_rows = _titles(ctx, iid)
    facts = [
        (_("Other languages"), titles),
        (_("Kind"), md.status_word(conv.get("kind", ""))),
        (_("Number"), escape.text(conv.get("number", ""))),
        (_("Category"), md.status_word(conv.get("category") or "") or not_recorded),
        (_("Status"), md.status_word(conv.get("status") or "") or not_recorded),
        (_("Adopted"), (wording.date(conv.get("adoption_date")) or not_recorded)
         + (" " + _("(International Labour Conference, session {session})").format(session=escape.text(conv["ilc_session"]))
            if conv.get("ilc_session") else "")),
        (_("Entry into force"), wording.date(conv.get("entry_into_force")) or not_recorded),
        (_("Entry into force for a member"), _(clause) if clause else not_recorded),
    ]
    if conv.get("parent_id"):
        facts.append((_("Protocol to"), ctx.convention_link(conv["parent_id"], with_title=True)))
    protocols = [c for c in ctx.rows("conventions") if c.get("parent_id") == iid]
    if protocols:
        facts.append((_("Protocols"), ", ".join(ctx.convention_link(p["instrument_id"], with_title=True) for p in protocols)))
    facts += _revision_facts(ctx, iid)
    supplements = sorted(ctx.group("recommendations", "supplements").get(iid, []), key=lambda r: r["instrument_id"])
    if supplements:
        facts.append((_("Supplemented by"), "; ".join(
            f"[{escape.text(r['instrument_id'])} {ctx.instrument_title_md(r['instrument_id'])}]({recommendations.link(r['instrument_id'])})"
            for r in supplements)))
    if conv.get("notes"):
        facts.append((_("Notes"), escape.text(conv["notes"])))
    facts.append((_("Sources"), sources_cell(ctx, conv)))
    out.append(md.facts(facts))

    out.append("## " + _("Ratifications by the ten countries covered from Moscow") + " { #ratifications-by-the-ten-countries-covered-from-moscow }\n")
    by_country = {r["iso3"]: r for r in ctx.group("ratifications", "instrument_id").get(iid, [])}
    ratified = counts.recorded_for(ctx, iid, covered)
    out.append(ngettext("{recorded} of the {n} country has a ratification recorded in this package.",
                        "{recorded} of the {n} countries have a ratification recorded in this package.",
                        len(covered), recorded=len(ratified)) + " "
               + _("The package's ratifications are partial: no row means *not recorded here*, not *not ratified*.") + "\n")
    cells = []
    for iso3 in covered:
        r = by_country.get(iso3)
        if r:
            cells.append([ctx.country_link(iso3), md.dated(r.get("ratified"), r.get("date_basis")),
                          wording.ratification_status(ctx, r), escape.text(r.get("notes", "")), sources_cell(ctx, r)])
        else:
            cells.append([ctx.country_link(iso3), not_recorded, not_recorded, "", ""])
    out.append(tables.table(ctx, page, "ratifications", [_("country"), _("ratified"), _("status"), _("notes"), _("sources")], cells))
    others = sorted(set(by_country) - set(covered))
    if others:
        out.append(_("Also recorded for:") + " " + ", ".join(ctx.country_link(i) for i in others) + ".\n")
    rows = [conv] + title_rows + list(by_country.values())
    out.append("## " + _("Sources cited") + f" {{ #sources-cited data-search-exclude }}\n")
    out.append(ctx.sources_list(rows))
    return "\n".join(out)


INDEX = "conventions/index.md"


def index_page(ctx: Context, covered: list[str]) -> str:
    out = [md.front_matter(_("Conventions and Protocols")), "# " + _("Conventions and Protocols") + f"\n"]
    rows = ctx.rows("conventions")
    out.append(_("{conventions} and {protocols}.").format(
        conventions=ngettext("{n} Convention", "{n} Conventions", sum(1 for r in rows if r.get("kind") == "convention")),
        protocols=ngettext("{n} Protocol", "{n} Protocols", sum(1 for r in rows if r.get("kind") == "protocol"))) + " "
        + ngettext("The last column counts the ratifications recorded for the {n} country covered from Moscow.",
                   "The last column counts the ratifications recorded for the {n} countries covered from Moscow.", len(covered)) + "\n")
    groups: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        key = "protocols" if r.get("kind") == "protocol" else (r.get("category") or "not recorded")
        groups.setdefault(key, []).append(r)
    order = CATEGORY_ORDER + ["protocols"] + sorted(k for k in groups if k not in CATEGORY_ORDER + ["protocols"])
    for key in order:
        if key not in groups:
            continue
        items = sorted(groups[key], key=lambda r: r["instrument_id"])
        label = md.status_word(key)
        out.append(f"## {label[:1].upper() + label[1:]} ({len(items)})\n")
        cells = [[ctx.convention_link(r["instrument_id"]), ctx.instrument_title_md(r["instrument_id"]),
                  wording.date(r.get("adoption_date")) or _(wording.NOT_RECORDED),
                  md.status_word(r.get("status") or "") or _(wording.NOT_RECORDED),
                  str(len(counts.recorded_for(ctx, r["instrument_id"], covered)))] for r in items]
        out.append(tables.table(ctx, INDEX, key, [_("id"), _("title"), _("adopted"), _("status"),
                                                   _("ratification recorded (of the {n})").format(n=len(covered))],
                                cells, ["---", "---", "---", "---", "--:"]))
    return "\n".join(out)


def write(ctx: Context) -> None:
    covered = ctx.covered_iso3()
    ctx.write(INDEX, index_page(ctx, covered))
    for conv in ctx.rows("conventions"):
        ctx.write(f"conventions/{page_slug(conv['instrument_id'])}.md", convention_page(ctx, conv, covered))
