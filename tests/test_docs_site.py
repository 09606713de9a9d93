"""The site built from the repository (`ilo-data docs` + `mkdocs build --strict`): offline by
construction (no external script, stylesheet, font or image) and no broken internal link."""
from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from ilo_data.docs.sitebuild import cached_site
from ilo_data.paths import ROOT

# The built sites are cached per process: under pytest-xdist (`make test`) every test that needs
# one runs on the same worker, so each site is built once (--dist loadgroup).
pytestmark = pytest.mark.xdist_group("site")

EXTERNAL = re.compile(r"^\s*(https?:)?//", re.I)


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "srcset", "data", "poster") and value is not None:
                self.refs.append((tag, name, value))


@pytest.fixture(scope="module")
def site() -> Path:
    built = cached_site(ROOT)
    print(f"\nsite built in {built.seconds:.1f} s (ilo-data docs + mkdocs build --strict)")
    return built.site


@functools.lru_cache(maxsize=2)   # both tests read every page: parse them once
def _pages(site: Path) -> dict[Path, list[tuple[str, str, str]]]:
    pages = {}
    for path in site.rglob("*.html"):
        if "downloads" in path.relative_to(site).parts[:-1] and path.name != "index.html":
            continue  # a release file, not a page
        parser = _Refs()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path] = parser.refs
    return pages


def test_no_external_script_stylesheet_font_or_media(site):
    offenders = []
    for path, refs in _pages(site).items():
        for tag, attr, value in refs:
            # <a href> to the outside world is a link the reader may follow; anything the browser
            # loads by itself (script, stylesheet, font, image, frame) must come from the site.
            if tag != "a" and EXTERNAL.match(value):
                offenders.append(f"{path.relative_to(site)}: <{tag} {attr}={value!r}>")
    for css in site.rglob("*.css"):
        for match in re.finditer(r"(@import\s+(url\()?|url\()\s*['\"]?\s*((https?:)?//[^'\")\s]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(site)}: {match.group(3)}")
    assert not offenders, "the site loads resources from outside:\n" + "\n".join(offenders[:30])


def test_no_google_fonts(site):
    for path in site.rglob("*.html"):
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8"), path


def test_internal_links_resolve(site):
    broken = []
    for path, refs in _pages(site).items():
        for tag, attr, value in refs:
            if attr not in ("href", "src") or EXTERNAL.match(value) or value.startswith(("#", "mailto:", "data:")):
                continue
            target_path = unquote(urlsplit(value).path)
            if not target_path:
                continue
            # 404.html links from the site root; every other page links relatively.
            base = site if target_path.startswith("/") else path.parent
            target = (base / target_path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)}: <{tag} {attr}={value!r}>")
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken[:30])


def test_key_pages_exist(site):
    for page in ["index.html", "dictionary/index.html", "countries/index.html", "conventions/index.html",
                 "offices/index.html", "charts/index.html", "downloads.html", "rules.html", "sources.html",
                 "changelog.html", "about.html", "countries/tjk.html", "search/search_index.json"]:
        assert (site / page).is_file(), f"missing {page}"


def test_the_site_tests_share_one_worker(request):
    # Under `make test` (pytest-xdist --dist loadgroup) the tests of the "site" group run on one worker,
    # so each site is built once. If an upgrade of pytest or pytest-xdist drops the grouping (pytest
    # 9.2.0 did, with xdist 3.8.0), everything still passes but every worker builds the sites.
    if not getattr(request.config.option, "loadgroup", False):   # set on xdist workers under --dist loadgroup
        pytest.skip("not run by pytest-xdist with --dist loadgroup")
    assert request.node.nodeid.endswith("@site"), f"{request.node.nodeid}: xdist_group is ignored"
