"""Datasette metadata generated from the package: never a hand-written copy of the schemas.

From `datapackage.json`: the title, description, licence and source link. From each Table Schema:
the table's title and description, every column's title and description, the column that labels
a row where another table points at it (`name` or `title`), and the facets (the columns with a
closed vocabulary and the foreign keys, except citations of `sources`, which are too many to count).
"""
from __future__ import annotations

from pathlib import Path

from .. import package, scope
from .queries import canned_queries

LABEL_FIELDS = ("name", "title")
NOT_FACETS = {"sources"}   # every row cites one: a facet on source_id says nothing



def facets(schema: dict, table: str) -> list[str]:
    """Foreign keys first (who and what), then closed vocabularies (status, basis, kind)."""
    keys = []
    for fk in schema.get("foreignKeys", []):
        target = fk["reference"].get("resource") or table
        if target not in NOT_FACETS and target != table:
            keys += [f for f in package.names_list(fk["fields"]) if f not in keys]
    enums = [f["name"] for f in schema["fields"] if "enum" in f.get("constraints", {}) and f["name"] not in keys]
    return keys + enums


def _column_description(field: dict) -> str:
    title, description = field.get("title", ""), field.get("description", "")
    return f"{title}: {description}" if title and description else title or description


def table_metadata(resource: dict, schema: dict, database: str) -> dict:
    names = [f["name"] for f in schema["fields"]]
    meta = {
        "title": resource.get("title") or resource["name"],
        "description": resource.get("description", ""),
        "columns": {f["name"]: _column_description(f) for f in schema["fields"]},
        "facets": facets(schema, resource["name"]),
    }
    label = next((name for name in LABEL_FIELDS if name in names), None)
    if label:
        meta["label_column"] = label
    if "source_id" in names and resource["name"] != "sources":
        meta["about"] = "Every row cites a document in sources"
        meta["about_url"] = f"/{database}/sources"
    return meta


def _package_source(descriptor: dict) -> tuple[str, str]:
    """The first source of the descriptor that has a link."""
    for source in descriptor.get("sources", []):
        if source.get("path"):
            return source.get("title", source["path"]), source["path"]
    return "", ""


def datasette_metadata(root: Path, database: str) -> dict:
    """Metadata for `datasette --metadata`, for the release SQLite of the package at root, served
    under the name `database` (the file's stem)."""
    descriptor = package.load_descriptor(root)
    licence = (descriptor.get("licenses") or [{}])[0]
    source, source_url = _package_source(descriptor)
    covered = scope.covered_iso3(package.read_rows(root, "offices"), package.read_rows(root, "office_coverage"))
    tables = {res["name"]: table_metadata(res, package.load_schema(root, res["name"]), database)
              for res in descriptor["resources"]}
    queries = {q.name: {"title": q.title, "description": q.description, "sql": q.sql}
               for q in canned_queries(sorted(covered))}
    metadata = {
        "title": f"{descriptor.get('title') or descriptor.get('name')} {descriptor.get('version', '')}".strip(),
        "description": descriptor.get("description", ""),
        "license": licence.get("title") or licence.get("name", ""),
        "license_url": licence.get("path", ""),
        "source": source,
        "source_url": source_url,
        "databases": {database: {"tables": tables, "queries": queries}},
    }
    return {key: value for key, value in metadata.items() if value != ""}
