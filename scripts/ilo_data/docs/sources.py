"""The Sources page: every document the package cites, primary and secondary apart, each grouped by
kind (one collapsible group each, sorted by publisher), with a filter box (docs/javascripts/site.js)
and each group's rows as CSV. Other pages link to a source's row here (`Context.source_link`)."""
from __future__ import annotations

from collections import Counter

from . import escape, md, tables
from .context import Context
from .i18n import _, ngettext

PAGE = "sources.md"
KIND_LABELS = {"original-document": "Original documents", "ilo-normlex": "ILO NORMLEX", "ilo-page": "ILO web pages",
               "ilo-document": "ILO documents", "un-page": "UN pages", "government": "Government", "trade-union": "Trade unions",
               "news": "News", "encyclopedia": "Encyclopedias", "treaty-text": "Treaty texts", "other": "Other"}
HEADERS = ["id", "title", "publisher", "dates", "rows citing it", "notes"]


def citations(ctx: Context) -> dict[str, Counter]:
    """source_id -> Counter of resource name -> rows citing it (source_id or other_source_ids)."""
    counts: dict[str, Counter] = {}
    for name, rows in ctx.tables.items():
        if name == "sources":
            continue
        for row in rows:
            for sid in ctx.cited([row]):
                counts.setdefault(sid, Counter())[name] += 1
    return counts


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("-", " ").capitalize() if kind else "Kind not stated")


def _row(s: dict[str, str], used: Counter) -> list[str]:
    sid = s["source_id"]
    url = escape.safe_url(s.get("url"))
    title = escape.link(s.get("title") or sid, url) if url else (
        escape.text(s.get("title") or sid) + (f" ({escape.text(s.get('url'))}, not linked)" if s.get("url") else ""))
    dates = "; ".join(x for x in [f"published {escape.text(s['published'])}" if s.get("published") else "",
                                  f"retrieved {escape.text(s['retrieved'])}" if s.get("retrieved") else ""] if x)
    return [f'<span id="source-{escape.anchor_id(sid)}"></span>{escape.code(sid)}', title,
            escape.text(s.get("publisher", "")), dates or "not recorded",
            ", ".join(f"{escape.text(n)} {c}" for n, c in sorted(used.items())) or "not cited",
            escape.text(s.get("notes", ""))]


def _indent(text: str) -> str:
    return "".join("    " + line if line.strip() else line for line in text.splitlines(keepends=True))


def _kinds(ctx: Context, sources: list[dict], used: dict[str, Counter], part: str, heading: str, intro: str) -> str:
    """One part of the page (primary or secondary sources): a group per kind, sorted by publisher."""
    groups: dict[str, list[dict[str, str]]] = {}
    for s in sources:
        groups.setdefault(s.get("kind", ""), []).append(s)
    order = [k for k in KIND_LABELS if k in groups] + sorted(k for k in groups if k not in KIND_LABELS)
    anchor = {k: escape.anchor_id(f"{part}-{k or 'none'}") for k in order}
    out = [f"## {escape.text(heading)} ({len(sources)})\n", intro + "\n",
           _("Kinds:") + " " + ", ".join(f"[{escape.text(kind_label(k))} ({len(groups[k])})](#kind-{anchor[k]})" for k in order) + ".\n"]
    for kind in order:
        items = sorted(groups[kind], key=lambda s: (s.get("publisher", "").lower(), s["source_id"]))
        rows = [_row(s, used.get(s["source_id"], Counter())) for s in items]
        body = tables.table(ctx, PAGE, f"kind-{part}-{kind or 'none'}", HEADERS, rows)
        out.append(f'<span id="kind-{anchor[kind]}"></span>\n')
        out.append(f'??? source-group "{escape.attr(kind_label(kind))} ({len(items)})"\n\n' + _indent(body) + "\n")
    return "\n".join(out)


def page(ctx: Context) -> str:
    sources = ctx.rows("sources")
    used = citations(ctx)
    publishers = len({s.get("publisher", "") for s in sources})
    out = [md.front_matter(_("Sources"), search_exclude=True), "# " + _("Sources") + f" ({len(sources)})\n",
           _("Every document the package cites: {sources} from {publishers}, primary and secondary apart, grouped by kind "
             "and sorted by publisher, with "
             "the number of rows resting on each (as `source_id` or in `other_source_ids`). Links go to the address the "
             "document was read from; many are archived copies or secondary pages, and the notes say so. Type in the box "
             "to filter by id, title, publisher or note.").format(
               sources=ngettext("{n} source", "{n} sources", len(sources)),
               publishers=ngettext("{n} publisher", "{n} publishers", publishers)) + "\n",
           '<form class="source-filter" role="search">'
           f'<label for="source-filter">{escape.attr(_("Filter sources"))}</label> '
           '<input id="source-filter" type="search" placeholder="e.g. NORMLEX, Tajikistan, 2019" autocomplete="off"> '
           '<output for="source-filter" id="source-filter-count" aria-live="polite"></output></form>\n']
    parts = {"true": [], "false": [], "": []}
    for s in sources:
        parts.get((s.get("primary") or "").lower(), parts[""]).append(s)   # anything else: not classified
    for value, part, heading, intro in (
            ("true", "primary", _("Primary sources"), _("The ILO, treaty registers, official legal portals and gazettes, governments.")),
            ("false", "secondary", _("Secondary sources"), _("News, encyclopedias, compilations, and copies of primary documents on "
                                                             "other sites: they corroborate, or stand alone where nothing better "
                                                             "was readable, and the rows resting on them say so.")),
            ("", "unclassified", _("Sources not classified"), _("Whether these are primary is not recorded."))):
        if parts[value]:
            out.append(_kinds(ctx, parts[value], used, part, heading, intro))
    if not sources:
        out.append(md.none("No sources recorded."))
    return "\n".join(out)


def write(ctx: Context) -> None:
    ctx.write(PAGE, page(ctx))
