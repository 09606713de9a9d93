"""The three output formats, the exit codes, the summary and the progress indication."""
import io
import json

from jsonschema import Draft202012Validator, FormatChecker

from ilo_data.validate.output import github_line, text_line
from ilo_data.validate.problems import Problem
from ilo_data.validate.progress import Progress
from ilo_data.validate.rules import RULES
from ilo_data.validate.testing import FIXTURES, VALID, build_case, run_cli

REPORT_SCHEMA = json.loads((FIXTURES / "validate-report.schema.json").read_text(encoding="utf-8"))


def _report(root, *extra):
    proc = run_cli("validate", "--root", str(root), "--format", "json", *extra)
    assert "Traceback" not in proc.stderr
    return proc, json.loads(proc.stdout)


def test_json_report_matches_its_schema_valid_and_invalid(tmp_path):
    validator = Draft202012Validator(REPORT_SCHEMA, format_checker=FormatChecker())
    proc, report = _report(VALID)
    assert proc.returncode == 0 and report["valid"] is True and report["problems"] == []
    validator.validate(report)
    build_case(FIXTURES / "hostile" / "non-utf8", tmp_path / "a")
    build_case(FIXTURES / "invalid" / "ratification-after-adoption", tmp_path / "b")
    for root in (tmp_path / "a", tmp_path / "b"):
        proc, report = _report(root)
        assert proc.returncode == 1 and report["valid"] is False
        validator.validate(report)
        assert report["summary"]["errors"] == sum(p["severity"] == "error" for p in report["problems"])
        assert {p["rule"] for p in report["problems"]} <= {r.name for r in RULES}


def test_text_line_format():
    problem = Problem("data/ratifications.csv", 14, "ratified", "1899-01-01", "ratification-after-adoption",
                      "before C029 was adopted (1930-06-28)", "check the date against the source")
    assert text_line(problem) == ('data/ratifications.csv:14: ratified "1899-01-01": before C029 was adopted '
                                  '(1930-06-28) [ratification-after-adoption] — check the date against the source')


def test_github_annotation_format_and_escaping():
    problem = Problem("data/a,b.csv", 3, "notes", "50%\nmore", "padded-cell", "leading or trailing whitespace", "remove it")
    line = github_line(problem)
    assert line.startswith("::error file=data/a%2Cb.csv,line=3,title=[padded-cell]::")
    assert "\n" not in line and '"50%25\\nmore"' in line   # a line break in data is shown as \n, as in text
    warning = Problem("data/x.csv", None, None, None, "schema-skipped", "skipped", "", "warning")
    assert github_line(warning).startswith("::warning file=data/x.csv,title=[schema-skipped]::")


def test_cli_text_and_github_and_quiet(tmp_path):
    root = tmp_path / "pkg"
    build_case(FIXTURES / "invalid" / "ratification-after-adoption", root)
    text = run_cli("validate", "--root", str(root))
    assert text.returncode == 1
    assert 'data/ratifications.csv:3: ratified "1973-05": before C138 was adopted (1973-06-26) [ratification-after-adoption]' in text.stdout
    assert text.stdout.rstrip().splitlines()[-1].startswith("INVALID: 1 errors, 0 warnings")
    github = run_cli("validate", "--root", str(root), "--format", "github")
    assert "::error file=data/ratifications.csv,line=3,title=[ratification-after-adoption]::" in github.stdout
    quiet = run_cli("validate", "--root", str(root), "--quiet")
    assert quiet.stdout.count("\n") == 1 and quiet.stderr == ""
    ok = run_cli("validate", "--root", str(VALID))
    assert ok.returncode == 0 and ok.stdout.startswith("valid: 0 errors")


def test_progress_is_silent_when_fast_and_not_a_terminal():
    stream = io.StringIO()
    progress = Progress(stream=stream)
    progress("reading data/x.csv")
    progress.done()
    assert stream.getvalue() == ""


def test_progress_speaks_after_the_delay(monkeypatch):
    import ilo_data.validate.progress as module
    stream = io.StringIO()
    progress = Progress(stream=stream)
    monkeypatch.setattr(module.time, "monotonic", lambda: progress.start + module.DELAY + 1)
    progress("reading data/ratifications.csv: 65,536 rows")
    assert "validate: reading data/ratifications.csv: 65,536 rows" in stream.getvalue()


def test_rules_catalogue_is_complete():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert rule.layer in ("descriptor", "hygiene", "table-schema", "domain", "json")
        assert rule.title and rule.description and rule.hint and f"[{rule.name}]" in rule.example
    domain = {r.name for r in RULES if r.layer == "domain"}
    assert domain == {"ratification-after-adoption", "ratification-after-membership", "protocol-with-convention",
                      "status-dates", "real-calendar-dates", "period-forward", "office-hierarchy-acyclic",
                      "one-office-at-a-time", "sources-exist", "sources-used", "iso-codes-real", "category-counts",
                      "status-basis", "status-derived", "secondary-source", "status-disagrees", "revision-forward", "revision-effect", "supplement-not-younger",
                      "date-in-future", "registration-from-entry-into-force",
                      "name-script", "name-lookalikes", "name-whitespace"}
