"""CHANGELOG.md: parse it, check its shape, add a release stub.

Format (one section per release, newest first):

    ## [0.2.0] - 2025-03-01

    One sentence on what the release changes for users (the impact).

    ### Schema
    - ...
    ### Data
    - ...
    ### Docs
    - ...
    ### Tools
    - ...

An optional `## [Unreleased]` section may come first. Subsections are optional, but only these
four are allowed, in this order (Tools: the validator, the build and the other commands).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import package

FILENAME = "CHANGELOG.md"
SUBSECTIONS = ("Schema", "Data", "Docs", "Tools")
PLACEHOLDER = "TODO"
RELEASE = re.compile(r"^## \[(?P<version>\d+\.\d+\.\d+)\] - (?P<date>\d{4}-\d{2}-\d{2})\s*$")
UNRELEASED = re.compile(r"^## \[Unreleased\]\s*$", re.IGNORECASE)
SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


@dataclass
class Entry:
    version: str
    date: dt.date | None
    line: int
    impact: str = ""
    sections: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def is_stub(self) -> bool:
        return not self.impact or self.impact.startswith(PLACEHOLDER)


def version_tuple(version: str) -> tuple[int, int, int]:
    match = SEMVER.match(version or "")
    if not match:
        raise ValueError(f"not a SemVer version x.y.z: {version!r}")
    return tuple(int(part) for part in match.groups())


def read(root: Path) -> str:
    path = Path(root) / FILENAME
    return package.read_text(path) if path.exists() else ""


def parse(text: str) -> list[Entry]:
    """Release entries in file order ([Unreleased] is skipped). Shape problems are kept on each
    entry (`problems`) rather than raised, so `check` can report them all."""
    entries: list[Entry] = []
    current: Entry | None = None
    section: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("## "):
            section = None
            match = RELEASE.match(line)
            if match:
                try:
                    date = dt.date.fromisoformat(match["date"])
                    problems = []
                except ValueError:
                    date, problems = None, [f"line {number}: no such date {match['date']}"]
                current = Entry(match["version"], date, number, problems=problems)
                entries.append(current)
            elif UNRELEASED.match(line):
                current = None
            else:
                current = None
                entries.append(Entry("?", None, number, problems=[f"line {number}: release heading must read '## [x.y.z] - YYYY-MM-DD': {line!r}"]))
            continue
        if current is None:
            continue
        if line.startswith("### "):
            section = line[4:].strip()
            if section not in SUBSECTIONS:
                current.problems.append(f"line {number}: subsection {section!r} is not one of {', '.join(SUBSECTIONS)}")
            elif section in current.sections:
                current.problems.append(f"line {number}: subsection {section!r} appears twice")
            current.sections.setdefault(section, [])
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("[") and "]: " in stripped:  # blank or a link reference
            continue
        if section is None:
            current.impact = f"{current.impact} {stripped}".strip()
        else:
            current.sections[section].append(stripped)
    return entries


def find(text: str, version: str) -> Entry | None:
    return next((e for e in parse(text) if e.version == version), None)


def check(text: str) -> list[str]:
    """Problems with the file's shape: headings, impact sentences, subsections, order."""
    problems: list[str] = []
    seen: set[str] = set()
    previous = None
    for entry in parse(text):
        problems += entry.problems
        if entry.version == "?":
            continue
        if entry.version in seen:
            problems.append(f"line {entry.line}: version {entry.version} appears twice")
        seen.add(entry.version)
        if entry.is_stub:
            problems.append(f"line {entry.line}: {entry.version} has no impact sentence yet (replace the TODO line under the heading)")
        order = [s for s in SUBSECTIONS if s in entry.sections]
        if list(entry.sections) != order and not entry.problems:
            problems.append(f"line {entry.line}: subsections of {entry.version} must come in the order {', '.join(SUBSECTIONS)}")
        current = version_tuple(entry.version)
        if previous and current >= previous:
            problems.append(f"line {entry.line}: {entry.version} is listed below a release that is not newer")
        previous = current
    return problems


def take_unreleased(text: str) -> tuple[str, str]:
    """Split off what `## [Unreleased]` holds: returns the text with that section emptied (the
    heading stays, for the next cycle's entries) and the section's body ("" when there is none)."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if UNRELEASED.match(line.rstrip("\n"))), None)
    if start is None:
        return text, ""
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    body = "".join(lines[start + 1:end]).strip("\n")
    if not body:
        return text, ""
    return "".join(lines[:start + 1]) + "\n" + "".join(lines[end:]), body


def has_unreleased(root: Path) -> bool:
    """Whether CHANGELOG.md lists changes under [Unreleased]: a build of this tree is then newer
    than the release whose number it carries."""
    return bool(take_unreleased(read(root))[1])


def stub(version: str, date: dt.date, bullets: dict[str, list[str]] | None = None, body: str = "") -> str:
    """A release section with a TODO impact line: over `body` (the entries written under
    [Unreleased] during the cycle) when there is one, else over the drafted `bullets`."""
    bullets = bullets or {}
    lines = [f"## [{version}] - {date.isoformat()}", "", f"{PLACEHOLDER}: one sentence on what this release changes for users.", ""]
    if body:
        return "\n".join(lines + [body.strip("\n"), ""]) + "\n"
    for section in SUBSECTIONS:
        if bullets.get(section):
            lines += [f"### {section}", *[f"- {b}" for b in bullets[section]], ""]
    return "\n".join(lines) + "\n"


def insert_stub(text: str, entry_text: str) -> str:
    """Put a new release section above the newest release (below [Unreleased] and the preamble)."""
    if not text.strip():
        return "# Changelog\n\n" + entry_text
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if RELEASE.match(line.rstrip("\n")):
            return "".join(lines[:index]) + entry_text + "".join(lines[index:])
    body = "".join(lines)
    if not body.endswith("\n"):
        body += "\n"
    return body + "\n" + entry_text
