"""What the tests reuse from `make`: the repository's dist/ and site/, only while nothing they are built from changed since."""
import os
import shutil
from pathlib import Path

from ilo_data.docs import i18n, sitebuild
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


def _tree(root: Path, files: list[str], when: float) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
        os.utime(path, (when, when))


def test_the_site_make_built_is_used_only_while_no_input_changed(tmp_path):
    _tree(tmp_path, ["data/themes.csv", "scripts/ilo_data/cli.py", "docs/index.md", "mkdocs.yml"], 1_000)
    _tree(tmp_path, ["site/index.html", *(f"site/{lang}/index.html" for lang in i18n.SITE_LANGUAGES[1:])], 2_000)
    assert sitebuild.made_site(tmp_path) == tmp_path / "site"
    _tree(tmp_path, ["scripts/ilo_data/__pycache__/cli.cpython-311.pyc"], 3_000)   # written by imports, not an input
    assert sitebuild.made_site(tmp_path) == tmp_path / "site"
    _tree(tmp_path, ["scripts/ilo_data/docs/generate.py"], 3_000)   # a generator changed after `make`
    assert sitebuild.made_site(tmp_path) is None


def test_a_site_without_every_language_is_not_used(tmp_path):
    _tree(tmp_path, ["data/themes.csv"], 1_000)
    _tree(tmp_path, ["site/index.html"], 2_000)
    assert sitebuild.made_site(tmp_path) is None
    _tree(tmp_path, ["site/ru/index.html"], 2_000)          # a site built before French and Spanish
    assert sitebuild.made_site(tmp_path) is None
