"""Data dictionary: one page per resource, generated from its Table Schema and its rows."""
from __future__ import annotations

import re

from . import escape, i18n, md
from .context import Context
from .context import dump_json
from .i18n import _

SAMPLE_ROWS = 5
CELL_LIMIT = 120


def _fence(content: str, lang: str = "") -> str:
    longest = max((len(m) for m in re.findall(r"`+", content)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{lang}\n{content}\n{fence}\n"


def _foreign_keys(schema: dict, resource: str) -> list[tuple[list[str], str, list[str]]]:
    out = []
    for fk in schema.get("foreignKeys", []):
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk.get("reference", {})
        target = ref.get("resource") or resource  # "" = the resource itself
        ref_fields = ref.get("fields", [])
        ref_fields = ref_fields if isinstance(ref_fields, list) else [ref_fields]
        out.append((fields, target, ref_fields))
    return out


def _key(schema: dict) -> list[str]:
    key = schema.get("primaryKey", [])
    return key if isinstance(key, list) else [key]


def _constraints(constraints: dict) -> list[str]:
    lines = []
    for name, value in constraints.items():
        if name == "enum":
            lines.append("one of: " + ", ".join(escape.code(v) for v in value))
        elif name in ("required", "unique"):
            if value:
                lines.append(name)
        else:
            lines.append(f"{escape.text(name)}: {escape.code(value)}")
    return lines


def _truncate(value: str) -> str:
    return value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"


def resource_page(ctx: Context, res: dict) -> str:
    name = res["name"]
    schema = ctx.schemas.get(name, {})
    rows = ctx.rows(name)
    fields = schema.get("fields", [])
    out = [md.front_matter(f"{res.get('title') or name} ({name})", res.get("description"))]
    out.append(f"# {escape.text(res.get('title') or name)} ({escape.code(name)})\n")
    if res.get("description"):
        out.append(escape.text_with_code(res["description"]) + "\n")
    facts = [
        ("File", escape.code(res.get("path", ""))),
        ("Schema", escape.code(res["schema"]) if isinstance(res.get("schema"), str) else "inline"),
        ("Rows", str(len(rows))),
        ("Primary key", ", ".join(ctx.field_link(name, k) for k in _key(schema)) or "none"),
        ("Missing values", ", ".join(escape.code(v) if v else "the empty string" for v in schema.get("missingValues", [""]))),
    ]
    out.append(md.facts(facts))
    fks = _foreign_keys(schema, name)
    if fks:
        out.append("## Foreign keys\n")
        for fields_, target, ref_fields in fks:
            src = ", ".join(ctx.field_link(name, f) for f in fields_)
            dst = ", ".join(ctx.field_link(target, f) for f in ref_fields)
            out.append(f"- {src} → {dst} in [{escape.text(target)}]({escape.anchor_id(target)}.md)")
        out.append("")
    referenced = []
    for other, other_schema in ctx.schemas.items():
        for fields_, target, ref_fields in _foreign_keys(other_schema, other):
            if target == name and other != name:
                referenced.append(f"- [{escape.text(other)}]({escape.anchor_id(other)}.md): "
                                  + ", ".join(ctx.field_link(other, f) for f in fields_))
    if referenced:
        out.append("## Referenced by\n")
        out += referenced + [""]

    out.append("## Fields\n")
    summary = []
    for f in fields:
        c = f.get("constraints", {})
        summary.append([
            ctx.field_link(name, f["name"], prefix="../"),
            escape.text(f.get("type", "any")),
            "yes" if c.get("required") else "",
            escape.text(f.get("title", "")),
        ])
    out.append(md.table(["field", "type", "required", "title"], summary))
    for f in fields:
        anchor = escape.anchor_id(f"{name}.{f['name']}")
        out.append(f"### {escape.text(f['name'])} {{ #{anchor} }}\n")
        if f.get("title"):
            out.append(f"**{escape.text(f['title'])}**. " + escape.text_with_code(f.get("description", "")) + "\n")
        elif f.get("description"):
            out.append(escape.text_with_code(f["description"]) + "\n")
        props = [f"- type: {escape.code(f.get('type', 'any'))}" + (f" (format {escape.code(f['format'])})" if f.get("format") else "")]
        props += [f"- {line}" for line in _constraints(f.get("constraints", {}))]
        if "example" in f:
            props.append(f"- example: {escape.code(f['example'])}")
        for fields_, target, ref_fields in fks:
            if f["name"] in fields_:
                props.append(f"- references {', '.join(ctx.field_link(target, r) for r in ref_fields)} in {escape.code(target)}")
        filled = sum(1 for r in rows if r.get(f["name"], "") != "")
        props.append(f"- filled in {filled} of {len(rows)} rows")
        out.append("\n".join(props) + "\n")

    out.append("## Sample rows\n")
    if rows:
        names = [f["name"] for f in fields] or list(rows[0])
        sample = [[escape.text(_truncate(str(r.get(n) or ""))) for n in names] for r in rows[:SAMPLE_ROWS]]
        out.append(f"The first {min(SAMPLE_ROWS, len(rows))} of {len(rows)} rows (long values cut).\n")
        out.append(md.table([escape.text(n) for n in names], sample))
    else:
        out.append(md.none("No rows yet."))
    out.append("## Table Schema\n")
    out.append(_fence(dump_json(schema), "json"))
    return "\n".join(out)


def index_page(ctx: Context) -> str:
    out = [md.front_matter(_("Data dictionary")), "# " + _("Data dictionary") + f"\n"]
    out.append(
        "One page per resource (table) of the data package: what it holds, its keys, every field "
        "with its type, constraints, description and example, a sample of rows and the Table Schema. "
        "Each field has its own anchor, for example "
        "[`ratifications.status`](ratifications.md#ratifications.status).\n"
        if "ratifications" in ctx.schemas else
        "One page per resource (table) of the data package.\n"
    )
    rows = []
    for res in ctx.descriptor.get("resources", []):
        rows.append([
            f"[{escape.text(res['name'])}]({escape.anchor_id(res['name'])}.md)",
            escape.text(res.get("title", "")),
            str(len(ctx.rows(res["name"]))),
            ", ".join(escape.code(k) for k in _key(ctx.schemas.get(res["name"], {}))),
        ])
    out.append(md.table([_("resource"), _("title"), _("rows"), _("primary key")], rows, ["---", "---", "--:", "---"]))
    out.append(languages_section(ctx))
    return "\n".join(out)


def languages_section(ctx: Context) -> str:
    """What the languages of the data and of the site are, and how to add one (the README says the same)."""
    from ..languages import LANGUAGES
    labels = [f"[{escape.text(n)}]({escape.anchor_id(n)}.md)" for n in ("country_names", "convention_titles", "recommendation_titles")
              if n in ctx.schemas]
    out = ["## " + _("Languages") + " { #languages }\n"]
    out.append(_("English is in the main tables (`countries.name`, `conventions.title`, ...). The other languages of the "
                 "data ({codes}) are rows of label resources, one row per thing and language, each citing its source: {labels}. "
                 "A name no source gives is absent and counts as missing (`ilo-data coverage --names`).").format(
                     codes=", ".join(escape.code(c) for c in LANGUAGES), labels=", ".join(labels) or _("none in this package")) + "\n")
    out.append(completeness_table(ctx))
    out.append(_("The site is in {languages} (the language switcher in the header leads to the same page in each "
                 "language). Its own words come from message catalogs (`scripts/ilo_data/docs/locale/`); names and "
                 "titles come from the rows above, and an English title standing in for a missing one is marked. Other text "
                 "from the data (descriptions, notes) exists only in English. To add a site language: its names and titles "
                 "as rows, a catalog (`pybabel init`, then `make messages`), its code in `SITE_LANGUAGES` "
                 "(`scripts/ilo_data/docs/i18n.py`) and a `mkdocs.<code>.yml`; CONTRIBUTING.md says how.").format(
                     languages=", ".join(f"{i18n.NATIVE_NAMES[code]} ({escape.code(code)})" for code in i18n.SITE_LANGUAGES)) + "\n")
    return "\n".join(out)


def completeness_table(ctx: Context) -> str:
    """Per label resource and language: how many of the labelled rows have a name (`languages.completeness`,
    the figures `ilo-data coverage --names` prints)."""
    from ..languages import LABEL_RESOURCES, completeness
    present = [r for r in LABEL_RESOURCES if r.name in ctx.schemas and r.labels in ctx.schemas]
    if not present:
        return ""
    tables = {name: ctx.rows(name) for r in present for name in (r.name, r.labels)}
    rows = [[f"[{escape.text(e['resource'])}]({escape.anchor_id(e['resource'])}.md)", escape.code(e["language"]),
             str(e["held"]), str(e["total"]), f"{100 * e['held'] / e['total']:.0f}%" if e["total"] else "-"]
            for e in completeness(tables) if e["resource"] in {r.name for r in present}]
    return (_("How complete each language is: the rows of the labelled table that have a name or title in it.") + "\n\n"
            + md.table([_("resource"), _("language"), _("named"), _("of"), _("share")], rows, ["---", "---", "--:", "--:", "--:"]))


def write(ctx: Context) -> None:
    ctx.write("dictionary/index.md", index_page(ctx))
    for res in ctx.descriptor.get("resources", []):
        ctx.write(f"dictionary/{escape.anchor_id(res['name'])}.md", resource_page(ctx, res))
