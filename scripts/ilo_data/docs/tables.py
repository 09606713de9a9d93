"""Every data table and chart on the site offers its data: a CSV of exactly the rows and columns shown
(the Markdown cells turned back into the text a reader sees), and for a chart its SVG and a PNG (drawn
from the SVG in the browser by docs/javascripts/site.js). The CSVs live under docs/tables/."""
from __future__ import annotations

import csv
import html
import io
import posixpath
import re

from . import escape, md
from .context import Context
from .i18n import _, ngettext

FOLDER = "tables"
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\((?:<[^>]*>|[^)\s]*)\)(?:\{[^}]*\})?")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(?<!\\)\*+")
_BACKSLASH = re.compile(r"\\(.)")
# A cell a spreadsheet would run as a formula is written with a leading apostrophe (shown, not run).
_FORMULA = re.compile(r"^(?:[=+@\t\r]|-(?![\d.]))")


def plain(cell: str) -> str:
    """The text a reader sees in a rendered Markdown cell: links become their labels, tags and
    emphasis markers go, escapes and entities are undone."""
    text = _LINK.sub(lambda m: m.group(1), cell)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _BACKSLASH.sub(r"\1", text)
    return html.unescape(text).strip()


def inert(value: str) -> str:
    return "'" + value if _FORMULA.match(value) else value


def csv_text(headers: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([inert(plain(h)) for h in headers])
    writer.writerows([[inert(plain(c)) for c in row] for row in rows])
    return out.getvalue()


def rel(page: str, target: str) -> str:
    """A link from the Markdown page `page` (e.g. countries/tjk.md) to the docs file `target`."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def csv_path(page: str, name: str) -> str:
    stem = page[:-3] if page.endswith(".md") else page
    return f"{FOLDER}/{escape.anchor_id(stem.replace('/', '--'))}--{escape.anchor_id(name)}.csv"


def _actions(links: list[tuple[str, str, str]]) -> str:
    """A line of download links: (label, href, css class). Markdown links, so MkDocs checks and rewrites them;
    the hrefs are paths this module built from escaped keys."""
    items = " · ".join(f'[{escape.text(label)}](<{href}>){{ .{cls} download="{posixpath.basename(href)}" }}' for label, href, cls in links)
    return _("Download this data:") + f' {items}\n{{ .download-data }}\n'


def csv_label(rows: int) -> str:
    return "CSV (" + ngettext("{n} row", "{n} rows", rows) + ")"


def table(ctx: Context, page: str, name: str, headers: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    """A Markdown table with a link to a CSV of exactly its cells (written under docs/tables/)."""
    if not rows:
        return ""
    target = csv_path(page, name)
    ctx.write(target, csv_text(headers, rows))
    return md.table(headers, rows, align) + "\n" + _actions([(csv_label(len(rows)), rel(page, target), "download-csv")])


def chart(ctx: Context, page: str, svg_path: str, alt: str, headers: list[str], rows: list[list[str]]) -> str:
    """An SVG chart (already written at docs/<svg_path>) in a scrolling frame, with its data as CSV,
    the SVG itself and a PNG."""
    target = svg_path[:-4] + ".csv"
    ctx.write(target, csv_text(headers, rows))
    src = rel(page, svg_path)
    return (f'<div class="chart" markdown>\n\n![{escape.text(alt)}]({src})\n\n</div>\n\n'
            + _actions([(csv_label(len(rows)), rel(page, target), "download-csv"),
                        ("SVG", src, "download-svg"), ("PNG", src, "download-png")]))
