"""`ilo-data release major|minor|patch`: bump the version in datapackage.json, add a CHANGELOG.md
section for it, then build the release. The section takes what the cycle wrote under
`## [Unreleased]` (which is left empty); only when nothing is there are its bullets drafted from
`ilo-data diff` against the previous release's tag `v<old>`, when that tag exists.

The CHANGELOG date is today's (or --date): from then on it is the release date the build uses,
so rebuilding the commit reproduces the same files. Replace the TODO impact sentence before
committing; `ilo-data diff --check` fails while it is there.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from pathlib import Path

from . import changelog, diff
from .paths import descriptor_path
from .locate import add_package_arguments

VERSION_LINE = re.compile(r'("version"\s*:\s*")(\d+\.\d+\.\d+)(")')


def set_version(text: str, version: str) -> str:
    """Replace the package's version in the descriptor text, touching nothing else (the first
    "version" key at the top level comes before "resources" by convention; checked below)."""
    new_text, count = VERSION_LINE.subn(lambda m: m.group(1) + version + m.group(3), text, count=1)
    if count != 1 or json.loads(new_text).get("version") != version:
        raise ValueError("datapackage.json: no top-level \"version\": \"x.y.z\" to bump")
    return new_text


def draft_bullets(root: Path, old_version: str) -> dict[str, list[str]]:
    try:
        report = diff.compare(diff.load(f"v{old_version}", root), diff.load(".", root))
    except diff.DiffError:
        return {}
    schema, data = [], []
    for name, res in report["resources"].items():
        if res["status"] in ("added", "removed"):
            schema.append(f"Resource `{name}` {res['status']}.")
            continue
        schema += [f"`{name}`: {c['detail']}." for c in res["schema"] if c["bump"] != "patch"]
        rows = res["rows"]
        counts = [f"{len(rows[k])} {k}" for k in ("added", "removed", "changed") if rows[k]]
        if counts:
            data.append(f"`{name}`: rows {', '.join(counts)}.")
    return {"Schema": schema, "Data": data}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("level", choices=("major", "minor", "patch"))
    add_package_arguments(parser)
    parser.add_argument("--out", type=Path, default=None, help="build output (default: <root>/dist)")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=None, help="release date YYYY-MM-DD (default: today)")
    parser.add_argument("--no-build", action="store_true", help="only bump the version and stub the changelog")


def release(root: Path, level: str, date: dt.date) -> str:
    """Bump and stub; returns the new version. Raises ValueError on unusable input."""
    path = descriptor_path(root)
    text = path.read_text(encoding="utf-8")
    old_version = json.loads(text).get("version")
    if not old_version:
        raise ValueError("datapackage.json has no version")
    new_version = diff.bumped(old_version, level)
    log_path = Path(root) / changelog.FILENAME
    log = log_path.read_text(encoding="utf-8") if log_path.exists() else ""
    if changelog.find(log, new_version):
        raise ValueError(f"CHANGELOG.md already has a section for {new_version}")
    log, pending = changelog.take_unreleased(log)
    drafted = {} if pending else draft_bullets(Path(root), old_version)
    entry = changelog.stub(new_version, date, drafted, pending)
    new_descriptor = set_version(text, new_version)
    log_path.write_text(changelog.insert_stub(log, entry), encoding="utf-8", newline="\n")
    path.write_text(new_descriptor, encoding="utf-8", newline="\n")
    return new_version


def run(args: argparse.Namespace) -> int:
    try:
        version = release(Path(args.root), args.level, args.date or dt.date.today())
    except (OSError, ValueError) as error:
        print(f"release: {error}")
        return 2
    print(f"version {version}: datapackage.json bumped, CHANGELOG.md section added (write its impact sentence)")
    if args.no_build:
        return 0
    from .release_files import command
    return command.run(argparse.Namespace(root=args.root, out=args.out))
