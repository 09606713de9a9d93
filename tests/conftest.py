"""Fixtures shared by several test modules."""
from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest
from filelock import FileLock

from ilo_data import package
from ilo_data.docs import sitebuild
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


def _run_folder(tmp_path_factory) -> Path:
    """A folder every process of this test run sees: under pytest-xdist, the parent of the workers'
    own temporary folders; else this process's."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def release_once(root: Path, tmp_path_factory) -> command.Release:
    """`command.build(root)` once for the whole run: the first worker to ask builds it while the
    others wait on a lock, then every worker reads the same release. Tests only read it."""
    run = _run_folder(tmp_path_factory)
    name = "release-" + ("package" if Path(root) == ROOT else Path(root).name)
    done = run / f"{name}.pickle"
    with FileLock(str(run / f"{name}.lock")):
        if not done.exists():
            done.write_bytes(pickle.dumps(command.build(root, run / name)))
    return pickle.loads(done.read_bytes())


@pytest.fixture(scope="session", autouse=True)
def _one_release_of_the_package(tmp_path_factory):
    """Where the site and snippet tests need a fresh release of the real package (sitebuild.release_dist),
    they take the run's one release rather than each worker building its own (a few seconds each)."""
    own = sitebuild.build_scratch_release

    def shared(root: Path) -> Path:
        return release_once(root, tmp_path_factory).folder.parent if Path(root) == ROOT else own(root)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sitebuild, "build_scratch_release", shared)
        yield


@pytest.fixture(scope="session", params=BUILD_ROOTS, ids=lambda p: "fixture" if p == BUILD_FIXTURE else "package")
def built(request, tmp_path_factory):
    """A release built once per test run from the build fixture and from the real package,
    with the tables it was built from: (release, {name: (schema, rows)})."""
    root = request.param
    release = release_once(root, tmp_path_factory)
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
