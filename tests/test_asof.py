"""`ilo-data asof DATE` on the TIME fixture: text and JSON output, and clean errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ilo_data.cli import main

FIXTURE = str(Path(__file__).parent / "fixtures" / "time")


def run(capsys, *argv):
    code = main(["asof", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_summary(capsys):
    code, out, _ = run(capsys, "2001-06", "--root", FIXTURE)
    assert code == 0
    assert out.startswith("As of 2001-06 (2001-06-01 to 2001-06-30)")
    assert "Conventions existing: 8 certain, 4 uncertain" in out
    assert "C184: adopted 2001-06-21: may fall after 2001-06" in out
    assert "AAA Alphaland: 4 certain + 1 uncertain; office: co-east" in out


def test_country_lists_its_ratifications(capsys):
    code, out, _ = run(capsys, "1979", "--root", FIXTURE, "--country", "bbb")
    assert code == 0
    assert "? C015: denounced 1979-05-03: may fall by 1979" in out
    assert "AAA" not in out


def test_json_lists_conventions_and_uncertainty(capsys):
    code, out, _ = run(capsys, "1993-06-30", "--root", FIXTURE, "--format", "json", "--country", "AAA")
    assert code == 0
    state = json.loads(out)
    ids = [item["id"] for item in state["conventions"]["items"]]
    assert ids == ["C001", "C004", "C015", "C029", "C046", "C087", "C098", "C144", "C155"]
    items = {i["id"]: i for i in state["countries"][0]["ratifications"]["items"]}
    assert items["C029"]["certainty"] == "uncertain"        # ratified "1993": may be after June
    assert items["C087"]["certainty"] == "certain"          # ratified 1993-06-22
    assert "C144" not in items                              # 2014


def test_denounced_drops_out_after_its_date(capsys):
    _, out, _ = run(capsys, "1980", "--root", FIXTURE, "--format", "json", "--country", "BBB")
    ids = [i["id"] for i in json.loads(out)["countries"][0]["ratifications"]["items"]]
    assert "C015" not in ids and "C029" in ids


@pytest.mark.parametrize("argv, message", [
    (["2019-02-30"], "error: bad date '2019-02-30'"),
    (["30/06/2001"], "error: bad date '30/06/2001'"),
    (["2001", "--country", "XYZ"], "error: no country 'XYZ'"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, argv, message):
    code, out, err = run(capsys, argv[0], "--root", FIXTURE, *argv[1:])
    assert code == 2
    assert out == ""
    assert err.startswith(message) and err.count("\n") == 1
    assert "Traceback" not in err


def test_missing_package_is_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, "2001", "--root", str(tmp_path))
    assert code == 2 and err.startswith("error: cannot read the package") and "Traceback" not in err
    (tmp_path / "datapackage.json").write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "2001", "--root", str(tmp_path))
    assert code == 2 and err.startswith("error: cannot read the package") and "Traceback" not in err


def test_python_api():
    from ilo_data.timeline import state_as_of
    state = state_as_of(FIXTURE, "2001-06-30")
    assert state["conventions"]["certain"] == 9 and state["conventions"]["uncertain"] == 3   # withdrawn/abrogated, dates unknown
