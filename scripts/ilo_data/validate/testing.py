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

import json
import os
import shutil
import subprocess
import sys
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


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: int = 300):
    """Run `ilo-data` in a fresh interpreter (as a user would) and capture its output."""
    environment = dict(os.environ, **(env or {}))
    environment["PYTHONPATH"] = str(ROOT / "scripts") + os.pathsep + environment.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "ilo_data.cli", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=timeout)


def has(problems, rule: str, file: str | None = None, line: int | None | str = "any") -> bool:
    """Whether some problem has this rule (and file, and line unless "any")."""
    return any(p.rule == rule and (file is None or p.file == file) and (line == "any" or p.line == line)
               for p in problems)
