"""The other languages: country names generated from Unicode CLDR (kept up to date), their
completeness counted by one function, and carried into the per-country documents."""
from ilo_data import languages, names, package, views
from ilo_data.paths import ROOT


def test_country_names_are_up_to_date_with_cldr():
    files, _ = names.expected_files(ROOT)
    stale = [path.relative_to(ROOT).as_posix() for path, data in files.items() if path.read_bytes() != data]
    assert stale == [], f"{stale} out of date with Unicode CLDR: run `{names.COMMAND}`"


def test_cldr_source_names_the_versions():
    source = names.cldr_source()
    assert source["title"].startswith("Unicode CLDR, version ") and "(via Babel " in source["title"]


def test_every_country_gets_a_name_in_every_language_or_is_reported():
    countries = [{"iso3": "TJK", "iso2": "TJ"}, {"iso3": "XXX", "iso2": "QQ"}]
    rows, missing = names.country_names(countries)
    assert {(r["iso3"], r["language"], r["name"]) for r in rows} == {
        ("TJK", "ru", "Таджикистан"), ("TJK", "fr", "Tadjikistan"), ("TJK", "es", "Tayikistán")}
    assert sorted(missing) == ["XXX es", "XXX fr", "XXX ru"]


def test_completeness_counts_only_labels_of_existing_rows():
    tables = {
        "countries": [{"iso3": "TJK"}, {"iso3": "KGZ"}],
        "country_names": [{"iso3": "TJK", "language": "ru"}, {"iso3": "ZZZ", "language": "ru"},
                          {"iso3": "KGZ", "language": "fr"}],
    }
    report = {(e["resource"], e["language"]): e for e in languages.completeness(tables)}
    assert (report["country_names", "ru"]["held"], report["country_names", "ru"]["total"]) == (1, 2)
    assert report["country_names", "ru"]["missing"] == ["KGZ"]
    assert report["country_names", "es"]["held"] == 0
    assert report["convention_titles", "fr"]["total"] == 0


def test_real_package_names_every_member_state_in_every_language():
    tables = package.read_all(ROOT)
    for entry in languages.completeness(tables):
        if entry["resource"] == "country_names":
            assert (entry["held"], entry["total"]) == (187, 187), entry
    doc = views.country_document(tables, "TJK")
    assert doc["names"]["ru"]["name"] == "Таджикистан"
    assert set(doc["names"]) == set(languages.LANGUAGES)


def test_languages_agree_with_the_label_schemas():
    for res in languages.LABEL_RESOURCES:
        schema = package.load_schema(ROOT, res.name)
        enum = next(f for f in schema["fields"] if f["name"] == "language")["constraints"]["enum"]
        assert enum == list(languages.LANGUAGES), res.name
        assert {fk["reference"]["resource"] for fk in schema["foreignKeys"]} == {res.labels, "sources"}


def test_country_page_shows_the_names_so_the_site_search_finds_them(repository_docs):
    from ilo_data.docs.context import page_slug
    page = (repository_docs[0] / "countries" / f"{page_slug('TJK')}.md").read_text(encoding="utf-8")
    assert "Таджикистан" in page and "Tayikistán" in page and "Tadjikistan" in page


def test_cldr_source_keeps_its_read_date_until_the_version_changes():
    import datetime
    today = datetime.date(2030, 1, 2)
    current = names.cldr_source(today=datetime.date(2026, 12, 1))
    assert current["retrieved"] == "2026-12-01"
    assert names.cldr_source(current, today)["retrieved"] == "2026-12-01"
    older = dict(current, title="Unicode CLDR, version 40 (via Babel 2.9.0)")
    assert names.cldr_source(older, today)["retrieved"] == "2030-01-02"
