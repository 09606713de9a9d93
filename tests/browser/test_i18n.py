"""The sites in other languages (site/ru/, site/fr/, site/es/, built with the English one by the same
cached build) in a real browser: the language switcher keeps the page, the pages show the names and
titles the data holds in their language, and Material's search finds Russian and French words (each
site's own index, behind the lazy-search script of overrides/main.html)."""
from __future__ import annotations

import pytest

from ilo_data import package
from ilo_data.docs.sitebuild import cached_site
from ilo_data.paths import ROOT

from .conftest import serve

def c029_title(lang: str) -> str:
    """C029's title in `lang` as the data holds it."""
    return next(r["title"] for r in package.read_rows(ROOT, "convention_titles") if r["instrument_id"] == "C029" and r["language"] == lang)


def c029_russian() -> str:
    return c029_title("ru")


# One build per process for every site test (see test_site.py).
pytestmark = pytest.mark.xdist_group("site")


@pytest.fixture(scope="module")
def server():
    yield from serve(cached_site(ROOT).site)


def _switch(page, lang: str) -> None:
    """Open the header's language menu and choose `lang`, as a reader would."""
    page.page.locator(".md-header__option .md-select").first.hover()
    page.page.locator(f'.md-select__link[hreflang="{lang}"]').first.click()
    page.page.wait_for_load_state("load")


def test_the_switcher_leads_to_the_same_page_and_back(page):
    """From the English Tajikistan page to the Russian one (checked as a Russian country page) and back.
    One test, so the suite loads these pages once (make test's time budget)."""
    page.goto("countries/tjk.html")
    _switch(page, "ru")
    assert page.page.url.endswith("/ru/countries/tjk.html"), page.page.url
    assert page.page.locator("html").get_attribute("lang") == "ru"
    assert page.page.locator("h1").first.inner_text().startswith("Таджикистан (TJK)")
    member = page.page.locator("tr", has_text="Член МОТ с").first.inner_text()
    assert "1993" in member, member
    assert page.page.locator("#covering-office-over-time").inner_text().startswith("Курирующие бюро")
    assert "Страны" in page.page.locator(".md-tabs").inner_text()       # the navigation, from the catalog
    page.screenshot("ru-country-tajikistan")
    _switch(page, "en")
    assert page.page.url.endswith("/countries/tjk.html") and "/ru/" not in page.page.url, page.page.url
    assert page.page.locator("h1").first.inner_text().startswith("Tajikistan")
    page.assert_clean()


def test_russian_convention_page(page):
    page.goto("ru/conventions/c029.html")
    assert c029_russian() in page.page.locator("h1").first.inner_text()
    text = page.page.locator("article").inner_text()
    assert "Таджикистан" in text and "основополагающие" in text and "Как цитировать эту страницу" in text
    page.screenshot("ru-convention-c029")
    page.assert_clean()


def test_the_switcher_reaches_french_and_spanish(page):
    """From the English C029 page to the French one, then the Spanish one, then back: the same page, its
    title in each language from the data, the navigation from each catalog."""
    page.goto("conventions/c029.html")
    for lang, tab in (("fr", "Conventions"), ("es", "Convenios")):
        _switch(page, lang)
        assert page.page.url.endswith(f"/{lang}/conventions/c029.html"), page.page.url
        assert page.page.locator("html").get_attribute("lang") == lang
        assert c029_title(lang) in page.page.locator("h1").first.inner_text()
        assert tab in page.page.locator(".md-tabs").inner_text()
    page.screenshot("es-convention-c029")
    _switch(page, "en")
    assert page.page.url.endswith("/conventions/c029.html") and "/es/" not in page.page.url, page.page.url
    page.assert_clean()


def _search(box, query: str, expected: str) -> int:
    """Material's search on a site's pages (lazy-loaded index, lunr's language files), through
    the module's open search box: the rank of the first result page whose entry shows `expected`."""
    results = box.query(query)
    results.filter(has_text=expected).first.wait_for(state="visible", timeout=15000)
    items = results.evaluate_all("""items => items.map(item => [
        item.querySelector('a.md-search-result__link').getAttribute('href').split(/[?#]/)[0], item.innerText])""")
    pages: list[str] = []   # result pages in order (a page and its sections are one result)
    for href, text in items:
        if href not in pages:
            pages.append(href)
        if expected in text:
            return pages.index(href) + 1
    raise AssertionError(f"{expected!r} not among the results of {query!r}")


@pytest.fixture
def russian_search(shared):
    return shared.search_box("ru/index.html")


def test_russian_search_finds_a_country_by_its_russian_name(russian_search):
    assert _search(russian_search, "Таджикистан", "Таджикистан (TJK)") == 1
    russian_search.assert_clean()


def test_russian_search_finds_c029_by_other_forms_of_its_words(russian_search):
    # The title says "о принудительном ... труде": found through lunr's Russian stemmer
    # (docs/javascripts/stemmed-search.js); "труд" alone also begins "трудящихся" in other titles.
    assert _search(russian_search, "принудительный труд", c029_russian()) <= 3
    assert _search(russian_search, "принудительный", c029_russian()) == 1
    russian_search.assert_clean()


def test_french_and_spanish_search_find_c029_by_another_form_of_its_words(shared):
    # The titles say "travail forcé" and "trabajo forzoso": other forms are found through lunr's French and
    # Spanish stemmers (mkdocs.<code>.yml: search pipeline; docs/javascripts/stemmed-search.js).
    for home, query, lang in (("fr/index.html", "forcés", "fr"), ("es/index.html", "forzosos", "es")):
        box = shared.search_box(home)
        assert _search(box, query, c029_title(lang)) <= 3, query
        box.assert_clean()
