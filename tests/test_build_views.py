"""The nested documents (ilo_data.views): what they hold, their order, their JSON Schemas."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from ilo_data import package, views

FIXTURE = Path(__file__).parent / "fixtures" / "build"
SCHEMAS = Path(__file__).resolve().parents[1] / "schemas" / "json"


@pytest.fixture(scope="module")
def tables():
    return package.read_all(FIXTURE)


def validator(name):
    schema = json.loads((SCHEMAS / name).read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_country_document(tables):
    doc = views.country_document(tables, "TJK")
    assert doc["membership"]["member_since"] == "1993"
    assert doc["membership"]["other_source_ids"] == ["wikipedia-members"]
    assert [(o["office_id"], o["start"], o["end"]) for o in doc["offices"]] == [
        ("dwt-moscow", "2001", "2002"), ("dwt-moscow", "2015", None), ("nc-tjk", "2015", None)]
    ratifications = doc["ratifications"]
    assert ratifications["counts"] == {"fundamental": 2, "governance": 0, "technical": 1, "recorded": 3}
    assert [r["instrument_id"] for r in ratifications["by_category"]["fundamental"]] == ["C029", "P029"]
    denounced = ratifications["by_category"]["technical"][0]
    assert (denounced["ratified"], denounced["status"], denounced["status_date"]) == (None, "denounced", "2010")
    assert [p["number"] for p in doc["programmes"][0]["priorities"]] == [1, 2, 3]
    assert doc["programmes"][0]["signed"] == "2015-06-24"
    assert [p["project_id"] for p in doc["projects"]] == ["tjk-migration"]
    assert doc["projects"][0]["countries"] == ["KGZ", "TJK"]
    assert doc["projects"][0]["themes"] == [{"theme_id": "labour-migration", "name": "Labour migration"}]
    assert [c["claim_id"] for c in doc["claims"]] == ["tjk-conventions-2015"]
    assert not list(validator("country.schema.json").iter_errors(doc))


def test_every_country_document_is_valid_and_typed(tables):
    check = validator("country.schema.json")
    for iso3 in views.country_ids(tables):
        doc = views.country_document(tables, iso3)
        assert not list(check.iter_errors(doc)), iso3
    blr = views.country_document(tables, "BLR")
    assert blr["ratifications"]["by_category"]["fundamental"][1]["minimum_age"] == 16
    nam = views.country_document(tables, "NAM")
    assert nam["iso2"] == "NA"  # Namibia, not a missing value
    assert nam["offices"] == [] and nam["ratifications"]["counts"]["recorded"] == 0


def test_country_document_carries_its_names_in_every_language(tables):
    names = [
        {"iso3": "TJK", "language": "ru", "name": "Таджикистан", "source_id": "unicode-cldr", "notes": ""},
        {"iso3": "TJK", "language": "es", "name": "Tayikistán", "source_id": "unicode-cldr", "notes": "A note."},
        {"iso3": "KGZ", "language": "ru", "name": "Киргизия", "source_id": "unicode-cldr", "notes": ""},
    ]
    doc = views.country_document({**tables, "country_names": names}, "TJK")
    assert doc["names"] == {"es": {"name": "Tayikistán", "source_id": "unicode-cldr", "notes": "A note."},
                            "ru": {"name": "Таджикистан", "source_id": "unicode-cldr", "notes": None}}
    assert list(doc["names"]) == ["es", "ru"]
    assert not list(validator("country.schema.json").iter_errors(doc))
    assert views.country_document(tables, "TJK")["names"] == {}


def test_unknown_country_raises(tables):
    with pytest.raises(KeyError):
        views.country_document(tables, "XXX")


def test_office_tree(tables):
    tree = views.office_tree(tables)
    assert not list(validator("offices-tree.schema.json").iter_errors(tree))
    assert [n["office_id"] for n in tree] == ["ilo-hq"]
    hq = tree[0]
    assert [e["event"] for e in hq["events"]] == ["founded"]
    europe = hq["children"][0]
    moscow = europe["children"][0]
    assert (europe["office_id"], moscow["office_id"], moscow["children"][0]["office_id"]) == ("ro-europe", "dwt-moscow", "nc-tjk")
    assert [e["date"] for e in moscow["events"]] == ["1959-04-01", "1997-09-05"]
    assert [(c["iso3"], c["start"]) for c in moscow["coverage"]] == [("BLR", "2001"), ("KGZ", "2001"), ("TJK", "2001"), ("TJK", "2015")]
    assert moscow["coverage"][1]["other_source_ids"] == ["untj-ilo"]


def test_office_tree_survives_a_parent_cycle():
    rows = [{"office_id": "a", "name": "A", "parent_office_id": "b"}, {"office_id": "b", "name": "B", "parent_office_id": "a"},
            {"office_id": "c", "name": "C", "parent_office_id": "zzz"}]
    tree = views.office_tree({"offices": rows})
    ids = []

    def walk(nodes):
        for node in nodes:
            ids.append(node["office_id"])
            walk(node["children"])

    walk(tree)
    assert sorted(ids) == ["a", "b", "c"]  # each office once, none lost


def test_documents_do_not_depend_on_row_order(tables):
    shuffled = {name: list(reversed(rows)) for name, rows in tables.items()}
    for iso3 in views.country_ids(tables):
        assert views.country_document(tables, iso3) == views.country_document(shuffled, iso3)
    assert views.office_tree(tables) == views.office_tree(shuffled)
