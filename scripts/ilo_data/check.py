"""`ilo-data check` (`make check`): a data contributor's fast loop, in one process so the Python
start-up is paid once: statuses derived and current (`derive --check`), files in canonical form
(`fmt --check`), then the whole validation (`validate`). Every step runs, so one run shows every
problem; the exit status is the worst of the three (0 fine, 1 problems, 2 nothing to check).
"""
from __future__ import annotations

import argparse
import importlib
import time

from .locate import add_package_arguments

# (what to show, the command's module, its arguments besides the package)
STEPS = [
    ("derive --check", "ilo_data.derive", ["--check"]),
    ("fmt --check", "ilo_data.fmt", ["--check"]),
    ("validate", "ilo_data.validate.command", []),
]
FIXES = {"derive --check": "make derive", "fmt --check": "make fmt", "validate": "fix what it reports"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_package_arguments(parser)
    # Not json: the other steps print text lines, so the output would not parse (use `validate --format json`).
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="how validate reports its problems (github: annotations on the pull request's lines)")


def run_step(module_name: str, arguments: list[str], root) -> int:
    """Run one subcommand as `ilo-data` would, on the package already located."""
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    step_args = parser.parse_args(arguments)
    step_args.root = root
    return int(module.run(step_args) or 0)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    worst, failed = 0, []
    for label, module_name, arguments in STEPS:
        if module_name == "ilo_data.validate.command":
            arguments = [*arguments, "--format", args.format]
        status = run_step(module_name, arguments, args.root)
        if status:
            failed.append(f"{label} (exit {status}: {FIXES[label]})")
        worst = max(worst, status)
    seconds = time.perf_counter() - started
    print(f"check: {'failed: ' + '; '.join(failed) if failed else 'derived statuses current, files canonical, valid'}"
          f" ({seconds:.1f} s)")
    return worst
