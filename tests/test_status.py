"""Derived ratification statuses: entry into force, automatic denunciation, abrogation, and the
`derive` command that writes them (the rules: ilo_data.status)."""
import csv
import datetime as dt

from ilo_data.status import Derived, derive_all, later
from ilo_data.dates import parse_partial
from ilo_data.validate.runner import validate
from ilo_data.validate.testing import copy_valid, has, run_cli

TODAY = dt.date(2026, 12, 1)


def instrument(iid, entry="", status="", status_date=""):
    return {"instrument_id": iid, "entry_into_force": entry, "status": status, "status_date": status_date}


def ratification(iso3, iid, ratified):
    return {"iso3": iso3, "instrument_id": iid, "ratified": ratified}


def statuses(conventions, revisions, ratifications, today=TODAY):
    derived = derive_all(conventions, revisions, ratifications, today)
    return {key: (d.status, d.date) for key, d in derived.items()}


def test_in_force_once_twelve_months_have_passed_since_registration():
    got = statuses([instrument("C029", "1932-05-01")], [],
                   [ratification("TJK", "C029", "1993-11-26"), ratification("ARM", "C029", "2004"),
                    ratification("AZE", "C029", "")])
    # in force, but the start is not derived: a successor State's declaration takes effect earlier
    assert got[("TJK", "C029")] == ("in force", "")
    assert got[("ARM", "C029")] == ("in force", "")
    assert got[("AZE", "C029")] == ("", "")                       # no date, nothing derived


def test_entry_into_force_waits_for_the_convention_itself():
    rows = [ratification("FRA", "C185", "2003-05-27")]
    assert statuses([instrument("C185", "2005-02-09")], [], rows, dt.date(2004, 12, 1))[("FRA", "C185")] == (
        "not in force", "")
    assert statuses([instrument("C185", "2005-02-09")], [], rows, dt.date(2005, 3, 1))[("FRA", "C185")] == ("in force", "")


def test_unknown_convention_entry_into_force_derives_nothing():
    assert statuses([instrument("C999")], [], [ratification("TJK", "C999", "1993")])[("TJK", "C999")] == ("", "")


def test_recent_ratification_is_not_yet_in_force():
    got = statuses([instrument("C190", "2021-06-25")], [], [ratification("KGZ", "C190", "2026-06-03")])
    assert got[("KGZ", "C190")] == ("not in force", "")
    later_on = statuses([instrument("C190", "2021-06-25")], [], [ratification("KGZ", "C190", "2026-06-03")],
                        today=dt.date(2027, 6, 3))
    assert later_on[("KGZ", "C190")] == ("in force", "")


def test_automatic_denunciation_by_a_revising_convention():
    # NORMLEX: Azerbaijan registered C185 on 17 July 2006; its C108 ended on 17 July 2007, when
    # C185 entered into force for it.
    conventions = [instrument("C108", "1961-02-19"), instrument("C185", "2005-02-09")]
    revisions = [{"revised_id": "C108", "revising_id": "C185", "automatic_denunciation": "yes",
                  "takes_effect": "entry-into-force"}]
    rows = [ratification("AZE", "C108", "1992-05-19"), ratification("AZE", "C185", "2006-07-17"),
            ratification("ARM", "C108", "1994")]
    got = statuses(conventions, revisions, rows)
    assert got[("AZE", "C108")] == ("not in force", "2007-07-17")
    assert got[("ARM", "C108")] == ("in force", "")                # Armenia did not ratify C185
    conditional = [{**revisions[0], "automatic_denunciation": "conditional"}]
    assert statuses(conventions, conditional, rows)[("AZE", "C108")] == ("", "")   # may or may not be


def test_the_day_of_an_automatic_denunciation_follows_the_revising_conventions_rule():
    conventions = [instrument("C015", "1922-11-20"), instrument("C138", "1976-06-19")]
    rows = [ratification("BLR", "C015", "1956-11-06"), ratification("BLR", "C138", "1979-05-03")]

    def denounced(takes_effect: str) -> tuple[str, str]:
        revisions = [{"revised_id": "C015", "revising_id": "C138", "automatic_denunciation": "yes",
                      "takes_effect": takes_effect}]
        return statuses(conventions, revisions, rows)[("BLR", "C015")]

    assert denounced("registration") == ("not in force", "1979-05-03")
    assert denounced("entry-into-force") == ("not in force", "1980-05-03")
    assert denounced("") == ("not in force", "")                   # not known which: no day


def test_an_unknown_rule_still_dates_a_denunciation_both_readings_agree_on():
    # Registered long before the revising Convention entered into force: both readings give its
    # entry into force.
    conventions = [instrument("C015", "1922-11-20"), instrument("C138", "1976-06-19")]
    revisions = [{"revised_id": "C015", "revising_id": "C138", "automatic_denunciation": "yes"}]
    got = statuses(conventions, revisions, [ratification("X", "C015", "1960"), ratification("X", "C138", "1974-01-02")])
    assert got[("X", "C015")] == ("not in force", "1976-06-19")


def test_a_denunciation_that_takes_effect_later_is_not_yet_derived():
    conventions = [instrument("C108", "1961-02-19"), instrument("C185", "2005-02-09")]
    revisions = [{"revised_id": "C108", "revising_id": "C185", "automatic_denunciation": "yes",
                  "takes_effect": "entry-into-force"}]
    rows = [ratification("X", "C108", "1990"), ratification("X", "C185", "2026-03-01")]
    assert statuses(conventions, revisions, rows, today=dt.date(2026, 12, 1))[("X", "C108")] == ("in force", "")
    assert statuses(conventions, revisions, rows, today=dt.date(2027, 3, 1))[("X", "C108")] == ("not in force", "2027-03-01")


def test_a_revising_convention_of_unknown_or_conditional_effect_leaves_the_status_open():
    conventions = [instrument("C103", "1955-09-07"), instrument("C183", "2002-02-07")]
    rows = [ratification("AZE", "C103", "1992-05-19"), ratification("AZE", "C183", "2010-01-21"),
            ratification("KGZ", "C103", "1992-03-31")]
    for effect in ("", "conditional"):
        revisions = [{"revised_id": "C103", "revising_id": "C183", "automatic_denunciation": effect}]
        got = statuses(conventions, revisions, rows)
        assert got[("AZE", "C103")] == ("", "")                    # C183 may have denounced it
        assert got[("KGZ", "C103")] == ("in force", "")            # Kyrgyzstan did not ratify C183
    no = [{"revised_id": "C103", "revising_id": "C183", "automatic_denunciation": "no"}]
    assert statuses(conventions, no, rows)[("AZE", "C103")] == ("in force", "")
    not_yet = [ratification("AZE", "C103", "1992-05-19"), ratification("AZE", "C183", "2027-01-21")]
    unknown = [{"revised_id": "C103", "revising_id": "C183", "automatic_denunciation": ""}]
    assert statuses(conventions, unknown, not_yet)[("AZE", "C103")] == ("in force", "")


def test_denunciation_takes_effect_only_once_the_revising_convention_is_in_force():
    conventions = [instrument("C015", "1922-11-20"), instrument("C138", "1976-06-19")]
    revisions = [{"revised_id": "C015", "revising_id": "C138", "automatic_denunciation": "yes",
                  "takes_effect": "registration"}]
    got = statuses(conventions, revisions, [ratification("X", "C015", "1960"), ratification("X", "C138", "1975-01-02")])
    assert got[("X", "C015")] == ("not in force", "1976-06-19")


def test_abrogation_by_the_conference_unless_denounced_before():
    conventions = [instrument("C015", "1922-11-20", "abrogated", "2017-06-13"), instrument("C138", "1976-06-19")]
    revisions = [{"revised_id": "C015", "revising_id": "C138", "automatic_denunciation": "yes",
                  "takes_effect": "registration"}]
    got = statuses(conventions, revisions, [ratification("X", "C015", "1960"), ratification("Y", "C015", "1960"),
                                            ratification("Y", "C138", "1979-05-03")])
    assert got[("X", "C015")] == ("abrogated", "2017-06-13")
    assert got[("Y", "C015")] == ("not in force", "1979-05-03")


def test_later_of_two_partial_dates_keeps_only_the_certain_precision():
    assert str(later(parse_partial("1994"), parse_partial("1994-05-03"))) == "1994"
    assert str(later(parse_partial("1994-06"), parse_partial("1994-05-03"))) == "1994-06"
    assert later(parse_partial("1994"), parse_partial("1995-05")) is not None
    assert later(parse_partial("1994"), None) is None


def _rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return {(r["iso3"], r["instrument_id"]): r for r in csv.DictReader(handle)}


def test_derive_command_writes_what_validate_asks_for_and_leaves_stated_statuses(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    conventions = root / "data" / "conventions.csv"
    conventions.write_text(conventions.read_text(encoding="utf-8").replace(
        "1930-06-28,14,fundamental,up-to-date,,,", "1930-06-28,14,fundamental,up-to-date,,1932-05-01,"), encoding="utf-8")
    assert has(validate(root).problems.items, "status-derived", "data/ratifications.csv", 5)
    check = run_cli("derive", "--root", str(root), "--check")
    assert check.returncode == 1 and "RUS C029" in check.stdout and "make derive" in check.stdout
    assert run_cli("derive", "--root", str(root)).returncode == 0
    rows = _rows(root / "data" / "ratifications.csv")
    assert (rows[("RUS", "C029")]["status"], rows[("RUS", "C029")]["status_date"],
            rows[("RUS", "C029")]["status_basis"]) == ("in force", "", "derived")
    assert rows[("RUS", "C001")]["status"] == "denounced"          # stated: never rewritten
    result = validate(root)
    assert not result.problems.errors and not has(result.problems.items, "status-derived")
    assert run_cli("derive", "--root", str(root), "--check").returncode == 0


def test_a_stated_denunciation_agrees_with_a_derived_automatic_one():
    conventions = [instrument("C015", "1922-11-20"), instrument("C138", "1976-06-19")]
    revisions = [{"revised_id": "C015", "revising_id": "C138", "automatic_denunciation": "yes"}]
    derived = derive_all(conventions, revisions, [ratification("Y", "C015", "1960"), ratification("Y", "C138", "1979-05-03")],
                         TODAY)[("Y", "C015")]
    assert derived.agrees_with("denounced") and derived.agrees_with("not in force") and not derived.agrees_with("in force")


def test_derive_lists_the_stated_statuses_the_facts_contradict(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    assert "no stated status disagrees" in run_cli("derive", "--root", str(root), "--disagreements").stdout
    conventions = root / "data" / "conventions.csv"
    conventions.write_text(conventions.read_text(encoding="utf-8").replace(
        "1919-11-28,1,technical,outdated,,,", "1919-11-28,1,technical,outdated,,1921-06-13,"), encoding="utf-8")
    proc = run_cli("derive", "--root", str(root), "--disagreements")
    assert proc.returncode == 0 and 'RUS C001: stated "denounced"' in proc.stdout and "1 stated statuses" in proc.stdout


def test_a_stated_status_with_a_day_the_facts_rule_out_is_a_disagreement():
    # Azerbaijan's C108 as NORMLEX states it, against a rule that would date it on registration.
    conventions = [instrument("C108", "1961-02-19"), instrument("C185", "2005-02-09")]
    rows = [ratification("AZE", "C108", "1992-05-19"), ratification("AZE", "C185", "2006-07-17")]

    def derived(takes_effect: str) -> Derived:
        revisions = [{"revised_id": "C108", "revising_id": "C185", "automatic_denunciation": "yes",
                      "takes_effect": takes_effect}]
        return derive_all(conventions, revisions, rows, TODAY)[("AZE", "C108")]

    assert derived("registration").contradicts("not in force", "2007-07-17")
    assert not derived("entry-into-force").contradicts("not in force", "2007-07-17")
    assert not derived("entry-into-force").contradicts("denounced", "2007")      # a year covers the day
    assert not derived("entry-into-force").contradicts("not in force", "")        # no stated day
    assert not derived("").contradicts("not in force", "2007-07-17")              # no derived day
    assert derived("entry-into-force").contradicts("in force", "")


def test_validate_warns_when_a_stated_day_contradicts_the_derived_one(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    data = root / "data"
    conventions = data / "conventions.csv"
    conventions.write_text(conventions.read_text(encoding="utf-8").replace(
        "1973-06-26,58,fundamental,up-to-date,,,", "1973-06-26,58,fundamental,up-to-date,,1976-06-19,"), encoding="utf-8")
    with (data / "revisions.csv").open("a", encoding="utf-8") as handle:
        handle.write("C001,C138,yes,,registration,ilo-normlex,,\n")
    ratifications = data / "ratifications.csv"
    text = ratifications.read_text(encoding="utf-8")
    text = text.replace("RUS,C001,1956,ilo-registration,,,denounced,1997,stated",
                        "RUS,C001,1956,ilo-registration,,,not in force,1980-05-03,stated")
    text = text.replace("RUS,C029,1956,ilo-registration,,,,,,,,,ilo-normlex,,\n",
                        "RUS,C029,1956,ilo-registration,,,,,,,,,ilo-normlex,,\n"
                        "RUS,C138,1979-05-03,ilo-registration,,,in force,,stated,,16,,ilo-normlex,,\n")
    ratifications.write_text(text, encoding="utf-8")
    result = validate(root)
    assert has(result.problems.items, "status-disagrees", "data/ratifications.csv", 4)
    message = next(p.message for p in result.problems.items if p.rule == "status-disagrees")
    assert '"not in force" from 1980-05-03' in message and "from 1979-05-03" in message
    ratifications.write_text(text.replace("not in force,1980-05-03,stated", "not in force,1979-05-03,stated"),
                             encoding="utf-8")
    assert not has(validate(root).problems.items, "status-disagrees")


def test_a_stated_entry_into_force_after_the_latest_day_registration_allows_is_a_disagreement():
    # Georgia's Legislative Herald dates C029's entry into force 22 June 1997; NORMLEX's comments
    # head it "Ratification: 1993", so the ILO's entry into force came in 1994 at the latest.
    derived = derive_all([instrument("C029", "1932-05-01")], [], [ratification("GEO", "C029", "1993")],
                         TODAY)[("GEO", "C029")]
    assert derived.status == "in force" and derived.in_force_by == "1994"
    assert derived.contradicts("in force", "1997-06-22")
    assert not derived.contradicts("in force", "1994-06-22")      # twelve months after a 1993 day
    assert not derived.contradicts("in force", "1993-06-22")      # earlier: a successor State's declaration
    assert not derived.contradicts("in force", "")
    # The Convention's own entry into force, when later, is the bound.
    late = derive_all([instrument("C999", "1996-03-01")], [], [ratification("GEO", "C999", "1993")],
                      TODAY)[("GEO", "C999")]
    assert not late.contradicts("in force", "1996-03-01") and late.contradicts("in force", "1996-04-01")


def test_entry_into_force_for_a_member_follows_the_conventions_own_clause():
    def derived(rule, registered, today):
        conv = dict(instrument("C011", "1923-05-11"), entry_for_member=rule)
        return derive_all([conv], [], [ratification("X", "C011", registered)], today)[("X", "C011")]
    # C011 (1921): in force for a member on the day its ratification is registered.
    assert derived("on-registration", "2026-11-20", TODAY).status == "in force"
    assert derived("12-months", "2026-11-20", TODAY).status == "not in force"
    assert derived("", "2026-11-20", TODAY).status == "not in force"        # not read: twelve months, the longest
    assert derived("90-days", "2026-08-01", TODAY).status == "in force"      # 30 October 2026
    assert derived("90-days", "2026-09-10", TODAY).status == "not in force"  # 9 December 2026
    assert derived("6-months", "2026-05-31", TODAY).in_force_by == "2026-11-30"
    # A year-only registration moved by six months spans two years: the later one bounds it.
    assert derived("6-months", "1988", TODAY).in_force_by == "1989"
