"""Every piece of text that comes from the data goes through here before it reaches a page.

Data are untrusted: a title may hold `<script>`, a note may hold Markdown link syntax, a URL
may be `javascript:`. The functions below turn such text into inert, literal text:

- `text(s)`    for Markdown paragraphs and table cells: HTML-escaped, Markdown specials
               backslash-escaped, newlines folded, pipes escaped (safe inside tables too);
- `attr(s)`    for an HTML attribute value or raw HTML text (HTML-escaped, quotes included);
- `title(s)`   for a page's front-matter title (the theme inserts it unescaped into <title>);
- `xml(s)`     for text and attributes inside SVG;
- `safe_url(u)` returns the URL only when it is http(s) with a host, else None;
- `link(label, url)` a Markdown link when the URL is safe, else the label and the URL as text;
- `code(s)`    inline code that cannot break out of its backticks;
- `text_with_code(s)` like `text`, with `backticked` spans as inline code (schema descriptions).
"""
from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

# Python-Markdown's backslash-escapable characters (plus `|`, which the tables extension adds).
# The site enables no extension with other inline syntax (no tilde/caret/mark/emoji/magiclink).
# `<`, `>` and `&` are handled by HTML escaping first; a leading "1." is handled separately.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")
_LEADING_NUMBER = re.compile(r"^(\d+)\.")
_WHITESPACE = re.compile(r"\s+")


def text(value: object, strip: bool = True) -> str:
    """Literal text for Markdown (paragraphs, list items, headings, table cells)."""
    if value is None:
        return ""
    s = _WHITESPACE.sub(" ", str(value))
    s = s.strip() if strip else s
    s = html.escape(s, quote=True)
    # Entities produced above (&lt; &#x27; ...) contain only letters, digits, '#', ';' and '&';
    # escape the Markdown specials outside the entities so they stay entities.
    parts = re.split(r"(&[a-zA-Z]+;|&#x?[0-9a-fA-F]+;)", s)
    escaped = "".join(p if i % 2 else _MD_SPECIAL.sub(r"\\\1", p) for i, p in enumerate(parts))
    return _LEADING_NUMBER.sub(r"\1\\.", escaped)


def attr(value: object) -> str:
    """Text for raw HTML (element content or a quoted attribute value)."""
    return html.escape("" if value is None else str(value), quote=True)


def title(value: object) -> str:
    """A front-matter page title: a JSON string (valid YAML) holding HTML-escaped text.

    The theme writes `page.meta.title` into <title> and the navigation without escaping it,
    so the value must already be HTML; entities display as the original characters."""
    plain = _WHITESPACE.sub(" ", "" if value is None else str(value)).strip()
    return json.dumps(html.escape(plain, quote=True), ensure_ascii=False)


def xml(value: object) -> str:
    """Text or attribute value inside SVG/XML."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_url(value: object) -> str | None:
    """The URL if it is an absolute http(s) URL with a host and no whitespace or quotes."""
    if not value:
        return None
    url = str(value).strip()
    if any(c.isspace() or c in "\"'<>`\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def link(label: object, url: object) -> str:
    """A Markdown link with escaped label, only for http(s) URLs; otherwise literal text."""
    safe = safe_url(url)
    if safe is None:
        if url:
            return f"{text(label)} ({text(url)}, not linked: not an http(s) URL)"
        return text(label)
    # Angle-bracket destination: parentheses in the URL cannot end it; safe_url refused '<', '>'.
    return f"[{text(label)}](<{safe}>)"


def code(value: object) -> str:
    """Inline code: a <code> element whose content is escaped like `text` (Markdown still parses
    the inside of inline HTML, so its specials are escaped too; backticks cannot end it)."""
    return f"<code>{text(value, strip=False)}</code>"


def anchor_id(value: str) -> str:
    """An id usable in `{ #id }` and in URLs: letters, digits, '.', '-' and '_' only."""
    return re.sub(r"[^A-Za-z0-9._-]", "-", value)


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def text_with_code(value: object) -> str:
    """Like `text`, but `backticked` spans become inline code (for schema and rule descriptions).
    Each part is escaped on its own: nothing but <code> elements can come out of it."""
    s = _WHITESPACE.sub(" ", "" if value is None else str(value)).strip()
    parts = _CODE_SPAN.split(s)
    return "".join(code(p) if i % 2 else text(p, strip=False) for i, p in enumerate(parts))


def english_marker() -> str:
    """The note after an English title standing in for a missing translation: '(англ.)' in Russian."""
    from .i18n import _
    return _("(in English)")


def foreign(value: object) -> str:
    """An English text from the data on a page in another language: escaped like `text`, marked
    lang="en" (screen readers and search read it as English) and followed by the marker."""
    return f'<span lang="en">{text(value)}</span> <span class="lang-marker">{attr(english_marker())}</span>'
