"""About page: what the package is, every source it cites (with how much rests on each), and
how complete it is (coverage of ratifications against stated totals)."""
from __future__ import annotations

from . import escape, md, tables
from .charts import COVERAGE_ALIGN, coverage_headers, coverage_rows
from .context import Context
from .i18n import _, ngettext
from .stats import all_coverage

PARTIAL_METRICS = [("conventions", "conventions_adopted", "Conventions"),
                   ("recommendations", "recommendations_adopted", "Recommendations")]


PAGE = "about.md"


def _global_claim(ctx: Context, metric: str) -> dict[str, str] | None:
    claims = [c for c in ctx.rows("claims") if not c.get("iso3") and c.get("metric") == metric and c.get("value", "").isdigit()]
    return max(claims, key=lambda c: (c.get("as_of", ""), c.get("claim_id", ""))) if claims else None


def page(ctx: Context) -> str:
    d = ctx.descriptor
    out = [md.front_matter(_("About")), "# " + _("About the package") + f"\n"]
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

    out.append("## " + _("How complete it is") + f" {{ #how-complete-it-is }}\n")
    out.append(_("The package records what its sources support and no more. Some tables are complete lists; others are "
                 "partial, and the pages say so.") + "\n")
    rows = [[escape.code(name), str(len(ctx.rows(name)))] for name in ctx.tables]
    notes = []
    for resource, metric, label in PARTIAL_METRICS:
        claim = _global_claim(ctx, metric)
        if claim:
            notes.append(f"- {label}: {len(ctx.rows(resource))} recorded; a source states {escape.text(claim['value'])} "
                         f"adopted as of {escape.text(claim.get('as_of') or 'an unknown date')} ({ctx.source_link(claim.get('source_id', ''), prefix='')}).")
    out.append(tables.table(ctx, PAGE, "resources", ["resource", "rows"], rows, ["---", "--:"]))
    if notes:
        out.append("\n".join(notes) + "\n")
    out.append("### " + _("Ratifications against the stated totals") + f" {{ #ratifications-against-the-stated-totals }}\n")
    out.append(_("For each country, the Conventions with a ratification row in the package against the latest total a "
                 "source states (a dated claim). *Recorded by then* counts the rows that may date from before the "
                 "statement; *share* is that over the stated total. The same numbers as `ilo-data coverage`.") + "\n")
    covs = list(all_coverage(ctx).values())
    out.append(tables.table(ctx, PAGE, "coverage", coverage_headers(), coverage_rows(ctx, covs, prefix=""), COVERAGE_ALIGN)
               if covs else md.none("No ratifications or stated totals recorded."))
    out.append(_("The chart is on the [Charts](charts/index.md#coverage-per-country) page.") + "\n")

    sources = ctx.rows("sources")
    out.append("## " + _("Sources") + f" {{ #sources }}\n\n" + ngettext(
        "The package cites {n} source: see [Sources](sources.md), grouped by kind and publisher, with a filter.",
        "The package cites {n} sources: see [Sources](sources.md), grouped by kind and publisher, with a filter.", len(sources)) + "\n")
    return "\n".join(out)


def write(ctx: Context) -> None:
    ctx.write(PAGE, page(ctx))
