"""The injection fixture (tests/fixtures/docs/injection/) built into a site: nothing hostile runs."""
from __future__ import annotations

from pathlib import Path

import pytest

from ilo_data.docs.sitebuild import cached_site

from .conftest import serve

# The built sites are cached per process: under pytest-xdist (`make test`) every test that needs
# one runs on the same worker, so each site is built once (--dist loadgroup).
# The injection fixture's site, built once on one worker (with test_docs_escape.py), apart from the
# repository's site so that the two builds can run on different workers.
pytestmark = pytest.mark.xdist_group("fixture-site")

FIXTURE = Path(__file__).parents[1] / "fixtures" / "docs" / "injection"


@pytest.fixture(scope="module")
def server():
    yield from serve(cached_site(FIXTURE, with_release=False).site)


@pytest.mark.parametrize("path", ["countries/tjk.html", "countries/fra.html", "conventions/c029.html", "offices/dwt-moscow.html",
                                  "dictionary/ratifications.html", "dictionary/sources.html", "about.html", "sources.html",
                                  "charts/index.html"])
def test_hostile_text_is_shown_not_run(page, path):
    page.goto(path)
    injected = page.page.evaluate("""() => ({
        imgs: [...document.querySelectorAll('img')].filter(i => i.getAttribute('src') === 'x' || i.hasAttribute('onerror')).length,
        scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert(')).length,
        js_links: [...document.querySelectorAll('a[href]')].filter(a => /^\\s*javascript:/i.test(a.getAttribute('href'))).length,
    })""")
    assert injected == {"imgs": 0, "scripts": 0, "js_links": 0}, injected
    page.assert_clean()  # no dialog opened, no console error


def test_hostile_text_is_visible_as_text(page):
    page.goto("countries/tjk.html")
    assert "<img src=x onerror=alert(2)>" in page.page.locator("article").inner_text()
    page.screenshot("injection-tajikistan")
    page.assert_clean()


def test_search_results_do_not_run_hostile_text(page):
    hit = page.search("Forced Labour").filter(has_text="<script>alert(1)</script>").first
    hit.wait_for(state="visible", timeout=15000)  # the hostile title is shown as text in the results
    count = page.page.evaluate("() => document.querySelectorAll('.md-search-result img, .md-search-result script').length")
    assert count == 0
    page.screenshot("injection-search")
    page.assert_clean()
