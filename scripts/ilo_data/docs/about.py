"""About page: what the package is, every source it cites (with how much rests on each), and
how complete it is (coverage of ratifications against stated totals)."""
from __future__ import annotations

from collections import Counter

from . import escape, md
from .charts import coverage_table
from .context import Context
from .stats import all_coverage

PARTIAL_METRICS = [("conventions", "conventions_adopted", "Conventions"),
                   ("recommendations", "recommendations_adopted", "Recommendations")]


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


def _global_claim(ctx: Context, metric: str) -> dict[str, str] | None:
    claims = [c for c in ctx.rows("claims") if not c.get("iso3") and c.get("metric") == metric and c.get("value", "").isdigit()]
    return max(claims, key=lambda c: (c.get("as_of", ""), c.get("claim_id", ""))) if claims else None


def page(ctx: Context) -> str:
    d = ctx.descriptor
    out = [md.front_matter("About"), "# About the package\n"]
    out.append(f"**{escape.text(d.get('title') or d.get('name', ''))}**, version {escape.text(ctx.version)}.\n")
    if d.get("description"):
        out.append(escape.text_with_code(d["description"]) + "\n")
    licences = [escape.link(l.get("title") or l.get("name", ""), l.get("path")) for l in d.get("licenses", [])]
    if licences:
        out.append("Licence of the data: " + ", ".join(licences) + ".\n")
    contributors = [escape.text(c.get("title", "")) + (f" ({escape.text(', '.join(c.get('roles', [])))})" if c.get("roles") else "")
                    for c in d.get("contributors", [])]
    if contributors:
        out.append("Contributors: " + "; ".join(contributors) + ".\n")

    out.append("## How complete it is\n")
    out.append("The package records what its sources support and no more. Some tables are complete lists; others are "
               "partial, and the pages say so.\n")
    rows = [[escape.code(name), str(len(ctx.rows(name)))] for name in ctx.tables]
    notes = []
    for resource, metric, label in PARTIAL_METRICS:
        claim = _global_claim(ctx, metric)
        if claim:
            notes.append(f"- {label}: {len(ctx.rows(resource))} recorded; a source states {escape.text(claim['value'])} "
                         f"adopted as of {escape.text(claim.get('as_of') or 'an unknown date')} ({ctx.source_link(claim.get('source_id', ''), prefix='')}).")
    out.append(md.table(["resource", "rows"], rows, ["---", "--:"]))
    if notes:
        out.append("\n".join(notes) + "\n")
    out.append("### Ratifications against the stated totals\n")
    out.append("For each country, the Conventions with a ratification row in the package against the latest total a "
               "source states (a dated claim). *Recorded by then* counts the rows that may date from before the "
               "statement; *share* is that over the stated total. The same numbers as `ilo-data coverage`.\n")
    covs = list(all_coverage(ctx).values())
    out.append(coverage_table(ctx, covs, prefix="") if covs else md.none("No ratifications or stated totals recorded."))
    out.append("The chart is on the [Charts](charts/index.md#coverage-per-country) page.\n")

    counts = citations(ctx)
    sources = ctx.rows("sources")
    kinds = Counter(s.get("kind", "") for s in sources)
    out.append(f"## Sources ({len(sources)})\n")
    out.append("Every document the package cites, with the number of rows resting on it (as `source_id` or in "
               "`other_source_ids`). Links go to the address the document was read from; many are archived copies "
               "or secondary pages, and the notes say so.\n")
    out.append("By kind: " + ", ".join(f"{escape.text(k or 'not stated')} {n}" for k, n in sorted(kinds.items())) + ".\n")
    cells = []
    for s in sorted(sources, key=lambda s: s["source_id"]):
        sid = s["source_id"]
        used = counts.get(sid, Counter())
        used_text = ", ".join(f"{escape.text(n)} {c}" for n, c in sorted(used.items())) or "not cited"
        url = escape.safe_url(s.get("url"))
        where = escape.link("link", url) if url else (escape.text(s.get("url")) + " (not linked)" if s.get("url") else "no address")
        dates = "; ".join(x for x in [f"published {escape.text(s['published'])}" if s.get("published") else "",
                                      f"retrieved {escape.text(s['retrieved'])}" if s.get("retrieved") else ""] if x)
        cells.append([f'<span id="source-{escape.anchor_id(sid)}"></span>{escape.code(sid)}',
                      escape.text(s.get("title", "")), escape.text(s.get("publisher", "")), where,
                      escape.text(s.get("kind", "")), dates, used_text, escape.text(s.get("notes", ""))])
    out.append(md.table(["id", "title", "publisher", "address", "kind", "dates", "rows citing it", "notes"], cells)
               if cells else md.none("No sources recorded."))
    return "\n".join(out)


def write(ctx: Context) -> None:
    ctx.write("about.md", page(ctx))
