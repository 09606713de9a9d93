"""One page per member State, rendered from `views.country_document` (the same nested document
the release ships as JSON); the ten countries covered from Moscow have the full picture."""
from __future__ import annotations

from .. import views
from . import charts, counts, escape, md, tables, wording
from .context import Context, page_slug, sources_cell
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


def _offices(ctx: Context, doc: dict, page: str) -> str:
    cells = [[ctx.office_link(o["office_id"]), wording.first_attested(o.get("start")), wording.ended(o.get("end")),
              _t(o.get("notes")), sources_cell(ctx, o)] for o in doc["offices"]]
    out = tables.table(ctx, page, "offices", ["office", wording.FIRST_ATTESTED, wording.ENDED, "notes", "sources"], cells) if cells else md.none(
        "No covering office recorded in this package (it records coverage for the offices relevant to Eastern Europe and Central Asia).")
    located = [o for o in ctx.rows("offices") if o.get("country") == doc["iso3"]]
    if located:
        out += "\nILO offices located in this country: " + ", ".join(ctx.office_link(o["office_id"]) for o in located) + ".\n"
    return out


def coverage_sentence(ctx: Context, iso3: str) -> str:
    """How much of the country's stated total the package records (the numbers of `ilo-data coverage`)."""
    cov, n = country_coverage(ctx, iso3), counts.ratified(ctx, iso3)
    recorded = (f"the package records {md.plural(n.conventions, 'ratified Convention')} (and {md.plural(n.protocols, 'Protocol')})"
                + (f", {n.undated} of the Conventions without a date" if n.undated else ""))
    if cov.stated is None:
        return f"{recorded}; no stated total is recorded in `claims`"
    return (f"{recorded}. The latest stated total is {cov.stated} Conventions as of "
            f"{_t(cov.as_of or 'an unknown date')} (claim {escape.code(cov.claim_id)}, source "
            f"{ctx.source_link(cov.source_id)}); {cov.held_by_as_of} of the recorded ratifications may date "
            f"from before then: **{pct(cov.share)}** of the stated total")


def ratification_summary(ctx: Context, iso3: str) -> str:
    """'fundamental 8 of 10, governance 3 of 4, technical 14; Protocols 1' (Conventions recorded per category)."""
    n, sizes = counts.ratified(ctx, iso3), counts.category_sizes(ctx)
    parts = [f"{_t(c)} {wording.count_of(n.by_category.get(c, 0), sizes[c] if c in ('fundamental', 'governance') else None)}"
             for c in counts.categories(ctx) if c in sizes or n.by_category.get(c)]
    return ", ".join(parts) + f"; {md.plural(n.protocols, 'Protocol')}"


def _ratification_cells(ctx: Context, items: list[dict]) -> list[list[str]]:
    cells = []
    for r in items:
        extra = f" (minimum age {_t(r['minimum_age'])})" if r.get("minimum_age") is not None else ""
        act = f"{_t(r.get('national_act') or 'national act')} of {_t(r['national_act_date'])}" if r.get("national_act_date") else "none recorded"
        cells.append([f"{ctx.convention_link(r['instrument_id'])} {_t(r.get('title'))}{extra}",
                      md.dated(r.get("ratified"), r.get("date_basis")), act, wording.ratification_status(ctx, r),
                      _t(" ".join(filter(None, [r.get("declaration"), r.get("notes")]))), sources_cell(ctx, r)])
    return cells


RATIFICATION_HEADERS = ["instrument", "registered by the ILO", "national act", "status", "notes", "sources"]


def _ratifications(ctx: Context, doc: dict, page: str) -> str:
    iso3 = doc["iso3"]
    out = [f"**Coverage:** {coverage_sentence(ctx, iso3)}.\n"]
    if not doc["ratifications"]["counts"].get("recorded"):
        out.append(md.none("No ratifications recorded in this package. Ratifications are recorded for the ten "
                           "countries covered from Moscow only, and even there partially."))
        return "\n".join(out)
    out.append(charts.country_chart(ctx, page, iso3))
    out.append("No row means *not recorded in this package*, not *not ratified*.\n")
    rows = [r for items in doc["ratifications"]["by_category"].values() for r in items]
    sizes, n = counts.category_sizes(ctx), counts.ratified(ctx, iso3)
    for category in counts.categories(ctx):
        items = [r for r in rows if r.get("kind") != "protocol" and (counts.instrument(ctx, r["instrument_id"]).get("category") or "uncategorised") == category]
        if not items:
            continue
        of = f" of {sizes[category]}" if category in ("fundamental", "governance") else ""
        out.append(f"### {_t(category.capitalize())} Conventions ({n.by_category.get(category, 0)}{of})\n")
        out.append(tables.table(ctx, page, f"ratifications-{category}", RATIFICATION_HEADERS, _ratification_cells(ctx, items)))
    protocols = [r for r in rows if r.get("kind") == "protocol"]
    if protocols:
        out.append(f"### Protocols ({n.protocols})\n")
        out.append(tables.table(ctx, page, "ratifications-protocols", RATIFICATION_HEADERS, _ratification_cells(ctx, protocols)))
    return "\n".join(out)


def _claims(ctx: Context, doc: dict, page: str) -> str:
    if not doc["claims"]:
        return ""
    cells = [[_t(r.get("as_of") or "undated"), escape.code(r.get("metric") or ""), _t(r.get("value")),
              _t(r.get("statement")), sources_cell(ctx, r)] for r in doc["claims"]]
    return ("## Dated claims\n\nStatements about the country in the sources, each true as of its date and source "
            "(`ilo-data claims` compares them with the data).\n\n"
            + tables.table(ctx, page, "claims", ["as of", "metric", "value", "statement", "source"], cells))


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
        facts.append(f"status: {wording.stated_status(ctx, p)}")
        facts.append(f"id: {escape.code(p['programme_id'])}")
        out.append("; ".join(facts) + ".\n")
        if p["priorities"]:
            out.append("Priorities:\n")
            out.append("\n".join(f"{i}. {_t(r.get('priority'))}" for i, r in enumerate(p["priorities"], 1)) + "\n")
        if p.get("notes"):
            out.append(f"Notes: {_t(p['notes'])}\n")
        out.append(f"Sources: {', '.join(ctx.source_link(s) for s in ctx.cited([p] + p['priorities']))}\n")
    return "\n".join(out)


PROJECT_HEADERS = ["project", "code", "period", "status", "donors", "with", "themes", "sources"]


def _projects(ctx: Context, doc: dict, page: str) -> str:
    cells = []
    for p in doc["projects"]:
        others = [ctx.country_link(i) for i in p["countries"] if i != doc["iso3"]]
        themes = ", ".join(_t(t.get("name") or t["theme_id"]) for t in p["themes"])
        cells.append([_t(p.get("title") or p["project_id"]), _t(p.get("code")), _period(p.get("start"), p.get("end")),
                      wording.stated_status(ctx, p), _t(p.get("donors")), ", ".join(others), themes,
                      sources_cell(ctx, p)])
    if not cells:
        return md.none("No project recorded in this package.")
    return tables.table(ctx, page, "projects", PROJECT_HEADERS, cells)


def _all_cited(doc: dict) -> list[dict]:
    rows = [doc["membership"]] + doc["offices"] + doc["claims"] + doc["projects"]
    for items in doc["ratifications"]["by_category"].values():
        rows += items
    for p in doc["programmes"]:
        rows += [p] + p["priorities"]
    return rows


def current_offices(ctx: Context, iso3: str) -> list[dict]:
    """Coverage rows with no end recorded, earliest first attested first."""
    return sorted((r for r in ctx.rows("office_coverage") if r.get("iso3") == iso3 and not r.get("end")),
                  key=lambda r: (r.get("start") or "9999", r["office_id"]))


def latest_programme(doc: dict) -> dict | None:
    """The programme with the latest period (the package does not say which is current)."""
    return max(doc["programmes"], key=lambda p: (p.get("start") or "", p.get("end") or "", p["programme_id"]), default=None)


def active_projects(ctx: Context, projects: list[dict]) -> str:
    """'2 of 5 projects recorded stated as ongoing (as of 2023-11, 2024)': a status is as old as its source."""
    if not projects:
        return "none recorded"
    ongoing = counts.projects_by_status(projects).get("ongoing", 0)
    dates = sorted({wording.source_date(ctx, p.get("source_id")) or "source undated" for p in projects if p.get("status") == "ongoing"})
    return (f"{ongoing} of {md.plural(len(projects), 'project')} recorded stated as ongoing"
            + (f" (as of {', '.join(_t(d) for d in dates)})" if dates else ""))


def summary(ctx: Context, doc: dict) -> str:
    """The facts a reader looks for first, each worded as what the package records."""
    iso3 = doc["iso3"]
    n, cov = counts.ratified(ctx, iso3), country_coverage(ctx, iso3)
    offices = current_offices(ctx, iso3)
    office_text = "; ".join(f"{ctx.office_link(o['office_id'])} (first attested {wording.first_attested(o.get('start'))})"
                            for o in offices) or "none recorded"
    programme = latest_programme(doc)
    programme_text = (f"{_t(programme.get('title'))} ({_period(programme.get('start'), programme.get('end'))}; status "
                      f"{wording.stated_status(ctx, programme)})" if programme else "none recorded")
    projects_text = active_projects(ctx, doc["projects"])
    coverage = (f"{cov.held_by_as_of} of {cov.stated} stated as of {_t(cov.as_of or 'an unknown date')} ({pct(cov.share)})"
                if cov.stated is not None else "no stated total recorded")
    pairs = [
        ("ILO member since", _t(doc["membership"].get("member_since") or wording.NOT_RECORDED)),
        ("Ratifications recorded", ratification_summary(ctx, iso3) if n.conventions or n.protocols else "none recorded"),
        ("Coverage of the stated total", coverage),
        ("Covering office now", office_text),
        ("Latest programme recorded", programme_text),
        ("Projects", projects_text),
    ]
    return '<div class="summary" markdown>\n\n' + md.facts(pairs) + "\n</div>\n"


def country_page(ctx: Context, doc: dict, covered: bool) -> str:
    iso3, name = doc["iso3"], doc.get("name") or doc["iso3"]
    page = f"countries/{page_slug(iso3)}.md"
    out = [md.front_matter(f"{name} ({iso3})", search_boost=True), f"# {_t(name)} ({_t(iso3)})\n"]
    if covered:
        out.append(f"{_t(name)} is one of the ten countries covered by the ILO office in Moscow, the focus of this package.\n")
    out.append(summary(ctx, doc))
    out += ["## ILO membership\n", _membership(ctx, doc)]
    out += ["## Covering office over time\n", _offices(ctx, doc, page)]
    out += ["## Ratifications\n", _ratifications(ctx, doc, page)]
    claims = _claims(ctx, doc, page)
    if claims:
        out.append(claims)
    if covered or doc["programmes"] or doc["projects"]:
        out += ["## Programmes\n", _programmes(ctx, doc), "## Projects\n", _projects(ctx, doc, page)]
    out += ["## Sources cited { data-search-exclude }\n", ctx.sources_list(_all_cited(doc))]
    return "\n".join(out)


INDEX = "countries/index.md"


def index_page(ctx: Context, covered: list[str]) -> str:
    out = [md.front_matter("Countries"), "# Countries\n",
           "Ratifications are counted as on each country's page: Conventions with a ratification recorded in this "
           "package (Protocols apart). The package records ratifications for the ten countries covered from Moscow "
           "only; elsewhere *0* means *none recorded*, not *none ratified*.\n"]
    countries = ctx.index("countries", "iso3")

    def row(iso3: str) -> list[str]:
        c, n = countries[iso3], counts.ratified(ctx, iso3)
        return [ctx.country_link(iso3), _t(iso3), _t(c.get("member_since") or wording.NOT_RECORDED), _t(c.get("ilo_region")),
                str(n.conventions), str(n.protocols),
                ", ".join(ctx.office_link(o["office_id"]) for o in current_offices(ctx, iso3)) or wording.NOT_RECORDED]
    headers = ["country", "ISO3", "member since", "ILO region", "Conventions recorded", "Protocols recorded", "covering office now"]
    align = ["---", "---", "---", "---", "--:", "--:", "---"]
    if covered:
        out.append(f"## The {len(covered)} countries covered from Moscow\n")
        out.append(tables.table(ctx, INDEX, "covered", headers, [row(i) for i in covered if i in countries], align))
    out.append(f"## All {len(countries)} member States\n")
    out.append(tables.table(ctx, INDEX, "all", headers, [row(i) for i in sorted(countries, key=lambda i: (countries[i].get("name", ""), i))], align))
    return "\n".join(out)


def write(ctx: Context) -> None:
    covered = ctx.covered_iso3()
    ctx.write(INDEX, index_page(ctx, covered))
    for iso3 in views.country_ids(ctx.tables):
        doc = views.country_document(ctx.tables, iso3)
        ctx.write(f"countries/{page_slug(iso3)}.md", country_page(ctx, doc, iso3 in covered))
