"""The loading snippets on the Downloads page run against a real release. frictionless, csv and
sqlite3 are always tested; pandas, DuckDB and R wherever installed (`make test` installs pandas and DuckDB;
.ci/run installs R).
ILO_SNIPPET_PYTHON names another interpreter for the pandas and DuckDB snippets (one with them)."""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys

import pytest

from ilo_data.docs.context import Context
from ilo_data.docs.downloads import SNIPPETS, snippet, snippet_text
from ilo_data.readme import README_SNIPPETS
from ilo_data.docs.sitebuild import release_dist
from ilo_data.paths import ROOT


OPTIONAL = {"load_pandas.py": "pandas", "load_duckdb.py": "duckdb"}


def _python(file_name: str) -> str:
    if file_name in OPTIONAL and os.environ.get("ILO_SNIPPET_PYTHON"):
        return os.environ["ILO_SNIPPET_PYTHON"]
    return sys.executable


def _has(python: str, module: str) -> bool:
    if python == sys.executable:
        return importlib.util.find_spec(module) is not None
    return subprocess.run([python, "-c", f"import {module}"], capture_output=True).returncode == 0


def _requirement(file_name: str) -> str | None:
    """Why a snippet cannot run here, or None."""
    module = OPTIONAL.get(file_name)
    if module and not _has(_python(file_name), module):
        return f"{module} is not installed (`pip install -e .[test]` brings it; or set ILO_SNIPPET_PYTHON)"
    if file_name.endswith(".R") and shutil.which("Rscript") is None:
        return "Rscript is not installed"
    return None


@pytest.fixture(scope="module")
def release():
    dist, why = release_dist(ROOT)
    if dist is None:
        pytest.skip(why)
    ctx = Context.load(ROOT, ROOT / "docs", dist)
    return ctx, dist


@pytest.mark.parametrize("file_name", [s[0] for s in SNIPPETS])
def test_snippet_runs(release, tmp_path, file_name):
    why = _requirement(file_name)
    if why:
        pytest.skip(why)
    ctx, dist = release
    code = snippet(ctx, file_name)
    assert "RELEASE" not in code and "PACKAGE_NAME" not in code
    script = tmp_path / ("snippet.R" if file_name.endswith(".R") else "snippet.py")
    script.write_text(code, encoding="utf-8")
    command = ["Rscript", str(script)] if file_name.endswith(".R") else [_python(file_name), str(script)]
    result = subprocess.run(command, cwd=dist, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{file_name} failed:\n{result.stdout}\n{result.stderr}"
    if file_name == "load_frictionless.py":
        assert "valid: True" in result.stdout, result.stdout
    if file_name == "load_csv_stdlib.py":
        assert "Namibia's iso2 is 'NA'" in result.stdout or "member States" in result.stdout


def test_every_snippet_is_on_the_downloads_page(repository_docs):
    docs, ctx = repository_docs
    page = (docs / "downloads.md").read_text(encoding="utf-8")
    for file_name, tab, _, _ in SNIPPETS:
        assert f'=== "{tab}"' in page
        first_code_line = next(l for l in snippet(ctx, file_name).splitlines() if l and not l.startswith("#"))
        assert first_code_line in page, f"{file_name} not shown on the Downloads page"


@pytest.mark.parametrize("file_name", README_SNIPPETS)
def test_readme_snippet_runs_from_the_checkout(tmp_path, file_name):
    """The README shows the same files with paths relative to the package: they run from its top folder."""
    why = _requirement(file_name)
    if why:
        pytest.skip(why)
    script = tmp_path / "snippet.py"
    script.write_text(snippet_text(file_name, "", "ilo-eeca"), encoding="utf-8")
    result = subprocess.run([_python(file_name), str(script)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{file_name} failed from the checkout:\n{result.stdout}\n{result.stderr}"
