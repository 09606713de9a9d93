"""The README's generated blocks (row counts, loading snippets) come from the data and the tested
snippet files, never typed by hand."""

from ilo_data import readme
from ilo_data.docs.downloads import SNIPPETS
from ilo_data.paths import ROOT


def test_readme_is_up_to_date():
    current = (ROOT / "README.md").read_text(encoding="utf-8")
    assert current == readme.render_all(current, ROOT), "README.md is out of date: run `make readme`"


def test_render_replaces_only_the_marked_block():
    text = f"intro\n{readme.START}\nold table\n{readme.END}\noutro\n"
    assert readme.render(text, "NEW") == f"intro\n{readme.START}\nNEW\n{readme.END}\noutro\n"
    other = f"{readme.start_marker('snippets')}\nold\n{readme.end_marker('snippets')}\n"
    assert readme.render(text + other, "CODE", "snippets") == text + other.replace("old", "CODE")


def test_readme_snippets_are_the_tested_files():
    tested = {file_name for file_name, *_ in SNIPPETS}
    assert readme.README_SNIPPETS and set(readme.README_SNIPPETS) <= tested
    block = readme.snippets_block(ROOT)
    assert "RELEASE" not in block and 'pd.read_csv("data/countries.csv"' in block


def test_check_names_the_command(tmp_path, capsys):
    for item in ("datapackage.json", "schemas", "data"):
        source = ROOT / item
        target = tmp_path / item
        target.symlink_to(source, target_is_directory=source.is_dir())
    stale = (ROOT / "README.md").read_text(encoding="utf-8").replace("| `countries` | 187 |", "| `countries` | 1 |")
    (tmp_path / "README.md").write_text(stale, encoding="utf-8")
    args = type("Args", (), {"root": tmp_path, "check": True})()
    assert readme.run(args) == 1
    assert "run `make readme`" in capsys.readouterr().out
