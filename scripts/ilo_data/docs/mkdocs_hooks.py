"""MkDocs hook (local code, runs at build time, fetches nothing): the release files copied under
docs/downloads/ are served as they are. Without it MkDocs would render the release's README.md,
CHANGELOG.md and LICENSE-DATA.md as pages instead of offering the files themselves."""
from __future__ import annotations

from mkdocs.structure.files import File, Files

DOWNLOADS = "downloads/"


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


def on_files(files: Files, config) -> Files:
    for file in list(files):
        if file.src_uri.startswith(DOWNLOADS) and file.src_uri.endswith(".md"):
            files.remove(file)
            files.append(_AsIs(file.src_uri, file.src_dir, file.dest_dir, use_directory_urls=False))
    return files
