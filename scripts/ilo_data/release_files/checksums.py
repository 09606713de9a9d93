"""SHA256SUMS in the format `sha256sum -c` reads: `<hex>  <path>`, paths relative to the folder."""
from __future__ import annotations

import hashlib
from pathlib import Path

NAME = "SHA256SUMS"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_sha256sums(folder: Path) -> Path:
    folder = Path(folder)
    files = sorted((p.relative_to(folder).as_posix(), p) for p in folder.rglob("*") if p.is_file() and p.name != NAME)
    lines = [f"{sha256_file(p)}  {relative}\n" for relative, p in files]
    target = folder / NAME
    target.write_text("".join(lines), encoding="utf-8", newline="\n")
    return target
