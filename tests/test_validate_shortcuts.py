"""Two shortcuts through frictionless on layer 3's way (schemapass.py): a field stands for its own copy
while the checklist reads the rows, and a one-off validation loads only the local-file and CSV
plugins. Same verdicts, frictionless left as it was afterwards."""
import json
import subprocess
import sys

from frictionless import Field, Schema, system

from ilo_data.validate.runner import validate
from ilo_data.validate.schemapass import _fields_not_copied, local_csv_plugins
from ilo_data.validate.testing import build_case, cases

SCHEMA = {"fields": [{"name": "iso3", "type": "string"}, {"name": "year", "type": "integer"}]}
# The cases that reach frictionless: every Table Schema rule.
SCHEMA_CASES = [c for c in cases("invalid")
                if any(e["rule"].startswith(("schema-", "partial-date")) for e in json.loads((c / "case.json").read_text())["expect"])]


def test_a_field_is_its_own_copy_only_inside_the_block():
    field = Schema.from_descriptor(SCHEMA).fields[0]
    with _fields_not_copied():
        assert field.to_copy() is field
        assert field.to_copy(name="other").name == "other"   # a copy asked to differ is still made
    assert field.to_copy() is not field
    assert "to_copy" not in Field.__dict__


def test_only_the_local_and_csv_plugins_load_inside_the_block():
    # A fresh interpreter: in this one another test may already have loaded every plugin.
    script = ("from frictionless import system\n"
              "from ilo_data.validate.schemapass import local_csv_plugins\n"
              "with local_csv_plugins():\n"
              "    inside = sorted(system.plugins)\n"
              "print(inside, 'excel' in system.plugins, 'methods' in system.__dict__)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["['csv',", "'local']", "True", "False"]


def test_plugins_already_loaded_stay_as_they_are():
    loaded = system.plugins
    with local_csv_plugins():
        assert system.plugins is loaded
    assert system.plugins is loaded


def _verdicts(root) -> list[str]:
    return sorted(f"{p.file}:{p.line} [{p.rule}] {p.field} {p.value!r} {p.message}" for p in validate(root).problems.items)


def test_the_schema_cases_get_the_same_verdicts_with_only_two_plugins(tmp_path, monkeypatch):
    """Each case validated in a fresh process (two plugins, fields not copied) and here, with every
    plugin loaded and the copies made as frictionless makes them."""
    roots = []
    for case_dir in SCHEMA_CASES:
        build_case(case_dir, tmp_path / case_dir.name)
        roots.append(str(tmp_path / case_dir.name))
    script = ("import json, sys\n"
              "from tests.test_validate_shortcuts import _verdicts\n"
              "print(json.dumps([_verdicts(root) for root in sys.argv[1:]]))\n")
    monkeypatch.setenv("ILO_VALIDATE_SEQUENTIAL", "1")
    fresh = json.loads(subprocess.run([sys.executable, "-c", script, *roots], capture_output=True, text=True,
                                      check=True, cwd=str(__import__("ilo_data.paths").paths.ROOT)).stdout)
    assert "excel" in system.plugins
    with monkeypatch.context() as patch:
        patch.setattr("ilo_data.validate.schemapass._fields_not_copied", _copies_made)
        here = [_verdicts(root) for root in roots]
    assert len(SCHEMA_CASES) >= 10
    assert fresh == here
    assert all(fresh)   # every case found something: the comparison is not of empty lists


def _copies_made():
    from contextlib import nullcontext
    return nullcontext()
