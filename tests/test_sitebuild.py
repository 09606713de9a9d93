"""The tests' release: the repository's dist/ only while it is newer than the data it was built from."""
import os
import shutil
from pathlib import Path

from ilo_data.docs import sitebuild
from ilo_data.release_files import command

FIXTURE = Path(__file__).parent / "fixtures" / "build"


def test_a_release_older_than_the_data_is_not_used(tmp_path, monkeypatch):
    root = tmp_path / "pkg"
    shutil.copytree(FIXTURE, root)
    command.build(root, root / "dist")
    monkeypatch.setattr(sitebuild, "_CACHE", {})
    assert sitebuild.release_dist(root) == (root / "dist", "")
    data = root / "data" / "themes.csv"
    later = (root / "dist").stat().st_mtime + 60
    os.utime(data, (later, later))   # a contributor edits a row after `make`
    monkeypatch.setattr(sitebuild, "_CACHE", {})
    fresh, why = sitebuild.release_dist(root)
    assert why == "" and fresh != root / "dist" and any(fresh.glob("*/datapackage.json"))
