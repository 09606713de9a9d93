"""`ilo-data validate`: check the whole package in one pass and report every problem.

Exit status: 0 valid, 1 invalid (problems found), 2 unusable input (no package to check) or usage.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..locate import add_package_arguments
from .problems import MAX_PER_RULE

FORMATS = ("text", "json", "github")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_package_arguments(parser)
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (one line per problem), json (machine-readable) or github (annotations)")
    parser.add_argument("--quiet", action="store_true", help="print the problems only: no summary, no progress")
    parser.add_argument("--explain", metavar="RULE", help="print what a rule checks and how to fix it, then exit")
    parser.add_argument("--max-per-rule", metavar="N", type=_count, default=MAX_PER_RULE,
                        help=f"list at most N problems of one rule in one file and count the rest (default {MAX_PER_RULE}; "
                             "0 lists them all)")


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"not a whole number >= 0: {text!r}")
    return value


def explain(name: str) -> int:
    from .rules import LAYER_TITLES, RULES
    rule = next((r for r in RULES if r.name == name), None)
    if rule is None:
        print(f"ilo-data validate: no rule named {name!r}; rules: {', '.join(r.name for r in RULES)}", file=sys.stderr)
        return 2
    print(f"{rule.name} ({LAYER_TITLES[rule.layer]}): {rule.title}\n\n{rule.description}\n\n"
          f"How to fix: {rule.hint}\nExample: {rule.example}")
    return 0


def render(result, fmt: str, quiet: bool, out=None) -> None:
    from .output import github_line, github_more_line, json_report, summary_line, text_line, text_more_line, with_omitted
    out = out or sys.stdout
    problems = result.problems.sorted(result.file_order())
    summary = result.summary()
    if fmt == "json":
        out.write(json_report(result.valid, summary, problems) + "\n")
        return
    line, more_line = (text_line, text_more_line) if fmt == "text" else (github_line, github_more_line)
    out.writelines(with_omitted(problems, summary, line, more_line))
    if not quiet:
        out.write(summary_line(result.valid, summary) + "\n")


def run(args: argparse.Namespace) -> int:
    try:
        if getattr(args, "explain", None):
            return explain(args.explain)
        from .progress import Progress
        from .runner import validate
        fmt = getattr(args, "format", "text")
        if fmt not in FORMATS:
            print(f"ilo-data validate: unknown format {fmt!r} (choose from {', '.join(FORMATS)})", file=sys.stderr)
            return 2
        quiet = bool(getattr(args, "quiet", False))
        progress = Progress(enabled=not quiet)
        try:
            result = validate(Path(args.root), progress=progress,
                              max_per_rule=getattr(args, "max_per_rule", MAX_PER_RULE),
                              meanwhile=getattr(args, "meanwhile", None))
        finally:
            progress.done()
        render(result, fmt, quiet)
        if result.fatal:
            return 2
        return 0 if result.valid else 1
    except KeyboardInterrupt:
        print("ilo-data validate: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - one clear line, never a traceback
        from .output import shown
        print(f"ilo-data validate: cannot check the package: {type(exc).__name__}: {shown(str(exc))}", file=sys.stderr)
        return 2
