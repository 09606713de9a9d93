"""`ilo-data`: one entry point, one subcommand per job. Each job lives in its own module,
imported only when asked for, so `ilo-data validate` does not pay for the docs builder."""
from __future__ import annotations

import argparse
import importlib
import sys

# subcommand -> (module, one-line help). Each module exposes add_arguments(parser) and run(args) -> int.
COMMANDS = {
    "validate": ("ilo_data.validate.command", "check the package: descriptor, files, schemas, domain rules"),
    "fmt": ("ilo_data.fmt", "rewrite data files into canonical form (sorted, LF, minimal quoting)"),
    "coverage": ("ilo_data.coverage", "per country: ratifications held against the latest stated total"),
    "claims": ("ilo_data.claims_report", "check each dated claim against the data: agrees / disagrees / cannot tell"),
    "build": ("ilo_data.build.command", "write the release folder and zip under dist/"),
    "diff": ("ilo_data.diff", "compare two versions of the package and propose a version bump"),
    "asof": ("ilo_data.asof", "the state of the package at a date"),
    "release": ("ilo_data.release", "bump the version, stub the changelog, build"),
    "docs": ("ilo_data.docs.generate", "generate the docs pages from the schemas and the data"),
    "readme": ("ilo_data.readme", "regenerate the README's table of resources and row counts"),
}


def _module(module_name: str):
    return importlib.import_module(module_name)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Import only the chosen command's module: help for one command must not need the others.
    if argv and argv[0] in COMMANDS:
        module_name = COMMANDS[argv[0]][0]
        module = _module(module_name)
        parser = argparse.ArgumentParser(prog=f"ilo-data {argv[0]}", description=COMMANDS[argv[0]][1])
        module.add_arguments(parser)
        args = parser.parse_args(argv[1:])
        return int(module.run(args) or 0)
    parser = argparse.ArgumentParser(prog="ilo-data", description="Tools for the ilo-eeca data package.")
    parser.add_argument("command", nargs="?", choices=sorted(COMMANDS), help="; ".join(f"{k}: {v[1]}" for k, v in COMMANDS.items()))
    args = parser.parse_args(argv)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
