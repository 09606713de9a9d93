"""Zip archives with fixed entry dates, permissions and order: same inputs, same bytes."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path


def write_zip(path: Path, entries: list[tuple[str, bytes]], date: dt.date) -> None:
    """entries: (archive name, content) in the order to write them."""
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below are read
            info.external_attr = 0o644 << 16
            archive.writestr(info, content, compresslevel=9)


def zip_folder(folder: Path, path: Path, date: dt.date) -> None:
    """Zip a folder with its name as the top-level directory, files in sorted order."""
    folder = Path(folder)
    files = sorted((p.relative_to(folder).as_posix(), p) for p in folder.rglob("*") if p.is_file())
    entries = [(f"{folder.name}/{relative}", p.read_bytes()) for relative, p in files]
    write_zip(Path(path), entries, date)
