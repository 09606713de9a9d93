"""Reading the package as plain data: the descriptor, its schemas and its CSV rows.

This is the thin, fast path used by the build, the docs and the domain rules. It trusts
that the validator has run; it does not validate.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from .outpaths import refuse_special
from .paths import ROOT, descriptor_path


def read_text(path: Path) -> str:
    """A text file of the package; a FIFO or device is refused, never waited on."""
    refuse_special(path)
    return Path(path).read_text(encoding="utf-8")


def load_descriptor(root: Path = ROOT) -> dict:
    return json.loads(read_text(descriptor_path(root)))


def resource_names(root: Path = ROOT) -> list[str]:
    return [res["name"] for res in load_descriptor(root)["resources"]]


def resource(root: Path, name: str) -> dict:
    for res in load_descriptor(root)["resources"]:
        if res["name"] == name:
            return res
    raise KeyError(f"no resource named {name!r} in {descriptor_path(root)}")


def load_schema(root: Path, name: str) -> dict:
    schema = resource(root, name)["schema"]
    if isinstance(schema, str):
        return json.loads(read_text(Path(root) / schema))
    return schema


def names_list(value) -> list[str]:
    """A Table Schema's `primaryKey` or foreign key `fields`: one name or a list of names."""
    return [value] if isinstance(value, str) else list(value or [])


def field_names(root: Path, name: str) -> list[str]:
    return [field["name"] for field in load_schema(root, name)["fields"]]


def read_rows(root: Path, name: str) -> list[dict[str, str]]:
    """Rows as dicts of raw strings; the empty string is the only missing value."""
    path = Path(root) / resource(root, name)["path"]
    refuse_special(path)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_all(root: Path = ROOT) -> dict[str, list[dict[str, str]]]:
    return {name: read_rows(root, name) for name in resource_names(root)}
