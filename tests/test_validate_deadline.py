"""Nothing the package holds makes a command run for ever: background work has a deadline,
patterns that backtrack are refused, and FIFOs are never opened (validate, build and docs)."""
from __future__ import annotations

import argparse
import os
import time

import pytest

from ilo_data.release_files import command
from ilo_data.docs import generate as gen
from ilo_data.validate import background
from ilo_data.validate.patterns import backtracking_problem
from ilo_data.validate.testing import copy_valid, run_cli_process

needs_fork = pytest.mark.skipif(not background.available(), reason="no fork or one CPU: no background process")


def _sleep_then_nothing(seconds):
    time.sleep(seconds)
    return []


@needs_fork
def test_background_work_is_killed_at_its_deadline():
    started = time.monotonic()
    worker = background.Background(_sleep_then_nothing, 60)
    with pytest.raises(background.Deadline):
        worker.result(seconds=0.5)
    assert time.monotonic() - started < 10
    worker.process.join(timeout=5)
    assert not worker.process.is_alive()


@pytest.mark.parametrize("pattern", [r"^(a+)+$", r"(\w*)*", r"^([a-z]+)*$", r"(\d+\.?)+$", r"(x+x+)+y"])
def test_patterns_that_backtrack_for_ever_are_refused(pattern):
    assert backtracking_problem(pattern)


@pytest.mark.parametrize("pattern", [r"^[a-z0-9]+(-[a-z0-9]+)*$", r"^(C\d{3}|P\d{3})$", r"^[A-Z]{3}$",
                                     r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"])
def test_the_package_patterns_pass(pattern):
    assert backtracking_problem(pattern) is None


@needs_fork
def test_a_slow_pattern_the_check_misses_stops_at_the_deadline(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    schema = root / "schemas" / "themes.schema.json"
    schema.write_text(schema.read_text().replace('"required": true\n      }', '"required": true,\n        "pattern": "^(a|aa)*b$"\n      }', 1))
    data = root / "data" / "themes.csv"
    data.write_text(data.read_text().replace("Child labour", "a" * 80))
    started = time.monotonic()
    proc = run_cli_process("validate", "--root", str(root), env={"ILO_VALIDATE_DEADLINE": "1"}, timeout=120)
    assert time.monotonic() - started < 60
    assert proc.returncode == 1 and "[time-limit]" in proc.stdout, proc.stdout + proc.stderr


def _fifo_instead_of(root, rel):
    path = root / rel
    path.unlink()
    os.mkfifo(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_by_validate_build_and_docs(tmp_path, capsys):
    root = copy_valid(tmp_path / "pkg")
    _fifo_instead_of(root, "data/themes.csv")
    proc = run_cli_process("validate", "--root", str(root), timeout=60)
    assert proc.returncode == 1 and "FIFO" in proc.stdout and "[missing-file]" in proc.stdout
    proc = run_cli_process("build", "--root", str(root), "--out", str(tmp_path / "dist"), timeout=60)
    assert proc.returncode == 1 and "build: refusing" in proc.stderr
    assert command.build_and_report(root, tmp_path / "dist") == 2          # even without validating first
    assert "FIFO" in capsys.readouterr().out
    proc = run_cli_process("docs", "--root", str(root), "--docs-dir", str(tmp_path / "docs"), timeout=60)
    assert proc.returncode == 1 and "docs: refusing" in proc.stderr
    parser = argparse.ArgumentParser()
    gen.add_arguments(parser)
    with pytest.raises(OSError, match="FIFO"):
        gen.generate(root, tmp_path / "docs", tmp_path / "dist")
