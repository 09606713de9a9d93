"""`ilo-data build`: write the release folder `dist/<name>-<version>/` and its zip.

The release holds the canonical CSVs with their Table Schemas and a datapackage.json that records
each file's bytes, sha256 hash and row count; JSON (per resource, per country, the office tree)
with JSON Schemas; a SQLite database; an XLSX workbook; one Parquet file per resource;
CITATION.cff; CHANGELOG.md; the licence; and SHA256SUMS. Same commit, same bytes: nothing depends
on the clock or the file system order.
The command validates first and refuses an invalid package; `build()` itself trusts that it is
valid, but stops with one clear line on what it cannot build (a header that differs from its
schema, a broken key, a document its JSON Schema rejects, a file name that would leave the release).
"""
from __future__ import annotations

import argparse
import copy
import csv
import json
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import duckdb
from jsonschema.exceptions import SchemaError

from .. import changelog, package
from ..outpaths import output_path, refuse_special
from ..paths import ROOT, descriptor_path, schemas_dir
from ..locate import add_package_arguments
from ..validate.gate import refuse_invalid
from . import citation, jsonfiles
from .checksums import sha256_file, write_sha256sums
from .csvs import csv_text
from .parquet import write_parquet
from .sqlite import write_sqlite
from .xlsx import write_xlsx
from .zipfiles import zip_folder


SEMVER = re.compile(r"^\d+\.\d+\.\d+$")
SLUG = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*$")


class BuildError(Exception):
    """Input the build cannot turn into a release (exit 1)."""


@dataclass
class Release:
    folder: Path
    zip: Path
    version: str
    files: int
    seconds: float


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_package_arguments(parser)
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: <root>/dist)")


def run(args: argparse.Namespace) -> int:
    out = args.out if args.out is not None else Path(args.root) / "dist"
    refused = refuse_invalid(Path(args.root), "build")
    return refused or build_and_report(Path(args.root), Path(out))


def build_and_report(root: Path, out: Path) -> int:
    """Build without validating first; one line on success or failure, and the exit status."""
    try:
        release = build(root, out)
    except (OSError, ValueError, KeyError, csv.Error, SchemaError, BuildError, citation.NoReleaseDate) as error:
        print(f"build failed: {error}")
        return 2 if isinstance(error, (OSError, KeyError, citation.NoReleaseDate)) else 1
    size = release.zip.stat().st_size
    print(f"built {release.folder} ({release.files} files) and {release.zip.name} ({size / 1024:.0f} KiB) in {release.seconds:.1f} s")
    if changelog.has_unreleased(root):
        print(f"note: CHANGELOG.md lists changes under [Unreleased], so these files are newer than release {release.version}; "
              "`ilo-data release major|minor|patch` gives them a number of their own")
    return 0


def _safe_relative(path: str) -> bool:
    pure = PurePosixPath(path)
    return not pure.is_absolute() and ".." not in pure.parts and "://" not in path


def load_tables(root: Path, descriptor: dict) -> dict[str, tuple[dict, list[dict[str, str]]]]:
    """name -> (Table Schema, raw rows), in descriptor order, headers checked against the schemas."""
    tables = {}
    for resource in descriptor["resources"]:
        name = resource["name"]
        schema = package.load_schema(root, name)
        expected = [f["name"] for f in schema["fields"]]
        refuse_special(root / resource["path"])
        with (root / resource["path"]).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
        if header != expected:
            raise BuildError(f"{resource['path']}: header {header} differs from its schema {expected}; run `ilo-data validate`")
        rows = package.read_rows(root, name)
        for number, row in enumerate(rows, start=2):
            if None in row or None in row.values():
                raise BuildError(f"{resource['path']}: row {number} does not have {len(expected)} cells; run `ilo-data validate`")
        tables[name] = (schema, rows)
    return tables


def _write(folder: Path, relative: str, text: str) -> None:
    path = output_path(folder, relative)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def release_descriptor(descriptor: dict, release: Path) -> dict:
    """The descriptor with each resource's bytes, hash and rows (checked by `frictionless validate`)."""
    result = copy.deepcopy(descriptor)
    for resource in result["resources"]:
        path = release / resource["path"]
        resource["bytes"] = path.stat().st_size
        resource["hash"] = f"sha256:{sha256_file(path)}"
        with path.open(encoding="utf-8", newline="") as handle:
            resource["rows"] = sum(1 for _ in csv.reader(handle)) - 1
    return result


def readme_text(descriptor: dict, stem: str, tables: dict, date) -> str:
    lines = [
        f"# {descriptor.get('title') or descriptor.get('name')} {descriptor.get('version', '')}",
        "",
        f"Released {date.isoformat()}. {descriptor.get('description', '')}".rstrip(),
        "",
        "| file | what |",
        "|---|---|",
        "| `datapackage.json` | Frictionless Data Package descriptor: resources, schemas, bytes, sha256 and row count of each CSV |",
        "| `data/*.csv` | the tables (canonical form: UTF-8, LF, comma; empty cell = missing) |",
        "| `schemas/*.schema.json` | Table Schema of each CSV |",
        "| `json/<resource>.json` | each table as a JSON array of typed records (missing = null) |",
        "| `json/countries/<ISO3>.json` | one document per country: membership, offices, ratifications, programmes, projects, claims |",
        "| `json/offices-tree.json` | the offices as a tree, with events and coverage |",
        "| `schemas/json/*.schema.json` | JSON Schema of each JSON file |",
        f"| `{stem}.sqlite` | SQLite database, one table per resource; run `PRAGMA foreign_keys=ON` to enforce the keys |",
        f"| `{stem}.xlsx` | workbook: a README sheet, then one sheet per resource |",
        "| `parquet/<resource>.parquet` | each table as Parquet (zstd), columns typed from its schema (missing = null) |",
        "| `CITATION.cff` | how to cite this release |",
        "| `SHA256SUMS` | checksums: `sha256sum -c SHA256SUMS` |",
        "",
        "| resource | rows |",
        "|---|---:|",
        *[f"| `{name}` | {len(rows)} |" for name, (_, rows) in tables.items()],
        "",
    ]
    return "\n".join(lines)


def build(root: Path, out: Path) -> Release:
    started = time.perf_counter()
    root = Path(root)
    try:
        descriptor = package.load_descriptor(root)
    except json.JSONDecodeError as error:
        raise BuildError(f"{descriptor_path(root)}: not valid JSON ({error})") from None
    version = descriptor.get("version")
    if not version:
        raise BuildError(f"{descriptor_path(root)}: no version")
    if not SEMVER.match(str(version)):
        raise BuildError(f"{descriptor_path(root)}: version {version!r} is not x.y.z")
    stem = descriptor.get("name") or "ilo-eeca"
    if not SLUG.match(stem):
        raise BuildError(f"{descriptor_path(root)}: name {stem!r} is not a lower-case slug")
    tables = load_tables(root, descriptor)
    date = citation.release_date(root, version)

    # Write into a scratch folder and swap it in at the end: a failed build leaves no half release.
    out.mkdir(parents=True, exist_ok=True)
    final = out / f"{stem}-{version}"
    folder = out / f".{stem}-{version}.partial"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    try:
        _write_release(root, descriptor, tables, folder, stem, date)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if final.exists():
        shutil.rmtree(final)
    folder.rename(final)
    archive = out / f"{stem}-{version}.zip"
    zip_folder(final, archive, date)
    files = sum(1 for p in final.rglob("*") if p.is_file())
    return Release(final, archive, version, files, time.perf_counter() - started)


def _write_release(root: Path, descriptor: dict, tables: dict, folder: Path, stem: str, date) -> None:

    release_resources = copy.deepcopy(descriptor)
    for resource in release_resources["resources"]:
        name = resource["name"]
        schema, rows = tables[name]
        if not _safe_relative(resource["path"]):
            raise BuildError(f"resource {name}: path {resource['path']!r} must be relative, inside the package")
        _write(folder, resource["path"], csv_text([f["name"] for f in schema["fields"]], rows))
        if isinstance(resource.get("schema"), str) and _safe_relative(resource["schema"]):
            target = output_path(folder, resource["schema"])
            target.parent.mkdir(parents=True, exist_ok=True)
            refuse_special(root / resource["schema"])
            shutil.copyfile(root / resource["schema"], target)
        else:
            resource["schema"] = schema  # a schema by URL or outside the package: inline it
    _write(folder, "datapackage.json", json.dumps(release_descriptor(release_resources, folder), ensure_ascii=False, indent=2) + "\n")

    nested_dir = root / "schemas" / "json"
    if not (nested_dir / jsonfiles.NESTED_SCHEMAS[0]).exists():
        nested_dir = schemas_dir(ROOT) / "json"  # a fixture or old checkout: the tooling's own schemas
    if not (nested_dir / jsonfiles.NESTED_SCHEMAS[0]).exists():
        raise BuildError(f"no JSON Schemas for the nested documents: add schemas/json/ to {root}")
    try:
        jsonfiles.write_json(folder, descriptor, tables, nested_dir)
    except jsonfiles.JsonSchemaError as error:
        raise BuildError(f"JSON Schema check failed: {error}") from None
    try:
        write_sqlite(output_path(folder, f"{stem}.sqlite"), tables)
    except sqlite3.Error as error:
        raise BuildError(f"SQLite: {error}") from None
    write_xlsx(output_path(folder, f"{stem}.xlsx"), descriptor, tables, date)
    try:
        write_parquet(folder / "parquet", tables)
    except duckdb.Error as error:
        raise BuildError(f"Parquet: {str(error).splitlines()[0]}") from None

    _write(folder, "CITATION.cff", citation.citation_cff(descriptor, date))
    _write(folder, "README.md", readme_text(descriptor, stem, tables, date))
    for extra in sorted([*root.glob("LICENSE*"), root / "CHANGELOG.md"]):
        if extra.is_file():
            shutil.copyfile(extra, output_path(folder, extra.name))
    write_sha256sums(folder)
