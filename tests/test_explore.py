"""`ilo-data serve`: Datasette over the release SQLite, with metadata from the schemas and canned
queries. The server test starts it on 127.0.0.1 with a free port, queries its JSON API (offline)
and stops it, all within a bounded time."""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from ilo_data import package, scope
from ilo_data.docs.sitebuild import release_dist
from ilo_data.explore.command import NoDatabase, newer_than, release_database
from ilo_data.explore.metadata import datasette_metadata, facets
from ilo_data.explore.queries import canned_queries
from ilo_data.paths import ROOT

STARTUP_SECONDS = 30
REQUEST_SECONDS = 10
SERVER_LIFETIME = 120   # seconds; the test itself takes about one


@pytest.fixture(scope="module")
def database() -> Path:
    dist, why = release_dist(ROOT)
    if dist is None:
        pytest.skip(why)
    return release_database(ROOT, dist)


@pytest.fixture(scope="module")
def metadata(database) -> dict:
    return datasette_metadata(ROOT, database.stem)


def _covered() -> list[str]:
    return sorted(scope.covered_iso3(package.read_rows(ROOT, "offices"), package.read_rows(ROOT, "office_coverage")))


def test_every_table_and_column_is_described_from_its_schema(metadata):
    tables = metadata["databases"]["ilo-eeca"]["tables"]
    assert list(tables) == package.resource_names(ROOT)
    for name, meta in tables.items():
        schema = package.load_schema(ROOT, name)
        assert meta["title"] == package.resource(ROOT, name)["title"]
        assert list(meta["columns"]) == [f["name"] for f in schema["fields"]]
        for field in schema["fields"]:
            assert meta["columns"][field["name"]] == f"{field['title']}: {field['description']}"


def test_licence_source_and_labels_come_from_the_descriptor(metadata):
    licence = package.load_descriptor(ROOT)["licenses"][0]
    assert (metadata["license"], metadata["license_url"]) == (licence["title"], licence["path"])
    assert metadata["source_url"].startswith("https://")
    tables = metadata["databases"]["ilo-eeca"]["tables"]
    assert tables["countries"]["label_column"] == "name"
    assert tables["conventions"]["label_column"] == "title"
    assert tables["ratifications"]["about_url"] == "/ilo-eeca/sources"


def test_facets_are_foreign_keys_and_vocabularies_never_citations():
    ratifications = facets(package.load_schema(ROOT, "ratifications"), "ratifications")
    assert {"iso3", "status", "status_basis"} <= set(ratifications)
    assert "source_id" not in ratifications and "notes" not in ratifications
    schema = {"fields": [{"name": "a", "constraints": {"enum": ["x"]}}, {"name": "parent"}, {"name": "source_id"}],
              "foreignKeys": [{"fields": "parent", "reference": {"resource": "", "fields": "a"}},
                              {"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}}]}
    assert facets(schema, "t") == ["a"]


def test_canned_queries_answer_in_sqlite(database):
    queries = {q.name: q for q in canned_queries(_covered())}
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as con:
        fundamental = con.execute(queries["fundamental_ratifications"].sql, {"iso3": "tjk"}).fetchall()
        expected = con.execute("SELECT COUNT(*) FROM conventions WHERE category = 'fundamental'").fetchone()[0]
        assert len(fundamental) == expected > 0
        held = {row[0] for row in con.execute("SELECT instrument_id FROM ratifications WHERE iso3 = 'TJK'")}
        assert {row[0] for row in fundamental if row[2] == "recorded"} == held & {row[0] for row in fundamental}

        without = con.execute(queries["countries_without_instrument"].sql, {"instrument_id": "C155"}).fetchall()
        having = {row[0] for row in con.execute("SELECT iso3 FROM ratifications WHERE instrument_id = 'C155'")}
        assert {row[0] for row in without} == set(_covered()) - having

        themed = con.execute(queries["projects_by_theme"].sql).fetchall()
        assert len(themed) == con.execute("SELECT COUNT(*) FROM project_themes").fetchone()[0]


def test_no_database_names_the_command_to_run(tmp_path):
    (tmp_path / "datapackage.json").write_text(json.dumps({"name": "pkg", "version": "1.0.0", "resources": []}))
    with pytest.raises(NoDatabase, match="ilo-data build"):
        release_database(tmp_path)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get_json(url: str):
    with urllib.request.urlopen(url, timeout=REQUEST_SECONDS) as response:
        return json.load(response)


def _wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server stopped at start:\n{server.stdout.read()}")
        try:
            _get_json(f"{base}/-/versions.json")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    pytest.fail(f"the server did not answer within {STARTUP_SECONDS} s")


def test_the_server_answers_a_canned_query_and_a_table(database):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    # coreutils `timeout` ends the server even if this test never reaches its `finally`.
    server = subprocess.Popen(["timeout", "--kill-after=5", str(SERVER_LIFETIME), sys.executable, "-m", "ilo_data.cli", "serve", "--dist", str(database.parent.parent),
                               "--host", "127.0.0.1", "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_until_up(base, server)
        rows = _get_json(f"{base}/ilo-eeca/fundamental_ratifications.json?iso3=TJK&_shape=array")
        assert rows and {"instrument_id", "ratification", "ratified", "status"} <= set(rows[0])
        table = _get_json(f"{base}/ilo-eeca/ratifications.json?iso3=TJK&_facet=status&_shape=objects")
        assert table["filtered_table_rows_count"] == sum(r["iso3"] == "TJK" for r in package.read_rows(ROOT, "ratifications"))
        assert {row["iso3"] for row in table["rows"]} == {"TJK"}
        statuses = {f["value"] for f in table["facet_results"]["status"]["results"]}
        tajik = {r["status"] or None for r in package.read_rows(ROOT, "ratifications") if r["iso3"] == "TJK"}
        assert statuses and statuses <= tajik
        meta = _get_json(f"{base}/-/metadata.json")
        assert meta["databases"]["ilo-eeca"]["queries"]["countries_without_instrument"]["title"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=REQUEST_SECONDS)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_the_explore_page_documents_every_canned_query(tmp_path):
    from ilo_data.docs.context import Context
    from ilo_data.docs import escape
    from ilo_data.docs.explore import page
    ctx = Context.load(ROOT, tmp_path / "docs", tmp_path / "nodist")
    text = page(ctx)
    for query in canned_queries(ctx.covered_iso3()):
        assert escape.code(query.name) in text
        assert query.sql in text, f"{query.name}: its SQL is not on the Explore page"
        for parameter, value in query.example.items():
            assert escape.code(parameter) in text and f"={value}&amp;" in text, f"{query.name}: no example for {parameter}"


def test_a_release_older_than_the_data_is_named(tmp_path):
    # `ilo-data serve` without `make`: a row added after the build would silently be missing.
    root = tmp_path / "pkg"
    (root / "data").mkdir(parents=True)
    (root / "datapackage.json").write_text("{}")
    database = root / "dist" / "pkg-1.0.0" / "pkg.sqlite"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"")
    past = database.stat().st_mtime - 60
    os.utime(root / "datapackage.json", (past, past))
    (root / "data" / "themes.csv").write_text("theme_id\n")
    os.utime(root / "data" / "themes.csv", (past, past))
    assert newer_than(database, root) is None
    (root / "data" / "themes.csv").write_text("theme_id\nnew\n")
    os.utime(root / "data" / "themes.csv", (past + 120, past + 120))
    assert newer_than(database, root) == "data/themes.csv"
    assert newer_than(root / "pkg.sqlite", root) is None   # inside an unzipped release: one release
