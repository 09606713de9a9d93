"""The site's languages: gettext message catalogs (through Babel) for the text the generator writes.

English is the source language: `_("...")` returns its argument while English pages are written.
For another language, `generate` writes every page again inside `language(code)`, and `_()`,
`ngettext()` look the text up in `locale/<code>/LC_MESSAGES/site.po`, compiled in memory (no .mo
file is committed or written). `N_("...")` only marks a constant for extraction; translate it where
it is used, with `_()`. `make messages` re-extracts the template (locale/site.pot) and updates every
catalog; tests/test_docs_i18n.py fails while a catalog is stale or a message has no translation.

Facts are not interface text: names and titles come from the data (`country_names`,
`convention_titles`, ...), never from a catalog; a title with no row in the language is shown in
English and marked so (`foreign`).
"""
from __future__ import annotations

import datetime as dt
import functools
import io
import posixpath
from contextlib import contextmanager
from pathlib import Path

from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from ..dates import parse_partial

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "site"
SOURCE = "en"
# The site's languages, the source language first. A language here needs a catalog
# (locale/<code>/LC_MESSAGES/site.po), its MkDocs config (mkdocs.<code>.yml) and its names in the data.
SITE_LANGUAGES = ["en", "ru", "fr", "es"]
# The language switcher's labels: each language named in itself.
NATIVE_NAMES = {"en": "English", "ru": "Русский", "fr": "Français", "es": "Español"}


def site_root(lang: str) -> str:
    """Where a language's site lives, relative to the English one: "." or "<code>"."""
    return "." if lang == SOURCE else lang


def alternate_links(lang: str) -> list[dict]:
    """The language switcher of the `lang` site (`extra.alternate`, set by the build hook): each language's
    site root relative to this site's root ("../fr/"); overrides/partials/alternate.html adds the page."""
    return [{"name": NATIVE_NAMES[code], "lang": code,
             "link": posixpath.relpath(site_root(code), site_root(lang)) + "/"} for code in SITE_LANGUAGES]

_state = {"lang": SOURCE, "translations": NullTranslations()}


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """The compiled catalog of a language (the source language translates to itself)."""
    if lang == SOURCE:
        return NullTranslations()
    with catalog_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)     # fuzzy entries are left out: they fall back to English
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


@contextmanager
def language(lang: str):
    """Write pages in `lang` inside this block."""
    saved = dict(_state)
    _state.update(lang=lang, translations=translations(lang))
    try:
        yield
    finally:
        _state.update(saved)


def current() -> str:
    return _state["lang"]


def _(message: str) -> str:
    return _state["translations"].gettext(message)


def ngettext(singular: str, plural: str, n: int, **values) -> str:
    """The form for n (Russian has three: 1 конвенция, 2 конвенции, 5 конвенций), with `{n}` and any
    other `{name}` in it filled in (values are Markdown the caller has escaped)."""
    return _state["translations"].ngettext(singular, plural, n).format(n=n, **values)


def N_(message: str) -> str:
    """Marks a constant for extraction; translate it where it is shown, with _()."""
    return message


def date(text: str | None) -> str:
    """A partial date as readers of the current language write it, as precise as the data and no more:
    2009 stays 2009; 2009-06 is "июнь 2009 г."; 2009-06-11 is "11 июня 2009 г." (Babel, CLDR). English
    pages keep the package's ISO form. Plain text: escape it where it goes."""
    if not text or current() == SOURCE:
        return text or ""
    try:
        parsed = parse_partial(text)
    except ValueError:
        return text
    if parsed is None or parsed.precision == "year":
        return text
    if parsed.precision == "month":
        return format_skeleton("yMMMM", dt.date(parsed.year, parsed.month, 1), locale=current())
    return format_date(parsed.earliest(), "long", locale=current())


# The navigation's titles (mkdocs.yml `nav`) and the templates' own words (overrides/partials/), which the
# build hook (mkdocs_hooks.py) translates into the site's language (`theme.language`).
NAV_TITLES = [N_("Home"), N_("Data dictionary"), N_("Countries"), N_("Conventions"), N_("Recommendations"), N_("Offices"), N_("Charts"),
              N_("Downloads"), N_("Sources"), N_("Explore"), N_("Contributing"), N_("Validation rules"),
              N_("Versioning"), N_("Research"), N_("Changelog"), N_("About")]
TEMPLATE_TEXT = {
    "cite_this_page": N_("Cite this page"), "in": N_("In:"), "version": N_("version"), "released": N_("released"),
    "licence": N_("Licence:"), "not_stated": N_("not stated"), "data": N_("Data:"), "licence_not_stated": N_("licence not stated"),
    "code_mit": N_("code: MIT."), "repository": N_("Repository"), "report_correction": N_("Report a correction"),
    "correction": N_("Correction: "), "downloads": N_("Downloads"), "sources": N_("Sources"), "unknown": N_("unknown"),
}


def translate_nav(nav, lang: str):
    """mkdocs.yml's `nav` with its titles in `lang` (paths unchanged)."""
    gettext = translations(lang).gettext
    if isinstance(nav, list):
        return [translate_nav(item, lang) for item in nav]
    if isinstance(nav, dict):
        return {gettext(title): translate_nav(value, lang) for title, value in nav.items()}
    return nav
