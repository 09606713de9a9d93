"""CONTRIBUTING.md is the one contributing guide: the site's page is generated from it."""
import re
from pathlib import Path

from types import SimpleNamespace

from ilo_data.docs.changelog import adapt
from ilo_data.docs.contributing import SITE_LINKS

ROOT = Path(__file__).resolve().parents[1]


def test_site_page_points_repository_links_at_site_pages():
    ctx = SimpleNamespace(docs=ROOT / "docs")
    text = ("See [the rules](scripts/ilo_data/validate/rules.py), [policy](docs/versioning.md), "
            "[x](https://example.org) and [t](tests/).")
    assert adapt(text, ctx, SITE_LINKS) == (
        "See [the rules](rules.md), [policy](versioning.md), [x](https://example.org) and t (`tests/`).")


def test_every_repository_link_of_the_guide_resolves_and_has_a_site_page():
    source = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", source):
        if not target.startswith(("http://", "https://", "#")):
            assert (ROOT / target).exists(), target
            on_site = target in SITE_LINKS or (target.startswith("docs/") and (ROOT / target).is_file())
            assert on_site, f"CONTRIBUTING.md links to {target!r}: add its site page to SITE_LINKS"


def test_pull_request_template_names_the_checks():
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for command in ("make validate", "make fmt", "make test", "CHANGELOG.md", "source"):
        assert command in template
