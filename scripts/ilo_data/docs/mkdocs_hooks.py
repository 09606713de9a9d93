"""MkDocs hooks (local code, runs at build time, fetches nothing).

- The release files copied under docs/downloads/ are served as they are. Without this MkDocs would
  render the release's README.md, CHANGELOG.md and LICENSE-DATA.md as pages instead of offering the files.
- docs/release.json (written by `ilo-data docs`) becomes `config.extra.release`, which the footer and the
  "Cite this page" block show (overrides/); the file itself is not published.
- The 404 page has no language switcher (its links are absolute from a root it cannot know).
- The theme's source maps (1.3 MB no reader needs) are not published.
- ILO_REPOSITORY_URL, where set (the Pages workflow sets it to the repository it runs in), replaces
  `extra.repository`, the footer's repository and "report a correction" links.
- The site's language (`theme.language`: en for mkdocs.yml, ru, fr or es for mkdocs.<code>.yml) picks the message catalog
  that translates the navigation's titles and `extra.ui`, the words of the footer and "Cite this page",
  and the language switcher (`extra.alternate`) lists every language of `i18n.SITE_LANGUAGES`.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from mkdocs.structure.files import File, Files

DOWNLOADS = "downloads/"
RELEASE = "release.json"
_SOURCE_MAP = re.compile(rb"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ ?\*/)\s*$")


class _AsIs(File):
    """A file copied byte for byte, whatever its extension."""

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return True

    def is_javascript(self) -> bool:
        return False

    def is_css(self) -> bool:
        return False


def on_config(config):
    from ilo_data.docs import i18n   # the package is installed in the build's environment
    lang = config["theme"]["language"] if config["theme"]["language"] in i18n.SITE_LANGUAGES else i18n.SOURCE
    config["nav"] = i18n.translate_nav(config["nav"], lang)
    config["extra"]["alternate"] = i18n.alternate_links(lang)
    gettext = i18n.translations(lang).gettext
    config["extra"]["ui"] = {key: gettext(text) for key, text in i18n.TEMPLATE_TEXT.items()}
    path = Path(config["docs_dir"]) / RELEASE
    try:
        release = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        release = {}
    config["extra"]["release"] = release if isinstance(release, dict) else {}
    if os.environ.get("ILO_REPOSITORY_URL", "").startswith("https://"):
        config["extra"]["repository"] = os.environ["ILO_REPOSITORY_URL"]
    return config


def on_template_context(context, template_name, config):
    # The 404 page is served at any address, so its links are absolute from the site's root: a language
    # switcher there could not know the other site's address (and has no page to switch to). No switcher.
    if template_name == "404.html" and "alternate" in config["extra"]:
        config["extra"]["_alternate"] = config["extra"].pop("alternate")
    return context


def on_post_template(output, template_name, config):
    if "_alternate" in config["extra"]:
        config["extra"]["alternate"] = config["extra"].pop("_alternate")
    return output


def on_files(files: Files, config) -> Files:
    for file in list(files):
        if file.src_uri == RELEASE:
            files.remove(file)
        elif file.src_uri.startswith(DOWNLOADS) and file.src_uri.endswith(".md"):
            files.remove(file)
            files.append(_AsIs(file.src_uri, file.src_dir, file.dest_dir, use_directory_urls=False))
    return files


def on_post_build(config) -> None:
    assets = Path(config["site_dir"]) / "assets"
    for source_map in assets.rglob("*.map"):
        source_map.unlink()
    for script in list(assets.rglob("*.js")) + list(assets.rglob("*.css")):
        data = script.read_bytes()
        stripped = _SOURCE_MAP.sub(b"\n", data)
        if stripped != data:
            script.write_bytes(stripped)
