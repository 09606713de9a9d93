"""Static SVG charts drawn at build time (no JavaScript, no CDN), each with a table of its data."""
from __future__ import annotations


from . import escape, md
from .context import Context, page_slug
from .stats import country_coverage, pct, year
from .svg import PALETTE, Svg

STATUS_COLOURS = {"in force": "#2e7d32", "": "#81c784", "not in force": "#f9a825", "denounced": "#c62828",
                  "abrogated": "#6d4c41", "withdrawn": "#6d4c41"}


def fundamental(ctx: Context) -> list[dict[str, str]]:
    rows = [c for c in ctx.rows("conventions") if c.get("category") == "fundamental" and c.get("kind", "convention") == "convention"]
    return sorted(rows, key=lambda c: int(c.get("number") or 0) if (c.get("number") or "").isdigit() else 0)


LEGEND = [("in force", STATUS_COLOURS["in force"]), ("status not stated", STATUS_COLOURS[""]),
          ("not in force", STATUS_COLOURS["not in force"]), ("denounced", STATUS_COLOURS["denounced"]),
          ("not recorded", "#ffffff"), ("? = no date recorded", None)]


def _legend_width(items) -> int:
    return sum(30 + 7 * len(label) for label, _ in items)


def matrix_svg(ctx: Context, covered: list[str]) -> str:
    convs = fundamental(ctx)
    cell_w, cell_h, left, top = 58, 30, 170, 60
    width = max(left + cell_w * max(len(convs), 1) + 20, left + _legend_width(LEGEND))
    svg = Svg(width, top + cell_h * max(len(covered), 1) + 50,
              "Ratification of the fundamental Conventions by the ten countries covered from Moscow",
              "Rows: countries; columns: fundamental Conventions; a filled cell is a ratification recorded in the package, "
              "labelled with its year; colour shows the recorded status.")
    for j, c in enumerate(convs):
        svg.text(left + cell_w * j + cell_w / 2, top - 10, c["instrument_id"], size=12, anchor="middle", font_weight="bold")
    rats = {(r["iso3"], r["instrument_id"]): r for r in ctx.rows("ratifications")}
    for i, iso3 in enumerate(covered):
        y = top + cell_h * i
        svg.text(left - 8, y + cell_h / 2 + 4, ctx.country_name(iso3), size=12, anchor="end")
        for j, c in enumerate(convs):
            x = left + cell_w * j
            r = rats.get((iso3, c["instrument_id"]))
            if r:
                colour = STATUS_COLOURS.get(r.get("status", ""), "#81c784")
                tip = f"{ctx.country_name(iso3)}, {c['instrument_id']}: ratified {r.get('ratified') or 'no date'}, status {r.get('status') or 'not stated'}"
                svg.rect(x + 1, y + 1, cell_w - 2, cell_h - 2, tip=tip, fill=colour)
                svg.text(x + cell_w / 2, y + cell_h / 2 + 4, str(year(r.get("ratified", "")) or "?"), size=11, anchor="middle", fill="#ffffff")
            else:
                svg.rect(x + 1, y + 1, cell_w - 2, cell_h - 2, tip=f"{ctx.country_name(iso3)}, {c['instrument_id']}: not recorded",
                         fill="#ffffff", stroke="#bdbdbd")
    ly = top + cell_h * len(covered) + 25
    x = left
    for label, colour in LEGEND:
        if colour:
            svg.rect(x, ly - 11, 14, 14, fill=colour, stroke="#bdbdbd")
        svg.text(x + 19 if colour else x, ly, label, size=11)
        x += 30 + 7 * len(label)
    return svg.render()


def cumulative(ctx: Context, iso3: str) -> tuple[list[tuple[int, int]], int]:
    """(year, cumulative count) steps for dated ratifications, and the number without a date."""
    years = [year(r.get("ratified", "")) for r in ctx.group("ratifications", "iso3").get(iso3, [])]
    dated = sorted(y for y in years if y)
    steps, count = [], 0
    for y in sorted(set(dated)):
        count += dated.count(y)
        steps.append((y, count))
    return steps, len(years) - len(dated)


def timeline_svg(ctx: Context, countries: list[str], title: str) -> str:
    series = {iso3: cumulative(ctx, iso3) for iso3 in countries}
    years = [y for steps, _ in series.values() for y, _ in steps]
    first = min(years, default=1990) // 10 * 10
    last = max(years, default=2020) + 1  # deterministic: from the data, not the clock
    top_count = max((steps[-1][1] for steps, _ in series.values() if steps), default=1)
    top_count = max(5, -(-top_count // 5) * 5)
    width, height, left, right, top, bottom = 760, 360 if len(countries) > 1 else 220, 50, 190 if len(countries) > 1 else 20, 30, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    svg = Svg(width, height, title, "Cumulative number of ratifications with a recorded date, by year. "
              "Ratifications recorded without a date are not drawn.")
    sx = lambda y: left + (y - first) / max(last - first, 1) * plot_w
    sy = lambda c: top + plot_h - c / top_count * plot_h
    for c in range(0, top_count + 1, max(1, top_count // 5)):
        svg.line(left, sy(c), left + plot_w, sy(c), stroke="#e0e0e0")
        svg.text(left - 6, sy(c) + 4, str(c), size=11, anchor="end")
    for y in range(first, last + 1, 10):
        svg.line(sx(y), top + plot_h, sx(y), top + plot_h + 4, stroke="#757575")
        svg.text(sx(y), top + plot_h + 18, str(y), size=11, anchor="middle")
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
            svg.polyline(pts, tip=f"{name}: {prev} ratifications with a date" + (f", {undated} without" if undated else ""),
                         stroke=colour, stroke_width=2)
        if len(countries) > 1:
            ly = top + 16 * k + 6
            svg.line(width - right + 12, ly - 4, width - right + 30, ly - 4, stroke=colour, stroke_width=3)
            svg.text(width - right + 35, ly, f"{name} ({steps[-1][1] if steps else 0})", size=11)
    return svg.render()


def coverage_svg(ctx: Context, covered: list[str]) -> str:
    covs = [country_coverage(ctx, i) for i in covered]
    biggest = max([c.stated or 0 for c in covs] + [c.held for c in covs] + [1])
    left, bar_h, gap, top, width = 170, 20, 10, 30, 860
    plot_w = width - left - 290
    svg = Svg(width, top + (bar_h + gap) * max(len(covs), 1) + 30,
              "Ratifications recorded in the package against the latest stated total, per country",
              "Grey bar: the latest stated number of Conventions ratified (from claims); blue bar: Conventions with a "
              "ratification row in the package.")
    for i, c in enumerate(covs):
        y = top + (bar_h + gap) * i
        svg.text(left - 8, y + bar_h / 2 + 4, ctx.country_name(c.iso3), size=12, anchor="end")
        if c.stated:
            svg.rect(left, y, c.stated / biggest * plot_w, bar_h, tip=f"stated: {c.stated} as of {c.as_of}", fill="#e0e0e0")
        svg.rect(left, y + 4, c.held / biggest * plot_w, bar_h - 8, tip=f"recorded: {c.held}", fill="#1565c0")
        label = (f"{c.held} recorded; {c.held_by_as_of} of {c.stated} stated in {c.as_of} ({pct(c.share)})"
                 if c.stated else f"{c.held} recorded, no stated total")
        svg.text(left + max(c.stated or 0, c.held) / biggest * plot_w + 6, y + bar_h / 2 + 4, label, size=11)
    return svg.render()


def page(ctx: Context, covered: list[str]) -> str:
    out = [md.front_matter("Charts"), "# Charts\n",
           "Drawn at build time from the data as static SVG. Ratifications in the package are partial: "
           "an empty cell means *not recorded here*, not *not ratified*.\n"]
    convs = fundamental(ctx)
    out.append("## Fundamental Conventions: the ten countries\n")
    out.append("![Matrix of the ten countries and the fundamental Conventions](fundamental-matrix.svg)\n")
    rats = {(r["iso3"], r["instrument_id"]): r for r in ctx.rows("ratifications")}
    cells = [[ctx.country_link(i)] + [escape.text(rats[i, c["instrument_id"]].get("ratified") or "no date") if (i, c["instrument_id"]) in rats else "–"
                                       for c in convs] for i in covered]
    out.append('??? note "The matrix as a table"\n\n' + _indent(md.table(["country"] + [ctx.convention_link(c["instrument_id"]) for c in convs], cells)))
    out.append("## Ratifications over time\n")
    out.append("![Cumulative ratifications per country](ratifications-over-time.svg)\n")
    out.append("Each country's own chart is on its page; countries: " + ", ".join(ctx.country_link(i) for i in covered) + ".\n")
    out.append("## Coverage per country\n")
    out.append("![Coverage per country](coverage.svg)\n")
    covs = [country_coverage(ctx, i) for i in covered]
    out.append(coverage_table(ctx, covs))
    return "\n".join(out)


def coverage_table(ctx: Context, covs: list, prefix: str = "../") -> str:
    """The coverage numbers as a table (also on the About page)."""
    return md.table(
        ["country", "Conventions recorded", "Protocols", "undated", "stated total", "as of", "recorded by then", "share", "stated in"],
        [[ctx.country_link(c.iso3, prefix), str(c.held), str(c.protocols_held), str(c.undated),
          str(c.stated) if c.stated is not None else "–", escape.text(c.as_of) or "–",
          str(c.held_by_as_of) if c.held_by_as_of is not None else "–",
          pct(c.share),
          ctx.source_link(c.source_id, prefix, by_publisher=True) if c.source_id else "–"] for c in covs],
        ["---", "--:", "--:", "--:", "--:", "---", "--:", "--:", "---"])


def _indent(text: str) -> str:
    return "".join("    " + line if line.strip() else line for line in text.splitlines(keepends=True)) + "\n"


def write(ctx: Context) -> None:
    covered = ctx.covered_iso3()
    ctx.write("charts/index.md", page(ctx, covered))
    ctx.write("charts/fundamental-matrix.svg", matrix_svg(ctx, covered))
    ctx.write("charts/ratifications-over-time.svg", timeline_svg(ctx, covered, "Cumulative ratifications with a recorded date, the ten countries covered from Moscow"))
    ctx.write("charts/coverage.svg", coverage_svg(ctx, covered))
    for iso3 in sorted(ctx.group("ratifications", "iso3")):
        if iso3:
            ctx.write(f"charts/ratifications-{page_slug(iso3)}.svg",
                      timeline_svg(ctx, [iso3], f"Cumulative ratifications with a recorded date: {ctx.country_name(iso3)}"))
