"""Static SVG charts drawn at build time (no CDN), each offered with its data (CSV), as SVG and as PNG.

Every number drawn comes from `counts` (the same function as every page): the legend of the
ratifications chart says what the Countries page says. Text is at least 12 px at the chart's own size;
on a phone the chart keeps that size and scrolls inside its frame (docs/stylesheets/extra.css)."""
from __future__ import annotations

from . import counts, escape, i18n, md, tables, wording
from .i18n import N_, _, ngettext
from .colour import BLACK, ink
from .context import Context, page_slug
from .stats import country_coverage, pct, year
from .svg import PALETTE, Svg

STATUS_COLOURS = {"in force": "#2e7d32", "": "#81c784", "not in force": "#f9a825", "denounced": "#c62828",
                  "abrogated": "#6d4c41", "withdrawn": "#6d4c41"}
NOT_RECORDED_FILL = "#ffffff"
FONT, SMALL = 13, 12     # px at the chart's own size; never below 12

LEGEND = [(N_("in force"), STATUS_COLOURS["in force"]), (N_("status not stated"), STATUS_COLOURS[""]),
          (N_("not in force"), STATUS_COLOURS["not in force"]), (N_("denounced"), STATUS_COLOURS["denounced"]),
          (wording.NOT_RECORDED, NOT_RECORDED_FILL), (N_("? = no date recorded"), None)]


def fundamental(ctx: Context) -> list[dict[str, str]]:
    """The fundamental Conventions (not their Protocols), by number."""
    rows = [c for c in ctx.rows("conventions") if c.get("category") == "fundamental" and c.get("kind", "convention") == "convention"]
    return sorted(rows, key=lambda c: int(c.get("number") or 0) if (c.get("number") or "").isdigit() else 0)


def _legend_width(items) -> int:
    return sum(34 + 8 * len(label) for label, _ in items)


def matrix_cell(r: dict | None) -> str:
    """What a cell of the fundamental matrix says, in the chart's table and CSV."""
    if r is None:
        return _(wording.NOT_RECORDED)
    status = _(md.VOCABULARY[r["status"]]) if r.get("status") in md.VOCABULARY else (r.get("status") or _("status not stated"))
    return f"{i18n.date(r.get('ratified')) or _('no date')}, {status}"


def matrix_svg(ctx: Context, covered: list[str]) -> str:
    convs = fundamental(ctx)
    cell_w, cell_h, left, top = 60, 30, 170, 60
    legend = [(_(label), colour) for label, colour in LEGEND]
    legend_rows = [legend[:3], legend[3:]]
    width = max(left + cell_w * max(len(convs), 1) + 20, max(left + _legend_width(r) for r in legend_rows))
    svg = Svg(width, top + cell_h * max(len(covered), 1) + 75,
              _("Ratification of the fundamental Conventions by the ten countries covered from Moscow"),
              _("Rows: countries; columns: fundamental Conventions; a filled cell is a ratification recorded in the package, "
                "labelled with its year; colour shows the recorded status. A white cell is not recorded in the package "
                "(which is not the same as not ratified)."))
    for j, c in enumerate(convs):
        svg.text(left + cell_w * j + cell_w / 2, top - 10, c["instrument_id"], size=FONT, anchor="middle", font_weight="bold")
    rats = {(r["iso3"], r["instrument_id"]): r for r in ctx.rows("ratifications")}
    for i, iso3 in enumerate(covered):
        y = top + cell_h * i
        svg.text(left - 8, y + cell_h / 2 + 5, ctx.country_name(iso3), size=FONT, anchor="end")
        for j, c in enumerate(convs):
            x = left + cell_w * j
            r = rats.get((iso3, c["instrument_id"]))
            tip = f"{ctx.country_name(iso3)}, {c['instrument_id']}: {matrix_cell(r)}"
            if r:
                colour = STATUS_COLOURS.get(r.get("status", ""), STATUS_COLOURS[""])
                svg.rect(x + 1, y + 1, cell_w - 2, cell_h - 2, tip=tip, fill=colour)
                svg.text(x + cell_w / 2, y + cell_h / 2 + 5, str(year(r.get("ratified", "")) or "?"), size=SMALL,
                         anchor="middle", fill=ink(colour))
            else:
                svg.rect(x + 1, y + 1, cell_w - 2, cell_h - 2, tip=tip, fill=NOT_RECORDED_FILL, stroke="#757575")
    for k, items in enumerate(legend_rows):
        ly, x = top + cell_h * len(covered) + 28 + 24 * k, left
        for label, colour in items:
            if colour:
                svg.rect(x, ly - 12, 15, 15, fill=colour, stroke="#757575")
            svg.text(x + 20 if colour else x, ly, label, size=SMALL, fill=BLACK)
            x += 34 + 8 * len(label)
    return svg.render()


def matrix_table(ctx: Context, covered: list[str]) -> tuple[list[str], list[list[str]]]:
    convs = fundamental(ctx)
    rats = {(r["iso3"], r["instrument_id"]): r for r in ctx.rows("ratifications")}
    headers = [_("country")] + [ctx.convention_link(c["instrument_id"]) for c in convs]
    rows = [[ctx.country_link(i)] + [escape.text(matrix_cell(rats.get((i, c["instrument_id"])))) for c in convs] for i in covered]
    return headers, rows


def cumulative(ctx: Context, iso3: str) -> tuple[list[tuple[int, int]], int]:
    """(year, cumulative count) steps for the country's dated Convention ratifications (as counted by
    `counts.ratified`), and the number without a date."""
    years = [year(r.get("ratified", "")) for r in counts.convention_rows(ctx, iso3)]
    dated = sorted(y for y in years if y)
    steps, count = [], 0
    for y in sorted(set(dated)):
        count += dated.count(y)
        steps.append((y, count))
    return steps, len(years) - len(dated)


def legend_label(ctx: Context, iso3: str) -> str:
    n = counts.ratified(ctx, iso3)
    return f"{ctx.country_name(iso3)} ({n.conventions}" + ("; " + _("{n} undated").format(n=n.undated) + ")" if n.undated else ")")


def timeline_svg(ctx: Context, countries: list[str], title: str) -> str:
    series = {iso3: cumulative(ctx, iso3) for iso3 in countries}
    years = [y for steps, _ in series.values() for y, _ in steps]
    first = min(years, default=1990) // 10 * 10
    last = max(years, default=2020) + 1  # deterministic: from the data, not the clock
    top_count = max((steps[-1][1] for steps, _ in series.values() if steps), default=1)
    top_count = max(5, -(-top_count // 5) * 5)
    many = len(countries) > 1
    width, height, left, right, top, bottom = 760, 360 if many else 240, 50, 230 if many else 20, 30, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    svg = Svg(width, height, title, _("Cumulative number of Conventions ratified with a recorded date, by year "
                                      "(Protocols are not counted). Ratifications recorded without a date are not drawn; the legend "
                                      "gives all recorded Conventions and how many of them are undated."))
    sx = lambda y: left + (y - first) / max(last - first, 1) * plot_w
    sy = lambda c: top + plot_h - c / top_count * plot_h
    for c in range(0, top_count + 1, max(1, top_count // 5)):
        svg.line(left, sy(c), left + plot_w, sy(c), stroke="#e0e0e0")
        svg.text(left - 6, sy(c) + 4, str(c), size=SMALL, anchor="end", fill=BLACK)
    for y in range(first, last + 1, 10):
        svg.line(sx(y), top + plot_h, sx(y), top + plot_h + 4, stroke="#757575")
        svg.text(sx(y), top + plot_h + 20, str(y), size=SMALL, anchor="middle", fill=BLACK)
    svg.line(left, top + plot_h, left + plot_w, top + plot_h, stroke="#757575")
    for k, (iso3, (steps, undated)) in enumerate(series.items()):
        colour = PALETTE[k % len(PALETTE)]
        name = ctx.country_name(iso3)
        if steps:
            pts = [(sx(first), sy(0))]
            prev = 0
            for y, c in steps:
                pts += [(sx(y), sy(prev)), (sx(y), sy(c))]
                prev = c
            pts.append((sx(last), sy(prev)))
            svg.polyline(pts, tip=f"{name}: " + ngettext("{n} Convention with a date", "{n} Conventions with a date", prev)
                         + (", " + _("{n} without").format(n=undated) if undated else ""),
                         stroke=colour, stroke_width=2)
        if many:
            ly = top + 20 * k + 6
            svg.line(width - right + 12, ly - 4, width - right + 30, ly - 4, stroke=colour, stroke_width=3)
            svg.text(width - right + 35, ly, legend_label(ctx, iso3), size=SMALL, fill=BLACK)
    return svg.render()


def timeline_table(ctx: Context, countries: list[str]) -> tuple[list[str], list[list[str]]]:
    rows = []
    for iso3 in countries:
        steps, undated = cumulative(ctx, iso3)
        rows += [[escape.text(ctx.country_name(iso3)), str(y), str(c)] for y, c in steps]
        if undated:
            rows.append([escape.text(ctx.country_name(iso3)), _("no date"), str(undated)])
    return [_("country"), _("year"), _("Conventions ratified by the end of the year (undated: how many)")], rows


def coverage_svg(ctx: Context, covered: list[str]) -> str:
    covs = [country_coverage(ctx, i) for i in covered]
    biggest = max([c.stated or 0 for c in covs] + [counts.ratified(ctx, c.iso3).conventions for c in covs] + [1])
    left, bar_h, gap, top, width = 170, 22, 10, 30, 900
    plot_w = width - left - 320
    svg = Svg(width, top + (bar_h + gap) * max(len(covs), 1) + 30,
              _("Ratifications recorded in the package against the latest stated total, per country"),
              _("Grey bar: the latest stated number of Conventions ratified (from claims); blue bar: Conventions with a "
                "ratification row in the package."))
    for i, c in enumerate(covs):
        held = counts.ratified(ctx, c.iso3).conventions
        y = top + (bar_h + gap) * i
        svg.text(left - 8, y + bar_h / 2 + 5, ctx.country_name(c.iso3), size=FONT, anchor="end", fill=BLACK)
        if c.stated:
            svg.rect(left, y, c.stated / biggest * plot_w, bar_h, tip=_("stated: {stated} as of {date}").format(
                stated=c.stated, date=i18n.date(c.as_of)), fill="#e0e0e0")
        svg.rect(left, y + 4, held / biggest * plot_w, bar_h - 8, tip=_("recorded: {n}").format(n=held), fill="#1565c0")
        label = (_("{held} recorded; {by} of {stated} stated in {date} ({share})").format(
                     held=held, by=c.held_by_as_of, stated=c.stated, date=i18n.date(c.as_of), share=pct(c.share))
                 if c.stated else _("{held} recorded, no stated total").format(held=held))
        svg.text(left + max(c.stated or 0, held) / biggest * plot_w + 6, y + bar_h / 2 + 5, label, size=SMALL, fill=BLACK)
    return svg.render()


COVERAGE_HEADERS = [N_("country"), N_("Conventions recorded"), N_("Protocols"), N_("undated"), N_("stated total"), N_("as of"),
                    N_("recorded by then"), N_("share"), N_("stated in")]


def coverage_headers() -> list[str]:
    return [_(h) for h in COVERAGE_HEADERS]
COVERAGE_ALIGN = ["---", "--:", "--:", "--:", "--:", "---", "--:", "--:", "---"]


def coverage_rows(ctx: Context, covs: list, prefix: str = "../") -> list[list[str]]:
    """The coverage numbers (also on the About page), counted by `counts.ratified`."""
    rows = []
    for c in covs:
        n = counts.ratified(ctx, c.iso3)
        rows.append([ctx.country_link(c.iso3, prefix), str(n.conventions), str(n.protocols), str(n.undated),
                     str(c.stated) if c.stated is not None else _("no stated total"), wording.date(c.as_of) or "–",
                     str(c.held_by_as_of) if c.held_by_as_of is not None else "–", pct(c.share),
                     ctx.source_link(c.source_id, prefix, by_publisher=True) if c.source_id else "–"])
    return rows


PAGE = "charts/index.md"


def page(ctx: Context, covered: list[str]) -> str:
    out = [md.front_matter(_("Charts")), "# " + _("Charts") + f"\n",
           _("Drawn at build time from the data as static SVG. Ratifications in the package are partial: "
             "a white cell or a missing row means *not recorded here*, not *not ratified*. "
             "Each chart offers its data (CSV), the SVG and a PNG.") + "\n"]
    out.append("## " + _("Fundamental Conventions: the ten countries") + f" {{ #fundamental-conventions-the-ten-countries }}\n")
    headers, rows = matrix_table(ctx, covered)
    out.append(tables.chart(ctx, PAGE, "charts/fundamental-matrix.svg",
                            _("Matrix of the ten countries and the fundamental Conventions"), headers, rows))
    out.append('??? note "' + escape.attr(_("The matrix as a table")) + '"\n\n' + _indent(md.table(headers, rows)))
    out.append("## " + _("Ratifications over time") + f" {{ #ratifications-over-time }}\n")
    headers, rows = timeline_table(ctx, covered)
    out.append(tables.chart(ctx, PAGE, "charts/ratifications-over-time.svg", _("Cumulative ratifications per country"), headers, rows))
    out.append(_("Each country's own chart is on its page; countries:") + " " + ", ".join(ctx.country_link(i) for i in covered) + ".\n")
    out.append("## " + _("Coverage per country") + f" {{ #coverage-per-country }}\n")
    covs = [country_coverage(ctx, i) for i in covered]
    rows = coverage_rows(ctx, covs)
    out.append(tables.chart(ctx, PAGE, "charts/coverage.svg", _("Coverage per country"), coverage_headers(), rows))
    out.append(tables.table(ctx, PAGE, "coverage", coverage_headers(), rows, COVERAGE_ALIGN))
    return "\n".join(out)


def country_chart(ctx: Context, page_rel: str, iso3: str) -> str:
    """The country's ratifications-over-time chart, with its data (for its country page)."""
    headers, rows = timeline_table(ctx, [iso3])
    return tables.chart(ctx, page_rel, f"charts/ratifications-{page_slug(iso3)}.svg",
                        _("Ratifications of {country} over time").format(country=ctx.country_name(iso3)), headers, rows)


def _indent(text: str) -> str:
    return "".join("    " + line if line.strip() else line for line in text.splitlines(keepends=True)) + "\n"


def write(ctx: Context) -> None:
    covered = ctx.covered_iso3()
    ctx.write("charts/fundamental-matrix.svg", matrix_svg(ctx, covered))
    ctx.write("charts/ratifications-over-time.svg", timeline_svg(ctx, covered, _("Cumulative Conventions ratified with a recorded date, the ten countries covered from Moscow")))
    ctx.write("charts/coverage.svg", coverage_svg(ctx, covered))
    for iso3 in sorted(ctx.group("ratifications", "iso3")):
        if iso3:
            ctx.write(f"charts/ratifications-{page_slug(iso3)}.svg",
                      timeline_svg(ctx, [iso3], _("Cumulative Conventions ratified with a recorded date: {country}").format(country=ctx.country_name(iso3))))
    ctx.write(PAGE, page(ctx, covered))
