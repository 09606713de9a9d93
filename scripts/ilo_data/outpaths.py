"""Where a writer may put a file whose name comes from data, and which files a reader may open.

Resource names, paths and keys (an iso3 code, an office id) become file names in the release and
the docs. Every writer asks `output_path` for the path: each segment must be a plain file name
and the result must stay inside the output folder, whatever the data (or a symbolic link) says.
Every reader asks `special_file` first: a FIFO or a device would block a read forever.
"""
from __future__ import annotations

import re
import stat
from pathlib import Path

_SEGMENT = re.compile(r"^[A-Za-z0-9._-]+$")


class UnsafeOutputPath(ValueError):
    """A file name from data that would leave its output folder (or is no plain file name)."""


def output_path(folder: Path, relative: str) -> Path:
    """folder / relative, refused unless every segment is a plain name and it resolves inside folder."""
    segments = relative.split("/")
    for segment in segments:
        if not _SEGMENT.match(segment) or segment in (".", ".."):
            raise UnsafeOutputPath(f"refusing to write {relative!r}: {segment!r} is not a plain file name "
                                   "(letters, digits, '.', '-', '_')")
    folder = Path(folder)
    path = folder.joinpath(*segments)
    if not path.resolve().is_relative_to(folder.resolve()):
        raise UnsafeOutputPath(f"refusing to write {relative!r}: it resolves outside {folder}")
    return path


def special_file(path: Path) -> str | None:
    """What kind of special file `path` is ("FIFO", "device", "socket"), or None for anything else.

    Checked before opening: open() on a FIFO waits for a writer that never comes."""
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return None


def refuse_special(path: Path) -> None:
    """Raise OSError when `path` is a special file, so readers fail at once instead of blocking."""
    kind = special_file(path)
    if kind:
        raise OSError(f"{path} is a {kind}, not a regular file: refusing to read it")
