"""`ilo-data docs`: generate the site's pages from the schemas and the data.

Writes Markdown (and SVG charts, and a copy of the release files) into git-ignored folders under
docs/ (see `context.FOLDERS` and `context.FILES`); hand-written pages are never touched. Then
`mkdocs build --strict` renders the site. Generated pages are never edited by hand.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import sys
import time
from pathlib import Path

from ..locate import add_package_arguments
from . import (about, changelog, charts, contributing, conventions, countries, dictionary, downloads, explore, home, offices,
               recommendations, release, research, rules, sources)
from ..validate.gate import refuse_invalid
from . import i18n
from .context import FILES, FOLDERS, Context

# Order matters only for the changelog, which links to pages that must exist already.
MODULES = [home, dictionary, countries, conventions, recommendations, offices, charts, downloads, explore, rules, about, sources, contributing,
           research, release, changelog]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_package_arguments(parser)
    parser.add_argument("--docs-dir", type=Path, default=None, help="docs folder to write into (default: <root>/docs)")
    parser.add_argument("--dist", type=Path, default=None, help="release folder to offer for download (default: <root>/dist)")


def clean(docs: Path) -> None:
    """Remove what a previous run generated (only the generated folders and files)."""
    for folder in FOLDERS.values():
        if (docs / folder).is_dir():
            shutil.rmtree(docs / folder)
    for name in FILES:
        (docs / name).unlink(missing_ok=True)


def hand_written(docs: Path) -> list[Path]:
    """The hand-written pages and assets of a docs folder (everything `ilo-data docs` does not generate)."""
    generated = set(FOLDERS.values()) | set(FILES)
    return [p for p in sorted(docs.iterdir()) if p.name not in generated and not p.name.startswith(".")]


def generate(root: Path, docs: Path, dist: Path, languages: list[str] | None = None) -> Context:
    """Every page in English into docs/, then again in each other site language into docs/<code>/
    (with a copy of the hand-written pages, shown in English): one reading of the package for all."""
    ctx = Context.load(root, docs, dist)
    clean(docs)
    for module in MODULES:
        module.write(ctx)
    for lang in (i18n.SITE_LANGUAGES if languages is None else languages):
        if lang == i18n.SOURCE:
            continue
        sub = dataclasses.replace(ctx, docs=docs / lang, written=[])
        sub.docs.mkdir()
        for path in hand_written(docs):
            (shutil.copytree if path.is_dir() else shutil.copyfile)(path, sub.docs / path.name)
        with i18n.language(lang):
            for module in MODULES:
                module.write(sub)
        ctx.written += sub.written
    return ctx


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    docs = args.docs_dir or root / "docs"
    dist = args.dist or root / "dist"
    started = time.perf_counter()
    refused = refuse_invalid(root, "docs")
    if refused:
        return refused
    try:
        ctx = generate(root, Path(docs), Path(dist))
    except FileNotFoundError as error:
        print(f"docs: cannot read the package: {error.filename or error}", file=sys.stderr)
        return 2
    except OSError as error:   # e.g. a FIFO in place of a data file (refused, never waited on)
        print(f"docs: cannot read the package: {error}", file=sys.stderr)
        return 2
    except (json.JSONDecodeError, KeyError, ValueError, TypeError, AttributeError) as error:
        # The generator trusts validated data; anything else gets one line, not a traceback.
        print(f"docs: the package is not usable ({type(error).__name__}: {error}); run `ilo-data validate`", file=sys.stderr)
        return 2
    pages = sum(1 for p in ctx.written if p.suffix == ".md" and "downloads" not in p.relative_to(ctx.docs).parts[:2])
    svgs = sum(1 for p in ctx.written if p.suffix == ".svg")
    copied = sum(1 for p in ctx.written if p.relative_to(ctx.docs).parts[0] == "downloads")
    print(f"docs: generated {pages} pages and {svgs} charts ({', '.join(i18n.SITE_LANGUAGES)}), copied {copied} release files into {docs} "
          f"in {time.perf_counter() - started:.1f} s")
    return 0
