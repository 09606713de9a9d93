"""`ilo-data diff`: exact rows added/removed/changed, schema changes, the proposed bump, --check."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from ilo_data import diff

FIXTURE = Path(__file__).parent / "fixtures" / "build"


def copy(tmp_path, name="v") -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURE, target)
    return target


def edit_csv(root: Path, name: str, old: str | None, new: str | None) -> None:
    path = root / "data" / f"{name}.csv"
    text = path.read_text()
    if old is None:
        text += new
    else:
        assert old in text, old
        text = text.replace(old, new or "", 1)
    path.write_text(text)


def edit_schema(root: Path, name: str, change) -> None:
    path = root / "schemas" / f"{name}.schema.json"
    schema = json.loads(path.read_text())
    change(schema)
    path.write_text(json.dumps(schema, indent=2))


def set_version(root: Path, version: str) -> None:
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text())
    descriptor["version"] = version
    path.write_text(json.dumps(descriptor, indent=2))


def add_changelog(root: Path, version: str, impact="Adds things.") -> None:
    path = root / "CHANGELOG.md"
    path.write_text(path.read_text().replace("## [0.1.0]", f"## [{version}] - 2025-02-01\n\n{impact}\n\n### Data\n- x\n\n## [0.1.0]"))


def report_for(old: Path, new: Path) -> dict:
    return diff.compare(diff.load(str(old)), diff.load(str(new)))


def test_identical_versions(tmp_path):
    report = report_for(FIXTURE, copy(tmp_path))
    assert report["bump"] == "none"
    assert all(r["status"] == "unchanged" for r in report["resources"].values())


def test_rows_added_removed_changed_exactly(tmp_path):
    new = copy(tmp_path)
    edit_csv(new, "ratifications", "KGZ,C081,2000,year-only,in force,,,un-kgz-ilo,,\n", "")  # removed
    edit_csv(new, "ratifications", "BLR,C138,1979-05-03,ilo-registration,in force,,16,", "BLR,C138,1979-05-03,ilo-registration,in force,,15,")
    edit_csv(new, "ratifications", "TJK,C029,1997,year-only,,,,untj-ilo,,", "TJK,C029,1997-03-26,ilo-registration,,,,untj-ilo,,")
    edit_csv(new, "ratifications", None, "TJK,C081,2009,year-only,,,,untj-ilo,,\n")  # added
    rows = report_for(FIXTURE, new)["resources"]["ratifications"]["rows"]
    assert rows["key_fields"] == ["iso3", "instrument_id"]
    assert rows["added"] == [["TJK", "C081"]]
    assert rows["removed"] == [["KGZ", "C081"]]
    assert [(c["key"], c["fields"]) for c in rows["changed"]] == [
        (["BLR", "C138"], ["minimum_age"]), (["TJK", "C029"], ["ratified", "date_basis"])]
    assert rows["changed"][1]["old"] == {"ratified": "1997", "date_basis": "year-only"}
    assert (rows["old_count"], rows["new_count"]) == (6, 6)


@pytest.mark.parametrize("level, change", [
    ("patch", lambda v: edit_csv(v, "countries", "Tajikistan,1993,", "Tajikistan,1993-05-26,")),
    ("minor", lambda v: edit_csv(v, "themes", None, "youth-employment,Youth employment,,untj-ilo\n")),
    ("major", lambda v: edit_csv(v, "themes", "labour-migration,Labour migration,,untj-ilo\n", "")),
])
def test_row_changes_propose_the_right_bump(tmp_path, level, change):
    new = copy(tmp_path)
    change(new)
    report = report_for(FIXTURE, new)
    assert report["bump"] == level
    assert report["proposed_version"] == {"patch": "0.1.1", "minor": "0.2.0", "major": "1.0.0"}[level]


def _remove_field(schema):
    schema["fields"] = [f for f in schema["fields"] if f["name"] != "description"]


def _narrow(schema):
    next(f for f in schema["fields"] if f["name"] == "status")["constraints"]["enum"].remove("planned")


def _widen(schema):
    next(f for f in schema["fields"] if f["name"] == "status")["constraints"]["enum"].append("suspended")


def _retitle(schema):
    schema["fields"][0]["description"] = "A better description."


def _add_field(schema):
    schema["fields"].append({"name": "budget", "type": "integer"})


@pytest.mark.parametrize("resource, change, level, kind", [
    ("themes", _remove_field, "major", "field-removed"),
    ("projects", _narrow, "major", "vocabulary-narrowed"),
    ("projects", _widen, "minor", "vocabulary-widened"),
    ("projects", _retitle, "patch", "field-docs-changed"),
])
def test_schema_changes_propose_the_right_bump(tmp_path, resource, change, level, kind):
    new = copy(tmp_path)
    edit_schema(new, resource, change)
    if change is _remove_field:  # keep data and schema consistent
        (new / "data" / "themes.csv").write_text("theme_id,name,source_id\nlabour-migration,Labour migration,untj-ilo\nsmall-enterprise,Small enterprise development,un-kgz-ilo\n")
    report = report_for(FIXTURE, new)
    assert report["bump"] == level
    assert kind in [c["change"] for c in report["resources"][resource]["schema"]]
    assert report["resources"][resource]["rows"]["changed"] == []  # only common fields are compared


def test_field_added_is_minor_and_not_a_change_of_every_row(tmp_path):
    new = copy(tmp_path)
    edit_schema(new, "themes", _add_field)
    path = new / "data" / "themes.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0] + ",budget"] + [line + ",100" for line in lines[1:]]) + "\n")
    report = report_for(FIXTURE, new)
    assert report["bump"] == "minor"
    assert report["resources"]["themes"]["rows"]["changed"] == []


def test_resource_removed_and_added(tmp_path):
    new = copy(tmp_path)
    descriptor = json.loads((new / "datapackage.json").read_text())
    themes = next(r for r in descriptor["resources"] if r["name"] == "project_themes")
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "project_themes"]
    report = report_for(FIXTURE, new)  # unchanged descriptor yet
    assert report["bump"] == "none"
    (new / "datapackage.json").write_text(json.dumps(descriptor))
    report = report_for(FIXTURE, new)
    assert report["resources"]["project_themes"]["status"] == "removed" and report["bump"] == "major"
    report = report_for(new, FIXTURE)
    assert report["resources"]["project_themes"]["status"] == "added" and report["bump"] == "minor"
    assert themes["name"] == "project_themes"


def test_check_fails_on_removed_rows_without_bump_and_changelog(tmp_path):
    new = copy(tmp_path)
    edit_csv(new, "countries", "NAM,NA,Namibia,1978-11-20,Africa,Member through the UN Council for Namibia before independence.,wikipedia-members,,\n", "")
    report = report_for(FIXTURE, new)
    assert report["resources"]["countries"]["rows"]["removed"] == [["NAM"]]
    problems = diff.check(report, (new / "CHANGELOG.md").read_text())
    assert problems and "breaking change without a release" in problems[0]

    set_version(new, "0.2.0")  # bumped, but too little and without a changelog entry
    problems = diff.check(report_for(FIXTURE, new), (new / "CHANGELOG.md").read_text())
    assert any("minor bump, but the changes call for major" in p for p in problems)
    assert any("no `## [0.2.0]" in p for p in problems)

    set_version(new, "1.0.0")
    add_changelog(new, "1.0.0", impact="TODO: one sentence on what this release changes for users.")
    problems = diff.check(report_for(FIXTURE, new), (new / "CHANGELOG.md").read_text())
    assert len(problems) == 1 and "impact sentence" in problems[0]

    changelog = (new / "CHANGELOG.md").read_text().replace("TODO: one sentence on what this release changes for users.", "Namibia's row moved out.")
    (new / "CHANGELOG.md").write_text(changelog)
    assert diff.check(report_for(FIXTURE, new), changelog) == []


def test_check_passes_additions_without_a_release(tmp_path):
    new = copy(tmp_path)
    edit_csv(new, "themes", None, "youth-employment,Youth employment,,untj-ilo\n")
    assert diff.check(report_for(FIXTURE, new), (new / "CHANGELOG.md").read_text()) == []


def test_check_rejects_a_version_that_goes_down(tmp_path):
    new = copy(tmp_path)
    set_version(new, "0.0.9")
    problems = diff.check(report_for(FIXTURE, new), (new / "CHANGELOG.md").read_text())
    assert any("went down" in p for p in problems)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          check=True, capture_output=True, text=True).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_refs_and_the_command(tmp_path, capsys):
    repo = copy(tmp_path, "repo")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v1")
    git(repo, "tag", "v0.1.0")
    edit_csv(repo, "projects", "RER/12/01/LUK,2007,2009,completed,European Union", "RER/12/01/LUK,2007,2010,completed,European Union")
    git(repo, "commit", "-q", "-am", "v2")
    report = diff.compare(diff.load("last-release", repo), diff.load("HEAD", repo))
    assert report["old"]["label"] == "v0.1.0"
    assert report["resources"]["projects"]["rows"]["changed"][0]["key"] == ["tjk-migration"]
    assert report["bump"] == "patch"

    args = type("Args", (), {"old": "v0.1.0", "new": "HEAD", "root": repo, "format": "json", "limit": 20, "check": True})()
    assert diff.run(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["bump"] == "patch" and out["problems"] == []
    args.format = "text"
    assert diff.run(args) == 0
    text = capsys.readouterr().out
    assert "~ tjk-migration: end" in text and "proposed bump: patch (0.1.0 -> 0.1.1)" in text
    args.old = "no-such-ref"
    assert diff.run(args) == 2
    assert capsys.readouterr().out.startswith("diff: ")


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_a_ref_before_the_package_existed(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "README.md").write_text("x\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "skeleton")
    shutil.copytree(FIXTURE, repo, dirs_exist_ok=True)
    with pytest.raises(diff.DiffError, match="no release tag"):
        diff.load("last-release", repo)
    report = diff.compare(diff.load("HEAD", repo), diff.load(".", repo))
    assert report["package"] == [] and report["bump"] == "minor" and report["actual_bump"] == "initial"
    assert diff.check(report, (repo / "CHANGELOG.md").read_text()) == []  # 0.1.0 has its section
    assert report["resources"]["countries"]["status"] == "added"
