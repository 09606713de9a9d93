"""The site's Contributing page: CONTRIBUTING.md with its repository links pointed at site pages.

Generated, so the repository's guide and the site's cannot drift apart."""
from __future__ import annotations

from . import md
from .changelog import adapt
from .context import Context
from .i18n import _

# Repository links whose site page is not simply docs/<page>: the generated rules, dictionary and
# changelog pages. (Links to docs/x.md are rewritten by `adapt` itself.)
SITE_LINKS = {
    "scripts/ilo_data/validate/rules.py": "rules.md",
    "schemas/": "dictionary/index.md",
    "CHANGELOG.md": "changelog.md",
    "data/research/README.md": "research/index.md",
}


def page(ctx: Context) -> str:
    source = ctx.root / "CONTRIBUTING.md"
    if not source.is_file():
        return md.front_matter("Contributing") + "# Contributing\n\n" + md.none("No CONTRIBUTING.md in the repository.")
    return md.front_matter(_("Contributing")) + adapt(source.read_text(encoding="utf-8"), ctx, SITE_LINKS)


def write(ctx: Context) -> None:
    ctx.write("contributing.md", page(ctx), translated=False)   # the repository's guide, in English
