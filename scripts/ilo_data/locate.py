"""Which package a command works on: the one the user points at, never the one next to this code.

A PATH may be a folder holding `datapackage.json` (a checkout or an unzipped release), a folder
inside one (its nearest ancestor with a `datapackage.json` counts, as git finds its repository),
a `datapackage.json` file, or a release zip. With no PATH, the current directory is the start.
This follows `frictionless validate PATH`.

A zip is unpacked into a private temporary folder (removed at exit), member by member and only
after every member passed the checks: no absolute path, no `..`, no link or special file, at most
MAX_MEMBERS members and MAX_UNPACKED bytes in all (counted as read, not as the zip claims).
"""
from __future__ import annotations

import argparse
import atexit
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from .paths import DESCRIPTOR_NAME

MAX_MEMBERS = 20_000
MAX_UNPACKED = 1 << 30        # 1 GiB: a release is about 1 MiB zipped, a few MiB unpacked
CHUNK = 1 << 20


class NotAPackage(Exception):
    """The path names no package; the message says what was looked for."""


def find_package(path: str | Path = ".") -> Path:
    """The package root for a user's PATH (see the module's docstring). A folder with no
    descriptor in it or above, or a path that does not exist, is returned as given: the command
    then reports what is missing in its own words and format (exit 2)."""
    given = Path(path).expanduser()
    if given.is_file():
        if given.name.endswith(".zip") or zipfile.is_zipfile(given):
            return _unpacked_root(given)
        if given.suffix == ".json":
            return given.resolve().parent
        return given
    if given.is_dir():
        start = given.resolve()
        for folder in (start, *start.parents):
            if (folder / DESCRIPTOR_NAME).is_file():
                return folder
    return given


def _unpacked_root(archive: Path) -> Path:
    target = Path(tempfile.mkdtemp(prefix="ilo-data-zip-"))
    atexit.register(shutil.rmtree, target, ignore_errors=True)
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = _safe_members(zipped, archive)
            budget = MAX_UNPACKED
            for info in members:
                destination = target.joinpath(*PurePosixPath(info.filename).parts)
                if info.is_dir():
                    destination.mkdir(parents=True, exist_ok=True)
                    continue
                destination.parent.mkdir(parents=True, exist_ok=True)
                with zipped.open(info) as source, destination.open("wb") as out:
                    while chunk := source.read(CHUNK):
                        budget -= len(chunk)
                        if budget < 0:
                            raise NotAPackage(f"{archive}: unpacks to more than {MAX_UNPACKED >> 20} MiB; refused")
                        out.write(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
        raise NotAPackage(f"{archive}: not a readable zip ({error})") from None
    roots = [target] + sorted(p for p in target.iterdir() if p.is_dir())
    for folder in roots:
        if (folder / DESCRIPTOR_NAME).is_file():
            return folder
    raise NotAPackage(f"{archive}: no {DESCRIPTOR_NAME} at its top or in a top-level folder")


def _safe_members(zipped: zipfile.ZipFile, archive: Path) -> list[zipfile.ZipInfo]:
    members = zipped.infolist()
    if len(members) > MAX_MEMBERS:
        raise NotAPackage(f"{archive}: {len(members)} members, more than {MAX_MEMBERS}; refused")
    for info in members:
        name = info.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or (parts and ":" in parts[0]) or ".." in parts or not parts:
            raise NotAPackage(f"{archive}: member {name!r} would land outside the folder it is unpacked into; refused")
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
            raise NotAPackage(f"{archive}: member {name!r} is a link or special file; refused")
    return members


def package_root(text: str) -> Path:
    """argparse `type` for a PATH or --root: the package root, or a one-line usage error."""
    try:
        return find_package(text)
    except NotAPackage as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_package_arguments(parser: argparse.ArgumentParser, positional: bool = True) -> None:
    """The PATH a command takes (and --root, its older spelling); the CLI resolves them to
    `args.root` before the command runs (see `resolve_root`)."""
    if positional:
        parser.add_argument("path", nargs="?", type=package_root, default=None, metavar="PATH",
                            help="the package: a folder (or one inside it), a datapackage.json or a release zip "
                                 "(default: the current directory or its nearest ancestor with a datapackage.json)")
    parser.add_argument("--root", type=package_root, default=None, metavar="PATH",
                        help="the package, as PATH" if positional else
                        "the package: a folder (or one inside it), a datapackage.json or a release zip "
                        "(default: the current directory or its nearest ancestor with a datapackage.json)")


def resolve_root(args: argparse.Namespace) -> None:
    """Set args.root to the package the user chose: PATH, else --root, else the one found from the
    current directory (NotAPackage for a zip that cannot be opened safely)."""
    chosen = getattr(args, "path", None) or getattr(args, "root", None)
    args.root = chosen if chosen is not None else find_package(".")
