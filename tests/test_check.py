"""`ilo-data check`: derive --check, fmt --check and validate in one process; every step runs and
the exit status is the worst."""
from __future__ import annotations

from ilo_data.cli import main
from ilo_data.paths import ROOT


def test_the_package_passes_check(capsys):
    assert main(["check", str(ROOT)]) == 0
    assert "check: derived statuses current, files canonical, valid" in capsys.readouterr().out


def test_a_file_out_of_canonical_form_fails_and_validation_still_runs(copy, capsys):
    themes = copy / "data" / "themes.csv"
    themes.write_bytes(themes.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["check", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "fmt --check (exit 1: make fmt)" in out
    assert "[lf-only]" in out          # validate ran after fmt --check failed
    assert "derive --check" not in out.split("check: failed:")[1]


def test_a_stale_derived_status_names_make_derive(copy, capsys):
    ratifications = copy / "data" / "ratifications.csv"
    text = ratifications.read_text(encoding="utf-8")
    derived_row = next(line for line in text.splitlines() if ",in force," in line and ",derived," in line)
    ratifications.write_text(text.replace(derived_row, derived_row.replace(",in force,", ",not in force,", 1)), encoding="utf-8")
    assert main(["check", str(copy)]) == 1
    assert "derive --check (exit 1: make derive)" in capsys.readouterr().out


def test_github_format_annotates_the_problem_line(copy, capsys):
    # CI runs `ilo-data check --format github`: a problem becomes an annotation on its file and line.
    themes = copy / "data" / "themes.csv"
    themes.write_text(themes.read_text(encoding="utf-8").replace(",orig-tjk-ilo-page", ",no-such-source", 1), encoding="utf-8")
    assert main(["check", str(copy), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert "::error file=data/themes.csv,line=2" in out, out


def test_the_other_steps_run_while_the_table_schema_checks_do(monkeypatch):
    # check's derive and fmt steps are validate's `meanwhile`: they run once frictionless has started
    # in the background, so the whole verdict takes about as long as validate alone.
    from ilo_data.validate import background, runner
    from ilo_data.validate.testing import VALID
    events = []

    class Recording(background.Background):
        def __init__(self, fn, *args):
            events.append("background started")
            super().__init__(fn, *args)

    monkeypatch.setattr(background, "Background", Recording)
    monkeypatch.setattr(background, "available", lambda: True)
    result = runner.validate(VALID, meanwhile=lambda: events.append("meanwhile"))
    assert events == ["background started", "meanwhile"]
    assert result.valid


def test_the_other_steps_report_first(copy, capsys):
    themes = copy / "data" / "themes.csv"
    themes.write_bytes(themes.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["check", str(copy)]) == 1
    out = capsys.readouterr().out
    assert out.index("not in canonical form") < out.index("[lf-only]") < out.index("check: failed:")


def test_every_step_runs_when_the_descriptor_is_broken(copy, capsys):
    (copy / "datapackage.json").write_text("{", encoding="utf-8")
    assert main(["check", str(copy)]) == 2
    failed = capsys.readouterr().out.split("check: failed:")[1]
    assert "derive --check (exit" in failed and "fmt --check (exit" in failed and "validate (exit 2" in failed
