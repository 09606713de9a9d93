"""`ilo-data docs` writes a page for every resource, country, Convention and office, only into the
generated (git-ignored) paths, the same bytes every time."""
from __future__ import annotations

from pathlib import Path

import pytest

from ilo_data import package
from ilo_data.docs import generate as gen
from ilo_data.docs.context import FILES, FOLDERS, page_slug
from ilo_data.paths import ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "docs" / "injection"
ROOTS = {"repository": ROOT, "fixture": FIXTURE}


@pytest.fixture(scope="module", params=sorted(ROOTS))
def generated(request, tmp_path_factory) -> tuple[Path, Path]:
    root = ROOTS[request.param]
    if root == ROOT:
        return root, request.getfixturevalue("repository_docs")[0]
    docs = tmp_path_factory.mktemp(f"docs-{request.param}")
    gen.generate(root, docs, tmp_path_factory.mktemp("nodist"))
    return root, docs


def _missing(docs: Path, folder: str, keys: list[str]) -> list[str]:
    return [f"{folder}/{page_slug(k)}.md" for k in keys if not (docs / folder / f"{page_slug(k)}.md").is_file()]


def test_a_page_for_every_resource(generated):
    root, docs = generated
    names = package.resource_names(root)
    assert not (missing := [f"dictionary/{n}.md" for n in names if not (docs / "dictionary" / f"{n}.md").is_file()]), \
        f"no data-dictionary page for: {missing}"
    for name in names:
        text = (docs / "dictionary" / f"{name}.md").read_text(encoding="utf-8")
        for field in package.field_names(root, name):
            assert f"{{ #{name}.{field} }}" in text, f"dictionary/{name}.md: no anchor #{name}.{field}"


@pytest.mark.parametrize("folder,resource,key", [
    ("countries", "countries", "iso3"),
    ("conventions", "conventions", "instrument_id"),
    ("offices", "offices", "office_id"),
])
def test_a_page_for_every_row(generated, folder, resource, key):
    root, docs = generated
    keys = [row[key] for row in package.read_rows(root, resource)]
    missing = _missing(docs, folder, keys)
    assert not missing, f"{len(missing)} missing {folder} page(s): {missing[:20]}"
    assert (docs / folder / "index.md").is_file(), f"no {folder}/index.md"


def test_every_country_page_is_linked_from_the_index(generated):
    root, docs = generated
    index = (docs / "countries" / "index.md").read_text(encoding="utf-8")
    unlinked = [r["iso3"] for r in package.read_rows(root, "countries") if f"(../countries/{page_slug(r['iso3'])}.md)" not in index]
    assert not unlinked, f"countries not linked from countries/index.md: {unlinked}"


def test_the_other_pages_exist(generated):
    _, docs = generated
    for name in ["index.md", "downloads.md", "rules.md", "changelog.md", "about.md", "sources.md", "contributing.md", "charts/index.md",
                 "charts/fundamental-matrix.svg", "charts/ratifications-over-time.svg", "charts/coverage.svg"]:
        assert (docs / name).is_file(), f"not generated: {name}"


def test_only_generated_paths_are_written_and_all_are_git_ignored(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "versioning.md").write_text("hand-written\n")
    ctx = gen.generate(FIXTURE, docs, tmp_path / "nodist")
    tops = {p.relative_to(docs).parts[0] for p in ctx.written}
    assert tops <= set(FOLDERS.values()) | set(FILES), tops
    assert (docs / "versioning.md").read_text() == "hand-written\n"
    ignored = {line.strip().strip("/") for line in (ROOT / "docs" / ".gitignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert set(FOLDERS.values()) | set(FILES) <= ignored, "docs/.gitignore must list every generated path"


def test_generation_is_deterministic_and_removes_stale_pages(tmp_path):
    docs = tmp_path / "docs"
    gen.generate(FIXTURE, docs, tmp_path / "nodist")
    (docs / "countries" / "zzz.md").write_text("stale page of a removed country\n")
    first = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    gen.generate(FIXTURE, docs, tmp_path / "nodist")
    second = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert docs / "countries" / "zzz.md" not in second
    del first[docs / "countries" / "zzz.md"]
    assert first == second


def test_bad_root_is_one_line_and_exit_2(tmp_path, capsys):
    import argparse
    parser = argparse.ArgumentParser()
    gen.add_arguments(parser)
    assert gen.run(parser.parse_args(["--root", str(tmp_path), "--docs-dir", str(tmp_path / "d")])) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_convention_pages_show_revisions_both_ways(repository_docs):
    docs = repository_docs[0]
    c138 = (docs / "conventions" / "c138.md").read_text(encoding="utf-8")
    c005 = (docs / "conventions" / "c005.md").read_text(encoding="utf-8")
    assert "**Revises**" in c138 and "(../conventions/c005.md)" in c138.split("**Revises**")[1].split("\n")[0]
    assert "**Revised by**" in c005 and "ratifying C138 denounces C005 automatically" in c005


def test_sources_page_shows_primary_and_secondary_apart(generated):
    root, docs = generated
    sources = package.read_rows(root, "sources")
    text = (docs / "sources.md").read_text(encoding="utf-8")
    primary = [s for s in sources if s.get("primary") == "true"]
    secondary = [s for s in sources if s.get("primary") == "false"]
    if primary:
        assert f"## Primary sources ({len(primary)})" in text
    if secondary:
        assert f"## Secondary sources ({len(secondary)})" in text
    if primary and secondary:   # every primary source above the secondary part, every secondary one in it
        cut = text.index("## Secondary sources")
        assert all(text.index(f'id="source-{s["source_id"]}"') < cut for s in primary)
        assert all(text.index(f'id="source-{s["source_id"]}"') > cut for s in secondary)


def test_a_status_left_open_by_a_revising_convention_says_why(repository_docs):
    # Russia ratified C016 and the MLC, 2006, which revises it; whether that denounced C016 is not recorded.
    docs, ctx = repository_docs
    rows = {(r["iso3"], r["instrument_id"]): r for r in ctx.rows("ratifications")}
    assert not rows[("RUS", "C016")]["status"] and ("RUS", "C186") in rows
    page = (docs / "countries" / "rus.md").read_text(encoding="utf-8")
    line = next(line for line in page.splitlines() if line.startswith("| [C016](../conventions/c016.md)"))
    assert "which revises it, may have denounced it" in line and "(../conventions/c186.md)" in line
    c069 = (docs / "conventions" / "c069.md").read_text(encoding="utf-8")
    assert "C186 denounces C069 automatically when C186 enters into force for the member" in c069


def test_convention_pages_give_the_title_in_every_other_language_with_its_source(repository_docs):
    docs, ctx = repository_docs
    titles = {(r["instrument_id"], r["language"]): r for r in ctx.rows("convention_titles")}
    fr = titles[("C029", "fr")]
    line = next(l for l in (docs / "conventions" / "c029.md").read_text(encoding="utf-8").splitlines()
                if l.startswith("| **Other languages**"))
    assert 'fr: <span lang="fr">' in line and f"#source-{fr['source_id']}" in line
    assert "ru: " in line and "es: " in line
    # a language with no title held is said, not skipped
    missing = next(c["instrument_id"] for c in ctx.rows("conventions")
                   if (c["instrument_id"], "ru") not in titles and (c["instrument_id"], "es") in titles)
    page = (docs / "conventions" / f"{missing.lower()}.md").read_text(encoding="utf-8")
    assert "ru: not recorded" in page and f"#source-{titles[(missing, 'es')]['source_id']}" in page.split("## Sources cited")[1]


def test_dictionary_gives_each_language_s_completeness(repository_docs):
    from ilo_data import languages
    docs, ctx = repository_docs
    index = (docs / "dictionary" / "index.md").read_text(encoding="utf-8")
    tables = {name: ctx.rows(name) for r in languages.LABEL_RESOURCES for name in (r.name, r.labels)}
    for entry in languages.completeness(tables):
        row = (f"| [{entry['resource'].replace('_', chr(92) + '_')}]({entry['resource']}.md) | <code>{entry['language']}</code> "
               f"| {entry['held']} | {entry['total']} |")
        assert row in index, row


def test_recommendations_page_has_a_row_for_each_and_conventions_link_to_theirs(repository_docs):
    docs, ctx = repository_docs
    page = (docs / "recommendations" / "index.md").read_text(encoding="utf-8")
    for r in ctx.rows("recommendations"):
        assert f'<span id="{r["instrument_id"].lower()}"></span>{r["instrument_id"]} |' in page, r["instrument_id"]
    row = next(l for l in page.splitlines() if '<span id="r184"></span>' in l)
    fr = next(t for t in ctx.rows("recommendation_titles") if t["instrument_id"] == "R184" and t["language"] == "fr")
    assert "(../conventions/c177.md)" in row and f'fr: <span lang="fr">' in row and f"#source-{fr['source_id']}" in row
    c177 = (docs / "conventions" / "c177.md").read_text(encoding="utf-8")
    assert "| **Supplemented by** | [R184 " in c177 and "(../recommendations/index.md#r184)" in c177
