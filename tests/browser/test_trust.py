"""Issue 10, "a site readers trust at a glance", checked in a real browser at 1280 and 390 px:
no page wider than the screen, WCAG AA contrast from the rendered colours, one count per country on
every page that shows it, downloads that hold the rows shown, footer and citation on every page,
search that finds countries first, and a light first visit."""
from __future__ import annotations

import csv
import io
import re
import urllib.request
from urllib.parse import urljoin

import pytest

from ilo_data.docs import counts
from ilo_data.docs.context import Context, page_slug
from ilo_data.docs.sitebuild import cached_site
from ilo_data.paths import ROOT

from .conftest import serve, views, watched_page

WIDTHS = [1280, 390]
# The pages the contrast check reads first: the checks below take PAGES or this prefix of it (see `views`).
CONTRAST_PAGES = ["index.html", "countries/kgz.html", "charts/index.html", "sources.html", "conventions/c029.html"]
PAGES = CONTRAST_PAGES + ["countries/index.html", "countries/tjk.html", "conventions/index.html", "offices/dwtco-moscow.html",
                          "about.html", "downloads.html", "dictionary/ratifications.html", "changelog.html"]
FIRST_VISIT_LIMIT = 500 * 1024

# On the worker that builds the repository's site for the other site tests (see test_docs_site.py).
pytestmark = pytest.mark.xdist_group("site")


@pytest.fixture(scope="module")
def server():
    yield from serve(cached_site(ROOT).site)


@pytest.fixture(scope="module")
def ctx():
    return Context.load(ROOT, ROOT / "docs", ROOT / "dist")


@pytest.fixture
def wide(shared):
    return shared.get(1280)


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url) as response:  # noqa: S310 (127.0.0.1 only)
        assert response.status == 200, url
        return response.read()


# ---------- phones ----------

@pytest.mark.parametrize(**views(WIDTHS, PAGES))
def test_no_page_is_wider_than_the_screen(shown):
    page, path = shown
    width = page.page.viewport_size["width"]
    scroll = page.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{path} at {width} px: the page is {scroll} px wide"
    # A table or chart wider than its frame scrolls inside it, with a visible cue.
    uncued = page.page.evaluate("""() => [...document.querySelectorAll('.md-typeset__scrollwrap, .md-typeset .chart')]
        .filter(b => b.scrollWidth > b.clientWidth + 1)
        .filter(b => !b.classList.contains('is-scrollable') || !(b.previousElementSibling || {}).classList?.contains('scroll-hint'))
        .length""")
    assert uncued == 0, f"{path} at {width} px: {uncued} wide tables or charts without a scroll cue"
    if path in ("countries/kgz.html", "charts/index.html", "sources.html", "index.html"):
        page.screenshot(f"trust-{path.replace('/', '-').replace('.html', '')}-{width}")
    page.assert_clean()


def test_chart_text_is_at_least_12px_on_a_phone(chromium, server):
    for watched in watched_page(chromium, server, width=390):
        watched.goto("charts/index.html")
        scales = watched.page.evaluate("""() => [...document.querySelectorAll('.chart img')]
            .map(img => img.getBoundingClientRect().width / img.naturalWidth)""")
        assert scales and min(scales) >= 1, f"charts shrunk on a phone: {scales}"
        for src in watched.page.locator(".chart img").evaluate_all("imgs => imgs.map(i => i.src)"):
            watched.page.goto(src)
            smallest = watched.page.evaluate("() => Math.min(...[...document.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize)))")
            assert smallest >= 12, f"{src}: text of {smallest} px"


# ---------- contrast, from the rendered colours ----------

CONTRAST_JS = """() => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const blend = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const lum = c => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c[3] > 0) layers.push(c); if (c && c[3] >= 1) break; }
    let bg = [255, 255, 255, 1]; for (const l of layers.reverse()) bg = blend(l, bg); return bg; };
  const opacity = el => { let o = 1; for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity); return o; };
  const bad = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el)) continue;
    seen.add(el);
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    if (!r.width || !r.height || s.visibility === 'hidden' || el.closest('[hidden], .md-search, .md-sidebar--primary, .md-dialog, svg, code, pre')) continue;
    const seenOpacity = opacity(el); if (seenOpacity === 0) continue;  // not shown (e.g. the skip link until focused)
    const bg = background(el); let fg = parse(s.color); fg[3] *= seenOpacity;
    const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    const value = ratio(blend(fg, bg), bg);
    const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && parseInt(s.fontWeight) >= 700);
    if (value < (large ? 3 : 4.5)) bad.push(`${el.tagName}.${el.className}: ${value.toFixed(2)} "${el.textContent.trim().slice(0, 40)}"`);
  }
  return bad;
}"""


@pytest.mark.parametrize(**views(WIDTHS, CONTRAST_PAGES))
def test_text_contrast_meets_wcag_aa(shown):
    page, path = shown
    # Colours mid-transition are neither state: a screenshot by an earlier check of this page can
    # make the theme hide and show its tabs (a fade). Read the colours once nothing moves.
    page.page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    bad = page.page.evaluate(CONTRAST_JS)
    assert not bad, f"{path}: text below WCAG AA contrast: {bad[:10]}"


SVG_CONTRAST_JS = """() => {
  const hex = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); return m ? m[1].split(/[ ,]+/).map(Number) : [0, 0, 0]; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const bad = [];
  for (const t of document.querySelectorAll('text')) {
    const b = t.getBBox(), x = b.x + b.width / 2, y = b.y + b.height / 2;
    const under = document.elementsFromPoint(x, y).find(e => e !== t && e.tagName === 'rect');
    const fg = hex(getComputedStyle(t).fill), bg = under ? hex(getComputedStyle(under).fill) : [255, 255, 255];
    const ratio = (Math.max(lum(fg), lum(bg)) + 0.05) / (Math.min(lum(fg), lum(bg)) + 0.05);
    if (ratio < 4.5) bad.push(`${t.textContent}: ${ratio.toFixed(2)}`);
  }
  return bad;
}"""


def test_chart_text_contrast_meets_wcag_aa(wide):
    wide.goto("charts/index.html")
    for src in wide.page.locator(".chart img").evaluate_all("imgs => imgs.map(i => i.src)") + [wide.base + "charts/ratifications-kgz.svg"]:
        wide.page.goto(src)
        bad = wide.page.evaluate(SVG_CONTRAST_JS)
        assert not bad, f"{src}: chart text below 4.5:1: {bad[:10]}"


# ---------- one count per country, on every page that shows it ----------

def _column(wide, header: str) -> dict[str, str]:
    """country name -> cell of the column `header`, over every table on the page that has that column."""
    return wide.page.evaluate("""header => { const out = {};
      for (const table of document.querySelectorAll('article table')) {
        const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
        const i = heads.indexOf(header); if (i < 0) continue;
        for (const tr of table.querySelectorAll('tbody tr')) out[tr.cells[0].textContent.trim()] = tr.cells[i].textContent.trim();
      } return out; }""", header)


def test_one_count_per_country_everywhere(wide, ctx):
    covered = ctx.covered_iso3()
    expected = {ctx.country_name(i): counts.ratified(ctx, i) for i in covered}
    seen: dict[str, dict[str, str]] = {}
    wide.goto("countries/index.html")
    seen["Countries page"] = _column(wide, "Conventions recorded")
    wide.goto("charts/index.html")
    seen["Charts page table"] = _column(wide, "Conventions recorded")
    wide.goto("about.html")
    seen["About page"] = _column(wide, "Conventions recorded")
    legend = _get(wide.base + "charts/ratifications-over-time.svg").decode()
    for name, n in expected.items():
        for where, column in seen.items():
            assert column.get(name) == str(n.conventions), f"{name}: {where} shows {column.get(name)!r}, not {n.conventions}"
        assert f">{name} ({n.conventions}" in legend, f"{name}: the chart legend does not show {n.conventions}"
    # Each country page parsed by the browser's DOMParser from the served HTML: the same text a
    # reader sees, without loading ten pages' charts and scripts (make test's time budget).
    for iso3 in covered:
        n = counts.ratified(ctx, iso3)
        html = _get(wide.base + f"countries/{page_slug(iso3)}.html").decode()
        summary, headings = wide.page.evaluate("""html => {
          const doc = new DOMParser().parseFromString(html, 'text/html');
          const row = [...doc.querySelectorAll('.summary tr')].find(tr => tr.textContent.includes('Ratifications recorded'));
          return [row ? row.textContent : '', [...doc.querySelectorAll('article h3')].map(h => h.textContent).join(' ')]; }""", html)
        shown = sum(int(x) for x in re.findall(r"(?:fundamental|governance|technical|uncategorised) (\d+)", summary))
        assert shown == n.conventions, f"{iso3}: summary adds up to {shown}, not {n.conventions} ({summary!r})"
        assert f"{n.by_category.get('fundamental', 0)} of 10" in summary and "of 4" in summary
        assert f"Fundamental Conventions ({n.by_category.get('fundamental', 0)} of 10)" in headings, headings
    wide.assert_clean()


def test_wording_says_what_the_data_knows(wide):
    wide.goto("offices/dwtco-moscow.html")
    text = wide.page.locator("article").inner_text()
    coverage = text.split("Coverage", 1)[1].split("Sources cited", 1)[0]   # source titles may say "still"
    assert "first attested" in text and "still" not in coverage
    wide.goto("charts/index.html")
    matrix = wide.page.locator("details", has_text="The matrix as a table")
    matrix.locator("summary").click()
    cells = matrix.locator("td").all_inner_texts()
    assert "not recorded" in cells and "" not in [c.strip() for c in cells]
    wide.goto("countries/kgz.html")
    projects = wide.page.locator("#projects ~ div table, #projects ~ .md-typeset__scrollwrap table").first.inner_text()
    for line in projects.splitlines():
        if "ongoing" in line:
            assert "as of" in line or "source undated" in line, line


# ---------- downloads of each table and chart ----------

@pytest.mark.parametrize("path", ["countries/kgz.html", "charts/index.html", "conventions/c029.html", "about.html"])
def test_every_table_and_chart_offers_its_rows_as_csv(wide, path):
    wide.goto(path)
    tables = wide.page.locator("article table:not(.facts table)").count()
    offers = wide.page.evaluate("""() => [...document.querySelectorAll('article a.download-csv')].map(a => {
        const block = a.closest('p').previousElementSibling;
        const table = block && block.querySelector('table');
        return {href: a.getAttribute('href'), rows: table ? [...table.querySelectorAll('tbody tr')].map(tr => tr.cells[0].textContent.trim()) : null,
                chart: !!(block && block.classList.contains('chart'))}; })""")
    assert offers, f"{path}: no CSV download"
    for offer in offers:
        data = list(csv.reader(io.StringIO(_get(urljoin(wide.page.url, offer["href"])).decode("utf-8"))))
        assert len(data) >= 2, offer["href"]
        if offer["rows"] is not None:
            assert [r[0] for r in data[1:]] == offer["rows"], f"{offer['href']}: not the rows shown"
    assert len([o for o in offers if o["rows"] is not None]) >= tables - wide.page.locator("article details table").count()
    wide.assert_clean()


def test_charts_offer_svg_and_png(wide):
    wide.goto("charts/index.html")
    svgs = wide.page.locator("a.download-svg").evaluate_all("links => links.map(a => a.href)")
    assert len(svgs) == wide.page.locator(".chart img").count() >= 3
    for href in svgs:
        assert _get(href).lstrip().startswith(b"<?xml")
    with wide.page.expect_download() as download:
        wide.page.locator("a.download-png").first.click()
    assert download.value.suggested_filename.endswith(".png")
    with open(download.value.path(), "rb") as handle:
        assert handle.read(8) == b"\x89PNG\r\n\x1a\n"
    wide.assert_clean()


# ---------- footer and citation ----------

@pytest.mark.parametrize(**views(WIDTHS, PAGES))
def test_footer_and_citation_on_every_page(shown, ctx):
    wide, path = shown
    footer = wide.page.locator(".site-footer")
    text = footer.inner_text()
    assert ctx.version in text and "CC-BY-4.0" in text and "released" in text, text
    assert footer.locator("a.site-footer__repo").get_attribute("href").startswith("https://")
    assert "/issues/new" in footer.locator("a.site-footer__correction").get_attribute("href")
    cite = wide.page.locator("aside.cite")
    assert cite.count() == 1, f"{path}: no 'Cite this page'"
    cited = cite.inner_text()
    assert ctx.version in cited and "CC-BY-4.0" in cited and wide.page.url.split("#")[0] in cited, cited
    wide.assert_clean()


# ---------- sources, search, weight ----------

def test_sources_page_filters(wide):
    wide.goto("sources.html")
    groups = wide.page.locator("details.source-group")
    assert groups.count() >= 5
    assert wide.page.evaluate("document.documentElement.scrollHeight") < 5000, "the sources page is one long table again"
    wide.page.locator("#source-filter").fill("NORMLEX")
    visible = wide.page.locator("details.source-group tbody tr:not([hidden])")
    assert visible.count() > 0
    assert all("normlex" in t.lower() for t in visible.all_inner_texts()[:50])
    wide.screenshot("trust-sources-filtered", full_page=False)
    wide.assert_clean()


def test_a_linked_source_opens_its_group(wide, ctx):
    sid = ctx.rows("ratifications")[0]["source_id"]
    wide.goto(f"sources.html#source-{sid}")
    wide.page.wait_for_timeout(300)
    assert wide.page.locator(f'[id="source-{sid}"]').evaluate("el => el.closest('details').open")


@pytest.mark.parametrize("query, expected, within", [("TJK", "countries/tjk.html", 1), ("Kyrgyzstan projects", "countries/kgz.html", 5),
                                                     ("C029", "conventions/c029.html", 1)])
def test_search_finds_countries_and_instruments_first(shared, query, expected, within):
    box = shared.search_box()
    results = box.query(query)
    results.first.wait_for(state="visible", timeout=15000)
    box.page.wait_for_timeout(500)
    hrefs = results.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(h.split("#")[0].split("?")[0].endswith(expected) for h in hrefs[:within]), f"{query!r}: {hrefs[:within]}"
    box.assert_clean()


@pytest.fixture
def first_visit(chromium, server):
    yield from watched_page(chromium, server, width=1280)   # a new context: an empty cache


def test_first_visit_is_light(first_visit):
    wide = first_visit
    sizes: list[int] = []
    wide.page.on("response", lambda r: sizes.append(len(r.body())) if r.status == 200 else None)
    wide.goto("")
    wide.page.wait_for_timeout(1000)
    assert sum(sizes) <= FIRST_VISIT_LIMIT, f"first visit loads {sum(sizes)} bytes"
    print(f"\nfirst visit: {sum(sizes)} bytes in {len(sizes)} responses")
