"""`ilo-data release` and the CHANGELOG.md parser it relies on."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from ilo_data import changelog, diff, release

FIXTURE = Path(__file__).parent / "fixtures" / "build"
REPO = Path(__file__).resolve().parents[1]

GOOD = """# Changelog

Preamble with a [link](docs/versioning.md).

## [Unreleased]

- something pending

## [0.2.0] - 2025-02-01

More ratifications; nothing to change on your side.

### Schema
- `projects.budget` added.

### Data
- 40 ratifications added.

## [0.1.0] - 2025-01-15

First release.

[0.2.0]: https://example.org/compare/v0.1.0...v0.2.0
"""


def test_parse_changelog():
    entries = changelog.parse(GOOD)
    assert [(e.version, e.date) for e in entries] == [("0.2.0", dt.date(2025, 2, 1)), ("0.1.0", dt.date(2025, 1, 15))]
    assert entries[0].impact == "More ratifications; nothing to change on your side."
    assert entries[0].sections == {"Schema": ["- `projects.budget` added."], "Data": ["- 40 ratifications added."]}
    assert entries[1].impact == "First release."  # the link reference is not part of it
    assert changelog.check(GOOD) == []


@pytest.mark.parametrize("bad, message", [
    ("## [0.3.0] - 2025-13-01\n\nx\n", "no such date"),
    ("## 0.3.0 - 2025-03-01\n\nx\n", "must read"),
    ("## [0.3.0] - 2025-03-01\n\n### Data\n- x\n", "no impact sentence"),
    ("## [0.3.0] - 2025-03-01\n\nx\n\n### Fixes\n- x\n", "not one of"),
    ("## [0.3.0] - 2025-03-01\n\nx\n\n### Data\n- x\n### Schema\n- y\n", "order"),
    ("## [0.3.0] - 2025-03-01\n\nx\n\n### Tools\n- x\n### Docs\n- y\n", "order"),
    ("## [0.1.0] - 2025-03-01\n\nx\n", "not newer"),
])
def test_changelog_problems(bad, message):
    text = GOOD.replace("## [0.2.0]", bad + "\n## [0.2.0]")
    problems = changelog.check(text)
    assert any(message in p for p in problems), problems


@pytest.mark.skipif(not (REPO / "CHANGELOG.md").exists(), reason="no CHANGELOG.md yet")
def test_the_project_changelog_is_well_formed():
    assert changelog.check((REPO / "CHANGELOG.md").read_text(encoding="utf-8")) == []


def test_insert_stub_places_the_section_above_the_newest_release():
    text = changelog.insert_stub(GOOD, changelog.stub("0.3.0", dt.date(2025, 3, 1)))
    assert [e.version for e in changelog.parse(text)] == ["0.3.0", "0.2.0", "0.1.0"]
    assert text.index("## [Unreleased]") < text.index("## [0.3.0]")
    assert changelog.find(text, "0.3.0").is_stub
    assert changelog.insert_stub("", changelog.stub("0.1.0", dt.date(2025, 1, 1))).startswith("# Changelog\n\n## [0.1.0]")


def test_set_version_touches_nothing_else():
    text = '{\n  "name": "x",\n  "version": "0.1.0",\n  "resources": [{"name": "a", "version": "9.9.9"}]\n}\n'
    assert release.set_version(text, "0.2.0") == text.replace('"0.1.0"', '"0.2.0"')
    with pytest.raises(ValueError):
        release.set_version('{"name": "x"}', "0.2.0")


@pytest.mark.parametrize("level, version", [("patch", "0.1.1"), ("minor", "0.2.0"), ("major", "1.0.0")])
def test_release_bumps_stubs_and_builds(tmp_path, level, version, capsys):
    root = tmp_path / "pkg"
    shutil.copytree(FIXTURE, root)
    args = type("Args", (), {"level": level, "root": root, "out": tmp_path / "dist", "date": dt.date(2025, 3, 1), "no_build": False})()
    assert release.run(args) == 0
    assert json.loads((root / "datapackage.json").read_text())["version"] == version
    entry = changelog.find((root / "CHANGELOG.md").read_text(), version)
    assert entry.date == dt.date(2025, 3, 1) and entry.is_stub
    folder = tmp_path / "dist" / f"ilo-eeca-{version}"
    assert "date-released: 2025-03-01" in (folder / "CITATION.cff").read_text()
    # The stub blocks the check until someone writes the impact sentence.
    report = diff.compare(diff.load(str(FIXTURE)), diff.load(str(root)))
    assert any("impact sentence" in p for p in diff.check(report, (root / "CHANGELOG.md").read_text()))
    # A second release of the same version is refused, in one line.
    (root / "datapackage.json").write_text((root / "datapackage.json").read_text().replace(f'"{version}"', '"0.1.0"'))
    capsys.readouterr()
    assert release.run(args) == 2
    assert capsys.readouterr().out.startswith("release: CHANGELOG.md already has a section")


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_release_drafts_bullets_from_the_previous_tag(tmp_path):
    root = tmp_path / "pkg"
    shutil.copytree(FIXTURE, root)
    run = lambda *a: subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *a], check=True, capture_output=True)
    run("init", "-q"); run("add", "."); run("commit", "-q", "-m", "v1"); run("tag", "v0.1.0")
    with (root / "data" / "themes.csv").open("a") as handle:
        handle.write("youth-employment,Youth employment,,untj-ilo\n")
    release.release(root, "minor", dt.date(2025, 3, 1))
    entry = changelog.find((root / "CHANGELOG.md").read_text(), "0.2.0")
    assert entry.sections["Data"] == ["- `themes`: rows 1 added."]


def test_release_takes_the_unreleased_entries_and_empties_that_section(tmp_path):
    root = tmp_path / "pkg"
    shutil.copytree(FIXTURE, root)
    log = root / "CHANGELOG.md"
    pending = "### Data\n- 40 ratifications added, from NORMLEX.\n"
    log.write_text(log.read_text().replace("## [0.1.0]", f"## [Unreleased]\n\n{pending}\n## [0.1.0]"))
    release.release(root, "minor", dt.date(2025, 3, 1))
    text = log.read_text()
    entry = changelog.find(text, "0.2.0")
    assert entry.is_stub and entry.sections == {"Data": ["- 40 ratifications added, from NORMLEX."]}
    assert text.count("40 ratifications added") == 1  # moved, not copied
    assert text.index("## [Unreleased]") < text.index("## [0.2.0]") < text.index("## [0.1.0]")
    assert changelog.check(text) == [f"line {entry.line}: 0.2.0 has no impact sentence yet (replace the TODO line under the heading)"]


def test_take_unreleased_leaves_a_changelog_without_pending_entries_alone():
    assert changelog.take_unreleased(GOOD.replace("- something pending\n", "")) == (GOOD.replace("- something pending\n", ""), "")
    text, body = changelog.take_unreleased(GOOD)
    assert body == "- something pending" and "something pending" not in text


def test_a_build_newer_than_its_release_says_so_in_the_build_and_on_the_downloads_page(tmp_path, capsys):
    from ilo_data.docs import downloads
    from ilo_data.docs.context import Context
    from ilo_data.release_files import command

    root = tmp_path / "pkg"
    shutil.copytree(FIXTURE, root)

    def built() -> tuple[str, str]:
        assert command.build_and_report(root, tmp_path / "dist") == 0
        return capsys.readouterr().out, downloads.page(Context.load(root, tmp_path / "docs", tmp_path / "dist"))

    out, page = built()
    assert "newer than release" not in out and "Newer than release" not in page
    log = root / "CHANGELOG.md"
    log.write_text(log.read_text().replace("## [0.1.0]", "## [Unreleased]\n\n### Data\n- One row corrected.\n\n## [0.1.0]"))
    out, page = built()
    assert "these files are newer than release 0.1.0" in out
    assert '!!! note "Newer than release 0.1.0"' in page and "changes listed under Unreleased" in page
