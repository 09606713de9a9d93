"""CONTRIBUTING.md (for the repository) and docs/contributing.md (for the site) say the same thing;
only the link targets differ. Edit CONTRIBUTING.md, then regenerate the site copy with
`python tests/test_validate_docs.py`."""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# repository link -> site page (the site's rules, dictionary and changelog pages are generated)
SITE_LINKS = {
    "docs/versioning.md": "versioning.md",
    "docs/benchmarks.md": "benchmarks.md",
    "scripts/ilo_data/validate/rules.py": "rules.md",
    "schemas/": "dictionary/index.md",
    "CHANGELOG.md": "changelog.md",
}


def site_version(text: str) -> str:
    def link(match):
        target = match.group(2)
        if target.startswith(("http://", "https://", "#")):
            return match.group(0)
        if target not in SITE_LINKS:
            raise AssertionError(f"CONTRIBUTING.md links to {target!r}: add it to SITE_LINKS")
        return f"[{match.group(1)}]({SITE_LINKS[target]})"
    return re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", link, text)


def test_site_copy_of_contributing_is_up_to_date():
    source = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    site = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    assert site == site_version(source), "docs/contributing.md is stale: run `python tests/test_validate_docs.py`"


def test_repository_links_resolve():
    source = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", source):
        if not target.startswith(("http://", "https://", "#")):
            assert (ROOT / target).exists(), target


def test_pull_request_template_names_the_checks():
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for command in ("make validate", "make fmt", "make test", "CHANGELOG.md", "source"):
        assert command in template


if __name__ == "__main__":
    (ROOT / "docs" / "contributing.md").write_text(
        site_version((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")), encoding="utf-8")
    sys.exit(0)
