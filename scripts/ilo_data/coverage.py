"""`ilo-data coverage`: per country, the ratifications the package holds against the latest total
a source states (claims, metric conventions_ratified, latest as_of), and how precisely they are
dated. Where no total is stated, it says so rather than guessing a share. See timeline.coverage.
`--names`: instead, how many countries and instruments have a sourced name in each other language
(ilo_data.languages.completeness).
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from .languages import completeness
from .locate import add_package_arguments
from .timeline import UnreadablePackage, coverage, read_tables

NO_TOTAL = "no total stated"


def add_arguments(parser) -> None:
    add_package_arguments(parser)
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    parser.add_argument("--gaps", action="store_true",
                        help="also list, per country, the candidate Conventions not held (why, what was tried, what "
                             "came of it) and the instruments still without a full date or a status")
    parser.add_argument("--names", action="store_true",
                        help="instead: per language, how many countries and instruments have a sourced name or title")


def _stated(entry: dict) -> str:
    if entry["stated"] is None:
        return NO_TOTAL
    return f"{entry['stated']} ({entry['stated_source_id']}, {entry['stated_as_of'] or 'undated'})"


def _share(entry: dict) -> str:
    if entry["share"] is None:
        return "-"
    if not entry["stated_as_of"]:
        return f"{entry['share']:.0f}% (all held)"
    return f"{entry['share']:.0f}% ({entry['held_by_as_of']} by then)"


COLUMNS = ("Country", "Held", "Stated total (source, as of)", "Share", "Full date", "Month only", "Year only", "Undated",
           "Status stated", "Status derived", "No status")
RESEARCH_LOGS = "data/research/log/"
# Conventions research takes for candidates (believed ratified, or searched and ruled out), with what was
# tried: kept beside the logs in a checkout; a release has no research folder, and then none are listed.
CANDIDATES = "data/research/ratifications/candidates.csv"


def read_candidates(root: Path, held: set[tuple[str, str]]) -> dict[str, list[dict]]:
    """Candidates per country, those the package now holds left out."""
    path = Path(root) / CANDIDATES
    if not path.is_file():
        return {}
    found: dict[str, list[dict]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                iso3, instrument = (row.get("iso3") or "").strip(), (row.get("instrument_id") or "").strip()
                if iso3 and instrument and (iso3, instrument) not in held:
                    found.setdefault(iso3, []).append({k: (row.get(k) or "").strip() for k in
                                                       ("instrument_id", "basis", "tried", "result", "logs")})
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        print(f"warning: {CANDIDATES}: not read ({error}); candidates are not listed", file=sys.stderr)
        return {}
    return found


def _full_date(entry: dict) -> str:
    """Rows with a full registration day, those inferred from entry into force counted apart."""
    return str(entry["day"]) + (f" ({entry['day_inferred']} inferred)" if entry.get("day_inferred") else "")


def _cells(entry: dict) -> list[str]:
    return [f"{entry['iso3']} {entry['name']}".strip(), str(entry["held"]), _stated(entry), _share(entry),
            _full_date(entry), str(entry["month"]), str(entry["year"]), str(entry["undated"]),
            str(entry["status_stated"]), str(entry["status_derived"]), str(entry["status_none"])]


def render_gaps(report: list[dict], candidates: dict[str, list[dict]] | None = None) -> str:
    """What is still to find, per country: the gap to the stated total, the candidate Conventions not
    held (with what was tried), and the rows short of a fact."""
    lines = ["", f"Still to find (what was searched is in {RESEARCH_LOGS}, one log per country or source family):"]
    for e in report:
        gap = "" if e["stated"] is None else f": {max(e['stated'] - (e['held_by_as_of'] or 0), 0)} Conventions of the stated total not held"
        lines.append(f"- {e['iso3']}{gap}")
        named = (candidates or {}).get(e["iso3"], [])
        if named:
            lines.append(f"    candidates not held ({len(named)}: why each, what was tried, what came of it; {CANDIDATES}):")
            for c in named:
                tried = f" Tried: {c['tried']}." if c["tried"] else ""
                result = f" Result: {c['result']}." if c["result"] else ""
                logs = f" ({c['logs']})" if c["logs"] else ""
                lines.append(f"      {c['instrument_id']}: {c['basis'].rstrip('.')}.{tried}{result}{logs}")
        for label, key in (("no registration date", "undated_ids"), ("year or month only", "partly_dated_ids"),
                           ("no status", "no_status_ids")):
            if e[key]:
                lines.append(f"    {label} ({len(e[key])}): {' '.join(e[key])}")
    return "\n".join(lines)


def render_text(report: list[dict]) -> str:
    rows = [list(COLUMNS)] + [_cells(e) for e in report]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.append("Held = Conventions with a row in ratifications (any status; Protocols apart). Share = rows possibly")
    lines.append("ratified by the stated total's date, over that total (all held rows when the total is undated;")
    lines.append("over 100%: the total is older than rows the package holds). Dates as precise as their source;")
    lines.append("'inferred': registration days inferred from a stated entry into force, by the Convention's final clause.")
    return "\n".join(lines)


def render_markdown(report: list[dict]) -> str:
    def esc(cell: str) -> str:
        return cell.replace("|", "\\|")
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(esc(c) for c in _cells(e)) + " |" for e in report]
    lines += ["", "*Held*: Conventions with a row in `ratifications` (any status; Protocols counted apart). "
              "*Stated total*: the latest `conventions_ratified` claim for the country. *Share*: rows possibly "
              "ratified by that claim's date (all held rows when the total is undated), over the stated total; over 100% "
              "means the total is older than rows the package holds. Where no total is stated, no share is given. "
              "*Full date*: \"inferred\" counts registration days inferred from the day a source gives for the "
              "Convention's entry into force for the country, by the Convention's final clause (`date_basis` "
              "`entry-into-force`, `conventions.entry_for_member`)."]
    return "\n".join(lines)


def render_names(report: list[dict], markdown: bool = False) -> str:
    """Names and titles held per language, against the rows of the table they label."""
    lines = ["| resource | language | held | of | share |", "|---|---|---:|---:|---:|"] if markdown else []
    for e in report:
        share = f"{100 * e['held'] / e['total']:.0f}%" if e["total"] else "-"
        if markdown:
            lines.append(f"| `{e['resource']}` | {e['language']} | {e['held']} | {e['total']} | {share} |")
        else:
            lines.append(f"{e['resource']:<22} {e['language']}  {e['held']:>4} / {e['total']:<4} {share:>5}")
    note = "A name or title no source gives is not held: what was searched is in " + RESEARCH_LOGS
    return "\n".join(lines + ["", note])


def run(args) -> int:
    try:
        tables = read_tables(args.root)
        report = completeness(tables) if args.names else coverage(tables)
    except UnreadablePackage as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.names:
        print(json.dumps(report, indent=2, ensure_ascii=False) if args.format == "json"
              else render_names(report, markdown=args.format == "markdown"))
        return 0
    candidates: dict[str, list[dict]] = {}
    if args.gaps:
        candidates = read_candidates(args.root, {(r["iso3"], r["instrument_id"]) for r in tables.get("ratifications", [])})
        for entry in report:
            entry["candidates"] = candidates.get(entry["iso3"], [])
    if args.format == "json":
        print(json.dumps(report, indent=2, ensure_ascii=False))
    elif args.format == "markdown":
        print(render_markdown(report))
    else:
        print(render_text(report))
    if args.gaps and args.format != "json":
        print(render_gaps(report, candidates))
    return 0
