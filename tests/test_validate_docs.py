"""CONTRIBUTING.md is the one contributing guide: the site's page is generated from it."""
import re
from pathlib import Path

from ilo_data.docs.contributing import SITE_LINKS, site_version

ROOT = Path(__file__).resolve().parents[1]


def test_site_page_points_repository_links_at_site_pages():
    text = "See [the rules](scripts/ilo_data/validate/rules.py), [x](https://example.org) and [t](tests/)."
    assert site_version(text) == "See [the rules](rules.md), [x](https://example.org) and t (`tests/`)."


def test_every_repository_link_of_the_guide_resolves_and_has_a_site_page():
    source = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", source):
        if not target.startswith(("http://", "https://", "#")):
            assert (ROOT / target).exists(), target
            assert target in SITE_LINKS, f"CONTRIBUTING.md links to {target!r}: add its site page to SITE_LINKS"


def test_pull_request_template_names_the_checks():
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for command in ("make validate", "make fmt", "make test", "CHANGELOG.md", "source"):
        assert command in template
