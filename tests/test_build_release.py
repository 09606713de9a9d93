"""The release folder and zip: complete, checksummed, valid, reproducible byte for byte."""
from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from ilo_data.release_files import command
from ilo_data.release_files.citation import release_date

FIXTURE = Path(__file__).parent / "fixtures" / "build"


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return command.build(FIXTURE, tmp_path_factory.mktemp("dist"))


def test_release_layout(release):
    folder = release.folder
    assert folder.name == "ilo-eeca-0.1.0" and release.zip.name == "ilo-eeca-0.1.0.zip"
    for name in ("datapackage.json", "SHA256SUMS", "CITATION.cff", "CHANGELOG.md", "README.md",
                 "ilo-eeca.sqlite", "ilo-eeca.xlsx", "json/offices-tree.json", "json/countries/TJK.json",
                 "schemas/json/country.schema.json", "schemas/json/offices-tree.schema.json"):
        assert (folder / name).is_file(), name
    descriptor = json.loads((folder / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        assert (folder / resource["path"]).is_file()
        assert (folder / resource["schema"]).is_file()  # relative paths: the folder stands alone
        assert (folder / "json" / f"{resource['name']}.json").is_file()
        assert (folder / "schemas" / "json" / f"{resource['name']}.schema.json").is_file()


def test_release_descriptor_records_bytes_hash_rows(release):
    import hashlib
    descriptor = json.loads((release.folder / "datapackage.json").read_text())
    countries = next(r for r in descriptor["resources"] if r["name"] == "countries")
    content = (release.folder / "data" / "countries.csv").read_bytes()
    assert countries["bytes"] == len(content)
    assert countries["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
    assert countries["rows"] == 4
    sources = next(r for r in descriptor["resources"] if r["name"] == "sources")
    assert sources["rows"] == 4  # a quoted cell spanning two lines is one row


def test_release_passes_frictionless_validation(release):
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(release.folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_frictionless_notices_a_tampered_file(release, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    copy = tmp_path / "copy"
    shutil.copytree(release.folder, copy)
    path = copy / "data" / "countries.csv"
    path.write_text(path.read_text().replace("Belarus", "Belarux"))
    report = frictionless.validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert "hash-count" in {e[0] for e in report.flatten(["type"])}


def test_sha256sum_check_passes(release):
    if not shutil.which("sha256sum"):
        pytest.skip("sha256sum not installed")
    result = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=release.folder, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    listed = {line.split("  ", 1)[1] for line in (release.folder / "SHA256SUMS").read_text().splitlines()}
    on_disk = {p.relative_to(release.folder).as_posix() for p in release.folder.rglob("*") if p.is_file()}
    assert listed == on_disk - {"SHA256SUMS"}


def test_two_builds_are_byte_identical(release, tmp_path):
    again = command.build(FIXTURE, tmp_path)
    first = {p.relative_to(release.folder): p.read_bytes() for p in release.folder.rglob("*") if p.is_file()}
    second = {p.relative_to(again.folder): p.read_bytes() for p in again.folder.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert release.zip.read_bytes() == again.zip.read_bytes()


def test_zip_has_fixed_dates_sorted_entries_and_the_same_files(release):
    with zipfile.ZipFile(release.zip) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert all(n.startswith("ilo-eeca-0.1.0/") for n in names)
        assert {info.date_time for info in archive.infolist()} == {(2025, 1, 15, 0, 0, 0)}
        assert archive.read("ilo-eeca-0.1.0/data/countries.csv") == (release.folder / "data" / "countries.csv").read_bytes()
    with zipfile.ZipFile(release.folder / "ilo-eeca.xlsx") as workbook:
        assert {info.date_time for info in workbook.infolist()} == {(2025, 1, 15, 0, 0, 0)}
        core = workbook.read("docProps/core.xml").decode()
        assert "2025-01-15T00:00:00Z" in core


def test_citation_has_version_and_changelog_date(release):
    text = (release.folder / "CITATION.cff").read_text()
    assert 'version: "0.1.0"' in text
    assert "date-released: 2025-01-15" in text  # the CHANGELOG date, not today
    assert "cff-version: 1.2.0" in text
    assert release_date(FIXTURE, "0.1.0").isoformat() == "2025-01-15"


def test_csvs_are_canonical_copies(release):
    for source in (FIXTURE / "data").glob("*.csv"):
        assert (release.folder / "data" / source.name).read_bytes() == source.read_bytes(), source.name


def _fixture_copy(tmp_path):
    """A copy of the build fixture that a test may break."""
    broken = tmp_path / "pkg"
    shutil.copytree(FIXTURE, broken)
    return broken


def _build_args(root, out):
    """What `ilo-data build --root ROOT --out OUT` parses to."""
    return type("Args", (), {"root": root, "out": out})()


def test_build_command_refuses_an_invalid_package(tmp_path, capsys):
    broken = _fixture_copy(tmp_path)
    (broken / "data" / "themes.csv").write_text("theme_id,name\nx,y\n")
    assert command.run(_build_args(broken, tmp_path / "dist")) == 1
    err = capsys.readouterr().err
    assert "data/themes.csv:1:" in err and "[header]" in err and "build: refusing to build" in err
    assert not (tmp_path / "dist").exists()   # nothing written


def test_build_reports_bad_input_in_one_line(tmp_path, capsys):
    broken = _fixture_copy(tmp_path)
    (broken / "data" / "themes.csv").write_text("theme_id,name\nx,y\n")
    assert command.build_and_report(broken, tmp_path / "dist") == 1
    out = capsys.readouterr().out
    assert out.startswith("build failed:") and "themes.csv" in out and "Traceback" not in out
    (broken / "datapackage.json").write_text("{")
    assert command.build_and_report(broken, tmp_path / "dist") == 1
    assert "not valid JSON" in capsys.readouterr().out


def test_build_rejects_an_orphan_row(tmp_path, capsys):
    broken = _fixture_copy(tmp_path)
    with (broken / "data" / "project_themes.csv").open("a") as handle:
        handle.write("siyb-kgz,no-such-theme,un-kgz-ilo\n")
    assert command.build_and_report(broken, tmp_path / "dist") == 1
    assert "SQLite" in capsys.readouterr().out
    assert list((tmp_path / "dist").iterdir()) == []  # no half-written release left behind


def test_build_reports_a_control_character(tmp_path, capsys):
    broken = _fixture_copy(tmp_path)
    with (broken / "data" / "themes.csv").open("a") as handle:
        handle.write("zzz,Bell \x07 theme,,untj-ilo\n")
    assert command.build_and_report(broken, tmp_path / "dist") == 1
    assert "themes: row 4, column name: a control character" in capsys.readouterr().out


def test_the_release_builds_and_validates(built):
    release, _ = built   # the build fixture's and the real package's, built once per test process
    assert (release.folder / "ilo-eeca.sqlite").is_file()
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(release.folder / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:5]


def test_build_reports_an_integer_too_big_for_sqlite(tmp_path, capsys):
    broken = _fixture_copy(tmp_path)
    path = broken / "data" / "programme_priorities.csv"
    first_row = path.read_text(encoding="utf-8").splitlines()[1].split(",")
    first_row[1] = "99999999999999999999999"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(",".join(first_row) + "\n")
    assert command.build_and_report(broken, tmp_path / "dist") == 1
    out = capsys.readouterr().out
    assert out.startswith("build failed:") and "programme_priorities" in out, out
