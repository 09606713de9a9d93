"""`ilo-data asof DATE`: the state of the package at a date.

Which Conventions existed (adopted by then, not yet withdrawn or abrogated) and, per country,
the ratifications in force then (ratified by then, not denounced), each certain or uncertain
because of partial dates. DATE may itself be partial (2001, 2001-06). See ilo_data.timeline.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .locate import add_package_arguments
from .timeline import UnreadablePackage, Window, read_tables, state_as_of


def add_arguments(parser) -> None:
    parser.add_argument("date", help="YYYY, YYYY-MM or YYYY-MM-DD")
    add_package_arguments(parser)
    parser.add_argument("--country", metavar="ISO3", help="one country only, with its ratifications listed")
    parser.add_argument("--format", choices=("text", "json"), default="text")


class UnusableInput(Exception):
    """Bad arguments or an unreadable package: one line on stderr, exit 2."""


def _load(args):
    try:
        when = Window.of(args.date)
    except ValueError as error:
        raise UnusableInput(f"error: bad date {args.date!r}: {error}") from None
    try:
        tables = read_tables(args.root)
    except UnreadablePackage as error:
        raise UnusableInput(f"error: {error}") from None
    iso3 = args.country.strip().upper() if args.country else None
    if iso3 and iso3 not in {c.get("iso3") for c in tables.get("countries", [])}:
        raise UnusableInput(f"error: no country {iso3!r} in the package")
    return tables, when, iso3


def render_text(state: dict, detail: bool) -> str:
    conv = state["conventions"]
    span = "" if state["from"] == state["to"] else f" ({state['from']} to {state['to']})"
    lines = [f"As of {state['as_of']}{span}",
             f"Conventions existing: {conv['certain']} certain, {conv['uncertain']} uncertain"]
    for item in conv["items"]:
        if item["certainty"] != "certain":
            lines.append(f"  ? {item['id']}: {'; '.join(item['reasons'])}")
    lines.append("Ratifications in force (certain + uncertain):")
    if not state["countries"]:
        lines.append("  (none held)")
    for country in state["countries"]:
        rat = country["ratifications"]
        offices = ", ".join(o["id"] + ("" if o["certainty"] == "certain" else "?") for o in country["offices"]) or "none recorded"
        lines.append(f"  {country['iso3']} {country['name']}: {rat['certain']} certain + {rat['uncertain']} uncertain; office: {offices}")
        if detail:
            for item in rat["items"]:
                mark = "  " if item["certainty"] == "certain" else "? "
                why = f": {'; '.join(item['reasons'])}" if item["reasons"] else ""
                lines.append(f"    {mark}{item['id']}{why}")
    return "\n".join(lines)


def run(args) -> int:
    try:
        tables, when, iso3 = _load(args)
    except UnusableInput as problem:
        print(problem, file=sys.stderr)
        return 2
    state = state_as_of(tables, when, iso3)
    if args.format == "json":
        print(json.dumps(state, indent=2, ensure_ascii=False))
    else:
        print(render_text(state, detail=bool(iso3)))
    return 0
