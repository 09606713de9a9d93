"""The site's other languages (Russian, French, Spanish): the message catalogs are current and complete,
plural forms and dates follow each language's rules, each language has a MkDocs config whose switcher
reaches every other one, and the pages show the names and titles the data holds in the language (and
an English title standing in for a missing one, marked as such)."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from ilo_data import package
from ilo_data.docs import escape, i18n
from ilo_data.paths import ROOT

DOCS_CODE = ROOT / "scripts" / "ilo_data" / "docs"
FIX = "run `make messages`, then translate the new entries (msgstr) in scripts/ilo_data/docs/locale/<code>/LC_MESSAGES/site.po"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _extracted() -> set:
    """Every message the generator's code marks (_(), ngettext(), N_()), as `make messages` extracts them."""
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(DOCS_CODE), keywords=keywords):
        found.add(message)
    return found


def _catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle, locale=None if path.suffix == ".pot" else path.parent.parent.name)


@pytest.fixture(scope="module")
def extracted() -> set:
    return _extracted()


def test_the_template_is_current(extracted):
    template = {m.id for m in _catalog(i18n.LOCALE_DIR / "site.pot") if m.id}
    assert template == extracted, (f"locale/site.pot is stale: missing {sorted(map(str, extracted - template))[:10]}, "
                                   f"obsolete {sorted(map(str, template - extracted))[:10]}; {FIX}")


@pytest.mark.parametrize("lang", i18n.SITE_LANGUAGES[1:])
def test_every_message_has_a_translation(extracted, lang):
    catalog = _catalog(i18n.catalog_path(lang))
    held = {m.id: m for m in catalog if m.id}
    missing = sorted(str(m) for m in extracted - set(held))
    obsolete = sorted(str(m) for m in set(held) - extracted)
    untranslated = sorted(str(m.id) for m in held.values()
                          if m.fuzzy or not (m.string if isinstance(m.string, str) else all(m.string)))
    assert not (missing or obsolete), f"{lang} catalog is stale: missing {missing[:10]}, obsolete {obsolete[:10]}; {FIX}"
    assert not untranslated, f"{len(untranslated)} message(s) without a {lang} translation (or fuzzy): {untranslated[:10]}; {FIX}"
    # A translation fills in the same values as the English text: a lost or misspelt {name} would show raw braces.
    wrong = []
    for m in held.values():
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        wrong += [f"{ids[0]!r} -> {s!r}" for s in strings if not set(PLACEHOLDER.findall(s)) <= wanted]
    assert not wrong, f"translations with placeholders the English text does not have: {wrong[:5]}"


def test_the_navigation_titles_are_in_the_catalog():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))

    def titles(nav):
        for item in nav if isinstance(nav, list) else []:
            if isinstance(item, dict):
                for title, value in item.items():
                    yield title
                    yield from titles(value)
    missing = [t for t in titles(config["nav"]) if t not in i18n.NAV_TITLES]
    assert not missing, f"mkdocs.yml nav titles not in i18n.NAV_TITLES (so not translated): {missing}"
    for lang in i18n.SITE_LANGUAGES[1:]:
        assert (ROOT / f"mkdocs.{lang}.yml").is_file(), f"no MkDocs config for the {lang} site"


@pytest.mark.parametrize("n,expected", [(1, "1 конвенция"), (2, "2 конвенции"), (5, "5 конвенций"), (11, "11 конвенций"),
                                        (21, "21 конвенция"), (22, "22 конвенции"), (0, "0 конвенций")])
def test_russian_plural_forms(n, expected):
    with i18n.language("ru"):
        assert i18n.ngettext("{n} Convention", "{n} Conventions", n) == expected
    assert i18n.ngettext("{n} Convention", "{n} Conventions", n) == f"{n} Convention" + ("" if n == 1 else "s")


@pytest.mark.parametrize("value,expected", [("1993", "1993"), ("2009-06", "июнь 2009\u202fг."), ("1993-11-26", "26 ноября 1993\u202fг."),
                                            ("", ""), ("not a date", "not a date")])
def test_russian_dates_keep_their_precision(value, expected):
    with i18n.language("ru"):
        assert i18n.date(value) == expected
    assert i18n.date(value) == value   # English pages keep the package's form


def russian_title(instrument_id: str) -> str:
    """The instrument's Russian title as the data holds it (facts come from the data, not from the tests)."""
    return next(r["title"] for r in package.read_rows(ROOT, "convention_titles")
                if r["instrument_id"] == instrument_id and r["language"] == "ru")


# ---------- the Russian pages generated from the repository ----------
@pytest.fixture(scope="module")
def docs(repository_docs) -> Path:
    return repository_docs[0]


@pytest.mark.parametrize("lang", i18n.SITE_LANGUAGES[1:])
def test_every_generated_page_exists_in_each_language(docs, lang):
    others = set(i18n.SITE_LANGUAGES[1:]) | {"downloads"}
    english = {p.relative_to(docs) for p in docs.rglob("*.md") if p.relative_to(docs).parts[0] not in others}
    translated = {p.relative_to(docs / lang) for p in (docs / lang).rglob("*.md")}
    assert english - translated == set(), f"pages with no {lang} counterpart: {sorted(map(str, english - translated))[:10]}"


def _config(lang: str) -> dict:
    return yaml.safe_load((ROOT / ("mkdocs.yml" if lang == i18n.SOURCE else f"mkdocs.{lang}.yml")).read_text(encoding="utf-8"))


def test_each_language_has_a_config_and_its_switcher_reaches_every_language():
    # `make site` builds every mkdocs.<code>.yml: one per language of SITE_LANGUAGES, and no other.
    configs = sorted(p.name for p in ROOT.glob("mkdocs.*.yml"))
    assert configs == sorted(f"mkdocs.{lang}.yml" for lang in i18n.SITE_LANGUAGES[1:]), configs
    english = _config(i18n.SOURCE)
    assert english["theme"]["language"] == i18n.SOURCE
    assert {f"/{lang}/" for lang in i18n.SITE_LANGUAGES[1:]} <= set(english["exclude_docs"].split())
    for lang in i18n.SITE_LANGUAGES[1:]:
        config = _config(lang)
        assert (config["theme"]["language"], config["docs_dir"], config["site_dir"]) == (lang, f"docs/{lang}", f"site/{lang}")
    # The switcher the build hook sets: each entry's link is that language's site root, from this site's root.
    for lang in i18n.SITE_LANGUAGES:
        links = i18n.alternate_links(lang)
        reached = {alt["lang"]: posixpath.normpath(posixpath.join(i18n.site_root(lang), alt["link"])) for alt in links}
        assert reached == {code: i18n.site_root(code) for code in i18n.SITE_LANGUAGES}, f"{lang}: {reached}"
        assert [alt["name"] for alt in links] == [i18n.NATIVE_NAMES[c] for c in i18n.SITE_LANGUAGES]
    assert [alt["link"] for alt in i18n.alternate_links("ru")] == ["../", "./", "../fr/", "../es/"]


def test_a_russian_country_page_shows_the_russian_name(docs):
    tjk = (docs / "ru" / "countries" / "tjk.md").read_text(encoding="utf-8")
    assert 'title: "Таджикистан (TJK)"' in tjk and "\n# Таджикистан (TJK)\n" in tjk
    assert "Член МОТ с" in tjk and "26 ноября 1993 г." in tjk   # catalog text, Russian date (escape.text folds CLDR's narrow space)
    assert tjk.count("{ .language-note }") == 1                          # what stays English, said once
    assert "en: Tajikistan" in tjk                                       # the other languages' names
    index = (docs / "ru" / "countries" / "index.md").read_text(encoding="utf-8")
    assert "## 10 стран, которые курирует московское бюро" in index      # plural form from the catalog
    assert "[Таджикистан](../countries/tjk.md)" in index


def test_a_russian_title_from_the_data_and_a_missing_one_marked(docs):
    c029 = (docs / "ru" / "conventions" / "c029.md").read_text(encoding="utf-8")
    assert f"# C029: {escape.text(russian_title('C029'))}\n" in c029
    held = {r["instrument_id"] for r in package.read_rows(ROOT, "convention_titles") if r["language"] == "ru"}
    without = next(r for r in package.read_rows(ROOT, "conventions") if r["instrument_id"] not in held)
    page = (docs / "ru" / "conventions" / f"{without['instrument_id'].lower()}.md").read_text(encoding="utf-8")
    heading = next(line for line in page.splitlines() if line.startswith("# "))
    assert '<span lang="en">' in heading and "(англ.)" in heading, heading   # never a machine translation
    assert "(англ.)" in page.split("---")[1]                               # the page title says so too


def test_english_pages_are_unchanged_by_the_catalog(docs):
    tjk = (docs / "countries" / "tjk.md").read_text(encoding="utf-8")
    assert "\n# Tajikistan (TJK)\n" in tjk and "ILO member since" in tjk and "language-note" not in tjk
    assert "(англ.)" not in (docs / "conventions" / "index.md").read_text(encoding="utf-8")


def test_theme_and_office_names_come_from_their_label_resources(docs):
    # Tajikistan's projects include one on gender equality; theme_names holds its Russian name.
    themes = {r["theme_id"]: r["name"] for r in package.read_rows(ROOT, "theme_names") if r["language"] == "ru"}
    tjk = (docs / "ru" / "countries" / "tjk.md").read_text(encoding="utf-8")
    assert themes["gender-equality"] in tjk and "Gender equality" not in tjk
    offices = {r["office_id"]: r["name"] for r in package.read_rows(ROOT, "office_names") if r["language"] == "ru"}
    assert offices["dwtco-moscow"] in (docs / "ru" / "offices" / "dwtco-moscow.md").read_text(encoding="utf-8")


def _title(instrument_id: str, lang: str) -> str | None:
    return next((r["title"] for r in package.read_rows(ROOT, "convention_titles")
                 if r["instrument_id"] == instrument_id and r["language"] == lang), None)


@pytest.mark.parametrize("lang, member_since, countries_heading, english_mark", [
    ("fr", ("Membre de l'OIT depuis", "26 novembre 1993"), "## Les 10 pays couverts depuis Moscou", "(en anglais)"),
    ("es", ("Miembro de la OIT desde", "26 de noviembre de 1993"), "## Los 10 países atendidos desde Moscú", "(en inglés)"),
])
def test_french_and_spanish_pages(docs, lang, member_since, countries_heading, english_mark):
    name = next(r["name"] for r in package.read_rows(ROOT, "country_names") if r["iso3"] == "TJK" and r["language"] == lang)
    tjk = (docs / lang / "countries" / "tjk.md").read_text(encoding="utf-8")
    assert f"\n# {escape.text(name)} (TJK)\n" in tjk                    # the name from the data (CLDR)
    assert all(text in tjk for text in member_since), member_since      # catalog text and the language's date
    assert countries_heading in (docs / lang / "countries" / "index.md").read_text(encoding="utf-8")   # plural form
    c029 = (docs / lang / "conventions" / "c029.md").read_text(encoding="utf-8")
    assert f"# C029: {escape.text(_title('C029', lang))}\n" in c029
    without = next(r["instrument_id"] for r in package.read_rows(ROOT, "conventions") if not _title(r["instrument_id"], lang))
    heading = next(line for line in (docs / lang / "conventions" / f"{without.lower()}.md").read_text(encoding="utf-8").splitlines()
                   if line.startswith("# "))
    assert '<span lang="en">' in heading and english_mark in heading, heading
