"""One problem = one line of output. Every layer reports through a `Problems` collector."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from .rules import rule_info

LAYERS = ("descriptor", "hygiene", "table-schema", "domain", "json")
MAX_VALUE = 80  # characters of a cell value shown in a message


@dataclass
class Problem:
    file: str                  # path relative to the package root, forward slashes
    line: int | None           # physical line (1 = header) or None for a whole-file problem
    field: str | None
    value: str | None
    rule: str                  # a name from rules.RULES
    message: str
    hint: str = ""
    severity: str = "error"    # "error" or "warning"

    @property
    def layer(self) -> str:
        return rule_info(self.rule).layer

    def as_dict(self) -> dict:
        return asdict(self)


def shorten(value: str | None, limit: int = MAX_VALUE) -> str | None:
    """A cell value fit for a one-line message: long ones cut (the output layer escapes controls)."""
    if value is None:
        return None
    return value if len(value) <= limit else value[: limit - 1] + "…"


class Problems:
    """Collects problems; the hint defaults to the rule's hint from the catalogue."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, file: str, line: int | None, rule: str, message: str, *, field: str | None = None,
            value: str | None = None, hint: str | None = None, severity: str = "error") -> Problem:
        info = rule_info(rule)
        problem = Problem(file=file, line=line, field=field, value=shorten(value), rule=rule,
                          message=message, hint=info.hint if hint is None else hint, severity=severity)
        self.items.append(problem)
        return problem

    def extend(self, other: "Problems") -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    def sorted(self, file_order: dict[str, int] | None = None) -> list[Problem]:
        """Layer by layer (in the order they run), then file, then line."""
        order = file_order or {}
        return sorted(self.items, key=lambda p: (LAYERS.index(p.layer), order.get(p.file, len(order)), p.file,
                                                 p.line or 0))

    def counts(self) -> dict:
        return {
            "errors": sum(1 for p in self.items if p.severity == "error"),
            "warnings": sum(1 for p in self.items if p.severity == "warning"),
            "by_rule": dict(sorted(Counter(p.rule for p in self.items).items())),
            "by_layer": {layer: n for layer in LAYERS if (n := sum(1 for p in self.items if p.layer == layer))},
        }
