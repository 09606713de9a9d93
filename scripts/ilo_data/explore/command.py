"""`ilo-data serve`: explore the release SQLite in Datasette, described by the package's schemas.

The database is the one `ilo-data build` wrote (`dist/<name>-<version>/<name>.sqlite`), or the
one at the top of PATH when PATH is an unzipped release. It is served read-only (`--immutable`),
on 127.0.0.1 unless told otherwise. Datasette runs in this process, so stopping this process
stops the server and removes the generated metadata file.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from .. import package
from ..locate import add_package_arguments
from .metadata import datasette_metadata

DEFAULT_PORT = 8001
# A canned or typed query that runs longer than this is stopped by Datasette.
SQL_TIME_LIMIT_MS = 3000


class NoDatabase(Exception):
    """No release SQLite for the package; the message says how to build one."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_package_arguments(parser)
    parser.add_argument("--dist", type=Path, default=None, help="folder the release was built into (default: <root>/dist)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default: {DEFAULT_PORT})")
    parser.add_argument("--print-metadata", action="store_true", help="print the generated Datasette metadata and exit")


def release_database(root: Path, dist: Path | None = None) -> Path:
    descriptor = package.load_descriptor(root)
    stem = descriptor.get("name") or "ilo-eeca"
    in_release = root / f"{stem}.sqlite"
    if in_release.is_file():
        return in_release
    built = (dist or root / "dist") / f"{stem}-{descriptor.get('version')}" / f"{stem}.sqlite"
    if built.is_file():
        return built
    raise NoDatabase(f"no release database at {built}: run `ilo-data build` (or `make build`) first")


def newer_than(database: Path, root: Path) -> str | None:
    """The package file changed after the release database was built (the newest such), if any.

    Only for a database built from the package (dist/...): inside an unzipped release the
    database and the data are one release, whatever their times."""
    if database.parent == root:
        return None
    built = database.stat().st_mtime
    files = [root / "datapackage.json", *(root / "data").glob("*.csv"), *(root / "schemas").glob("*.json")]
    changed = [(f.stat().st_mtime, f) for f in files if f.is_file() and f.stat().st_mtime > built]
    return max(changed)[1].relative_to(root).as_posix() if changed else None


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    try:
        database = release_database(root, args.dist)
    except (NoDatabase, FileNotFoundError) as error:
        print(f"serve: {error}", file=sys.stderr)
        return 2
    stale = newer_than(database, root)
    if stale:
        print(f"serve: warning: {stale} changed after {database.name} was built: the server shows the older "
              f"data; run `ilo-data build` (or `make serve-data`, which builds first)", file=sys.stderr)
    metadata = datasette_metadata(root, database.stem)
    if args.print_metadata:
        print(json.dumps(metadata, indent=2, ensure_ascii=False))
        return 0
    try:
        from datasette.cli import cli
    except ImportError:
        print("serve: Datasette is not installed: pip install 'ilo-eeca[serve]' (make venv installs it)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="ilo-data-serve-") as scratch:
        metadata_file = Path(scratch) / "metadata.json"
        metadata_file.write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
        print(f"serve: {database} on http://{args.host}:{args.port}/ (Ctrl-C stops it)", flush=True)
        try:
            cli.main(["serve", "--immutable", str(database), "--metadata", str(metadata_file),
                      "--host", args.host, "--port", str(args.port),
                      "--setting", "sql_time_limit_ms", str(SQL_TIME_LIMIT_MS)],
                     prog_name="datasette", standalone_mode=False)
        except SystemExit as stop:   # click or uvicorn ending the server: keep its status
            return int(stop.code or 0) if isinstance(stop.code, int) else 1
    return 0
