"""Edge cases of the domain rules: partial dates, documented exceptions, levels of offices."""
import pytest

from ilo_data.validate.runner import validate
from ilo_data.validate.testing import copy_valid, has

R = "data/ratifications.csv"


def mutate(tmp_path, *edits):
    root = copy_valid(tmp_path / "pkg")
    for file, old, new in edits:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return validate(root).problems.items


@pytest.mark.parametrize("ratified, conflict", [
    ("1930", False),        # the year of adoption: could be after 28 June
    ("1930-06", False),     # the month of adoption: could be on or after the 28th
    ("1930-06-27", True),   # the day before
    ("1930-05", True),      # the month before
    ("1929", True),
])
def test_ratification_after_adoption_uses_partial_date_semantics(tmp_path, ratified, conflict):
    problems = mutate(tmp_path, (R, "RUS,C029,1956,", f"RUS,C029,{ratified},"))
    assert has(problems, "ratification-after-adoption", R, 5) is conflict


def test_succession_field_excuses_an_early_ratification(tmp_path):
    # TJK C029 is dated before Tajikistan joined and marked as a succession: no problem.
    assert not has(mutate(tmp_path, (R, "stated,,,true,", "stated,,,true,")), "ratification-after-membership")
    # Without the mark, the rule applies, whatever the notes say about succession.
    problems = mutate(tmp_path / "b", (R, "stated,,,true,", "stated,,,,"))
    assert has(problems, "ratification-after-membership", R, 7)


def test_earlier_membership_in_history_counts(tmp_path):
    # RUS: member_since 1954, history names 1934: a 1937 ratification is no conflict
    problems = mutate(tmp_path, (R, "RUS,C029,1956,", "RUS,C029,1937,"))
    assert not has(problems, "ratification-after-membership")
    problems = mutate(tmp_path / "b", (R, "RUS,C029,1956,", "RUS,C029,1933,"))
    assert has(problems, "ratification-after-membership", R, 5)


def test_status_date_before_ratification(tmp_path):
    problems = mutate(tmp_path, (R, "denounced,1997,", "denounced,1955,"))
    assert has(problems, "status-dates", R, 4)
    assert not has(mutate(tmp_path / "b", (R, "denounced,1997,", "denounced,1956,")), "status-dates")


def test_handover_in_the_same_year_is_no_overlap(tmp_path):
    new_office = ("dwt-budapest,ILO DWT and Country Office for Central and Eastern Europe,DWT and country office,"
                  "Budapest,,ro-europe,,,tj-ilo-page-2015,,\nro-europe,")
    edits = [("data/offices.csv", "\nro-europe,", "\n" + new_office),
             ("data/office_coverage.csv", "dwt-moscow,BLR", "dwt-budapest,GEO,2023,,tj-ilo-page-2015,,\ndwt-moscow,BLR")]
    assert not has(mutate(tmp_path, *edits), "one-office-at-a-time")


def test_national_coordinator_may_overlap_its_dwt(tmp_path):
    # the fixture has nc-tjk covering TJK since 2005 while dwt-moscow covers it since 1998
    assert not has(mutate(tmp_path), "one-office-at-a-time")


def test_kosovo_exception_and_namibia(tmp_path):
    row = "XKX,XK,Kosovo,,Europe and Central Asia,,wikipedia-members,,\n"
    problems = mutate(tmp_path, ("data/countries.csv", "\nRUS,", "\n" + row.rstrip("\n") + "\nRUS,"))
    assert not has(problems, "iso-codes-real")


def test_self_parent_is_a_cycle(tmp_path):
    problems = mutate(tmp_path, ("data/offices.csv", "headquarters,Geneva,CHE,,", "headquarters,Geneva,CHE,ilo-hq,"))
    assert has(problems, "office-hierarchy-acyclic", "data/offices.csv", 3)


def test_sources_exist_checks_source_id_without_foreign_key(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    schema = root / "schemas" / "themes.schema.json"
    import json
    data = json.loads(schema.read_text(encoding="utf-8"))
    data["foreignKeys"] = [fk for fk in data.get("foreignKeys", []) if fk["fields"] != "source_id"]
    schema.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    themes = root / "data" / "themes.csv"
    themes.write_text(themes.read_text(encoding="utf-8").replace("tj-ilo-page-2015", "nowhere"), encoding="utf-8")
    assert has(validate(root).problems.items, "sources-exist", "data/themes.csv", 2)


def test_primary_key_compares_integers_by_value(tmp_path):
    problems = mutate(tmp_path, ("data/programme_priorities.csv", "tjk-dwcp-2015-2017,2,", "tjk-dwcp-2015-2017,01,"))
    assert has(problems, "schema-primary-key", "data/programme_priorities.csv", 3)


def test_primary_key_hash_collisions_are_verified(tmp_path, monkeypatch):
    import ilo_data.validate.keys as keys
    monkeypatch.setattr(keys, "hash", lambda key: 42, raising=False)   # every key collides
    assert not has(mutate(tmp_path), "schema-primary-key")
    problems = mutate(tmp_path / "b", (R, "BLR,C138,1979-05-03", "BLR,C029,1979-05-03"))
    dupes = [p for p in problems if p.rule == "schema-primary-key"]
    assert [(p.file, p.line) for p in dupes] == [(R, 3)] and "same as line 2" in dupes[0].message


def test_primary_key_empty(tmp_path):
    root = copy_valid(tmp_path / "pkg")
    import json
    path = root / "schemas" / "themes.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["fields"][0]["constraints"].pop("required", None)
    path.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
    themes = root / "data" / "themes.csv"
    themes.write_text(themes.read_text(encoding="utf-8").replace("child-labour,Child", ",Child"), encoding="utf-8")
    problems = validate(root).problems.items
    assert has(problems, "schema-primary-key", "data/themes.csv", 2)


INFERRED = "BLR,C138,1979-05-03,entry-into-force,,,in force,{},stated"
ORIGINAL = "BLR,C138,1979-05-03,ilo-registration,,,in force,,stated"


def test_registration_inferred_from_entry_into_force_a_year_later_passes(tmp_path):
    assert not has(mutate(tmp_path, (R, ORIGINAL, INFERRED.format("1980-05-03"))), "registration-from-entry-into-force")


@pytest.mark.parametrize("status_date", ["", "1980-05", "1980-05-02"])
def test_registration_inferred_needs_the_day_exactly_a_year_later(tmp_path, status_date):
    assert has(mutate(tmp_path, (R, ORIGINAL, INFERRED.format(status_date))), "registration-from-entry-into-force", R, 3)


def test_registration_inferred_needs_a_full_day(tmp_path):
    edit = (R, ORIGINAL, "BLR,C138,1979-05,entry-into-force,,,in force,1980-05-03,stated")
    assert has(mutate(tmp_path, edit), "registration-from-entry-into-force", R, 3)


def test_registration_cannot_be_inferred_from_the_conventions_own_entry_into_force(tmp_path):
    # A country that ratified before the Convention was in force got the Convention's own day.
    own = ("data/conventions.csv", "1973-06-26,58,fundamental,up-to-date,,,", "1973-06-26,58,fundamental,up-to-date,,1980-05-03,")
    problems = mutate(tmp_path, (R, ORIGINAL, INFERRED.format("1980-05-03")), own)
    assert has(problems, "registration-from-entry-into-force", R, 3)
    earlier = (own[0], own[1], own[2].replace("1980-05-03", "1976-06-19"))
    assert not has(mutate(tmp_path / "b", (R, ORIGINAL, INFERRED.format("1980-05-03")), earlier), "registration-from-entry-into-force")


CLAUSE = ("data/conventions.csv", "1973-06-26,58,fundamental,up-to-date,,,12-months,", "1973-06-26,58,fundamental,up-to-date,,,{},")


def test_registration_inferred_follows_the_conventions_own_clause(tmp_path):
    # The Conventions of 1919-1926 enter into force for a member on the day its ratification is registered.
    on_registration = (CLAUSE[0], CLAUSE[1], CLAUSE[2].format("on-registration"))
    assert not has(mutate(tmp_path, (R, ORIGINAL, INFERRED.format("1979-05-03")), on_registration),
                   "registration-from-entry-into-force")
    problems = mutate(tmp_path / "b", (R, ORIGINAL, INFERRED.format("1980-05-03")), on_registration)
    assert has(problems, "registration-from-entry-into-force", R, 3)
    assert "not on the ratified day" in next(p.message for p in problems if p.rule == "registration-from-entry-into-force")
    six_months = (CLAUSE[0], CLAUSE[1], CLAUSE[2].format("6-months"))
    assert not has(mutate(tmp_path / "c", (R, ORIGINAL, INFERRED.format("1979-11-03")), six_months),
                   "registration-from-entry-into-force")


def test_registration_cannot_be_inferred_where_the_clause_is_not_recorded(tmp_path):
    unread = (CLAUSE[0], CLAUSE[1], CLAUSE[2].format(""))
    problems = mutate(tmp_path, (R, ORIGINAL, INFERRED.format("1980-05-03")), unread)
    assert has(problems, "registration-from-entry-into-force", R, 3)
    assert "not recorded" in next(p.message for p in problems if p.rule == "registration-from-entry-into-force")


def test_an_inferred_day_past_a_months_end_accepts_the_last_day_and_the_next(tmp_path):
    from ilo_data.dates import parse_partial
    from ilo_data.validate.domain.ratifications import _entry_days
    import datetime as dt
    assert _entry_days("12-months", parse_partial("2024-02-29")) == {dt.date(2025, 2, 28), dt.date(2025, 3, 1)}
    assert _entry_days("6-months", parse_partial("2022-08-31")) == {dt.date(2023, 2, 28), dt.date(2023, 3, 1)}
    assert _entry_days("12-months", parse_partial("2001-05-18")) == {dt.date(2002, 5, 18)}
    assert _entry_days("on-registration", parse_partial("1956-11-06")) == {dt.date(1956, 11, 6)}
