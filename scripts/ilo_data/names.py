"""`ilo-data names`: write `data/country_names.csv` from Unicode CLDR, as shipped with Babel.

Every member State gets its CLDR territory name (looked up by ISO 3166-1 alpha-2, `countries.iso2`)
in each language of `ilo_data.languages.LANGUAGES`, citing one `sources` row that names the CLDR
and Babel versions. Where CLDR has no name, no row is written and the command says so. The file is
committed; `--check` (and a test) fail when it no longer matches what this command writes.
"""
from __future__ import annotations

import argparse
import csv
import datetime
import io
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_cldr_version

from .fmt import write_atomically, canonical
from .languages import LANGUAGES
from .locate import add_package_arguments
from .package import load_schema, read_rows, resource

SOURCE_ID = "unicode-cldr"
COMMAND = "make names"


def cldr_source(previous: dict | None = None, today: datetime.date | None = None) -> dict[str, str]:
    """The `sources` row every generated name cites: the CLDR version Babel ships.

    `retrieved` is the day the package first read this CLDR version: kept from `previous` (the row
    already in `sources`) while the versions in the title are unchanged, so the command stays
    repeatable; a new CLDR or Babel version is read today."""
    title = f"Unicode CLDR, version {get_cldr_version()} (via Babel {babel.__version__})"
    if previous and previous.get("title") == title and previous.get("retrieved"):
        retrieved = previous["retrieved"]
    else:
        retrieved = (today or datetime.date.today()).isoformat()
    return {
        "source_id": SOURCE_ID,
        "title": title,
        "publisher": "Unicode Consortium",
        "url": "https://cldr.unicode.org/",
        "published": "",
        "retrieved": retrieved,
        "kind": "other",
        "primary": "false",
        "language": "",
        "notes": "Territory names (the short form) by ISO 3166-1 alpha-2 code, read from the CLDR locale data "
                 "Babel ships; written by `ilo-data names`. Secondary: a compilation, not the countries themselves.",
    }


def country_names(countries: list[dict]) -> tuple[list[dict], list[str]]:
    """(rows of country_names, "ISO3 lang" for each name CLDR does not have)."""
    rows, missing = [], []
    for language in LANGUAGES:
        territories = Locale.parse(language).territories
        for country in countries:
            name = territories.get(country.get("iso2") or "")
            if name:
                rows.append({"iso3": country["iso3"], "language": language, "name": name,
                             "source_id": SOURCE_ID, "notes": ""})
            else:
                missing.append(f"{country['iso3']} {language}")
    return rows, missing


def _csv_bytes(root: Path, name: str, rows: list[dict]) -> bytes:
    """Rows of resource `name` in the package's canonical CSV form (sorted by primary key)."""
    schema = load_schema(root, name)
    fields = [field["name"] for field in schema["fields"]]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows([row.get(field, "") for field in fields] for row in rows)
    return canonical(out.getvalue().encode("utf-8"), schema)[0]


def with_source(sources: list[dict]) -> list[dict]:
    """The sources table with the CLDR row added or brought up to date."""
    previous = next((row for row in sources if row["source_id"] == SOURCE_ID), None)
    return [row for row in sources if row["source_id"] != SOURCE_ID] + [cldr_source(previous)]


def expected_files(root: Path) -> tuple[dict[Path, bytes], list[str]]:
    """{file: the bytes this command writes}, and the names CLDR lacks."""
    rows, missing = country_names(read_rows(root, "countries"))
    files = {
        root / resource(root, "country_names")["path"]: _csv_bytes(root, "country_names", rows),
        root / resource(root, "sources")["path"]: _csv_bytes(root, "sources", with_source(read_rows(root, "sources"))),
    }
    return files, missing


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_package_arguments(parser)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if the names are out of date")


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    files, missing = expected_files(root)
    stale = [path for path, data in files.items() if not path.is_file() or path.read_bytes() != data]
    for path in stale:
        rel = path.relative_to(root).as_posix()
        if args.check:
            print(f"{rel}: out of date with Unicode CLDR {get_cldr_version()}; run `{COMMAND}`")
        else:
            write_atomically(path, files[path])
            print(f"{rel}: written")
    if missing:
        print(f"no CLDR name (left out): {', '.join(missing)}")
    return 1 if args.check and stale else 0
