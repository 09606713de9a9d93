"""One page per Convention and Protocol: what it is, and which of the ten countries ratified it."""
from __future__ import annotations

from . import counts, escape, md, tables, wording
from .context import CATEGORY_ORDER, Context, page_slug, sources_cell


DENUNCIATION = {"yes": "ratifying {new} denounces {old} automatically",
                "conditional": "ratifying {new} denounces {old} in some cases",
                "no": "ratifying {new} does not denounce {old}"}


def _revision_link(ctx: Context, row: dict, other: str) -> str:
    """One revision link: the other Convention, and what ratifying the newer one does to the older."""
    effect = DENUNCIATION.get(row.get("automatic_denunciation") or "", "effect on ratifications not recorded")
    effect = effect.format(new=escape.text(row["revising_id"]), old=escape.text(row["revised_id"]))
    condition = f": {escape.text(row['condition'])}" if row.get("condition") else ""
    return f"{ctx.convention_link(row[other], with_title=True)} ({effect}{condition})"


def _revision_facts(ctx: Context, iid: str) -> list[tuple[str, str]]:
    """What this Convention revises and what revised it, from the revisions table."""
    facts = []
    revises = ctx.group("revisions", "revising_id").get(iid, [])
    revised_by = ctx.group("revisions", "revised_id").get(iid, [])
    if revises:
        facts.append(("Revises", "; ".join(_revision_link(ctx, r, "revised_id") for r in revises)))
    if revised_by:
        facts.append(("Revised by", "; ".join(_revision_link(ctx, r, "revising_id") for r in revised_by)))
    return facts


def convention_page(ctx: Context, conv: dict[str, str], covered: list[str]) -> str:
    iid = conv["instrument_id"]
    title = conv.get("title") or iid
    page = f"conventions/{page_slug(iid)}.md"
    out = [md.front_matter(f"{iid} {title}", search_boost=True), f"# {escape.text(iid)}: {escape.text(title)}\n"]
    facts = [
        ("Kind", escape.text(conv.get("kind", ""))),
        ("Number", escape.text(conv.get("number", ""))),
        ("Category", escape.text(conv.get("category") or "not recorded")),
        ("Status", escape.text(conv.get("status") or "not recorded")),
        ("Adopted", escape.text(conv.get("adoption_date") or "not recorded")
         + (f" (International Labour Conference, session {escape.text(conv['ilc_session'])})" if conv.get("ilc_session") else "")),
        ("Entry into force", escape.text(conv.get("entry_into_force") or "not recorded")),
    ]
    if conv.get("parent_id"):
        facts.append(("Protocol to", ctx.convention_link(conv["parent_id"], with_title=True)))
    protocols = [c for c in ctx.rows("conventions") if c.get("parent_id") == iid]
    if protocols:
        facts.append(("Protocols", ", ".join(ctx.convention_link(p["instrument_id"], with_title=True) for p in protocols)))
    facts += _revision_facts(ctx, iid)
    if conv.get("notes"):
        facts.append(("Notes", escape.text(conv["notes"])))
    facts.append(("Sources", sources_cell(ctx, conv)))
    out.append(md.facts(facts))

    out.append("## Ratifications by the ten countries covered from Moscow\n")
    by_country = {r["iso3"]: r for r in ctx.group("ratifications", "instrument_id").get(iid, [])}
    ratified = counts.recorded_for(ctx, iid, covered)
    out.append(f"{len(ratified)} of the {len(covered)} countries have a ratification recorded in this package. "
               "The package's ratifications are partial: no row means *not recorded here*, not *not ratified*.\n")
    cells = []
    for iso3 in covered:
        r = by_country.get(iso3)
        if r:
            cells.append([ctx.country_link(iso3), md.dated(r.get("ratified"), r.get("date_basis")),
                          wording.ratification_status(ctx, r), escape.text(r.get("notes", "")), sources_cell(ctx, r)])
        else:
            cells.append([ctx.country_link(iso3), wording.NOT_RECORDED, wording.NOT_RECORDED, "", ""])
    out.append(tables.table(ctx, page, "ratifications", ["country", "ratified", "status", "notes", "sources"], cells))
    others = sorted(set(by_country) - set(covered))
    if others:
        out.append("Also recorded for: " + ", ".join(ctx.country_link(i) for i in others) + ".\n")
    rows = [conv] + list(by_country.values())
    out.append("## Sources cited { data-search-exclude }\n")
    out.append(ctx.sources_list(rows))
    return "\n".join(out)


INDEX = "conventions/index.md"


def index_page(ctx: Context, covered: list[str]) -> str:
    out = [md.front_matter("Conventions and Protocols"), "# Conventions and Protocols\n"]
    rows = ctx.rows("conventions")
    out.append(f"{sum(1 for r in rows if r.get('kind') == 'convention')} Conventions and "
               f"{sum(1 for r in rows if r.get('kind') == 'protocol')} Protocols. The last column counts the ratifications "
               f"recorded for the {len(covered)} countries covered from Moscow.\n")
    groups: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        key = "protocols" if r.get("kind") == "protocol" else (r.get("category") or "not recorded")
        groups.setdefault(key, []).append(r)
    order = CATEGORY_ORDER + ["protocols"] + sorted(k for k in groups if k not in CATEGORY_ORDER + ["protocols"])
    for key in order:
        if key not in groups:
            continue
        items = sorted(groups[key], key=lambda r: r["instrument_id"])
        out.append(f"## {escape.text(key.capitalize())} ({len(items)})\n")
        cells = [[ctx.convention_link(r["instrument_id"]), escape.text(r.get("title", "")),
                  escape.text(r.get("adoption_date") or wording.NOT_RECORDED), escape.text(r.get("status") or wording.NOT_RECORDED),
                  str(len(counts.recorded_for(ctx, r["instrument_id"], covered)))] for r in items]
        out.append(tables.table(ctx, INDEX, key, ["id", "title", "adopted", "status", f"ratification recorded (of the {len(covered)})"],
                                cells, ["---", "---", "---", "---", "--:"]))
    return "\n".join(out)


def write(ctx: Context) -> None:
    covered = ctx.covered_iso3()
    ctx.write(INDEX, index_page(ctx, covered))
    for conv in ctx.rows("conventions"):
        ctx.write(f"conventions/{page_slug(conv['instrument_id'])}.md", convention_page(ctx, conv, covered))
