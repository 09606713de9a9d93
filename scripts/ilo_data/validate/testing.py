"""Helpers for the validator's tests: build a package from the valid fixture plus one mutation.

A case is a folder (tests/fixtures/invalid/<rule>/ or tests/fixtures/hostile/<name>/) holding
`case.json` and, optionally, files that overlay the valid fixture at the same relative path:

  {"description": "...",
   "replace": [{"file": "data/x.csv", "old": "text", "new": "text"},      # first occurrence
               {"file": "data/x.csv", "old": "text", "new_hex": "e9"}],   # raw bytes (not UTF-8)
   "append":  [{"file": "data/x.csv", "text": "..."}],
   "delete":  ["data/x.csv"],
   "expect":  [{"rule": "...", "file": "...", "line": 3}],                 # line null = whole file
   "exit": 1}
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from ..paths import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "valid"


def copy_valid(dest: Path) -> Path:
    shutil.copytree(VALID, dest, symlinks=True, dirs_exist_ok=True)
    return dest


def build_case(case_dir: Path, dest: Path) -> dict:
    """Copy the valid fixture to `dest`, apply the case; return the case description."""
    case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    copy_valid(dest)
    for item in case_dir.rglob("*"):
        rel = item.relative_to(case_dir)
        if item.is_file() and rel.as_posix() != "case.json":
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(item, dest / rel)
    for change in case.get("replace", []):
        path = dest / change["file"]
        data = path.read_bytes()
        old = change["old"].encode("utf-8")
        assert old in data, f"{case_dir.name}: {change['old']!r} not in {change['file']}"
        new = bytes.fromhex(change["new_hex"]) if "new_hex" in change else change["new"].encode("utf-8")
        path.write_bytes(data.replace(old, new, 1))
    for change in case.get("append", []):
        with open(dest / change["file"], "ab") as handle:
            handle.write(change["text"].encode("utf-8"))
    for rel in case.get("delete", []):
        (dest / rel).unlink()
    return case


def cases(kind: str) -> list[Path]:
    folder = FIXTURES / kind
    return sorted(p for p in folder.iterdir() if (p / "case.json").is_file()) if folder.is_dir() else []


@dataclass
class Ran:
    """What a command run printed and returned (the fields of subprocess.CompletedProcess the tests read)."""
    args: list[str]
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> Ran:
    """Run `ilo-data` in this process, as `ilo-data ARGS` would run it, and capture its output.

    A fresh interpreter per call costs about a second of CPU for imports; the suite makes a hundred
    such calls. `run_cli_process` keeps the fresh interpreter for what only a process shows (a
    deadline that kills, a wheel install). A crash comes back as a traceback on stderr, exit 1, as
    it would from the real command, so "never a traceback" stays testable."""
    from .. import cli
    stdout, stderr = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    os.environ.update(env or {})
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = cli.main(list(args))
            except SystemExit as stop:   # argparse errors, sys.exit
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
                if stop.code is not None and not isinstance(stop.code, int):
                    print(stop.code, file=sys.stderr)
            except Exception:
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return Ran(["ilo-data", *args], int(code or 0), stdout.getvalue(), stderr.getvalue())


def run_cli_process(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: int = 300):
    """Run `ilo-data` in a fresh interpreter (as a user would) and capture its output."""
    environment = dict(os.environ, **(env or {}))
    environment["PYTHONPATH"] = str(ROOT / "scripts") + os.pathsep + environment.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "ilo_data.cli", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=timeout)


def has(problems, rule: str, file: str | None = None, line: int | None | str = "any") -> bool:
    """Whether some problem has this rule (and file, and line unless "any")."""
    return any(p.rule == rule and (file is None or p.file == file) and (line == "any" or p.line == line)
               for p in problems)
