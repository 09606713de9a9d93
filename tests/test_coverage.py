"""`ilo-data coverage` on the TIME fixture: all three formats, honest about missing totals."""
from __future__ import annotations

import json
from pathlib import Path

from ilo_data.cli import main

FIXTURE = str(Path(__file__).parent / "fixtures" / "time")


def run(capsys, *argv):
    code = main(["coverage", "--root", FIXTURE, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text(capsys):
    code, out, _ = run(capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["Country", "Held", "Stated"]
    aaa = next(line for line in lines if line.startswith("AAA"))
    # the status counts (last three) are over all rows, the one Protocol included
    assert aaa.split() == ["AAA", "Alphaland", "6", "50", "(fx-src,", "2015)", "12%", "(6", "by", "then)", "2", "0", "3", "1", "0", "0", "7"]
    ccc = next(line for line in lines if line.startswith("CCC"))
    assert "no total stated" in ccc and "%" not in ccc


def test_json(capsys):
    code, out, _ = run(capsys, "--format", "json")
    assert code == 0
    report = {e["iso3"]: e for e in json.loads(out)}
    assert set(report) == {"AAA", "BBB", "CCC"}
    assert report["BBB"]["stated"] == 7 and report["BBB"]["stated_as_of"] == "2019-03-12"
    assert report["CCC"]["stated"] is None and report["CCC"]["undated"] == 1


def test_markdown(capsys):
    code, out, _ = run(capsys, "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("| Country | Held | Stated total")
    assert lines[1] == "|---|---|---|---|---|---|---|---|---|---|---|"
    assert "| CCC Gammaland | 1 | no total stated | - | 0 | 0 | 0 | 1 | 0 | 0 | 1 |" in lines


def test_unreadable_package_is_exit_2(capsys, tmp_path):
    code = main(["coverage", "--root", str(tmp_path)])
    _, err = capsys.readouterr()
    assert code == 2 and err.startswith("error: cannot read the package") and "Traceback" not in err


def test_outdated_total_is_not_used():
    from ilo_data.timeline import latest_claim
    claims = [
        {"claim_id": "old", "iso3": "UZB", "metric": "conventions_ratified", "value": "14", "as_of": "", "notes": "OUTDATED: later ratifications found"},
        {"claim_id": "older", "iso3": "UZB", "metric": "conventions_ratified", "value": "12", "as_of": "", "notes": ""},
    ]
    assert latest_claim({"claims": claims}, "UZB")["claim_id"] == "older"
    assert latest_claim({"claims": claims[:1]}, "UZB") is None


def test_gaps_list_what_is_still_to_find(capsys):
    code, out, _ = run(capsys, "--gaps")
    assert code == 0
    gaps = out.split("Still to find", 1)[1]
    assert "data/research/log/" in gaps.splitlines()[0]
    ccc = gaps.split("- CCC", 1)[1]
    assert "no registration date (1): C087" in ccc and "no status (1): C087" in ccc
    assert "Still to find" not in run(capsys)[1]            # only when asked


def test_gaps_list_the_candidates_not_held_with_what_was_tried(capsys):
    code, out, _ = run(capsys, "--gaps")
    assert code == 0
    gaps = out.split("Still to find", 1)[1]
    aaa = gaps.split("- AAA", 1)[1].split("\n- ", 1)[0]
    assert "candidates not held (1:" in aaa
    assert "C016: searched as a likely member of the 1993 batch. Tried: NORMLEX headings en/fr/es; a treaty register. Result: not found. (AAA.md)" in aaa
    assert "C029:" not in aaa   # held: no longer a candidate
    code, out, _ = run(capsys, "--gaps", "--format", "json")
    report = {e["iso3"]: e for e in json.loads(out)}
    assert [c["instrument_id"] for c in report["AAA"]["candidates"]] == ["C016"] and report["BBB"]["candidates"] == []


def test_gaps_without_a_research_folder_list_no_candidates(capsys, tmp_path):
    import shutil
    shutil.copytree(FIXTURE, tmp_path / "pkg", ignore=shutil.ignore_patterns("research"))
    code = main(["coverage", "--root", str(tmp_path / "pkg"), "--gaps"])
    out, err = capsys.readouterr()
    assert code == 0 and "candidates not held" not in out and err == ""


def test_days_inferred_from_entry_into_force_are_counted_apart():
    from ilo_data.timeline import coverage
    from ilo_data.coverage import render_text
    tables = {"conventions": [{"instrument_id": "C029", "kind": "convention"}],
              "ratifications": [{"iso3": "AAA", "instrument_id": "C029", "ratified": "2001-05-18", "date_basis": "entry-into-force"}],
              "countries": [{"iso3": "AAA", "name": "Alphaland"}], "claims": []}
    entry = coverage(tables)[0]
    assert entry["day"] == 1 and entry["day_inferred"] == 1
    assert "1 (1 inferred)" in render_text([entry])
