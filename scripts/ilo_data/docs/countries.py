"""One page per member State, rendered from `views.country_document` (the same nested document
the release ships as JSON); the ten countries covered from Moscow have the full picture."""
from __future__ import annotations

from .. import views
from . import charts, counts, escape, i18n, md, tables, wording
from .context import Context, page_slug, sources_cell
from .i18n import N_, _, ngettext
from .stats import country_coverage, pct


def _t(value) -> str:
    return escape.text("" if value is None else value)


def _period(start, end, open_end: str = "") -> str:
    if not start and not end:
        return ""
    return f"{wording.date(start) or '?'}–{wording.date(end) or _t(open_end)}"


def _membership(ctx: Context, doc: dict) -> str:
    m = doc["membership"]
    names = {**({i18n.SOURCE: {"name": doc.get("name") or ""}} if i18n.current() != i18n.SOURCE else {}), **doc.get("names", {})}
    facts = [
        (_("Other languages"), "; ".join(f"{_t(code)}: {_t(n['name'])}" for code, n in names.items() if code != i18n.current())),
        (_("ISO codes"), f"{_t(doc['iso3'])} / {_t(doc.get('iso2'))}"),
        (_("ILO member since"), wording.date(m.get("member_since")) or _(wording.NOT_RECORDED)),
        (_("ILO region"), _t(doc.get("ilo_region"))),
    ]
    if m.get("history"):
        facts.append((_("Membership history"), _t(m["history"])))
    if m.get("notes"):
        facts.append((_("Notes"), _t(m["notes"])))
    facts.append((_("Sources"), sources_cell(ctx, m)))
    return md.facts(facts)


def _offices(ctx: Context, doc: dict, page: str) -> str:
    cells = [[ctx.office_link(o["office_id"]), wording.first_attested(o.get("start")), wording.ended(o.get("end")),
              _t(o.get("notes")), sources_cell(ctx, o)] for o in doc["offices"]]
    out = tables.table(ctx, page, "offices", [_("office"), _(wording.FIRST_ATTESTED), _(wording.ENDED), _("notes"), _("sources")], cells) if cells else md.none(
        _("No covering office recorded in this package (it records coverage for the offices relevant to Eastern Europe and Central Asia)."))
    located = [o for o in ctx.rows("offices") if o.get("country") == doc["iso3"]]
    if located:
        out += "\n" + _("ILO offices located in this country:") + " " + ", ".join(ctx.office_link(o["office_id"]) for o in located) + ".\n"
    return out


def coverage_sentence(ctx: Context, iso3: str) -> str:
    """How much of the country's stated total the package records (the numbers of `ilo-data coverage`)."""
    cov, n = country_coverage(ctx, iso3), counts.ratified(ctx, iso3)
    recorded = (_("the package records {conventions} (and {protocols})").format(
                    conventions=ngettext("{n} ratified Convention", "{n} ratified Conventions", n.conventions),
                    protocols=ngettext("{n} Protocol", "{n} Protocols", n.protocols))
                + (", " + ngettext("{n} of the Conventions without a date", "{n} of the Conventions without a date", n.undated)
                   if n.undated else ""))
    if cov.stated is None:
        return recorded + "; " + _("no stated total is recorded in `claims`")
    return recorded + ". " + _("The latest stated total is {stated} as of {date} (claim {claim}, source {source}); "
                               "{held} of the recorded ratifications may date from before then: **{share}** of the stated total").format(
        stated=ngettext("{n} Convention", "{n} Conventions", cov.stated), date=wording.date(cov.as_of) or _("an unknown date"),
        claim=escape.code(cov.claim_id), source=ctx.source_link(cov.source_id), held=cov.held_by_as_of, share=pct(cov.share))


def ratification_summary(ctx: Context, iso3: str) -> str:
    """'fundamental 8 of 10, governance 3 of 4, technical 14; Protocols 1' (Conventions recorded per category)."""
    n, sizes = counts.ratified(ctx, iso3), counts.category_sizes(ctx)
    parts = [f"{md.status_word(c)} {wording.count_of(n.by_category.get(c, 0), sizes[c] if c in ('fundamental', 'governance') else None)}"
             for c in counts.categories(ctx) if c in sizes or n.by_category.get(c)]
    return ", ".join(parts) + "; " + ngettext("{n} Protocol", "{n} Protocols", n.protocols)


def _ratification_cells(ctx: Context, iso3: str, items: list[dict]) -> list[list[str]]:
    cells = []
    for r in items:
        extra = " " + _("(minimum age {age})").format(age=_t(r["minimum_age"])) if r.get("minimum_age") is not None else ""
        act = (_("{act} of {date}").format(act=_t(r.get("national_act")) if r.get("national_act") else _("national act"),
                                           date=wording.date(r["national_act_date"]))
               if r.get("national_act_date") else _("none recorded"))
        cells.append([f"{ctx.convention_link(r['instrument_id'])} {ctx.instrument_title_md(r['instrument_id'])}{extra}",
                      md.dated(r.get("ratified"), r.get("date_basis")), act, wording.ratification_status(ctx, r, iso3),
                      _t(" ".join(filter(None, [r.get("declaration"), r.get("notes")]))), sources_cell(ctx, r)])
    return cells


RATIFICATION_HEADERS = [N_("instrument"), N_("registered by the ILO"), N_("national act"), N_("status"), N_("notes"), N_("sources")]


def _ratifications(ctx: Context, doc: dict, page: str) -> str:
    iso3 = doc["iso3"]
    out = ["**" + _("Coverage:") + f"** {coverage_sentence(ctx, iso3)}.\n"]
    if not doc["ratifications"]["counts"].get("recorded"):
        out.append(md.none(_("No ratifications recorded in this package. Ratifications are recorded for the ten "
                             "countries covered from Moscow only, and even there partially.")))
        return "\n".join(out)
    out.append(charts.country_chart(ctx, page, iso3))
    out.append(_("No row means *not recorded in this package*, not *not ratified*.") + "\n")
    headers = [_(h) for h in RATIFICATION_HEADERS]
    rows = [r for items in doc["ratifications"]["by_category"].values() for r in items]
    sizes, n = counts.category_sizes(ctx), counts.ratified(ctx, iso3)
    for category in counts.categories(ctx):
        items = [r for r in rows if r.get("kind") != "protocol" and (counts.instrument(ctx, r["instrument_id"]).get("category") or "uncategorised") == category]
        if not items:
            continue
        count = wording.count_of(n.by_category.get(category, 0), sizes[category] if category in ("fundamental", "governance") else None)
        out.append(f"### {category_heading(category)} ({count})\n")
        out.append(tables.table(ctx, page, f"ratifications-{category}", headers, _ratification_cells(ctx, iso3, items)))
    protocols = [r for r in rows if r.get("kind") == "protocol"]
    if protocols:
        out.append("### " + _("Protocols") + f" ({n.protocols})\n")
        out.append(tables.table(ctx, page, "ratifications-protocols", headers, _ratification_cells(ctx, iso3, protocols)))
    return "\n".join(out)


CATEGORY_HEADINGS = {"fundamental": N_("Fundamental Conventions"), "governance": N_("Governance Conventions"),
                     "technical": N_("Technical Conventions"), "uncategorised": N_("Uncategorised Conventions")}


def category_heading(category: str) -> str:
    """'Fundamental Conventions' (a category the catalog does not know: its name, as in the data)."""
    if category in CATEGORY_HEADINGS:
        return _(CATEGORY_HEADINGS[category])
    return _("{category} Conventions").format(category=_t(category.capitalize()))


def _claims(ctx: Context, doc: dict, page: str) -> str:
    if not doc["claims"]:
        return ""
    cells = [[wording.date(r.get("as_of")) or _("undated"), escape.code(r.get("metric") or ""), _t(r.get("value")),
              _t(r.get("statement")), sources_cell(ctx, r)] for r in doc["claims"]]
    return ("## " + _("Dated claims") + f"\n\n" + _("Statements about the country in the sources, each true as of its date and source "
                                               "(`ilo-data claims` compares them with the data).") + "\n\n"
            + tables.table(ctx, page, "claims", [_("as of"), _("metric"), _("value"), _("statement"), _("source")], cells))


def _programmes(ctx: Context, doc: dict) -> str:
    if not doc["programmes"]:
        return md.none(_("No programme recorded in this package."))
    out = []
    for p in doc["programmes"]:
        out.append(f"### {_t(p.get('title') or p['programme_id'])}\n")
        facts = [_("kind: {value}").format(value=_t(p.get("kind")))]
        if p.get("start") or p.get("end"):
            facts.append(_("period: {value}").format(value=_period(p.get("start"), p.get("end"))))
        if p.get("signed"):
            facts.append(_("signed: {value}").format(value=wording.date(p["signed"])))
        facts.append(_("status: {value}").format(value=wording.stated_status(ctx, p)))
        facts.append(_("id: {value}").format(value=escape.code(p["programme_id"])))
        out.append("; ".join(facts) + ".\n")
        if p["priorities"]:
            out.append(_("Priorities:") + "\n")
            out.append("\n".join(f"{i}. {_t(r.get('priority'))}" for i, r in enumerate(p["priorities"], 1)) + "\n")
        if p.get("notes"):
            out.append(_("Notes:") + f" {_t(p['notes'])}\n")
        out.append(_("Sources:") + f" {', '.join(ctx.source_link(s) for s in ctx.cited([p] + p['priorities']))}\n")
    return "\n".join(out)


PROJECT_HEADERS = [N_("project"), N_("code"), N_("period"), N_("status"), N_("donors"), N_("with"), N_("themes"), N_("sources")]


def _projects(ctx: Context, doc: dict, page: str) -> str:
    cells = []
    for p in doc["projects"]:
        others = [ctx.country_link(i) for i in p["countries"] if i != doc["iso3"]]
        themes = ", ".join(_t(ctx.theme_name(t["theme_id"])) for t in p["themes"])
        cells.append([_t(p.get("title") or p["project_id"]), _t(p.get("code")), _period(p.get("start"), p.get("end")),
                      wording.stated_status(ctx, p), _t(p.get("donors")), ", ".join(others), themes,
                      sources_cell(ctx, p)])
    if not cells:
        return md.none(_("No project recorded in this package."))
    return tables.table(ctx, page, "projects", [_(h) for h in PROJECT_HEADERS], cells)


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
        return _("none recorded")
    ongoing = counts.projects_by_status(projects).get("ongoing", 0)
    dates = sorted({wording.source_date(ctx, p.get("source_id")) for p in projects if p.get("status") == "ongoing"},
                   key=lambda d: (d == "", d))
    shown = [wording.date(d) if d else _("source undated") for d in dates]
    return (ngettext("{ongoing} of {n} project recorded stated as ongoing", "{ongoing} of {n} projects recorded stated as ongoing",
                     len(projects), ongoing=ongoing)
            + (" " + _("(as of {date})").format(date=", ".join(shown)) if shown else ""))


def summary(ctx: Context, doc: dict) -> str:
    """The facts a reader looks for first, each worded as what the package records."""
    iso3 = doc["iso3"]
    n, cov = counts.ratified(ctx, iso3), country_coverage(ctx, iso3)
    offices = current_offices(ctx, iso3)
    office_text = "; ".join(ctx.office_link(o["office_id"]) + " " + _("(first attested {date})").format(date=wording.first_attested(o.get("start")))
                            for o in offices) or _("none recorded")
    programme = latest_programme(doc)
    programme_text = (_("{title} ({period}; status {status})").format(
        title=_t(programme.get("title")), period=_period(programme.get("start"), programme.get("end")),
        status=wording.stated_status(ctx, programme)) if programme else _("none recorded"))
    projects_text = active_projects(ctx, doc["projects"])
    coverage = (_("{held} of {stated} stated as of {date} ({share})").format(
        held=cov.held_by_as_of, stated=cov.stated, date=wording.date(cov.as_of) or _("an unknown date"), share=pct(cov.share))
                if cov.stated is not None else _("no stated total recorded"))
    pairs = [
        (_("ILO member since"), wording.date(doc["membership"].get("member_since")) or _(wording.NOT_RECORDED)),
        (_("Ratifications recorded"), ratification_summary(ctx, iso3) if n.conventions or n.protocols else _("none recorded")),
        (_("Coverage of the stated total"), coverage),
        (_("Covering office now"), office_text),
        (_("Latest programme recorded"), programme_text),
        (_("Projects"), projects_text),
    ]
    return '<div class="summary" markdown>\n\n' + md.facts(pairs) + "\n</div>\n"


def country_page(ctx: Context, doc: dict, covered: bool) -> str:
    iso3 = doc["iso3"]
    name = ctx.country_name(iso3) if i18n.current() != i18n.SOURCE else (doc.get("name") or iso3)
    page = f"countries/{page_slug(iso3)}.md"
    out = [md.front_matter(f"{name} ({iso3})", search_boost=True), f"# {_t(name)} ({_t(iso3)})\n"]
    if covered:
        out.append(_("{name} is one of the ten countries covered by the ILO office in Moscow, the focus of this package.").format(name=_t(name)) + "\n")
    out.append(summary(ctx, doc))
    out += ["## " + _("ILO membership") + f" {{ #ilo-membership }}\n", _membership(ctx, doc)]
    out += ["## " + _("Covering office over time") + f" {{ #covering-office-over-time }}\n", _offices(ctx, doc, page)]
    out += ["## " + _("Ratifications") + f" {{ #ratifications }}\n", _ratifications(ctx, doc, page)]
    claims = _claims(ctx, doc, page)
    if claims:
        out.append(claims)
    if covered or doc["programmes"] or doc["projects"]:
        out += ["## " + _("Programmes") + f" {{ #programmes }}\n", _programmes(ctx, doc), "## " + _("Projects") + f" {{ #projects }}\n", _projects(ctx, doc, page)]
    out += ["## " + _("Sources cited") + f" {{ #sources-cited data-search-exclude }}\n", ctx.sources_list(_all_cited(doc))]
    return "\n".join(out)


INDEX = "countries/index.md"


def index_page(ctx: Context, covered: list[str]) -> str:
    out = [md.front_matter(_("Countries")), "# " + _("Countries") + f"\n",
           _("Ratifications are counted as on each country's page: Conventions with a ratification recorded in this "
             "package (Protocols apart). The package records ratifications for the ten countries covered from Moscow "
             "only; elsewhere *0* means *none recorded*, not *none ratified*.") + "\n"]
    countries = ctx.index("countries", "iso3")

    def row(iso3: str) -> list[str]:
        c, n = countries[iso3], counts.ratified(ctx, iso3)
        return [ctx.country_link(iso3), _t(iso3), wording.date(c.get("member_since")) or _(wording.NOT_RECORDED), _t(c.get("ilo_region")),
                str(n.conventions), str(n.protocols),
                ", ".join(ctx.office_link(o["office_id"]) for o in current_offices(ctx, iso3)) or _(wording.NOT_RECORDED)]
    headers = [_("country"), "ISO3", _("member since"), _("ILO region"), _("Conventions recorded"), _("Protocols recorded"),
               _("covering office now")]
    align = ["---", "---", "---", "---", "--:", "--:", "---"]
    if covered:
        out.append("## " + ngettext("The {n} country covered from Moscow", "The {n} countries covered from Moscow", len(covered)) + "\n")
        out.append(tables.table(ctx, INDEX, "covered", headers, [row(i) for i in covered if i in countries], align))
    out.append("## " + ngettext("All {n} member State", "All {n} member States", len(countries)) + "\n")
    out.append(tables.table(ctx, INDEX, "all", headers, [row(i) for i in sorted(countries, key=lambda i: (ctx.country_name(i), i))], align))
    return "\n".join(out)


def write(ctx: Context) -> None:
    covered = ctx.covered_iso3()
    ctx.write(INDEX, index_page(ctx, covered))
    for iso3 in views.country_ids(ctx.tables):
        doc = views.country_document(ctx.tables, iso3)
        ctx.write(f"countries/{page_slug(iso3)}.md", country_page(ctx, doc, iso3 in covered))
