"""The data itself: valid (with foreign keys), complete where it claims to be, canonical, free of
personal data, and holding the facts the original documents state.

Every check is a function over a package root; each is also run on a broken copy to show it bites.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from frictionless import Package

from ilo_data.validate.testing import run_cli

ROOT = Path(__file__).resolve().parents[1]


def resources(root: Path) -> list[dict]:
    return json.loads((root / "datapackage.json").read_text(encoding="utf-8"))["resources"]


def rows(root: Path, name: str) -> list[dict[str, str]]:
    with (root / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def schema(root: Path, name: str) -> dict:
    return json.loads((root / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- checks


def frictionless_errors(root: Path) -> list[str]:
    report = Package(str(root / "datapackage.json")).validate()
    return [f"{task.name}: {error.type}: {error.message}" for task in report.tasks for error in task.errors] + [
        f"package: {error.type}: {error.message}" for error in report.errors]


def count_problems(root: Path) -> list[str]:
    problems = []
    countries = rows(root, "countries")
    instruments = rows(root, "conventions")
    conventions = [r for r in instruments if r["kind"] == "convention"]
    protocols = [r for r in instruments if r["kind"] == "protocol"]
    expected = {
        "countries": (len(countries), 187),
        "instruments": (len(instruments), 198),
        "conventions": (len(conventions), 192),
        "protocols": (len(protocols), 6),
        "fundamental conventions": (sum(r["category"] == "fundamental" for r in conventions), 10),
        "governance conventions": (sum(r["category"] == "governance" for r in conventions), 4),
        "recommendations": (len(rows(root, "recommendations")), 207),
    }
    problems += [f"{what}: {got} rows, expected {want}" for what, (got, want) in expected.items() if got != want]
    ids = {r["instrument_id"] for r in instruments}
    problems += [f"{c} missing" for c in ("C191", "C192", "P029", "P081", "P089", "P110", "P147", "P155") if c not in ids]
    problems += [f"{c} not fundamental" for c in ("C029", "C087", "C098", "C100", "C105", "C111", "C138", "C155", "C182", "C187")
                 if next((r["category"] for r in instruments if r["instrument_id"] == c), None) != "fundamental"]
    return problems


def namibia_problems(root: Path) -> list[str]:
    """'NA' is Namibia's code, never a missing value: as text in the CSV and as read by frictionless."""
    problems = []
    raw = [r for r in rows(root, "countries") if r["iso3"] == "NAM"]
    if not raw or raw[0]["iso2"] != "NA":
        problems.append(f"countries.csv: Namibia's iso2 is {raw[0]['iso2'] if raw else None!r}")
    typed = [r for r in Package(str(root / "datapackage.json")).get_resource("countries").read_rows() if r["iso3"] == "NAM"]
    if not typed or typed[0]["iso2"] != "NA":
        problems.append(f"frictionless reads Namibia's iso2 as {typed[0]['iso2'] if typed else None!r}")
    return problems


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+")
PHONE = re.compile(r"(?<![\w/=%-])(?:\+|\(\+)\d[\d ()./-]{6,}\d|\b(?:tel|phone|fax)\b\.?:?\s*[\d(+]", re.IGNORECASE)


def personal_data(root: Path) -> list[str]:
    problems = []
    for path in sorted((root / "data").glob("*.csv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for pattern, what in ((EMAIL, "e-mail address"), (PHONE, "telephone number")):
                if pattern.search(line):
                    problems.append(f"{path.name}:{number}: {what}")
    return problems


def tajikistan_problems(root: Path) -> list[str]:
    problems = []
    tjk = next((r for r in rows(root, "countries") if r["iso3"] == "TJK"), {})
    if not tjk.get("member_since", "").startswith("1993"):
        problems.append(f"TJK member_since is {tjk.get('member_since')!r}")
    claims = [r for r in rows(root, "claims") if r["iso3"] == "TJK" and r["metric"] == "member_since"]
    if not any(r["value"] == "1993" and r["source_id"] == "orig-tjk-ilo-page" for r in claims):
        problems.append("no claim from the original Tajikistan page: member since 1993")
    programme = next((r for r in rows(root, "programmes") if r["programme_id"] == "tjk-dwcp-2015-2017"), None)
    if programme is None:
        return problems + ["no programme tjk-dwcp-2015-2017"]
    if (programme["kind"], programme["start"], programme["end"], programme["signed"]) != ("dwcp", "2015", "2017", "2015-06-24"):
        problems.append(f"tjk-dwcp-2015-2017 is {programme['kind']} {programme['start']}-{programme['end']} signed {programme['signed']}")
    priorities = sorted(int(r["number"]) for r in rows(root, "programme_priorities") if r["programme_id"] == "tjk-dwcp-2015-2017")
    if priorities != [1, 2, 3]:
        problems.append(f"tjk-dwcp-2015-2017 priorities {priorities}, expected [1, 2, 3]")
    return problems


def non_canonical(root: Path) -> list[str]:
    """UTF-8 without BOM, LF, header = schema fields in order, rows sorted by primary key, no
    surrounding spaces, and byte-identical to a csv.QUOTE_MINIMAL rewrite."""
    problems = []
    for res in resources(root):
        name, path = res["name"], root / res["path"]
        data = path.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            problems.append(f"{path.name}: BOM")
        if b"\r" in data:
            problems.append(f"{path.name}: CR line ending")
        text = data.decode("utf-8")
        table = list(csv.reader(io.StringIO(text, newline="")))
        fields = schema(root, name)["fields"]
        if table[0] != [f["name"] for f in fields]:
            problems.append(f"{path.name}: header is not the schema's field order")
            continue
        body = table[1:]
        for number, row in enumerate(body, start=2):
            if any(cell != cell.strip() for cell in row):
                problems.append(f"{path.name}:{number}: leading or trailing space")
        types = [f["type"] for f in fields]
        key = [table[0].index(k) for k in schema(root, name)["primaryKey"]]
        sort_key = lambda row: tuple(int(row[i]) if types[i] == "integer" else row[i] for i in key)  # noqa: E731
        if body != sorted(body, key=sort_key):
            problems.append(f"{path.name}: rows not sorted by primary key")
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(table)
        if out.getvalue() != text:
            problems.append(f"{path.name}: not in csv.QUOTE_MINIMAL form")
    return problems


def dangling_other_sources(root: Path) -> list[str]:
    known = {r["source_id"] for r in rows(root, "sources")}
    problems = []
    for res in resources(root):
        for number, row in enumerate(rows(root, res["name"]), start=2):
            for sid in filter(None, row.get("other_source_ids", "").split(";")):
                if sid not in known:
                    problems.append(f"{res['name']}:{number}: unknown source {sid}")
    return problems


CHECKS = [frictionless_errors, count_problems, namibia_problems, personal_data, tajikistan_problems, non_canonical,
          dangling_other_sources]


# ----------------------------------------------------------------------------- the real package


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_package_passes(check):
    assert check(ROOT) == []


def test_original_documents_are_sources():
    sources = {r["source_id"]: r for r in rows(ROOT, "sources")}
    for sid in ("orig-tjk-ilo-page", "orig-kgz-un-ilo-page"):
        assert sources[sid]["kind"] == "original-document"


def test_original_document_facts_are_imported():
    events = {(r["office_id"], r["date"], r["event"]) for r in rows(ROOT, "office_events")}
    assert {("dwtco-moscow", "1959-04-01", "established"), ("dwtco-moscow", "1997-09-05", "transformed"),
            ("dwtco-moscow", "1998", "reorganised"), ("dwtco-moscow", "2010-04", "renamed"),
            ("ilo-hq", "1919", "founded"), ("ilo-hq", "1946", "transformed")} <= events
    covered = {r["iso3"] for r in rows(ROOT, "office_coverage") if r["office_id"] == "dwtco-moscow"}
    assert covered == {"ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB"}
    claims = {(r["iso3"], r["metric"], r["value"], r["source_id"]) for r in rows(ROOT, "claims")}
    assert {("TJK", "conventions_ratified", "50", "orig-tjk-ilo-page"), ("", "conventions_adopted", "183", "orig-kgz-un-ilo-page"),
            ("", "recommendations_adopted", "190", "orig-kgz-un-ilo-page"), ("KGZ", "conventions_ratified", "44", "orig-kgz-un-ilo-page"),
            ("KGZ", "fundamental_ratified", "7", "orig-kgz-un-ilo-page"), ("", "office_staff", "45", "orig-kgz-un-ilo-page")} <= claims


def test_georgia_moves_from_moscow_to_budapest():
    coverage = {(r["office_id"], r["iso3"]): r for r in rows(ROOT, "office_coverage")}
    assert coverage[("dwtco-moscow", "GEO")]["end"] == "2023"
    assert coverage[("dwtco-budapest", "GEO")]["start"] == "2023"


# ----------------------------------------------------------------------------- the checks bite


def rewrite(root: Path, name: str, change) -> None:
    path = root / "data" / f"{name}.csv"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_broken_foreign_key_is_caught(copy):
    rewrite(copy, "ratifications", lambda t: t.replace("\nRUS,C029,", "\nXXX,C029,", 1))
    assert any("foreign-key" in p for p in frictionless_errors(copy))


def test_broken_self_reference_is_caught(copy):
    rewrite(copy, "offices", lambda t: t.replace(",ro-europe,", ",ro-nowhere,", 1))
    assert any("foreign-key" in p for p in frictionless_errors(copy))


def test_missing_member_state_is_caught(copy):
    rewrite(copy, "countries", lambda t: "\n".join(line for line in t.split("\n") if not line.startswith("TON,")))
    assert count_problems(copy) == ["countries: 186 rows, expected 187"]


def test_missing_protocol_is_caught(copy):
    rewrite(copy, "conventions", lambda t: "\n".join(line for line in t.split("\n") if not line.startswith("P155,")))
    assert "protocols: 5 rows, expected 6" in count_problems(copy)


def test_namibia_lost_to_missing_values_is_caught(copy):
    def change(s):
        s["missingValues"] = ["", "NA"]
    path = copy / "schemas" / "countries.schema.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    data["fields"][1]["constraints"].pop("required")
    path.write_text(json.dumps(data), encoding="utf-8")
    assert namibia_problems(copy) == ["frictionless reads Namibia's iso2 as None"]


@pytest.mark.parametrize("text, what", [("write to someone@ilo.org", "e-mail address"), ("Tel: (+992 44) 600-55-97", "telephone number")])
def test_personal_data_is_caught(copy, text, what):
    rewrite(copy, "offices", lambda t: t.replace("City not stated.", f"City not stated; {text}.", 1))
    assert [p.split(": ", 1)[1] for p in personal_data(copy)] == [what]


def test_urls_and_dates_are_not_personal_data():
    assert not PHONE.search("https://normlex.ilo.org/f?p=1000:13100:0::NO:13100:P13100_COMMENT_ID,P13100_COUNTRY_ID:4417505,102884")
    assert not PHONE.search("C029,1930-06-28,14,fundamental,,1932-05-01")


def test_wrong_tajikistan_signing_date_is_caught(copy):
    rewrite(copy, "programmes", lambda t: t.replace(",2015-06-24,", ",2015-06,", 1))
    assert tajikistan_problems(copy) == ["tjk-dwcp-2015-2017 is dwcp 2015-2017 signed 2015-06"]


def test_missing_priority_is_caught(copy):
    rewrite(copy, "programme_priorities", lambda t: "\n".join(line for line in t.split("\n") if not line.startswith("tjk-dwcp-2015-2017,3,")))
    assert tajikistan_problems(copy) == ["tjk-dwcp-2015-2017 priorities [1, 2], expected [1, 2, 3]"]


def test_unsorted_crlf_and_quoting_are_caught(copy):
    rewrite(copy, "themes", lambda t: t.replace("\n", "\r\n"))
    rewrite(copy, "countries", lambda t: t.split("\n", 1)[0] + "\n" + "\n".join(reversed(t.split("\n", 1)[1].rstrip("\n").split("\n"))) + "\n")
    rewrite(copy, "offices", lambda t: t.replace(",Moscow,", ',"Moscow",', 1))
    problems = non_canonical(copy)
    assert {"countries.csv: rows not sorted by primary key", "offices.csv: not in csv.QUOTE_MINIMAL form",
            "themes.csv: CR line ending"} <= set(problems)
    assert all(p.split(":")[0] in {"countries.csv", "offices.csv", "themes.csv"} for p in problems)


def test_surrounding_space_is_caught(copy):
    rewrite(copy, "offices", lambda t: t.replace(",Moscow,", ", Moscow,", 1))
    problems = non_canonical(copy)
    assert len(problems) == 1 and re.fullmatch(r"offices\.csv:\d+: leading or trailing space", problems[0])


def test_dangling_other_source_is_caught(copy):
    rewrite(copy, "offices", lambda t: t.replace(";orig-kgz-un-ilo-page", ";no-such-source", 1))
    assert len(dangling_other_sources(copy)) == 1


def test_status_stated_by_an_ilo_list_is_imported():
    # NORMLEX's C108 list: Azerbaijan, not in force since the automatic denunciation by C185
    ratification = {(r["iso3"], r["instrument_id"]): r for r in rows(ROOT, "ratifications")}[("AZE", "C108")]
    assert (ratification["status"], ratification["status_date"]) == ("not in force", "2007-07-17")


def test_each_table_referencing_a_shared_resource_gets_its_own_foreign_key_error(copy):
    # The validator reads a referenced resource's keys once per validation and shares them between
    # tables (schemapass._foreign_key_lookups_read_once): sharing must not hide the second table's error.
    rewrite(copy, "themes", lambda t: t.replace(",orig-tjk-ilo-page", ",no-such-source", 1))
    rewrite(copy, "offices", lambda t: t.replace(",ilo-europe-about-us,", ",no-such-source,", 1))
    report = json.loads(run_cli("validate", "--root", str(copy), "--format", "json").stdout)
    broken = {(p["file"], p["line"]) for p in report["problems"] if p["rule"] == "schema-foreign-key" and p["value"] == "no-such-source"}
    assert {file for file, _ in broken} == {"data/themes.csv", "data/offices.csv"}, report["problems"]
