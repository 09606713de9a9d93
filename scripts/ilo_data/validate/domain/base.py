"""What every domain check shares: the context (problems, files, tables read) and date helpers."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ...dates import PARTIAL_DATE_PATTERN, PartialDate, parse_partial
from ..descriptor import PackageSpec
from ..problems import Problems

FOREVER = dt.date.max


@lru_cache(maxsize=1 << 16)   # the same dates recur across rows: parse each once
def pdate(text: str | None) -> PartialDate | None:
    """A partial date, or None when empty or malformed (the pattern and calendar checks report those)."""
    if not text:
        return None
    try:
        return parse_partial(text)
    except ValueError:
        return None


@lru_cache(maxsize=1 << 16)
def span(text: str | None) -> tuple[dt.date, dt.date] | None:
    """(earliest, latest) day a partial date can mean, or None: the form the rules compare."""
    date = pdate(text)
    return (date.earliest(), date.latest()) if date else None


def partial_date_fields(schema: dict) -> list[str]:
    """Fields declared as partial dates: their pattern is the package's partial-date pattern."""
    return [f["name"] for f in schema.get("fields", [])
            if (f.get("constraints") or {}).get("pattern") == PARTIAL_DATE_PATTERN]


class Context:
    def __init__(self, spec: PackageSpec, problems: Problems) -> None:
        self.spec = spec
        self.problems = problems
        self.streamed: set[str] = set()   # tables whose rows were all handed to the checks

    def has(self, *tables: str) -> bool:
        return all(self.spec.by_name(t) is not None for t in tables)

    def complete(self, *tables: str) -> bool:
        return all(t in self.streamed for t in tables)

    def file(self, table: str) -> str:
        res = self.spec.by_name(table)
        return res.rel if res else f"{table}"

    def schema(self, table: str) -> dict:
        res = self.spec.by_name(table)
        return (res.schema or {}) if res else {}

    def report(self, table: str, line: int | None, rule: str, message: str, field: str | None = None,
               value: str | None = None) -> None:
        self.problems.add(self.file(table), line, rule, message, field=field, value=value)


class Check:
    """A domain rule. `tables`: the tables whose rows it reads ("*" = all); `needs`: ordering
    constraints {table: tables streamed before it}, so a row can be checked as it streams by."""

    rule = ""
    tables: tuple[str, ...] = ()
    needs: dict[str, tuple[str, ...]] = {}

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def applies(self) -> bool:
        return self.ctx.has(*[t for t in self.tables if t != "*"])

    def wants(self, table: str) -> bool:
        """Whether rows of `table` are worth a call (checks on "*" narrow this down)."""
        return table in self.tables or "*" in self.tables

    def row(self, table: str, line: int, row: dict) -> None:
        pass

    def finish(self) -> None:
        pass
