"""The site's Research pages: data/research/README.md and each research log, so readers see what
was searched, where, and what was not found (the logs are repository prose, like CONTRIBUTING)."""
from __future__ import annotations

from . import md
from .changelog import adapt
from .context import Context
from .i18n import _


def _research_dir(ctx: Context):
    return ctx.root / "data" / "research"


def logs(ctx: Context) -> list:
    folder = _research_dir(ctx) / "log"
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def index_page(ctx: Context) -> str:
    source = _research_dir(ctx) / "README.md"
    head = md.front_matter(_("Research"))
    if not source.is_file():
        return head + "# Research\n\n" + md.none("No research notes in the repository.")
    text = adapt(source.read_text(encoding="utf-8"), ctx)
    entries = [f"- [{path.stem}]({path.stem}.md)" for path in logs(ctx)]
    return head + text + "\n## Research logs\n\n" + ("\n".join(entries) + "\n" if entries else md.none("No logs yet."))


def write(ctx: Context) -> None:
    ctx.write("research/index.md", index_page(ctx), translated=False)   # repository prose, in English
    for path in logs(ctx):
        # The log's own links are written from the repository root, like CONTRIBUTING's.
        ctx.write(f"research/{path.stem}.md", md.front_matter(f"Research log: {path.stem}", search_exclude=True)
                  + adapt(path.read_text(encoding="utf-8"), ctx), translated=False)
