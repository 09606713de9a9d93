"""The documentation site's generated pages: `ilo-data docs` writes Markdown (and SVG, and a copy
of the release files) into git-ignored folders under docs/; `mkdocs build --strict` renders them."""
