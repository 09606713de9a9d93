"""Build the whole site somewhere else (for tests): the hand-written pages of docs/, pages generated
from any package root, and `mkdocs build --strict` with the repository's mkdocs.yml.

`make site` does not use this (it runs `ilo-data docs` then `mkdocs build --strict` in place)."""
from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..paths import ROOT
from . import i18n
from .generate import generate, hand_written


@dataclass
class Built:
    docs: Path
    site: Path
    seconds: float
    log: str


def build_site(package_root: Path, out: Path, dist: Path | None = None, repo: Path = ROOT) -> Built:
    """Generate pages for `package_root` into out/docs and build out/site; raise on a failed build."""
    started = time.perf_counter()
    docs, site = out / "docs", out / "site"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    for path in hand_written(repo / "docs"):
        (shutil.copytree if path.is_dir() else shutil.copyfile)(path, docs / path.name)
    generate(Path(package_root), docs, Path(dist) if dist else Path(package_root) / "dist")
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    config["hooks"] = [str((repo / h).resolve()) for h in config.get("hooks", [])]
    if config.get("theme", {}).get("custom_dir"):
        config["theme"]["custom_dir"] = str((repo / config["theme"]["custom_dir"]).resolve())
    config_path = out / "mkdocs.yml"
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    # Each other language: its config (mkdocs.<code>.yml inherits mkdocs.yml) pointed at docs/<code>/, built
    # beside the English site at the same time, then moved into site/<code>/ (the English build empties site/).
    configs = {"en": (config_path, site)}
    for lang in i18n.SITE_LANGUAGES[1:]:
        other = yaml.safe_load((repo / f"mkdocs.{lang}.yml").read_text(encoding="utf-8"))
        other.update(INHERIT=str(config_path), docs_dir=str(docs / lang), site_dir=str(out / f"site-{lang}"))
        path = out / f"mkdocs.{lang}.yml"
        path.write_text(yaml.safe_dump(other, sort_keys=False, allow_unicode=True), encoding="utf-8")
        configs[lang] = (path, out / f"site-{lang}")
    # Not --quiet: it hides the warnings that --strict counts.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    builds = {lang: subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(path)],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=out, env=env)
              for lang, (path, _) in configs.items()}
    logs = {lang: build.communicate()[0] for lang, build in builds.items()}
    log = "".join(f"--- {lang}\n{text}" for lang, text in logs.items())
    failed = [lang for lang, build in builds.items() if build.returncode != 0]
    if failed:
        raise RuntimeError(f"mkdocs build --strict failed ({', '.join(failed)}):\n{log}")
    for lang, (_, built) in configs.items():
        if lang != "en":
            shutil.move(str(built), str(site / lang))
    return Built(docs, site, time.perf_counter() - started, log)


# ---------- for the test suite: build once per process, reuse across test files ----------
_CACHE: dict[tuple, object] = {}


def _scratch(label: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=f"ilo-docs-{label}-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def build_scratch_release(root: Path) -> Path:
    """Build the release of `root` into a scratch folder; return the folder (the release is in it).
    The test suite replaces this to build the real package's release once for all its worker
    processes (tests/conftest.py)."""
    from ..release_files.command import build
    out = _scratch("dist")
    build(root, out)
    return out


def release_dist(root: Path = ROOT) -> tuple[Path | None, str]:
    """A dist folder holding the current release: the repository's if built since the data last
    changed, else a fresh build in a scratch folder. Returns (folder or None, why not)."""
    key = ("dist", str(root))
    if key not in _CACHE:
        from ..explore.command import newer_than
        from ..package import load_descriptor
        descriptor = load_descriptor(root)
        name = f"{descriptor.get('name') or 'ilo-eeca'}-{descriptor.get('version')}"
        built = root / "dist" / name / "datapackage.json"
        # The repository's release, unless a data file, schema or the descriptor changed after it was
        # built (then tests would compare the data with an older release): then a fresh one.
        if built.is_file() and not newer_than(built, root):
            _CACHE[key] = (root / "dist", "")
        else:
            try:
                _CACHE[key] = (build_scratch_release(root), "")
            except Exception as error:  # the release build is another helper's; report, do not crash
                _CACHE[key] = (None, f"the release could not be built: {type(error).__name__}: {error}")
    return _CACHE[key]


# What `make site` builds the repository's site from: a file here changed after the site was built
# means the site is stale. Generated pages (docs/) and the release (dist/) are written before the site.
SITE_INPUTS = ("datapackage.json", "data", "schemas", "scripts", "overrides", "docs", "dist", "mkdocs.yml",
               *(f"mkdocs.{lang}.yml" for lang in i18n.SITE_LANGUAGES[1:]), "README.md", "CHANGELOG.md", "CONTRIBUTING.md", "pyproject.toml", "constraints.txt")


def made_site(root: Path = ROOT) -> Path | None:
    """The repository's site/ as `make` built it, if every language's home page is there and no
    input changed since; else None (then the tests build their own)."""
    site = Path(root) / "site"
    homes = [site / "index.html", *(site / lang / "index.html" for lang in i18n.SITE_LANGUAGES[1:])]
    if not all(home.is_file() for home in homes):
        return None
    built = min(home.stat().st_mtime for home in homes)
    for name in SITE_INPUTS:
        path = Path(root) / name
        files = [path] if path.is_file() else (f for f in path.rglob("*") if "__pycache__" not in f.parts)
        if any(f.is_file() and f.stat().st_mtime > built for f in files):
            return None
    return site


def cached_site(package_root: Path = ROOT, with_release: bool = True) -> Built:
    """build_site once per process for a package root (with the release files when available).
    For the repository itself, the site `make` built is used while it is current (see made_site)."""
    key = ("site", str(package_root), with_release)
    if key not in _CACHE and with_release and Path(package_root) == ROOT and release_dist(ROOT)[0] == ROOT / "dist":
        site = made_site(ROOT)
        if site:
            _CACHE[key] = Built(ROOT / "docs", site, 0.0, "the site `make` built (no input changed since)")
    if key not in _CACHE:
        dist = release_dist(package_root)[0] if with_release else None
        try:
            _CACHE[key] = build_site(Path(package_root), _scratch("site"), dist or _scratch("nodist"))
        except RuntimeError as error:  # a failed build fails every test that needs it, once
            _CACHE[key] = error
    if isinstance(_CACHE[key], Exception):
        raise _CACHE[key]
    return _CACHE[key]
