"""`ilo-data fmt`: canonical data files (sorted, minimal quoting, LF, UTF-8); `--check` for CI."""
import csv
import io

import pytest

from ilo_data.fmt import CannotFormat, canonical, format_package
from ilo_data.paths import ROOT, descriptor_path
from ilo_data.validate.runner import validate
from ilo_data.validate.testing import copy_valid, run_cli

SCHEMA = {"fields": [{"name": "id", "type": "string"}, {"name": "n", "type": "integer"}, {"name": "text", "type": "string"}],
          "primaryKey": ["id", "n"]}


def rows(data: bytes):
    return sorted(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.skipif(not descriptor_path(ROOT).is_file(), reason="no datapackage.json yet: the data is being written")
def test_committed_data_is_canonical():
    out = io.StringIO()
    code = format_package(ROOT, check=True, out=out)
    assert code == 0, "data files are not in canonical form: run `make fmt`\n" + out.getvalue()


def test_canonical_form():
    messy = b'\xef\xbb\xbfid,n,text\r\nb,10,"plain"\r\n\r\nb,2,"has, comma"\r\na,1,"line\r\nbreak"\r\n'
    data, reasons = canonical(messy, SCHEMA)
    assert data == b'id,n,text\na,1,"line\nbreak"\nb,2,"has, comma"\nb,10,plain\n'
    assert {"byte-order mark removed", "line endings converted to LF", "1 blank rows removed",
            "rows sorted by primary key"} <= set(reasons)
    assert canonical(data, SCHEMA) == (data, [])


def test_contents_are_kept_apart_from_line_endings():
    messy = b'id,n,text\nz,1,"  spaced  "\na,3,"""quoted"""\n'
    data, _ = canonical(messy, SCHEMA)
    assert rows(data) == rows(messy)


@pytest.mark.parametrize("raw, why", [
    (b"", "empty"),
    (b"id,n,text\nx,1\n", "cells"),
    (b"id,n,txt\nx,1,a\n", "header"),
    (b"id,n,text\nx,1,\xe9\n", "UTF-8"),
    (b"id,n,text\nx,1,\x00\n", "NUL"),
])
def test_refuses_to_guess(raw, why):
    with pytest.raises(CannotFormat, match=why):
        canonical(raw, SCHEMA)


def test_fmt_then_check_then_validate(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    path = root / "data" / "countries.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_bytes(("".join([lines[0]] + lines[:0:-1])).replace("\n", "\r\n").encode("utf-8"))
    before = rows(path.read_bytes())
    check = run_cli("fmt", "--check", "--root", str(root))
    assert check.returncode == 1 and "data/countries.csv: not in canonical form" in check.stdout
    assert "make fmt" in check.stdout and "Traceback" not in check.stderr
    assert run_cli("fmt", "--root", str(root)).returncode == 0
    assert rows(path.read_bytes()) == before
    assert run_cli("fmt", "--check", "--root", str(root)).returncode == 0
    assert validate(root).valid


def test_fmt_leaves_broken_files_alone(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    path = root / "data" / "themes.csv"
    broken = path.read_bytes().replace(b"Child labour,", b"Child labour,extra,")
    path.write_bytes(broken)
    proc = run_cli("fmt", "--root", str(root))
    assert proc.returncode == 2 and "data/themes.csv" in proc.stdout and "Traceback" not in proc.stderr
    assert path.read_bytes() == broken


def test_fmt_without_package(tmp_path):
    proc = run_cli("fmt", "--check", "--root", str(tmp_path))
    assert proc.returncode == 2 and "datapackage.json" in proc.stdout and "Traceback" not in proc.stderr
