"""Fixtures shared by several test modules."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ilo_data import package
from ilo_data.release_files import command
from ilo_data.paths import ROOT

BUILD_FIXTURE = Path(__file__).parent / "fixtures" / "build"
BUILD_ROOTS = [BUILD_FIXTURE] + ([ROOT] if (ROOT / "datapackage.json").exists() else [])


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A scratch copy of the real package (descriptor, schemas, data) that a test may break."""
    for item in ("datapackage.json", "schemas", "data"):
        source = ROOT / item
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / item)
    return tmp_path


@pytest.fixture(scope="session", params=BUILD_ROOTS, ids=lambda p: "fixture" if p == BUILD_FIXTURE else "package")
def built(request, tmp_path_factory):
    """A release built once per test session from the build fixture and from the real package,
    with the tables it was built from: (release, {name: (schema, rows)})."""
    root = request.param
    release = command.build(root, tmp_path_factory.mktemp("dist"))
    tables = {name: (package.load_schema(root, name), package.read_rows(root, name)) for name in package.resource_names(root)}
    return release, tables


@pytest.fixture(scope="session")
def repository_docs(tmp_path_factory):
    """The repository's pages, generated once per test process (no release beside them): (docs, ctx).
    Read them; a test that changes pages generates its own."""
    from ilo_data.docs.generate import generate
    docs = tmp_path_factory.mktemp("repository-docs")
    ctx = generate(ROOT, docs, tmp_path_factory.mktemp("nodist"))
    return docs, ctx
