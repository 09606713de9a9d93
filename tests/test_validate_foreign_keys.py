"""Foreign keys between text fields are checked on the hygiene layer's stream (foreignkeys.py), not by
frictionless: the same rows fail as when frictionless checks them alone, with its wording, for a single
and a composite key, missing values, a key all empty, and a table that refers to itself."""
import json

from frictionless import Package

from ilo_data.validate.runner import validate

MISSING = ["", "-"]
TABLES = {
    "parents": ("id,code,name\na,1,x\nb,2,y\n,3,z\n",
                {"fields": [{"name": n, "type": "string"} for n in ("id", "code", "name")]}),
    "children": ("cid,pid,pcode\nc1,a,1\nc2,zz,1\nc3,,\nc4,b,9\nc5,-,2\nc6,,3\n",
                 {"fields": [{"name": n, "type": "string"} for n in ("cid", "pid", "pcode")],
                  "foreignKeys": [{"fields": ["pid"], "reference": {"resource": "parents", "fields": ["id"]}},
                                  {"fields": ["pid", "pcode"], "reference": {"resource": "parents", "fields": ["id", "code"]}}]}),
    "tree": ("node,parent\nn1,\nn2,n3\nn3,n1\nn4,n9\n",
             {"fields": [{"name": n, "type": "string"} for n in ("node", "parent")],
              "foreignKeys": [{"fields": ["parent"], "reference": {"resource": "", "fields": ["node"]}}]}),
}


def _package(root):
    (root / "data").mkdir(parents=True)
    (root / "schemas").mkdir()
    resources = []
    for name, (text, schema) in TABLES.items():
        (root / "data" / f"{name}.csv").write_text(text, encoding="utf-8")
        (root / "schemas" / f"{name}.schema.json").write_text(json.dumps(dict(schema, missingValues=MISSING)), encoding="utf-8")
        resources.append({"name": name, "path": f"data/{name}.csv", "format": "csv", "encoding": "utf-8",
                          "schema": f"schemas/{name}.schema.json"})
    (root / "datapackage.json").write_text(json.dumps({"name": "fk", "resources": resources}), encoding="utf-8")
    return root


def _frictionless_alone(root) -> set:
    report = Package(str(root / "datapackage.json")).validate(limit_errors=0)
    return {(task.name, error.row_number, ", ".join(error.field_names), ", ".join(str(v) for v in error.field_cells))
            for task in report.tasks for error in task.errors if error.type == "foreign-key"}


def test_text_keys_fail_on_the_rows_frictionless_fails(tmp_path):
    root = _package(tmp_path / "pkg")
    ours = {(p.file.split("/")[1][:-4], p.line, p.field, p.value)
            for p in validate(root, max_per_rule=0).problems.items if p.rule == "schema-foreign-key"}
    theirs = _frictionless_alone(root)
    assert ours == theirs
    assert ("children", 3, "pid", "zz") in ours and ("children", 6, "pid, pcode", ", 2") in ours
    assert ("tree", 5, "parent", "n9") in ours and not any(p[0] == "tree" and p[1] == 3 for p in ours)   # n2 -> n3, read later


def test_the_wording_is_frictionless_wording(tmp_path):
    root = _package(tmp_path / "pkg")
    messages = {(p.file, p.line, p.field): p.message for p in validate(root).problems.items if p.rule == "schema-foreign-key"}
    assert messages[("data/children.csv", 3, "pid")] == "not found in parents.id"
    assert messages[("data/children.csv", 5, "pid, pcode")] == "not found in parents (id, code)"


def test_a_table_frictionless_refuses_is_not_checked_here_either(tmp_path):
    # A schema frictionless does not accept (a bad constraint) leaves its table unchecked, with the
    # schema's problem; its foreign keys are not reported on their own.
    root = _package(tmp_path / "pkg")
    path = root / "schemas" / "children.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["fields"][0]["constraints"] = {"minLength": "three"}
    path.write_text(json.dumps(schema), encoding="utf-8")
    rules = {p.rule for p in validate(root).problems.items if p.file.startswith(("data/children", "schemas/children"))}
    assert "schema-descriptor" in rules and "schema-foreign-key" not in rules
