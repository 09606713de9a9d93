"""`ilo-data claims`: each claim checked against the package as of its date.

Fixture claims are made up to hit each branch of the logic (see claims_report's docstring);
the real-data tests use the seeds' own dated statements."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ilo_data.claims_report import check_claims
from ilo_data.cli import main
from ilo_data.package import read_all
from ilo_data.paths import ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "time"

EXPECTED = {
    "aaa-fundamental-2019": ("cannot tell", "3 to 4"),   # 4 needs C182, which has no date; C155 not fundamental before 2022
    "aaa-ratified-1993": ("agrees", "1 to 3"),           # C029, C098 ratified "1993": within date precision
    "aaa-member-1993": ("agrees", "1993-06-22"),         # 1993-06-22 lies within "1993"
    "aaa-member-1994": ("disagrees", "1993-06-22"),
    "aaa-ratified-2000": ("disagrees", "3 to 4"),        # more held, certainly by then, than claimed
    "aaa-ratified-2015": ("cannot tell", "5 to 6"),      # fewer held than claimed: coverage gap
    "bad-date": ("cannot tell", ""),
    "bbb-in-force-1990": ("cannot tell", "2 to 3"),      # C015 denounced 1979 is out; C004 abrogated, date unknown
    "bbb-total-2010": ("disagrees", "7 to 8"),           # package complete through 2019-03-12 (bbb-total-2019)
    "bbb-total-2019": ("agrees", "7 to 8"),
    "ccc-member": ("cannot tell", ""),
    "co-east-countries": ("agrees", "2"),
    "co-east-by-city": ("cannot tell", "1"),             # office found by its city; BBB moved away in 2023
    "co-east-staff": ("cannot tell", ""),
    "conventions-1930": ("disagrees", "15 to 45"),       # C015 certainly adopted by 1930
    "conventions-2001": ("agrees", "183 to 184"),        # C184 adopted 2001-06-21, inside "2001-06"
    "recommendations-2001": ("disagrees", "at least 191"),  # R191 adopted 2000-06-15
    "recommendations-2005": ("cannot tell", "at least 191"),  # partial table: no upper bound
}


@pytest.fixture(scope="module")
def results():
    return {r["claim_id"]: r for r in check_claims(read_all(FIXTURE))}


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_verdicts(results, claim_id):
    assert (results[claim_id]["verdict"], results[claim_id]["package"]) == EXPECTED[claim_id]


def test_every_fixture_claim_is_covered(results):
    assert set(results) == set(EXPECTED)


def test_reasons_explain(results):
    assert "gap, not a disagreement" in results["aaa-ratified-2015"]["reason"]
    assert "bbb-total-2019" in results["bbb-total-2010"]["reason"]
    assert "needs rows it cannot date: C182 (ratification date not recorded)" in results["aaa-fundamental-2019"]["reason"]
    assert "C029 (ratified 1993: may fall after 1993-06-30)" in results["aaa-ratified-1993"]["reason"]
    assert "cannot be read" in results["bad-date"]["reason"]


def test_unknown_country_and_office(results):
    tables = read_all(FIXTURE)
    tables["claims"] = [
        {"claim_id": "x", "iso3": "XYZ", "metric": "conventions_ratified", "value": "3", "as_of": "2000"},
        {"claim_id": "y", "iso3": "", "subject": "Nowhere Office", "metric": "office_countries_covered", "value": "3", "as_of": "2000"},
        {"claim_id": "z", "iso3": "AAA", "metric": "conventions_ratified", "value": "about 40", "as_of": "2000"},
    ]
    verdicts = {r["claim_id"]: r for r in check_claims(tables)}
    assert all(r["verdict"] == "cannot tell" for r in verdicts.values())
    assert "XYZ" in verdicts["x"]["reason"] and "Nowhere Office" in verdicts["y"]["reason"]


def run(capsys, *argv):
    code = main(["claims", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_report_exits_0_despite_disagreement(capsys):
    code, out, _ = run(capsys, "--root", str(FIXTURE))
    assert code == 0
    assert "DISAGREES    aaa-member-1994: AAA, as of 2020-02-21: member_since = 1994 (package: 1993-06-22)" in out
    assert out.rstrip().endswith("18 claims: 5 agree, 5 disagree, 8 cannot tell")


def test_json_and_markdown(capsys):
    code, out, _ = run(capsys, "--root", str(FIXTURE), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["summary"] == {"agrees": 5, "disagrees": 5, "cannot tell": 8}
    code, out, _ = run(capsys, "--root", str(FIXTURE), "--format", "markdown")
    assert code == 0
    assert out.startswith("| Claim | Country | Metric | Claimed | As of | Package | Verdict | Why |")
    assert "| conventions-2001 | - | conventions_adopted | 183 | 2001-06 | 183 to 184 | agrees |" in out


def test_unusable_input_is_exit_2(capsys, tmp_path):
    code, out, err = run(capsys, "--root", str(tmp_path))
    assert code == 2 and out == "" and err.startswith("error: cannot read the package") and "Traceback" not in err


# --- the real package: the seeds' own dated statements ---------------------------------------

@pytest.fixture(scope="module")
def real():
    try:
        tables = read_all(ROOT)
    except (OSError, KeyError, ValueError):
        pytest.skip("the real package cannot be read yet")
    if not tables.get("claims") or not tables.get("ratifications"):
        pytest.skip("the real data is not in place yet")
    return tables, check_claims(tables)


def find(real, metric, value, iso3=""):
    tables, results = real
    matches = [r for r in results if r["metric"] == metric and r["value"] == value and r["iso3"] == iso3]
    assert matches, f"no {metric} claim of {value} for {iso3 or 'the ILO'} in data/claims.csv"
    return matches


def test_real_183_conventions_as_of_june_2001(real):
    assert {r["verdict"] for r in find(real, "conventions_adopted", "183")} == {"agrees"}


def test_real_tajikistan_member_since_1993(real):
    assert {r["verdict"] for r in find(real, "member_since", "1993", "TJK")} == {"agrees"}


def test_real_tajikistan_50_ratified_is_a_coverage_gap(real):
    assert {r["verdict"] for r in find(real, "conventions_ratified", "50", "TJK")} == {"cannot tell"}


def test_real_recommendations_claim_is_contradicted(real):
    """"190 Recommendations as of June 2001": the package holds R191, adopted in 2000, so at least
    191 had been adopted by then and the claim (from a page of about 2001) disagrees."""
    assert {r["verdict"] for r in find(real, "recommendations_adopted", "190")} == {"disagrees"}


def test_real_every_claim_gets_a_verdict(real):
    _, results = real
    assert all(r["verdict"] in ("agrees", "disagrees", "cannot tell") and r["reason"] for r in results)


@pytest.mark.parametrize("command", ["claims", "coverage", "asof"])
@pytest.mark.parametrize("descriptor", ["[]", "{", '{"resources": [{"name": "claims"}]}'])
def test_malformed_descriptor_is_one_line_exit_2(capsys, tmp_path, command, descriptor):
    (tmp_path / "datapackage.json").write_text(descriptor, encoding="utf-8")
    argv = [command, "--root", str(tmp_path)] + (["2001"] if command == "asof" else [])
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith("error: cannot read the package") and err.count("\n") == 1
