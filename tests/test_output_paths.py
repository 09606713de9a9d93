"""Data never chooses where a file is written: every writer goes through `outpaths.output_path`,
and `ilo-data build` and `ilo-data docs` refuse to build from an invalid package."""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from ilo_data.release_files import command
from ilo_data.docs import generate as gen
from ilo_data.outpaths import UnsafeOutputPath, output_path

FIXTURE = Path(__file__).parent / "fixtures" / "build"
CLIMB = "../../../../../escaped"


@pytest.mark.parametrize("relative", ["../x", "a/../../x", "json/countries/../../../x.json", "", "a//b", "/etc/x",
                                      "x\x1b[2J", "a\\..\\b", "."])
def test_output_path_refuses_names_that_are_not_plain(tmp_path, relative):
    with pytest.raises(UnsafeOutputPath):
        output_path(tmp_path, relative)


def test_output_path_keeps_plain_names_inside(tmp_path):
    assert output_path(tmp_path, "json/countries/TJK.json") == tmp_path / "json" / "countries" / "TJK.json"


def test_output_path_refuses_a_symbolic_link_out(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "json").symlink_to(tmp_path)
    with pytest.raises(UnsafeOutputPath):
        output_path(tmp_path / "out", "json/x.json")


def _package(tmp_path: Path) -> Path:
    root = tmp_path / "pkg"
    shutil.copytree(FIXTURE, root)
    return root


def _escaped(tmp_path: Path) -> list[Path]:
    return [p for p in tmp_path.rglob("*escaped*")]


def _rename_resource(root: Path, old: str, new: str) -> None:
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text())
    for res in descriptor["resources"]:
        if res["name"] == old:
            res["name"] = new
    path.write_text(json.dumps(descriptor, indent=2))


def test_build_refuses_a_resource_name_that_climbs_out(tmp_path, capsys):
    root = _package(tmp_path)
    _rename_resource(root, "themes", CLIMB)
    out = tmp_path / "a" / "b" / "dist"
    assert command.build_and_report(root, out) == 1          # even without validating first
    assert "refusing to write" in capsys.readouterr().out
    assert _escaped(tmp_path) == [] and list(out.iterdir()) == []
    args = argparse.Namespace(root=root, out=out)
    assert command.run(args) == 1                           # the command validates first
    assert "build: refusing to build from an invalid package" in capsys.readouterr().err


def test_build_refuses_an_iso3_that_climbs_out_with_schemas_relaxed(tmp_path, capsys):
    root = _package(tmp_path)
    schema_path = root / "schemas" / "countries.schema.json"
    schema = json.loads(schema_path.read_text())
    for field in schema["fields"]:
        field.get("constraints", {}).pop("pattern", None)
    schema_path.write_text(json.dumps(schema, indent=2))
    (root / "schemas" / "json").mkdir()
    for name in ("country.schema.json", "offices-tree.schema.json"):
        (root / "schemas" / "json" / name).write_text("{}")
    countries = root / "data" / "countries.csv"
    countries.write_text(countries.read_text().replace("NAM,NA,", f"{CLIMB},NA,"))
    out = tmp_path / "a" / "b" / "dist"
    assert command.build_and_report(root, out) == 1
    assert "refusing to write" in capsys.readouterr().out
    assert _escaped(tmp_path) == [] and list(out.iterdir()) == []


def test_docs_refuse_an_invalid_package(tmp_path, capsys):
    root = _package(tmp_path)
    _rename_resource(root, "themes", CLIMB)
    parser = argparse.ArgumentParser()
    gen.add_arguments(parser)
    docs = tmp_path / "docs"
    assert gen.run(parser.parse_args(["--root", str(root), "--docs-dir", str(docs)])) == 1
    assert "docs: refusing to build from an invalid package" in capsys.readouterr().err
    assert not docs.exists()
