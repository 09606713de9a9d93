"""Office pages: the hierarchy as a tree (from `views.office_tree`), each office's history and coverage."""
from __future__ import annotations

from .. import views
from . import escape, md, tables, wording
from .context import Context, page_slug, sources_cell
from .i18n import _, ngettext


def _t(value) -> str:
    return escape.text("" if value is None else value)


def _flatten(forest: list[dict], parent: dict | None = None, out: dict | None = None) -> dict[str, tuple[dict, dict | None]]:
    out = {} if out is None else out
    for node in forest:
        out[node["office_id"]] = (node, parent)
        _flatten(node["children"], node, out)
    return out


def tree(ctx: Context, forest: list[dict], prefix: str = "../") -> str:
    lines: list[str] = []

    def walk(node: dict, depth: int) -> None:
        detail = [d for d in (_t(node.get("type")), _t(node.get("city"))) if d]
        if node.get("established"):
            detail.append(_("established {date}").format(date=wording.date(node["established"])))
        if node.get("closed"):
            detail.append(_("closed {date}").format(date=wording.date(node["closed"])))
        if node["coverage"]:
            detail.append(ngettext("covers {n} country", "covers {n} countries", len({c["iso3"] for c in node["coverage"]})))
        lines.append("    " * depth + f"- {ctx.office_link(node['office_id'], prefix)} ({', '.join(detail)})")
        for child in node["children"]:
            walk(child, depth + 1)

    for node in forest:
        walk(node, 0)
    return "\n".join(lines) + "\n" if lines else md.none(_("No offices recorded."))


def office_page(ctx: Context, node: dict, parents: dict[str, tuple[dict, dict | None]]) -> str:
    oid = node["office_id"]
    name = ctx.office_name(oid)
    page = f"offices/{page_slug(oid)}.md"
    out = [md.front_matter(name), f"# {_t(name)}\n"]
    parent = parents[oid][1]
    facts = [
        (_("Id"), escape.code(oid)),
        (_("Type"), _t(node.get("type"))),
        (_("City"), _t(node.get("city"))),
        (_("Country"), ctx.country_link(node["country"]) if node.get("country") else ""),
        (_("Part of"), ctx.office_link(parent["office_id"]) if parent else _("top of the hierarchy")),
        (_("Established"), wording.date(node.get("established")) or _(wording.NOT_RECORDED)),
        (_("Closed"), wording.date(node.get("closed")) or _("no closing date recorded")),
    ]
    if node["children"]:
        facts.append((_("Offices under it"), ", ".join(ctx.office_link(c["office_id"]) for c in node["children"])))
    if node.get("notes"):
        facts.append((_("Notes"), _t(node["notes"])))
    facts.append((_("Sources"), sources_cell(ctx, node)))
    out.append(md.facts(facts))
    chain, cur = [], parent
    while cur is not None:
        chain.append(ctx.office_link(cur["office_id"]))
        cur = parents[cur["office_id"]][1]
    if chain:
        out.append(_("Hierarchy:") + " " + " → ".join(reversed(chain)) + f" → {_t(name)}\n")
    out.append("## " + _("History") + f" {{ #history }}\n")
    if node["events"]:
        out.append(tables.table(ctx, page, "history", [_("date"), _("event"), _("what happened"), _("notes"), _("sources")], [
            [wording.date(e.get("date")), _t(e.get("event")), _t(e.get("description")), _t(e.get("notes")), sources_cell(ctx, e)]
            for e in node["events"]]))
    else:
        out.append(md.none(_("No dated events recorded.")))
    out.append("## " + _("Coverage") + f" {{ #coverage }}\n")
    coverage = sorted(node["coverage"], key=lambda r: (r.get("start") or "", ctx.country_name(r["iso3"])))
    if coverage:
        still = sum(1 for r in coverage if not r.get("end"))
        out.append(ngettext("{n} country covered at some time; {still} with no end date recorded.",
                            "{n} countries covered at some time; {still} with no end date recorded.",
                            len({r["iso3"] for r in coverage}), still=still) + " "
                   + _("*First attested* is the earliest date a source supports for the coverage, which may have begun earlier.") + "\n")
        out.append(tables.table(ctx, page, "coverage", [_("country"), _(wording.FIRST_ATTESTED), _(wording.ENDED), _("notes"), _("sources")], [
            [ctx.country_link(r["iso3"]), wording.first_attested(r.get("start")), wording.ended(r.get("end")), _t(r.get("notes")),
             sources_cell(ctx, r)] for r in coverage]))
    else:
        out.append(md.none(_("No country coverage recorded for this office.")))
    out += ["## " + _("Sources cited") + f" {{ #sources-cited data-search-exclude }}\n", ctx.sources_list([node] + node["events"] + coverage)]
    return "\n".join(out)


def index_page(ctx: Context, forest: list[dict]) -> str:
    return "\n".join([
        md.front_matter(_("ILO offices")), "# " + _("ILO offices") + f"\n",
        _("The offices recorded in the package, each under the office it reports to. Each office's page gives its "
          "dated history and the countries it covers over time.") + "\n",
        tree(ctx, forest),
    ])


def write(ctx: Context) -> None:
    forest = views.office_tree(ctx.tables)
    parents = _flatten(forest)
    ctx.write("offices/index.md", index_page(ctx, forest))
    for oid, (node, _) in parents.items():
        ctx.write(f"offices/{page_slug(oid)}.md", office_page(ctx, node, parents))
