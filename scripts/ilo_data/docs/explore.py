"""Explore page: `ilo-data serve` (Datasette) and its JSON API, with the canned queries and facets
taken from the same code that configures the server, so the page cannot drift from it."""
from __future__ import annotations

from urllib.parse import urlencode

from ..explore.command import DEFAULT_PORT
from ..explore.metadata import facets
from ..explore.queries import canned_queries
from . import escape, md
from .context import Context
from .i18n import _

BASE = f"http://127.0.0.1:{DEFAULT_PORT}"


def _api(ctx: Context, database: str) -> str:
    first = next(iter(ctx.schemas), "ratifications")
    table = "ratifications" if "ratifications" in ctx.schemas else first
    return "\n".join([
        "## The JSON API\n",
        "Every page of Datasette is also JSON: add `.json` to its address. All of it is read-only.\n",
        md.table(["what", "address"], [
            ["a table (100 rows a page; follow `next_url`)", escape.code(f"{BASE}/{database}/{table}.json")],
            ["rows as a plain list of objects", escape.code(f"{BASE}/{database}/{table}.json?_shape=array")],
            ["filter on a column (`__gt`, `__contains`, `__isnull`, ... also work)", escape.code(f"{BASE}/{database}/{table}.json?iso3=TJK")],
            ["count the values of a column", escape.code(f"{BASE}/{database}/{table}.json?_facet=status")],
            ["sort, and choose the page size (at most 1,000)", escape.code(f"{BASE}/{database}/{table}.json?_sort=ratified&_size=1000")],
            ["any read-only SQL", escape.code(f"{BASE}/{database}.json?sql=select+count(*)+from+{table}")],
            ["the metadata (titles, descriptions, queries)", escape.code(f"{BASE}/-/metadata.json")],
        ]),
        "Add `_shape=array` to any of them for a list of objects; `.csv` instead of `.json` gives CSV. "
        "Missing values are `null`; the values themselves are those of the CSV files.\n",
    ])


def _queries(ctx: Context, database: str) -> str:
    out = ["## Canned queries\n",
           f"Named questions with parameters, at {escape.code(f'/{database}/<name>.json')}:\n"]
    for query in canned_queries(ctx.covered_iso3()):
        example = f"{BASE}/{database}/{query.name}.json?" + urlencode({**query.example, "_shape": "array"})
        parameters = ", ".join(escape.code(p) for p in query.parameters) or "none"
        out.append(f"### {escape.text(query.title)}\n")
        out.append(f"{escape.text_with_code(query.description)}\n")
        out.append(md.facts([("Name", escape.code(query.name)), ("Parameters", parameters), ("Example", escape.code(example))]))
        out.append("```sql\n" + query.sql + "\n```\n")
    return "\n".join(out)


def _facets(ctx: Context) -> str:
    rows = [[escape.code(name), ", ".join(escape.code(f) for f in facets(schema, name)) or "none"]
            for name, schema in ctx.schemas.items()]
    return "## Facets\n\nEach table opens with counts of these columns (its foreign keys and closed vocabularies):\n\n" \
        + md.table(["table", "facets"], rows)


def page(ctx: Context) -> str:
    database = ctx.descriptor.get("name") or "ilo-eeca"
    intro = [
        md.front_matter(_("Explore with Datasette"), _("Browse and query the release database, in a browser or as JSON")),
        "# " + _("Explore with Datasette") + f"\n",
        f"[Datasette](https://datasette.io/) serves the release's SQLite database ({escape.code(database + '.sqlite')}) "
        "with the titles and descriptions of the [data dictionary](dictionary/index.md), facets, and canned queries "
        "for the common questions. From a checkout:\n",
        "```sh\nmake serve-data          # builds the release if needed, then serves it\n"
        f".venv/bin/ilo-data serve --port {DEFAULT_PORT}   # the release already built; PATH may be an unzipped release\n```\n",
        f"Then open <{BASE}/>. The server listens on 127.0.0.1 only; Ctrl-C stops it. "
        "`ilo-data serve --print-metadata` prints the metadata it generates from the schemas. When a data file, a "
        "schema or the descriptor changed after the release was built, `ilo-data serve` says which and serves the "
        "older release: `make serve-data` builds first.\n",
    ]
    return "\n".join(intro + [_api(ctx, database), _queries(ctx, database), _facets(ctx)])


def write(ctx: Context) -> None:
    ctx.write("explore.md", page(ctx))
