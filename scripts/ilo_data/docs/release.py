"""docs/release.json: what the footer and every page's "Cite this page" block say about the release
(title, version, release date, licence), read by the MkDocs hook (mkdocs_hooks.py) into
`config.extra.release`. The date is the release's (CHANGELOG.md), never the build's."""
from __future__ import annotations

import json

from ..release_files.citation import NoReleaseDate, release_date
from .context import Context

FILE = "release.json"


def release(ctx: Context) -> dict:
    d = ctx.descriptor
    licence = (d.get("licenses") or [{}])[0]
    try:
        date = release_date(ctx.root, ctx.version).isoformat()
    except NoReleaseDate:
        date = ""
    return {"title": d.get("title") or d.get("name") or "", "name": d.get("name") or "", "version": ctx.version,
            "date": date, "licence": licence.get("name") or licence.get("title") or "",
            "licence_url": licence.get("path") or ""}


def write(ctx: Context) -> None:
    ctx.write(FILE, json.dumps(release(ctx), indent=2, ensure_ascii=False) + "\n")
