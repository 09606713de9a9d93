"""Downloads page: every file of the current release with size and sha256, copied into the site
(docs/downloads/) so the links work offline, and tested snippets for loading the data."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from ..outpaths import output_path
from . import escape, md
from .context import Context

SNIPPETS_DIR = Path(__file__).parent / "snippets"
# (file, tab title, language for highlighting, how it is tested)
SNIPPETS = [
    ("load_frictionless.py", "frictionless (Python)", "python", "tested by the test suite"),
    ("load_csv_stdlib.py", "csv (Python)", "python", "tested by the test suite"),
    ("load_sqlite.py", "SQLite (Python)", "python", "tested by the test suite"),
    ("load_pandas.py", "pandas", "python", "tested only where pandas is installed (it is not a project dependency)"),
    ("load_duckdb.py", "DuckDB", "python", "tested by the test suite"),
    ("load_r.R", "R", "r", "tested only where Rscript is installed (not in the project's CI)"),
]


def release_name(ctx: Context) -> str:
    return f"{ctx.descriptor.get('name') or 'ilo-eeca'}-{ctx.version}"


def snippet_text(file_name: str, folder: str, package_name: str) -> str:
    """A snippet reading the package in `folder` ("" = the current folder: a checkout or an
    unzipped release), for the package called `package_name`. The README shows the same files."""
    text = (SNIPPETS_DIR / file_name).read_text(encoding="utf-8")
    return text.replace("RELEASE/", f"{folder}/" if folder else "").replace("PACKAGE_NAME", package_name)


def snippet(ctx: Context, file_name: str) -> str:
    """A snippet with the release's folder and package name filled in."""
    return snippet_text(file_name, release_name(ctx), ctx.descriptor.get("name") or "ilo-eeca")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _human(size: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return str(size)


def stale_files(ctx: Context, folder: Path) -> list[str]:
    """Data files whose bytes in the release differ from the repository's: the release is out of date."""
    stale = []
    for res in ctx.descriptor.get("resources", []):
        path = res.get("path", "")
        released, current = folder / path, ctx.root / path
        if current.is_file() and (not released.is_file() or released.read_bytes() != current.read_bytes()):
            stale.append(path)
    return stale


def _link(rel: str, label: str | None = None) -> str:
    # rel is a path we created (release name + file path); escape it for the label, keep it as the target.
    return f"[{escape.text(label or rel)}](<downloads/{rel}>)"


def copy_release(ctx: Context, folder: Path, archive: Path | None) -> list[tuple[str, Path]]:
    """Copy the release (and its zip) under docs/downloads/; return (site-relative path, original file)."""
    target = ctx.docs / "downloads"
    files: list[tuple[str, Path]] = []
    if archive is not None:
        target.mkdir(parents=True, exist_ok=True)
        dest = output_path(target, archive.name)
        shutil.copyfile(archive, dest)
        ctx.written.append(dest)
        files.append((archive.name, archive))
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = f"{folder.name}/{path.relative_to(folder).as_posix()}"
        dest = output_path(target, rel)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
        ctx.written.append(dest)
        files.append((rel, path))
    return files


def page(ctx: Context) -> str:
    name = release_name(ctx)
    folder, archive = ctx.dist / name, ctx.dist / f"{name}.zip"
    out = [md.front_matter("Downloads"), "# Downloads\n"]
    if folder.is_dir():
        files = copy_release(ctx, folder, archive if archive.is_file() else None)
        out.append(f"Release **{escape.text(ctx.version)}** of the package: the zip holds the whole release folder "
                   f"{escape.code(name + '/')}. Check a download with `sha256sum` (or `sha256sum -c SHA256SUMS` "
                   "inside the folder).\n")
        stale = stale_files(ctx, folder)
        if stale:
            out.append('!!! warning "The release is older than the data"\n\n    These files differ from the '
                       "repository's: " + ", ".join(escape.code(s) for s in stale) + ". Run `make build` and rebuild the site.\n")
        main = [f for f in files if "/json/countries/" not in f[0] and "/schemas/" not in f[0]]
        rest = [f for f in files if f not in main]
        def rows(items):
            return [[_link(rel), _human(p.stat().st_size), escape.code(sha256(p))] for rel, p in items]
        out.append(md.table(["file", "size", "sha256"], rows(main), ["---", "--:", "---"]))
        if rest:
            out.append(f'??? note "Schemas and the {len(rest)} other files (per-country JSON documents, schemas)"\n\n'
                       + "".join("    " + line + "\n" for line in md.table(["file", "size", "sha256"], rows(rest), ["---", "--:", "---"]).splitlines()))
    else:
        out.append('!!! note "No release built"\n\n    This site was built without the release files. '
                   "Build them with `make build` (or `.venv/bin/ilo-data build`), which writes "
                   f"{escape.code('dist/' + name + '/')} and {escape.code('dist/' + name + '.zip')}; then rebuild the site with `make site`.\n")
    out.append("## Loading the data\n")
    out.append(f"Unzip the release into a folder; the snippets read {escape.code(name + '/')} from there. "
               "Every column is text in the CSV files: read them as text, and treat only the empty string as missing "
               "(`NA` is Namibia's ISO code, not a missing value).\n")
    for file_name, tab, lang, tested in SNIPPETS:
        body = snippet(ctx, file_name).rstrip("\n")
        out.append(f'=== "{tab}"\n')
        out.append(f"    *{tested}.*\n")
        out.append(f"    ```{lang}\n" + "".join(f"    {line}\n" for line in body.splitlines()) + "    ```\n")
    return "\n".join(out)


def write(ctx: Context) -> None:
    downloads = ctx.docs / "downloads"
    if downloads.exists():
        shutil.rmtree(downloads)
    ctx.write("downloads.md", page(ctx))
