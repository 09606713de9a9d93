"""Read a JSON file without surprises: UTF-8 only, duplicate keys caught, errors with line and column."""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

MAX_JSON_BYTES = 50_000_000
_LONG_NUMBER = re.compile(r"[0-9]{%d,}" % (sys.get_int_max_str_digits() + 1))


@dataclass
class Loaded:
    data: object = None
    text: str = ""
    error: str | None = None          # why the file could not be read or parsed
    line: int | None = None
    duplicates: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def _pairs_hook(duplicates: list[str]):
    def hook(pairs):
        seen: dict = {}
        for key, value in pairs:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen
    return hook


def load_json(path: Path) -> Loaded:
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            return Loaded(error=f"larger than {MAX_JSON_BYTES} bytes")
        raw = path.read_bytes()
    except OSError as exc:
        return Loaded(error=f"cannot read: {exc.strerror or exc}")
    if raw.startswith(b"\xef\xbb\xbf"):
        return Loaded(error="starts with a byte-order mark", line=1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Loaded(error=f"invalid UTF-8 byte 0x{raw[exc.start]:02x}", line=raw.count(b"\n", 0, exc.start) + 1)
    duplicates: list[str] = []
    try:
        data = json.loads(text, object_pairs_hook=_pairs_hook(duplicates))
    except json.JSONDecodeError as exc:
        return Loaded(text=text, error=f"invalid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)
    except RecursionError:
        return Loaded(text=text, error="invalid JSON: nested too deeply")
    except ValueError:   # valid JSON, but an integer longer than Python converts (sys.get_int_max_str_digits)
        match = _LONG_NUMBER.search(text)
        return Loaded(text=text, error=f"a number with more than {sys.get_int_max_str_digits()} digits: too long to read",
                      line=text.count("\n", 0, match.start()) + 1 if match else None)
    return Loaded(data=data, text=text, duplicates=duplicates)


def line_of(text: str, value: str) -> int | None:
    """Line of the first occurrence of a JSON string value in the file's text (for annotations)."""
    needle = json.dumps(value, ensure_ascii=False)
    index = text.find(needle)
    if index < 0:
        needle = json.dumps(value)
        index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else None
