"""Text from the data is inert on the site: escaped in Markdown, HTML and SVG; only http(s) links."""
from __future__ import annotations

import json
import re
from html import unescape
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from ilo_data.docs import escape
from ilo_data.docs.generate import generate
from ilo_data.docs.sitebuild import cached_site
from ilo_data.docs.svg import Svg

FIXTURE = Path(__file__).parent / "fixtures" / "docs" / "injection"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
EXTENSIONS = ["attr_list", "tables", "md_in_html", "toc"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


@pytest.mark.parametrize("hostile", [SCRIPT, IMG, "[x](javascript:alert(1))", "<b>bold</b> *em* _u_ `c` | pipe",
                                     "1. not a list", "# not a heading", "&lt;script&gt;", "{ #id .cls }", "a\\b"])
def test_text_renders_literally(hostile):
    html = render(escape.text(hostile))
    assert html.startswith("<p>") and html.endswith("</p>"), html
    inner = html[len("<p>"):-len("</p>")]
    assert "<" not in inner, f"markup from data became an element: {html}"
    assert unescape(inner) == hostile  # what the reader sees is exactly the data


def test_text_is_safe_in_a_table_cell():
    html = render("| a | b |\n|---|---|\n| " + escape.text("x | y <script>") + " | z |\n")
    assert html.count("<td>") == 2 and "x | y &lt;script&gt;" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "vbscript:x",
                                 "//evil.example/x", "/relative", "http://", "https://a.org/\"onmouseover=x", "https://a b.org",
                                 "ftp://a.org/f", ""])
def test_unsafe_urls_are_not_links(url):
    assert escape.safe_url(url) is None
    assert "<a " not in render(escape.link("label", url))


@pytest.mark.parametrize("url", ["https://www.ilo.org/moscow", "http://untj.org/?page_id=853",
                                 "https://normlex.ilo.org/dyn/f?p=NORMLEXPUB%3A13100%3A0", "https://en.wikipedia.org/wiki/A_(b)"])
def test_http_urls_are_links(url):
    html = render(escape.link("label", url))
    assert html.count("<a ") == 1 and 'href="' + url.replace("&", "&amp;") + '"' in html


def test_title_is_json_with_html_escaped_text():
    assert json.loads(escape.title(SCRIPT)) == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_svg_text_and_tooltips_are_escaped():
    chart = Svg(100, 50, SCRIPT, desc=IMG)
    chart.text(1, 2, SCRIPT + ' & "quoted"', font_weight=IMG)
    chart.rect(0, 0, 1, 1, tip=IMG)
    root = ET.fromstring(chart.render().split("\n", 1)[1])
    texts = [el.text for el in root.iter() if el.text]
    assert SCRIPT in texts and IMG in texts and SCRIPT + ' & "quoted"' in texts
    assert not [el for el in root.iter() if el.tag.endswith(("script", "img"))]


# ---------- the fixture package, generated and built ----------
@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("docs")
    generate(FIXTURE, docs, tmp_path_factory.mktemp("nodist"))
    return docs


def test_generated_markdown_holds_only_the_escaped_form(generated):
    # Fenced code blocks (the Table Schema JSON) are literal in Markdown: the built-site test covers them.
    pages = {p: re.sub(r"(?ms)^(`{3,})json\n.*?^\1$", "", p.read_text(encoding="utf-8")) for p in generated.rglob("*.md")}
    assert pages
    offenders = [str(p.relative_to(generated)) for p, text in pages.items() if "<script" in text or "<img" in text or "](javascript:" in text]
    assert not offenders, f"raw hostile markup in generated pages: {offenders}"
    tjk = pages[generated / "countries" / "tjk.md"]
    assert "&lt;img src=x onerror=alert\\(2\\)&gt;" in tjk
    assert "\\[click\\]\\(javascript:alert\\(5\\)\\)" in tjk
    fra = pages[generated / "countries" / "fra.md"]
    assert 'title: "France &lt;script&gt;alert(1)&lt;/script&gt; (FRA)"' in fra
    # The Russian pages: names and titles from the label resources are escaped like any other data.
    fra_ru = pages[generated / "ru" / "countries" / "fra.md"]
    assert 'title: "Франция &lt;script&gt;alert(1)&lt;/script&gt; (FRA)"' in fra_ru
    assert "# Франция &lt;script&gt;alert\\(1\\)&lt;/script&gt; (FRA)" in fra_ru
    c029_ru = pages[generated / "ru" / "conventions" / "c029.md"]
    assert "Относительно принудительного труда &lt;img src=x onerror=alert\\(2\\)&gt;" in c029_ru
    # The English title shown beside the Russian one: escaped inside its lang="en" span.
    assert '<span lang="en">Forced Labour Convention, 1930 &lt;script&gt;alert\\(1\\)&lt;/script&gt;</span>' in c029_ru


def test_generated_svg_is_well_formed_and_inert(generated):
    svgs = list(generated.rglob("*.svg"))
    assert svgs
    for path in svgs:
        tree = ET.parse(path)
        tags = {el.tag.split("}")[-1] for el in tree.iter()}
        assert "script" not in tags and "foreignObject" not in tags, path
        assert not any(a.startswith("on") for el in tree.iter() for a in el.attrib), path


class _Elements(HTMLParser):
    """Collects every element, its attributes and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


@pytest.mark.xdist_group("fixture-site")   # the fixture site is cached per worker: share it (tests/browser/test_injection.py)
def test_built_fixture_site_has_no_injected_element():
    site = cached_site(FIXTURE, with_release=False).site
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parser = _Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(site)
        assert not any("alert(" in s for s in parser.scripts), f"{where}: an injected <script> runs"
        for tag, attrs in parser.elements:
            assert not any(name.startswith("on") for name in attrs), f"{where}: <{tag}> with an event handler {attrs}"
            assert not (tag == "img" and attrs.get("src") == "x"), f"{where}: the injected <img> is an element"
            href = (attrs.get("href") or "").strip().lower()
            assert not href.startswith(("javascript:", "data:", "vbscript:")), f"{where}: <{tag} href={href!r}>"
    tjk = (site / "countries" / "tjk.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(2)&gt;" in tjk  # shown as text
    fra = (site / "countries" / "fra.html").read_text(encoding="utf-8")
    assert "<title>France &lt;script&gt;alert(1)&lt;/script&gt; (FRA) - " in fra
    assert any(p.relative_to(site).parts[0] == "ru" for p in pages), "the Russian pages were not built"
    fra_ru = (site / "ru" / "countries" / "fra.html").read_text(encoding="utf-8")
    assert "<title>Франция &lt;script&gt;alert(1)&lt;/script&gt; (FRA) - " in fra_ru
    assert "Относительно принудительного труда &lt;img src=x onerror=alert(2)&gt;" in (site / "ru" / "conventions" / "c029.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("hostile", ["`<script>alert(1)</script>`", "a `b` <img src=x onerror=alert(2)> `c", "``", "`*x*` [y](z)"])
def test_text_with_code_makes_only_code_elements(hostile):
    html = render(escape.text_with_code(hostile))
    tags = set(re.findall(r"<([a-z]+)", html))
    assert tags <= {"p", "code"}, html
    assert "<script" not in html and "<img" not in html


def test_code_is_literal_even_in_a_table():
    pattern = "^(C\\d{3}|P\\d{3})$ *x* [a](b) <b>"
    html = render("| a | b |\n|---|---|\n| " + escape.code(pattern) + " | z |\n")
    assert html.count("<td>") == 2
    assert f"<code>{escape.attr(pattern)}</code>".replace("&#x27;", "'") in html
