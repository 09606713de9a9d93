"""`ilo-data`: one entry point, one subcommand per job. Each job lives in its own module,
imported only when asked for, so `ilo-data validate` does not pay for the docs builder."""
from __future__ import annotations

import argparse
import importlib
import os
import sys

# subcommand -> (module, one-line help). Each module exposes add_arguments(parser) and run(args) -> int.
COMMANDS = {
    "validate": ("ilo_data.validate.command", "check the package: descriptor, files, schemas, domain rules"),
    "check": ("ilo_data.check", "the fast loop: derive --check, fmt --check and validate, in one process"),
    "fmt": ("ilo_data.fmt", "rewrite data files into canonical form (sorted, LF, minimal quoting)"),
    "derive": ("ilo_data.derive", "write the ratification statuses that follow from the package's facts"),
    "coverage": ("ilo_data.coverage", "per country: ratifications held against the latest stated total"),
    "claims": ("ilo_data.claims_report", "check each dated claim against the data: agrees / disagrees / cannot tell"),
    "build": ("ilo_data.release_files.command", "write the release folder and zip under dist/"),
    "diff": ("ilo_data.diff", "compare two versions of the package and propose a version bump"),
    "asof": ("ilo_data.asof", "the state of the package at a date"),
    "release": ("ilo_data.release", "bump the version, stub the changelog, build"),
    "docs": ("ilo_data.docs.generate", "generate the docs pages from the schemas and the data"),
    "readme": ("ilo_data.readme", "regenerate the README's table of resources and row counts"),
    "names": ("ilo_data.names", "write the countries' names in Russian, French and Spanish from Unicode CLDR"),
    "serve": ("ilo_data.explore.command", "explore the release database in Datasette (needs `ilo-data build` first)"),
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
        if hasattr(args, "root"):   # a command on a package: the one the user points at, or stands in
            from .locate import NotAPackage, resolve_root
            try:
                resolve_root(args)
            except NotAPackage as error:
                print(f"ilo-data {argv[0]}: {error}", file=sys.stderr)
                return 2
        return int(module.run(args) or 0)
    print(usage())
    return 0 if argv and argv[0] in ("-h", "--help") else 2


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = ["usage: ilo-data COMMAND [options]   (ilo-data COMMAND --help for its options)", "", "commands:"]
    lines += [f"  {name.ljust(width)}  {help_text}" for name, (_, help_text) in COMMANDS.items()]
    return "\n".join(lines)


def entry_point() -> int:
    try:
        return main()
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(entry_point())
