"""Where things live in the repository. Everything else takes a root so tests can use fixtures."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DESCRIPTOR_NAME = "datapackage.json"


def descriptor_path(root: Path = ROOT) -> Path:
    return Path(root) / DESCRIPTOR_NAME


def data_dir(root: Path = ROOT) -> Path:
    return Path(root) / "data"


def schemas_dir(root: Path = ROOT) -> Path:
    return Path(root) / "schemas"


def docs_dir(root: Path = ROOT) -> Path:
    return Path(root) / "docs"


def dist_dir(root: Path = ROOT) -> Path:
    return Path(root) / "dist"
