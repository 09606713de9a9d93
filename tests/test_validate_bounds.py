"""Bounded work: many invalid rows give a few problems each and a count of the rest; oversized
descriptors are refused unread."""
import csv
import json
import time

import pytest
from jsonschema import Draft202012Validator

from ilo_data.bench import generate
from ilo_data.validate.descriptor import MAX_DESCRIPTOR_BYTES, MAX_FIELDS, MAX_RESOURCES
from ilo_data.validate.problems import Problems
from ilo_data.validate.runner import validate
from ilo_data.validate.schemapass import frictionless_errors
from ilo_data.validate.tableschema import descriptor_for, prepare
from ilo_data.validate.testing import FIXTURES, copy_valid, run_cli

ROWS = 2_500   # well past the per-rule caps (20 kept, 5 from frictionless) and frictionless's own limit of 1,000 errors
BAD_SOURCES = ROWS // 10
REPORT_SCHEMA = json.loads((FIXTURES / "validate-report.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """ROWS ratification rows, every date invalid, one in ten citing a missing source."""
    return generate(tmp_path_factory.mktemp("bounds") / "pkg", ROWS, invalid=True)


def _kept(result, rule: str) -> int:
    return sum(p.rule == rule for p in result.problems.items)


@pytest.mark.parametrize("sequential", ["0", "1"])
def test_invalid_rows_are_counted_and_only_the_first_kept(broken, monkeypatch, sequential):
    monkeypatch.setenv("ILO_VALIDATE_SEQUENTIAL", sequential)   # the background worker, and in-process
    result = validate(broken, max_per_rule=20)
    assert _kept(result, "partial-date-pattern") == 20 and _kept(result, "schema-foreign-key") == 20
    counts = result.summary()
    assert counts["by_rule"]["partial-date-pattern"] == ROWS
    assert counts["by_rule"]["schema-foreign-key"] == BAD_SOURCES
    assert counts["errors"] == result.problems.error_count >= ROWS + BAD_SOURCES
    omitted = {(g["file"], g["rule"]): g["count"] for g in counts["omitted"]}
    assert omitted[("data/ratifications.csv", "partial-date-pattern")] == ROWS - 20
    assert not result.valid


def test_frictionless_keeps_the_first_errors_and_counts_the_rest(broken):
    spec_problems = Problems()
    from ilo_data.validate.descriptor import check_descriptor
    spec = check_descriptor(broken, spec_problems)
    descriptor = descriptor_for(spec, prepare(spec, spec_problems), None)
    findings = frictionless_errors(descriptor, str(broken), 5)
    assert len(findings.found) == 5   # 5 bad dates; the missing sources are found on the stream (foreignkeys.py)
    assert findings.more[("ratifications", "partial-date-pattern")] == ROWS - 5
    assert ("ratifications", "schema-foreign-key") not in findings.more
    ratifications = next(r for r in descriptor["resources"] if r["name"] == "ratifications")
    assert ratifications["schema"]["foreignKeys"] == []   # every key of text is checked on the stream
    assert findings.invalid_rows == {}   # nothing refers to ratifications: no row numbers kept


def test_text_output_says_how_many_more(broken):
    proc = run_cli("validate", "--root", str(broken), "--max-per-rule", "3")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert f"data/ratifications.csv: ... and {ROWS - 3:,} more [partial-date-pattern] in data/ratifications.csv" in lines
    assert sum("[partial-date-pattern]" in line for line in lines) == 4     # three listed, one "more"
    assert lines[-1].startswith("INVALID: ") and f"{ROWS - 3 + BAD_SOURCES - 3:,} not listed" in lines[-1]
    github = run_cli("validate", "--root", str(broken), "--max-per-rule", "3", "--format", "github").stdout
    assert f"::notice file=data/ratifications.csv,title=[schema-foreign-key]::... and {BAD_SOURCES - 3:,} more" in github


def test_json_report_carries_the_counts_and_zero_lists_everything(broken):
    proc = run_cli("validate", "--root", str(broken), "--format", "json", "--max-per-rule", "2")
    report = json.loads(proc.stdout)
    Draft202012Validator(REPORT_SCHEMA).validate(report)
    assert report["summary"]["max_per_rule"] == 2
    assert {"file": "data/ratifications.csv", "rule": "partial-date-pattern", "severity": "error",
            "count": ROWS - 2} in report["summary"]["omitted"]
    everything = json.loads(run_cli("validate", "--root", str(broken), "--format", "json", "--max-per-rule", "0").stdout)
    assert sum(p["rule"] == "partial-date-pattern" for p in everything["problems"]) == ROWS
    assert everything["summary"]["omitted"] == []


def test_max_per_rule_must_be_a_count(tmp_path):
    proc = run_cli("validate", "--root", str(tmp_path), "--max-per-rule", "-1")
    assert proc.returncode == 2 and "--max-per-rule" in proc.stderr


def test_a_reference_to_an_invalid_row_past_the_cap_still_counts(tmp_path):
    """Rows that fail their own table are remembered even when their problems are only counted."""
    root = copy_valid(tmp_path / "pkg")
    sources = root / "data" / "sources.csv"
    with sources.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    kind = header.index("kind")
    for row in rows:
        row[kind] = "no-such-kind"
    with sources.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *rows])
    rest = rows[1:]
    capped, everything = validate(root, max_per_rule=1).summary(), validate(root, max_per_rule=0).summary()
    assert capped["by_rule"]["schema-enum"] == len(rest) + 1 > 1
    assert capped["by_rule"]["schema-foreign-key"] == everything["by_rule"]["schema-foreign-key"] > len(rest)


def test_problems_merge_their_counts():
    one, two = Problems(max_per_rule=2), Problems(max_per_rule=2)
    for n in range(3):
        one.add("a.csv", n + 2, "schema-type", "bad")
        two.add("a.csv", n + 10, "schema-type", "bad")
    two.add("a.csv", 1, "status-derived", "late", severity="warning")
    one.extend(two)
    assert len(one.items) == 3 and one.error_count == 6
    assert one.counts()["warnings"] == 1
    assert sum(one.omitted().values()) == 4


def test_an_oversized_datapackage_is_refused_unread(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["description"] = "x" * MAX_DESCRIPTOR_BYTES
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = validate(root)
    assert result.fatal and [p.rule for p in result.problems.items] == ["descriptor-size"]


def test_an_oversized_table_schema_is_refused_unread(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    schema = json.loads((root / "schemas" / "themes.schema.json").read_text(encoding="utf-8"))
    schema["description"] = "x" * MAX_DESCRIPTOR_BYTES
    (root / "schemas" / "themes.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    result = validate(root)
    assert not result.fatal and not result.valid
    assert [(p.file, p.rule) for p in result.problems.items if p.layer == "descriptor"] == [
        ("schemas/themes.schema.json", "descriptor-size")]


def test_too_many_resources_are_refused_at_once(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    themes = next(r for r in descriptor["resources"] if r["name"] == "themes")
    descriptor["resources"] += [dict(themes, name=f"themes-{n}") for n in range(3_000)]   # one file, 3,000 times
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    started = time.monotonic()
    result = validate(root)
    assert time.monotonic() - started < 5
    assert result.fatal and [p.rule for p in result.problems.items] == ["descriptor-size"]
    assert f"over the {MAX_RESOURCES:,}" in result.problems.items[0].message


def test_a_table_schema_with_too_many_fields_is_refused(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    themes = next(r for r in descriptor["resources"] if r["name"] == "themes")
    themes["schema"] = {"fields": [{"name": f"f{n}", "type": "string"} for n in range(MAX_FIELDS + 1)]}  # inline
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = validate(root)
    assert [(p.file, p.rule) for p in result.problems.items if p.layer == "descriptor"] == [
        ("datapackage.json", "descriptor-size")]


def test_frictionless_renders_its_messages_again_after_validating(broken, monkeypatch):
    from frictionless import errors
    monkeypatch.setenv("ILO_VALIDATE_SEQUENTIAL", "1")   # frictionless runs in this process
    validate(broken, max_per_rule=1)
    error = errors.TypeError(note="bad", cells=["x"], row_number=2, cell="x", field_name="f", field_number=1)
    assert 'Type error in the cell "x"' in error.message
