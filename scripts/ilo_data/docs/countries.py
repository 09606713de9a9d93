"""One page per member State, rendered from `views.country_document` (the same nested document
the release ships as JSON); the ten countries covered from Moscow have the full picture."""
from __future__ import annotations

from .. import views
from . import escape, md
from .context import CATEGORY_ORDER, Context, page_slug, sources_cell
from .stats import country_coverage, pct


def _t(value) -> str:
    return escape.text("" if value is None else value)


def _period(start, end, open_end: str = "") -> str:
    if not start and not end:
        return ""
    return f"{_t(start or '?')}–{_t(end or open_end)}"


def _membership(ctx: Context, doc: dict) -> str:
    m = doc["membership"]
    facts = [
        ("Other languages", "; ".join(f"{_t(code)}: {_t(n['name'])}" for code, n in doc.get("names", {}).items())),
        ("ISO codes", f"{_t(doc['iso3'])} / {_t(doc.get('iso2'))}"),
        ("ILO member since", _t(m.get("member_since") or "not recorded")),
        ("ILO region", _t(doc.get("ilo_region"))),
    ]
    if m.get("history"):
        facts.append(("Membership history", _t(m["history"])))
    if m.get("notes"):
        facts.append(("Notes", _t(m["notes"])))
    facts.append(("Sources", sources_cell(ctx, m)))
    return md.facts(facts)


def _offices(ctx: Context, doc: dict) -> str:
    cells = [[ctx.office_link(o["office_id"]), _t(o.get("start")), _t(o.get("end") or "still"), _t(o.get("notes")),
              sources_cell(ctx, o)] for o in doc["offices"]]
    out = md.table(["office", "from", "to", "notes", "sources"], cells) if cells else md.none(
        "No covering office recorded in this package (it records coverage for the offices relevant to Eastern Europe and Central Asia).")
    located = [o for o in ctx.rows("offices") if o.get("country") == doc["iso3"]]
    if located:
        out += "\nILO offices located in this country: " + ", ".join(ctx.office_link(o["office_id"]) for o in located) + ".\n"
    return out


def _ratifications(ctx: Context, doc: dict) -> str:
    iso3 = doc["iso3"]
    cov = country_coverage(ctx, iso3)
    out = []
    recorded = (f"the package records {md.plural(cov.held, 'ratified Convention')} (and {md.plural(cov.protocols_held, 'Protocol')})"
                + (f", {cov.undated} of them without a date" if cov.undated else ""))
    if cov.stated is not None:
        out.append(f"**Coverage:** {recorded}. The latest stated total is {cov.stated} Conventions as of "
                   f"{_t(cov.as_of or 'an unknown date')} (claim {escape.code(cov.claim_id)}, source "
                   f"{ctx.source_link(cov.source_id)}); {cov.held_by_as_of} of the recorded ratifications may date "
                   f"from before then: **{pct(cov.share)}** of the stated total.\n")
    else:
        out.append(f"**Coverage:** {recorded}; no stated total is recorded in `claims`.\n")
    by_category = doc["ratifications"]["by_category"]
    if not doc["ratifications"]["counts"].get("recorded"):
        out.append(md.none("No ratifications recorded in this package. Ratifications are recorded for the ten "
                           "countries covered from Moscow only, and even there partially."))
        return "\n".join(out)
    out.append(f"![Ratifications of {_t(doc['name'])} over time](../charts/ratifications-{page_slug(iso3)}.svg)\n")
    order = list(CATEGORY_ORDER) + sorted(k for k in by_category if k not in CATEGORY_ORDER)
    for category in order:
        items = by_category.get(category) or []
        if not items:
            continue
        out.append(f"### {_t(category.capitalize())} ({len(items)})\n")
        cells = []
        for r in items:
            extra = f" (minimum age {_t(r['minimum_age'])})" if r.get("minimum_age") is not None else ""
            kind = " (Protocol)" if r.get("kind") == "protocol" else ""
            act = f"{_t(r.get('national_act') or 'national act')} of {_t(r['national_act_date'])}" if r.get("national_act_date") else ""
            cells.append([f"{ctx.convention_link(r['instrument_id'])} {_t(r.get('title'))}{kind}{extra}",
                          md.dated(r.get("ratified"), r.get("date_basis")), act, md.status(r),
                          _t(" ".join(filter(None, [r.get("declaration"), r.get("notes")]))), sources_cell(ctx, r)])
        out.append(md.table(["instrument", "registered by the ILO", "national act", "status", "notes", "sources"], cells))
    return "\n".join(out)


def _claims(ctx: Context, doc: dict) -> str:
    if not doc["claims"]:
        return ""
    cells = [[_t(r.get("as_of") or "undated"), escape.code(r.get("metric") or ""), _t(r.get("value")),
              _t(r.get("statement")), sources_cell(ctx, r)] for r in doc["claims"]]
    return ("## Dated claims\n\nStatements about the country in the sources, each true as of its date and source "
            "(`ilo-data claims` compares them with the data).\n\n"
            + md.table(["as of", "metric", "value", "statement", "source"], cells))


def _programmes(ctx: Context, doc: dict) -> str:
    if not doc["programmes"]:
        return md.none("No programme recorded in this package.")
    out = []
    for p in doc["programmes"]:
        out.append(f"### {_t(p.get('title') or p['programme_id'])}\n")
        facts = [f"kind: {_t(p.get('kind'))}"]
        if p.get("start") or p.get("end"):
            facts.append(f"period: {_period(p.get('start'), p.get('end'))}")
        if p.get("signed"):
            facts.append(f"signed: {_t(p['signed'])}")
        facts.append(f"status: {_t(p.get('status') or 'not stated')}")
        facts.append(f"id: {escape.code(p['programme_id'])}")
        out.append("; ".join(facts) + ".\n")
        if p["priorities"]:
            out.append("Priorities:\n")
            out.append("\n".join(f"{i}. {_t(r.get('priority'))}" for i, r in enumerate(p["priorities"], 1)) + "\n")
        if p.get("notes"):
            out.append(f"Notes: {_t(p['notes'])}\n")
        out.append(f"Sources: {', '.join(ctx.source_link(s) for s in ctx.cited([p] + p['priorities']))}\n")
    return "\n".join(out)


def _projects(ctx: Context, doc: dict) -> str:
    cells = []
    for p in doc["projects"]:
        others = [ctx.country_link(i) for i in p["countries"] if i != doc["iso3"]]
        themes = ", ".join(_t(t.get("name") or t["theme_id"]) for t in p["themes"])
        cells.append([_t(p.get("title") or p["project_id"]), _t(p.get("code")), _period(p.get("start"), p.get("end")),
                      _t(p.get("status") or "not stated"), _t(p.get("donors")), ", ".join(others), themes,
                      sources_cell(ctx, p)])
    if not cells:
        return md.none("No project recorded in this package.")
    return md.table(["project", "code", "period", "status", "donors", "with", "themes", "sources"], cells)


def _all_cited(doc: dict) -> list[dict]:
    rows = [doc["membership"]] + doc["offices"] + doc["claims"] + doc["projects"]
    for items in doc["ratifications"]["by_category"].values():
        rows += items
    for p in doc["programmes"]:
        rows += [p] + p["priorities"]
    return rows


def country_page(ctx: Context, doc: dict, covered: bool) -> str:
    iso3, name = doc["iso3"], doc.get("name") or doc["iso3"]
    out = [md.front_matter(f"{name} ({iso3})"), f"# {_t(name)} ({_t(iso3)})\n"]
    if covered:
        out.append(f"{_t(name)} is one of the ten countries covered by the ILO office in Moscow, the focus of this package.\n")
    out += ["## ILO membership\n", _membership(ctx, doc)]
    out += ["## Covering office over time\n", _offices(ctx, doc)]
    out += ["## Ratifications\n", _ratifications(ctx, doc)]
    claims = _claims(ctx, doc)
    if claims:
        out.append(claims)
    if covered or doc["programmes"] or doc["projects"]:
        out += ["## Programmes\n", _programmes(ctx, doc), "## Projects\n", _projects(ctx, doc)]
    out += ["## Sources cited\n", ctx.sources_list(_all_cited(doc))]
    return "\n".join(out)


def index_page(ctx: Context, covered: list[str]) -> str:
    out = [md.front_matter("Countries"), "# Countries\n"]
    countries = ctx.index("countries", "iso3")
    current: dict[str, list[str]] = {}
    for r in sorted(ctx.rows("office_coverage"), key=lambda r: r.get("start", "")):
        if not r.get("end"):
            current.setdefault(r["iso3"], []).append(r["office_id"])

    def row(iso3: str) -> list[str]:
        c = countries[iso3]
        return [ctx.country_link(iso3), _t(iso3), _t(c.get("member_since")), _t(c.get("ilo_region")),
                str(len(ctx.group("ratifications", "iso3").get(iso3, []))),
                ", ".join(ctx.office_link(o) for o in current.get(iso3, []))]
    headers = ["country", "ISO3", "member since", "ILO region", "ratifications recorded", "covering office now"]
    align = ["---", "---", "---", "---", "--:", "---"]
    if covered:
        out.append(f"## The {len(covered)} countries covered from Moscow\n")
        out.append(md.table(headers, [row(i) for i in covered if i in countries], align))
    out.append(f"## All {len(countries)} member States\n")
    out.append(md.table(headers, [row(i) for i in sorted(countries, key=lambda i: (countries[i].get("name", ""), i))], align))
    return "\n".join(out)


def write(ctx: Context) -> None:
    covered = ctx.covered_iso3()
    ctx.write("countries/index.md", index_page(ctx, covered))
    for iso3 in views.country_ids(ctx.tables):
        doc = views.country_document(ctx.tables, iso3)
        ctx.write(f"countries/{page_slug(iso3)}.md", country_page(ctx, doc, iso3 in covered))
