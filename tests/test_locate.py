"""Every command works on the package the user points at or stands in, never on the checkout the
tool was installed from: a folder, a folder inside it, a descriptor, a release folder, a zip."""
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ilo_data.locate import NotAPackage, find_package
from ilo_data.paths import ROOT
from ilo_data.validate.testing import copy_valid, run_cli, run_cli_process


def _without_repo_on_path(cwd: Path, *args: str):
    """`python -m ilo_data.cli` as an installed user runs it: from `cwd`, never from the repository."""
    return run_cli(*args, cwd=cwd)


def test_validates_the_package_it_stands_in_not_the_repository(tmp_path):
    pkg = copy_valid(tmp_path / "pkg")
    proc = run_cli_process("validate", cwd=pkg)   # once in a fresh interpreter, exactly as a user runs it
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "71 rows" in proc.stdout             # the fixture's rows, not the repository's
    inner = _without_repo_on_path(pkg / "data", "validate")
    assert inner.returncode == 0 and "71 rows" in inner.stdout   # the nearest ancestor with a descriptor


def test_path_may_be_a_folder_or_a_descriptor(tmp_path):
    pkg = copy_valid(tmp_path / "pkg")
    for target in (pkg, pkg / "datapackage.json"):
        proc = _without_repo_on_path(tmp_path, "validate", str(target))
        assert proc.returncode == 0 and "71 rows" in proc.stdout, proc.stderr


def test_outside_any_package_it_says_so_in_one_line(tmp_path):
    proc = _without_repo_on_path(tmp_path, "validate")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "no datapackage.json here or in any folder above" in proc.stdout


def test_other_commands_follow_the_same_path(tmp_path):
    pkg = copy_valid(tmp_path / "pkg")
    (pkg / "data" / "ratifications.csv").write_text(
        (pkg / "data" / "ratifications.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    proc = _without_repo_on_path(pkg, "fmt", "--check")
    assert proc.returncode == 1 and "data/ratifications.csv" in proc.stdout
    cov = _without_repo_on_path(tmp_path, "coverage", str(pkg), "--format", "json")
    assert cov.returncode == 0 and '"TJK"' in cov.stdout


def _zip_folder(folder: Path, archive: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zipped.write(path, prefix + path.relative_to(folder).as_posix())
    return archive


def test_a_release_zip_is_validated_in_place(tmp_path):
    pkg = copy_valid(tmp_path / "pkg")
    archive = _zip_folder(pkg, tmp_path / "release.zip", prefix="ilo-eeca-9.9.9/")
    proc = _without_repo_on_path(tmp_path, "validate", str(archive))
    assert proc.returncode == 0 and "71 rows" in proc.stdout, proc.stderr


@pytest.mark.parametrize("name", ["../evil.csv", "/etc/evil.csv", "a/../../evil.csv", "C:/evil.csv"])
def test_zip_slip_is_refused(tmp_path, name):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("datapackage.json", "{}")
        zipped.writestr(name, "x")
    with pytest.raises(NotAPackage, match="outside"):
        find_package(archive)
    assert not (tmp_path / "evil.csv").exists()


def test_links_in_a_zip_are_refused(tmp_path):
    archive = tmp_path / "link.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        info = zipfile.ZipInfo("data")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zipped.writestr(info, "/etc")
    with pytest.raises(NotAPackage, match="link or special file"):
        find_package(archive)


def test_a_zip_bomb_is_refused(tmp_path, monkeypatch):
    from ilo_data import locate
    monkeypatch.setattr(locate, "MAX_UNPACKED", 1000)
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("datapackage.json", "0" * 5000)
    with pytest.raises(NotAPackage, match="refused"):
        find_package(archive)


def test_a_broken_zip_is_one_clear_line(tmp_path):
    archive = tmp_path / "broken.zip"
    archive.write_bytes(b"PK\x03\x04 not really a zip")
    proc = _without_repo_on_path(tmp_path, "validate", str(archive))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "broken.zip" in proc.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_installed_from_a_wheel_it_validates_a_copy(tmp_path):
    """Build the wheel, install it (without dependencies: they are this environment's) into a
    scratch folder, and run it there on a copy of the real package, far from the checkout."""
    source = tmp_path / "src"   # build from a copy: setuptools leaves build/ behind in the tree it builds
    for item in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / item, source / item) if source.is_dir() else (source.mkdir(), shutil.copy(ROOT / item, source / item))
    shutil.copytree(ROOT / "scripts", source / "scripts", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                    "-w", str(wheels), str(source)], check=True, capture_output=True, timeout=300)
    wheel = next(wheels.glob("ilo_eeca-*.whl"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    for shipped in ("docs/locale/ru/LC_MESSAGES/site.po", "docs/snippets/load_r.R", "docs/snippets/load_pandas.py"):
        assert (target / "ilo_data" / shipped).is_file(), f"the wheel lacks {shipped}"   # the site generator reads them
    copy = tmp_path / "copy"
    copy.mkdir()
    for item in ("datapackage.json", "schemas", "data"):
        source = ROOT / item
        (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / item)
    env = dict(os.environ, PYTHONPATH=str(target))
    proc = subprocess.run([sys.executable, "-c", "import ilo_data, sys; from ilo_data.cli import main; "
                           "assert 'site' in ilo_data.__file__, ilo_data.__file__; sys.exit(main(['validate']))"],
                          cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "valid:" in proc.stdout
