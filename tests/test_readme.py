"""The README's row counts are generated from the data, never typed by hand."""

from ilo_data import readme
from ilo_data.paths import ROOT


def test_readme_counts_are_up_to_date():
    current = (ROOT / "README.md").read_text(encoding="utf-8")
    expected = readme.render(current, readme.counts_table(ROOT))
    assert current == expected, "README.md row counts are out of date: run `make readme`"


def test_render_replaces_only_the_marked_block():
    text = f"intro\n{readme.START}\nold table\n{readme.END}\noutro\n"
    assert readme.render(text, "NEW") == f"intro\n{readme.START}\nNEW\n{readme.END}\noutro\n"
