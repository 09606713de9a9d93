"""The site's Contributing page: CONTRIBUTING.md with its repository links pointed at site pages.

Generated, so the repository's guide and the site's cannot drift apart."""
from __future__ import annotations

import re

from . import md
from .context import Context

# repository link -> site page (the site's rules, dictionary and changelog pages are generated)
SITE_LINKS = {
    "docs/versioning.md": "versioning.md",
    "docs/benchmarks.md": "benchmarks.md",
    "scripts/ilo_data/validate/rules.py": "rules.md",
    "schemas/": "dictionary/index.md",
    "CHANGELOG.md": "changelog.md",
}
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def site_version(text: str) -> str:
    def link(match: re.Match) -> str:
        target = match.group(2)
        if target.startswith(("http://", "https://", "#")):
            return match.group(0)
        if target not in SITE_LINKS:
            # A repository file with no site page: keep the words, name the file.
            return f"{match.group(1)} (`{target}`)"
        return f"[{match.group(1)}]({SITE_LINKS[target]})"
    return _LINK.sub(link, text)


def page(ctx: Context) -> str:
    source = ctx.root / "CONTRIBUTING.md"
    if not source.is_file():
        return md.front_matter("Contributing") + "# Contributing\n\n" + md.none("No CONTRIBUTING.md in the repository.")
    return md.front_matter("Contributing") + site_version(source.read_text(encoding="utf-8"))


def write(ctx: Context) -> None:
    ctx.write("contributing.md", page(ctx))
