"""The real site, built from the repository's data (with the release files), in a real browser."""
from __future__ import annotations

import re
import urllib.request
from urllib.parse import urljoin

import pytest

from ilo_data.docs.sitebuild import cached_site, release_dist
from ilo_data.paths import ROOT

from .conftest import serve

# The built sites are cached per process: under pytest-xdist (`make test`) every test that needs
# one runs on the same worker, so each site is built once (--dist loadgroup).
pytestmark = pytest.mark.xdist_group("site")


@pytest.fixture(scope="module")
def site():
    built = cached_site(ROOT)
    print(f"\nsite built in {built.seconds:.1f} s (generate + mkdocs build --strict) into {built.site}")
    return built.site


@pytest.fixture(scope="module")
def server(site):
    yield from serve(site)


def _text(page) -> str:
    return page.page.locator("article").inner_text()


def test_home_page(page):
    page.goto("")
    assert "ilo-eeca" in page.page.title()
    assert page.page.locator("h1").first.inner_text().startswith("The ILO in Eastern Europe and Central Asia")
    page.screenshot("home")
    page.assert_clean()


def test_data_dictionary_page(page):
    page.goto("dictionary/ratifications.html#ratifications.status")
    anchor = page.page.locator('[id="ratifications.status"]')
    assert anchor.count() == 1, "no #ratifications.status anchor"
    assert anchor.is_visible()
    text = _text(page)
    assert "Primary key" in text and "in force" in text  # the enum spelled out
    page.screenshot("dictionary-ratifications", full_page=False)  # the view at the field's anchor
    page.assert_clean()


def test_tajikistan_page(page):
    page.goto("countries/tjk.html")
    text = _text(page)
    assert page.page.locator("h1").first.inner_text().startswith("Tajikistan")
    member = page.page.locator("tr", has_text="ILO member since").first.inner_text()
    assert "1993" in member, f"member since: {member!r}"
    offices = page.page.locator("#covering-office-over-time ~ *").first.inner_text()  # the section's table
    assert "DWT/CO-Moscow" in offices, f"covering offices: {offices!r}"
    assert "Ratifications" in text and "Sources cited" in text
    page.screenshot("country-tajikistan")
    page.assert_clean()


def test_convention_page(page):
    page.goto("conventions/c029.html")
    assert "Forced Labour" in page.page.locator("h1").first.inner_text()
    text = _text(page)
    assert "fundamental" in text and "Tajikistan" in text
    page.screenshot("convention-c029")
    page.assert_clean()


def test_search_finds_forced_labour(page):
    result = page.search("Forced Labour").filter(has_text="Forced Labour").first
    result.wait_for(state="visible", timeout=15000)
    page.screenshot("search-forced-labour")
    page.assert_clean()


def test_charts_page_shows_the_svgs(page):
    page.goto("charts/index.html")
    images = page.page.locator("article img[src$='.svg']")
    assert images.count() >= 3
    for i in range(images.count()):
        assert images.nth(i).evaluate("img => img.complete && img.naturalWidth > 0"), "an SVG chart did not load"
    page.screenshot("charts")
    page.assert_clean()


def test_download_links_resolve(page, server):
    dist, why = release_dist(ROOT)
    page.goto("downloads.html")
    hrefs = page.page.locator("article a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    files = [h for h in hrefs if h and not h.startswith(("#", "http:", "https:")) and not h.endswith("/")]
    if dist is None:
        pytest.skip(why)
    assert any(h.endswith(".zip") for h in files), f"no zip offered: {files[:10]}"
    base = page.page.url
    bad = []
    for href in files:
        with urllib.request.urlopen(urljoin(base, href)) as response:  # noqa: S310 (127.0.0.1 only)
            if response.status != 200:
                bad.append((href, response.status))
    assert not bad, bad
    # A release Markdown file is offered as it is, not rendered as a page.
    readme = [h for h in files if re.search(r"/README\.md$", h)]
    if readme:
        with urllib.request.urlopen(urljoin(base, readme[0])) as response:
            assert not response.read(200).lstrip().startswith(b"<!doctype")
    page.screenshot("downloads")
    page.assert_clean()


def test_a_request_leaving_the_machine_is_refused_and_recorded(page):
    """The harness itself: what a page asks of the outside world (a font, a script, an address given
    as digits) never gets there, and assert_clean names it."""
    page.goto("")
    outcomes = page.page.evaluate("""() => Promise.all(['https://example.com/font.woff2', 'http://93.184.216.34/x.js']
        .map(url => fetch(url).then(() => 'loaded', () => 'refused')))""")
    assert outcomes == ["refused", "refused"]
    assert page.external == ["https://example.com/font.woff2", "http://93.184.216.34/x.js"]
    page.errors.clear()   # the browser also logs each refusal as a console error
    with pytest.raises(AssertionError, match="requests outside the site"):
        page.assert_clean()
    page.clear_records()
