"""Downloads page: every file of the current release with size and sha256, copied into the site
(docs/downloads/) so the links work offline, and tested snippets for loading the data."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from .. import changelog
from ..outpaths import output_path
from . import escape, i18n, md
from .context import Context
from .i18n import N_, _

SNIPPETS_DIR = Path(__file__).parent / "snippets"
# (file, tab title, language for highlighting, how it is tested)
SNIPPETS = [
    ("load_frictionless.py", "frictionless (Python)", "python", N_("tested by the test suite")),
    ("load_csv_stdlib.py", "csv (Python)", "python", N_("tested by the test suite")),
    ("load_sqlite.py", "SQLite (Python)", "python", N_("tested by the test suite")),
    ("load_pandas.py", "pandas", "python", N_("tested only where pandas is installed (it is not a project dependency)")),
    ("load_duckdb.py", "DuckDB", "python", N_("tested by the test suite")),
    ("load_r.R", "R", "r", N_("tested only where Rscript is installed (not in the project's CI)")),
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
    if i18n.current() != i18n.SOURCE:
        # Another language's site (site/<code>/) offers the English site's copy of the release, not a second
        # one: a raw link, since the file is outside this site's docs folder (MkDocs would refuse a Markdown link).
        return f'<a href="../downloads/{escape.attr(rel)}">{escape.text(label or rel)}</a>'
    return f"[{escape.text(label or rel)}](<downloads/{rel}>)"


def release_files(folder: Path, archive: Path | None) -> list[tuple[str, Path]]:
    """The release's files as the Downloads page lists them: (path under downloads/, file)."""
    files = [(archive.name, archive)] if archive is not None else []
    return files + [(f"{folder.name}/{p.relative_to(folder).as_posix()}", p) for p in sorted(q for q in folder.rglob("*") if q.is_file())]


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
    out = [md.front_matter(_("Downloads")), "# " + _("Downloads") + f"\n"]
    if folder.is_dir():
        zipped = archive if archive.is_file() else None
        files = copy_release(ctx, folder, zipped) if i18n.current() == i18n.SOURCE else release_files(folder, zipped)
        out.append(_("Release **{version}** of the package: the zip holds the whole release folder {folder}. Check a "
                     "download with `sha256sum` (or `sha256sum -c SHA256SUMS` inside the folder).").format(
                         version=escape.text(ctx.version), folder=escape.code(name + "/")) + "\n")
        if changelog.has_unreleased(ctx.root):
            out.append('!!! note "' + escape.attr(_("Newer than release {version}").format(version=ctx.version)) + '"\n\n    '
                       + _("The data has changed since release {version}: these files hold the changes listed under "
                           "Unreleased in the changelog, though their names still carry {version}. The next release gives "
                           "them a number of their own; to cite the package, cite a release.").format(
                               version=escape.text(ctx.version)) + "\n")
        stale = stale_files(ctx, folder)
        if stale:
            out.append('!!! warning "' + escape.attr(_("The release is older than the data")) + '"\n\n    '
                       + _("These files differ from the repository's: {files}. Run `make build` and rebuild the site.").format(
                           files=", ".join(escape.code(s) for s in stale)) + "\n")
        main = [f for f in files if "/json/countries/" not in f[0] and "/schemas/" not in f[0]]
        rest = [f for f in files if f not in main]
        def rows(items):
            return [[_link(rel), _human(p.stat().st_size), escape.code(sha256(p))] for rel, p in items]
        headers = [_("file"), _("size"), "sha256"]
        out.append(md.table(headers, rows(main), ["---", "--:", "---"]))
        if rest:
            out.append('??? note "' + escape.attr(_("Schemas and the {n} other files (per-country JSON documents, schemas)").format(n=len(rest))) + '"\n\n'
                       + "".join("    " + line + "\n" for line in md.table(headers, rows(rest), ["---", "--:", "---"]).splitlines()))
    else:
        out.append('!!! note "' + escape.attr(_("No release built")) + '"\n\n    '
                   + _("This site was built without the release files. Build them with `make build` (or `.venv/bin/ilo-data build`), "
                       "which writes {folder} and {zip}; then rebuild the site with `make site`.").format(
                           folder=escape.code("dist/" + name + "/"), zip=escape.code("dist/" + name + ".zip")) + "\n")
    out.append("## " + _("Loading the data") + f" {{ #loading-the-data }}\n")
    out.append(_("Unzip the release into a folder; the snippets read {folder} from there. Every column is text in the CSV files: "
                 "read them as text, and treat only the empty string as missing (`NA` is Namibia's ISO code, not a missing value).").format(
                     folder=escape.code(name + "/")) + "\n")
    for file_name, tab, lang, tested in SNIPPETS:
        body = snippet(ctx, file_name).rstrip("\n")
        out.append(f'=== "{tab}"\n')
        out.append(f"    *{_(tested)}.*\n")
        out.append(f"    ```{lang}\n" + "".join(f"    {line}\n" for line in body.splitlines()) + "    ```\n")
    return "\n".join(out)


def write(ctx: Context) -> None:
    downloads = ctx.docs / "downloads"
    if downloads.exists() and i18n.current() == i18n.SOURCE:
        shutil.rmtree(downloads)
    ctx.write("downloads.md", page(ctx))
