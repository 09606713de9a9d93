"""Hostile input: every case gives clear one-line problems and the right exit status, never a traceback.

The CLI runs as `ilo-data` would (in this process, output captured; see run_cli). Cases that git would not keep byte for byte
(CRLF, binary, a 10 MB line, symbolic links) are generated here; the rest are folders under
tests/fixtures/hostile/ (see ilo_data.validate.testing for the case format).
"""
import json
import os
import random

import pytest

from ilo_data.validate.testing import FIXTURES, build_case, cases, copy_valid, run_cli

HOSTILE = cases("hostile")


def check(root, expect_rules, exit_codes=(1,), *extra):
    proc = run_cli("validate", "--root", str(root), "--format", "json", *extra)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in exit_codes, (proc.returncode, proc.stdout[-2000:], proc.stderr)
    report = json.loads(proc.stdout)
    found = {(p["rule"], p["file"], p["line"]) for p in report["problems"]}
    for rule, file, line in expect_rules:
        assert any(r == rule and f == file and (line == "any" or l == line) for r, f, l in found), (rule, file, line, found)
    for problem in report["problems"]:
        assert "\n" not in problem["message"] and problem["message"]
    return report


@pytest.mark.parametrize("case_dir", HOSTILE, ids=[c.name for c in HOSTILE])
def test_hostile_case(case_dir, tmp_path):
    root = tmp_path / "pkg"
    case = build_case(case_dir, root)
    expect = [(e["rule"], e["file"], e["line"] if e["line"] is not None else "any") for e in case["expect"]]
    check(root, expect, (case["exit"],))


def test_crlf_file(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    path = root / "data" / "countries.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    report = check(root, [("lf-only", "data/countries.csv", 1)])
    assert sum(p["rule"] == "lf-only" for p in report["problems"]) == 1   # one line per file, with a count


def test_binary_file(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    junk = random.Random(7).randbytes(20_000)
    (root / "data" / "themes.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + junk)
    check(root, [("binary-content", "data/themes.csv", "any")])


def test_ten_megabyte_single_line(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    (root / "data" / "themes.csv").write_bytes(b"theme_id,name,description,source_id\nx," + b"a" * 10_000_000 + b",d,e\n")
    check(root, [("line-too-long", "data/themes.csv", 2)])


def test_ten_megabyte_header_without_newline(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    (root / "data" / "themes.csv").write_bytes(b"x" * 10_000_000)
    check(root, [("line-too-long", "data/themes.csv", 1)])


def test_symlink_out_of_the_package(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    outside = tmp_path / "outside.csv"
    outside.write_text("theme_id,name,description,source_id\n", encoding="utf-8")
    target = root / "data" / "themes.csv"
    target.unlink()
    target.symlink_to(outside)
    check(root, [("unsafe-path", "datapackage.json", 235)])


def test_symlinked_schema_out_of_the_package(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    schema = root / "schemas" / "themes.schema.json"
    outside = tmp_path / "evil.schema.json"
    outside.write_bytes(schema.read_bytes())
    schema.unlink()
    schema.symlink_to(outside)
    check(root, [("unsafe-path", "datapackage.json", "any")])


def test_symlink_loop(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    target = root / "data" / "themes.csv"
    target.unlink()
    os.symlink(target, target)
    check(root, [("unsafe-path", "datapackage.json", "any")])


def test_directory_instead_of_file(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    target = root / "data" / "themes.csv"
    target.unlink()
    target.mkdir()
    check(root, [("missing-file", "datapackage.json", 235)])


def test_deeply_nested_json(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    (root / "data" / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    check(root, [("json-syntax", "data/deep.json", None)])


def test_no_descriptor(tmp_path):
    check(tmp_path, [("missing-file", "datapackage.json", None)], (2,))


def test_root_is_not_a_directory(tmp_path):
    proc = run_cli("validate", "--root", str(tmp_path / "nowhere"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "not a directory" in proc.stdout


def test_usage_error_exits_2():
    proc = run_cli("validate", "--format", "xml")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file: permissions cannot make it unreadable")
    root = copy_valid(tmp_path / "pkg")
    (root / "data" / "themes.csv").chmod(0)
    check(root, [("missing-file", "data/themes.csv", None)])


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_control_characters_in_data_are_shown_escaped(tmp_path, fmt):
    root = tmp_path / "pkg"
    build_case(FIXTURES / "hostile" / "terminal-escapes", root)
    proc = run_cli("validate", "--root", str(root), "--format", fmt)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    for line in proc.stdout.splitlines():
        assert line.isprintable(), repr(line)                    # no ESC, BEL, CR: nothing a terminal obeys
        assert not line.startswith("valid"), line                 # no forged verdict
    assert "\\x1b[2J" in proc.stdout.replace("\\\\", "\\")        # shown, escaped, where it was
