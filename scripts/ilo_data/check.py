"""`ilo-data check` (`make check`): a data contributor's fast loop, in one process so the Python
start-up is paid once: statuses derived and current (`derive --check`), files in canonical form
(`fmt --check`), then the whole validation (`validate`). Every step runs, so one run shows every
problem; the exit status is the worst of the three (0 fine, 1 problems, 2 nothing to check).

Validation starts first: its Table Schema checks (frictionless) run in a background process, and
the other two steps run here while they do, so the whole verdict takes about as long as `validate`.
Their output still comes first.
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
VALIDATE = "ilo_data.validate.command"
FIXES = {"derive --check": "make derive", "fmt --check": "make fmt", "validate": "fix what it reports"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_package_arguments(parser)
    # Not json: the other steps print text lines, so the output would not parse (use `validate --format json`).
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="how validate reports its problems (github: annotations on the pull request's lines)")


def run_step(module_name: str, arguments: list[str], root, **extra) -> int:
    """Run one subcommand as `ilo-data` would, on the package already located; `extra` are set on
    its arguments (validate's `meanwhile`)."""
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    step_args = parser.parse_args(arguments)
    step_args.root = root
    for name, value in extra.items():
        setattr(step_args, name, value)
    return int(module.run(step_args) or 0)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    statuses: dict[str, int] = {}

    def other_steps() -> None:
        for label, module_name, arguments in STEPS:
            if module_name != VALIDATE and label not in statuses:
                statuses[label] = run_step(module_name, arguments, args.root)

    for label, module_name, arguments in STEPS:
        if module_name == VALIDATE:
            statuses[label] = run_step(module_name, [*arguments, "--format", args.format], args.root,
                                       meanwhile=other_steps)
    other_steps()   # already run, unless validate stopped before it could run them
    failed = [f"{label} (exit {statuses[label]}: {FIXES[label]})" for label, _, _ in STEPS if statuses[label]]
    worst = max(statuses.values())
    seconds = time.perf_counter() - started
    print(f"check: {'failed: ' + '; '.join(failed) if failed else 'derived statuses current, files canonical, valid'}"
          f" ({seconds:.1f} s)")
    return worst
