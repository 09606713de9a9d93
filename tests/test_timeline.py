"""ilo_data.timeline: partial-date semantics on the TIME fixture (made-up countries AAA, BBB, CCC),
then the seeds' own dated statements against the real package once its data is present."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ilo_data.dates import parse_partial
from ilo_data.package import read_all
from ilo_data.paths import ROOT
from ilo_data.timeline import (CERTAIN, NO, POSSIBLE, Window, adopted_number_bounds, conventions_as_of,
                               coverage, happened_by, in_category, latest_claim, offices_covering,
                               ratifications_as_of, ratifications_in_force_as_of, state_as_of)

FIXTURE = Path(__file__).parent / "fixtures" / "time"


@pytest.fixture(scope="module")
def tables():
    return read_all(FIXTURE)


def standing(items, item_id):
    """'certain', 'uncertain' or None (absent) for one id."""
    for item in items:
        if item.id == item_id:
            return "certain" if item.certain else "uncertain"
    return None


# --- dates as ranges -------------------------------------------------------------------------

@pytest.mark.parametrize("event, when, expected", [
    ("1993", "1993-06-30", POSSIBLE),       # year only, in the year asked: cannot say
    ("1993", "1993-12-31", CERTAIN),
    ("1993", "1992-12-31", NO),
    ("1993-06-22", "1993-06-22", CERTAIN),  # on the day counts as "on or before"
    ("1993-06-22", "1993-06-21", NO),
    ("1993-06-22", "1993-06", POSSIBLE),    # the date asked is a range too
    ("1993-06-22", "1993", POSSIBLE),
    ("1992-12", "1993", CERTAIN),
])
def test_happened_by(event, when, expected):
    assert happened_by(parse_partial(event), Window.of(when)) == expected


def test_happened_by_unknown_date_is_none():
    assert happened_by(None, Window.of("2000")) is None


def test_window_of_accepts_dates_and_rejects_bad_ones():
    assert Window.of(dt.date(2001, 6, 30)) == Window.of("2001-06-30")
    assert (Window.of("2001-06").lo, Window.of("2001-06").hi) == (dt.date(2001, 6, 1), dt.date(2001, 6, 30))
    with pytest.raises(ValueError):
        Window.of("2019-02-30")
    with pytest.raises(ValueError):
        Window.of("June 2001")


# --- Conventions existing --------------------------------------------------------------------

def test_convention_adopted_during_the_month_asked_is_uncertain(tables):
    assert standing(conventions_as_of(tables, "2001-06-20"), "C184") is None
    assert standing(conventions_as_of(tables, "2001-06"), "C184") == "uncertain"
    assert standing(conventions_as_of(tables, "2001-06-30"), "C184") == "certain"


def test_year_only_adoption(tables):
    assert standing(conventions_as_of(tables, "2002"), "C185") is None
    assert standing(conventions_as_of(tables, "2003-06-30"), "C185") == "uncertain"
    assert standing(conventions_as_of(tables, "2004"), "C185") == "certain"


def test_withdrawn_and_abrogated_without_date(tables):
    # the package does not record when they went: after adoption they are uncertain, never assumed
    assert standing(conventions_as_of(tables, "1999"), "C046") == "uncertain"
    assert standing(conventions_as_of(tables, "2010"), "C004") == "uncertain"
    assert standing(conventions_as_of(tables, "2010"), "C029") == "certain"


def test_protocols_are_not_conventions(tables):
    assert standing(conventions_as_of(tables, "2020"), "P029") is None
    assert standing(conventions_as_of(tables, "2020", kinds=("protocol",)), "P029") == "certain"


def test_adopted_number_bounds():
    rows = [{"number": "183", "adoption_date": "2000-06-15"}, {"number": "184", "adoption_date": "2001-06-21"},
            {"number": "185", "adoption_date": "2003"}, {"number": "", "adoption_date": "1919"}]
    assert adopted_number_bounds(rows, "2001-06") == (183, 184)
    assert adopted_number_bounds(rows, "2001-06-20") == (183, 183)
    assert adopted_number_bounds(rows, "2003") == (184, None)   # nothing held bounds it from above


# --- ratifications ---------------------------------------------------------------------------

def test_year_only_ratification_in_the_year_asked_is_uncertain(tables):
    assert standing(ratifications_in_force_as_of(tables, "AAA", "1993-06-30"), "C029") == "uncertain"
    assert standing(ratifications_in_force_as_of(tables, "AAA", "1993-12-31"), "C029") == "certain"
    assert standing(ratifications_in_force_as_of(tables, "AAA", "1992-12-31"), "C029") is None


def test_denounced_convention_drops_out_after_its_denunciation(tables):
    # BBB denounced C015 on 1979-05-03
    assert standing(ratifications_in_force_as_of(tables, "BBB", "1979-05-02"), "C015") == "certain"
    assert standing(ratifications_in_force_as_of(tables, "BBB", "1979-05-03"), "C015") is None
    assert standing(ratifications_in_force_as_of(tables, "BBB", "1979"), "C015") == "uncertain"
    # ...but it was still ratified, as NORMLEX counts ratifications
    assert standing(ratifications_as_of(tables, "BBB", "2020"), "C015") == "certain"


def test_denunciation_without_date_is_uncertain(tables):
    assert standing(ratifications_in_force_as_of(tables, "BBB", "2020"), "C182") == "uncertain"
    by_id = {s.id: s for s in ratifications_in_force_as_of(tables, "BBB", "2020")}
    assert by_id["C182"].undated and not by_id["C029"].undated


def test_undated_versus_imprecise(tables):
    by_id = {s.id: s for s in ratifications_as_of(tables, "AAA", "1999-12-31")}
    assert by_id["C182"].undated                                   # no ratification date at all
    imprecise = {s.id: s for s in ratifications_as_of(tables, "AAA", "1993-06-30")}
    assert not imprecise["C029"].certain and not imprecise["C029"].undated   # "1993": only coarse


def test_abrogated_convention_ratification(tables):
    # abrogated at an unrecorded date: the ratification may have lapsed at any time after adoption
    assert standing(ratifications_in_force_as_of(tables, "BBB", "2016"), "C004") == "uncertain"


def test_undated_ratification_bounded_by_adoption(tables):
    # AAA's C182 row has no date: impossible before C182 existed (1999-06-17), uncertain after
    assert standing(ratifications_in_force_as_of(tables, "AAA", "1998"), "C182") is None
    assert standing(ratifications_in_force_as_of(tables, "AAA", "2005"), "C182") == "uncertain"


def test_unreadable_date_in_the_data_is_treated_as_unknown(tables):
    broken = dict(tables)
    broken["ratifications"] = [dict(r, ratified="2019-02-30") if (r["iso3"], r["instrument_id"]) == ("AAA", "C144") else r
                               for r in tables["ratifications"]]
    by_id = {s.id: s for s in ratifications_as_of(broken, "AAA", "2020")}
    assert not by_id["C144"].certain and by_id["C144"].undated


def test_month_only_ratification(tables):
    assert standing(ratifications_as_of(tables, "BBB", "2000-05-15"), "C098") == "uncertain"
    assert standing(ratifications_as_of(tables, "BBB", "2000-06-01"), "C098") == "certain"


def test_fundamental_since_2022():
    c155 = {"instrument_id": "C155", "category": "fundamental"}
    assert in_category(c155, "fundamental", "2021") == NO
    assert in_category(c155, "fundamental", "2022") == POSSIBLE
    assert in_category(c155, "fundamental", "2023") == CERTAIN
    assert in_category(c155, "technical", "2021") == CERTAIN
    assert in_category({"instrument_id": "C029", "category": "fundamental"}, "fundamental", "1990") == CERTAIN


# --- offices ---------------------------------------------------------------------------------

def test_office_covering_a_country(tables):
    assert [s.id for s in offices_covering(tables, "AAA", "1997")] == []      # before the supported start
    assert standing(offices_covering(tables, "BBB", "2020"), "co-east") == "certain"
    at_march_2023 = offices_covering(tables, "BBB", "2023-03-01")
    assert standing(at_march_2023, "co-east") == "uncertain"                  # ended some time in 2023
    assert standing(at_march_2023, "co-west") is None
    assert standing(offices_covering(tables, "BBB", "2023-08-01"), "co-west") == "certain"
    assert standing(offices_covering(tables, "BBB", "2024"), "co-east") is None


# --- coverage and the API --------------------------------------------------------------------

def test_latest_claim_skips_unreadable_dates(tables):
    assert latest_claim(tables, "AAA")["claim_id"] == "aaa-ratified-2015"
    assert latest_claim(tables, "BBB")["claim_id"] == "bbb-total-2019"
    assert latest_claim(tables, "CCC") is None


def test_coverage(tables):
    report = {e["iso3"]: e for e in coverage(tables)}
    aaa = report["AAA"]
    assert (aaa["held"], aaa["protocols_held"], aaa["stated"], aaa["stated_as_of"]) == (6, 1, 50, "2015")
    assert (aaa["day"], aaa["month"], aaa["year"], aaa["undated"]) == (2, 0, 3, 1)
    assert aaa["share"] == 12.0
    assert report["BBB"]["held_by_as_of"] == 8 and report["BBB"]["share"] == pytest.approx(114.3)
    assert report["CCC"]["stated"] is None and report["CCC"]["share"] is None
    assert coverage(FIXTURE) == coverage(tables)


def test_coverage_keys_are_a_contract(tables):
    """The docs (ilo_data.docs.stats) read these keys."""
    assert set(coverage(tables)[0]) == {"iso3", "name", "held", "protocols_held", "day", "day_inferred", "month", "year", "undated",
                                        "stated", "stated_claim_id", "stated_source_id", "stated_as_of",
                                        "held_by_as_of", "share", "status_stated", "status_derived", "status_none",
                                        "undated_ids", "partly_dated_ids", "no_status_ids"}


def test_coverage_falls_back_to_an_undated_total(tables):
    tables = dict(tables)
    tables["claims"] = tables["claims"] + [
        {"claim_id": "ccc-total-a", "iso3": "CCC", "metric": "conventions_ratified", "value": "4", "as_of": "", "source_id": "fx-src"},
        {"claim_id": "ccc-total-b", "iso3": "CCC", "metric": "conventions_ratified", "value": "2", "as_of": "", "source_id": "fx-src"},
    ]
    ccc = next(e for e in coverage(tables) if e["iso3"] == "CCC")
    assert (ccc["stated"], ccc["stated_claim_id"], ccc["stated_as_of"], ccc["held_by_as_of"], ccc["share"]) == (
        4, "ccc-total-a", "", 1, 25.0)


def test_state_as_of_api():
    state = state_as_of(FIXTURE, "2001-06-30")
    assert state["as_of"] == "2001-06-30"
    ids = [item["id"] for item in state["conventions"]["items"]]
    assert "C184" in ids and "C185" not in ids
    aaa = next(c for c in state["countries"] if c["iso3"] == "AAA")
    assert aaa["ratifications"]["certain"] == 4 and aaa["ratifications"]["uncertain"] == 1
    assert [o["id"] for o in aaa["offices"]] == ["co-east"]


# --- the real package: the seeds' own dated statements ---------------------------------------

def real_tables():
    try:
        tables = read_all(ROOT)
    except (OSError, KeyError, ValueError):
        pytest.skip("the real package cannot be read yet")
    if len(tables.get("conventions", [])) < 183 or not tables.get("ratifications"):
        pytest.skip("the real data is not in place yet")
    return tables


def test_real_conventions_existing_in_june_2001():
    """"183 Conventions as of June 2001": C184 was adopted on 21 June 2001, so the month holds 183 or 184."""
    tables = real_tables()
    numbers = [f"C{n:03d}" for n in range(1, 185)]
    assert [s.id for s in conventions_as_of(tables, "2001-06-20")] == numbers[:183]
    assert [s.id for s in conventions_as_of(tables, "2001-06-30")] == numbers
    conventions = [r for r in tables["conventions"] if r["kind"] == "convention"]
    assert adopted_number_bounds(conventions, "2001-06") == (183, 184)


def test_real_tajikistan_member_since_1993():
    tables = real_tables()
    tjk = next(c for c in tables["countries"] if c["iso3"] == "TJK")
    assert parse_partial(tjk["member_since"]).year == 1993


def test_real_coverage_tajikistan():
    tables = real_tables()
    tjk = next(e for e in coverage(tables) if e["iso3"] == "TJK")
    assert tjk["stated"] == 51            # the national news agency, March 2022
    assert 0 < tjk["held"] < 51
    assert tjk["day"] + tjk["month"] + tjk["year"] + tjk["undated"] == tjk["held"]
