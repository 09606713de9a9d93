"""The home page (docs/index.md): the hand-written text of home.md, with the countries covered from
Moscow linked to their pages (names and links from the data, so a package without them still builds)."""
from __future__ import annotations

import re
from pathlib import Path

from .context import Context

TEMPLATE = Path(__file__).with_name("home.md")
_COMMENT = re.compile(r"\A<!--.*?-->\n", re.S)


def country_links(ctx: Context) -> str:
    links = [ctx.country_link(iso3, prefix="") for iso3 in ctx.covered_iso3()]
    if len(links) < 2:
        return "".join(links) or "The countries"
    return ", ".join(links[:-1]) + " and " + links[-1]


def write(ctx: Context) -> None:
    text = _COMMENT.sub("", TEMPLATE.read_text(encoding="utf-8"))
    ctx.write("index.md", text.replace("COUNTRY_LINKS", country_links(ctx)))
