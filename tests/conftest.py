"""Fixtures shared by several test modules."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ilo_data.paths import ROOT


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A scratch copy of the real package (descriptor, schemas, data) that a test may break."""
    for item in ("datapackage.json", "schemas", "data"):
        source = ROOT / item
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / item)
    return tmp_path
