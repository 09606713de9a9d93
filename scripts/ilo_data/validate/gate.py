"""Validation before a build: `ilo-data build` and `ilo-data docs` refuse an invalid package.

A name or a path from an unchecked package must never choose where files are written, so the
commands that write run the whole validator first (about a second on the real package).
"""
from __future__ import annotations

import sys
from pathlib import Path


def refuse_invalid(root: Path, command: str, out=None) -> int:
    """Validate `root`: 0 when valid; else print its problems (and a refusal line) and return the
    exit status, as `ilo-data validate` would: 2 when there is no package at all, 1 when invalid."""
    from .command import render
    from .runner import validate
    out = out or sys.stderr
    result = validate(Path(root))
    if result.valid:
        return 0
    render(result, "text", quiet=True, out=out)
    if result.fatal:
        return 2
    errors = result.problems.error_count
    out.write(f"{command}: refusing to build from an invalid package ({errors:,} errors above); "
              "fix them and run `ilo-data validate`\n")
    return 1
