"""The site's Changelog page: a copy of the repository's CHANGELOG.md with its links fixed for the site."""
from __future__ import annotations

import re

from . import md
from .context import Context
from .i18n import _

_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)")


def adapt(text: str, ctx: Context, aliases: dict[str, str] | None = None) -> str:
    """Relative links are written from the repository root: a link named in `aliases` goes to its
    site page; `docs/x.md` becomes `x.md` when the page exists on the site; any other relative
    link (a repository file, not on the site) becomes text."""
    aliases = aliases or {}

    def fix(match: re.Match) -> str:
        label, target = match.group(1), match.group(2)
        if re.match(r"^(https?:|mailto:|#)", target):
            return match.group(0)
        if target in aliases:
            return f"[{label}]({aliases[target]})"
        path = target.split("#", 1)[0]
        if path.startswith("docs/") and (ctx.docs / path[len("docs/"):]).is_file():
            return f"[{label}]({target[len('docs/'):]})"
        return f"{label} (`{target}`)"
    return _LINK.sub(fix, text)


def page(ctx: Context) -> str:
    source = ctx.root / "CHANGELOG.md"
    if not source.is_file():
        return md.front_matter("Changelog") + "# Changelog\n\n" + md.none("No CHANGELOG.md in the repository.")
    return md.front_matter(_("Changelog")) + adapt(source.read_text(encoding="utf-8"), ctx)


def write(ctx: Context) -> None:
    ctx.write("changelog.md", page(ctx), translated=False)   # the repository's CHANGELOG.md, in English
