"""Every rule fails on its minimal fixture with its rule name, file and line.

Each folder under tests/fixtures/invalid/ is the valid fixture plus one mutation (case.json);
add a folder to add a case. The valid fixture itself must pass, and be in canonical form.
"""
import pytest

from ilo_data.validate.rules import RULES
from ilo_data.validate.runner import validate
from ilo_data.validate.testing import VALID, build_case, cases, has

INVALID = cases("invalid")


def exit_code(result) -> int:
    return 2 if result.fatal else (0 if result.valid else 1)


def test_valid_fixture_passes():
    result = validate(VALID)
    assert result.problems.items == [], [p.as_dict() for p in result.problems.items]
    assert exit_code(result) == 0


@pytest.mark.parametrize("case_dir", INVALID, ids=[c.name for c in INVALID])
def test_invalid_case(case_dir, tmp_path):
    root = tmp_path / "pkg"
    case = build_case(case_dir, root)
    result = validate(root)
    found = [f"{p.file}:{p.line} [{p.rule}] {p.message}" for p in result.problems.items]
    for want in case["expect"]:
        assert has(result.problems.items, want["rule"], want["file"], want["line"]), (want, found)
    assert exit_code(result) == case.get("exit", 1), found


def test_every_domain_and_hygiene_rule_has_a_case():
    covered = set()
    for case_dir in INVALID:
        import json
        covered |= {e["rule"] for e in json.loads((case_dir / "case.json").read_text())["expect"]}
    # line-too-long is generated (10 MB) in test_validate_hostile.py; the rest need a folder here
    needed = {r.name for r in RULES if r.layer in ("hygiene", "domain", "descriptor", "json")} - {"line-too-long"}
    needed |= {"schema-type", "schema-enum", "schema-pattern", "schema-unique", "schema-primary-key",
               "schema-foreign-key", "partial-date-pattern", "schema-required", "schema-constraint", "schema-descriptor"}
    assert needed - covered == set()
