"""One problem = one line of output. Every layer reports through a `Problems` collector.

The collector keeps at most `max_per_rule` problems of one rule in one file and only counts the
rest: a million bad rows must not become a million objects in memory and a million lines.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from .rules import rule_info

LAYERS = ("descriptor", "hygiene", "table-schema", "domain", "json")
MAX_VALUE = 80  # characters of a cell value shown in a message
MAX_PER_RULE = 50  # problems kept (and listed) per rule and file by default; 0 keeps them all


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


@dataclass(frozen=True)
class Group:
    """The problems of one rule, of one severity, in one file: the unit the cap applies to."""
    file: str
    rule: str
    severity: str

    @property
    def layer(self) -> str:
        return rule_info(self.rule).layer


def shorten(value: str | None, limit: int = MAX_VALUE) -> str | None:
    """A cell value fit for a one-line message: long ones cut (the output layer escapes controls)."""
    if value is None:
        return None
    return value if len(value) <= limit else value[: limit - 1] + "…"


class Problems:
    """Collects problems; the hint defaults to the rule's hint from the catalogue.

    `found[group]` counts every problem reported, kept or not; `items` holds the first
    `max_per_rule` of each group (all of them when max_per_rule is 0).
    """

    def __init__(self, max_per_rule: int = MAX_PER_RULE) -> None:
        self.max_per_rule = max_per_rule
        self.items: list[Problem] = []
        self.found: Counter[Group] = Counter()

    def _room(self, group: Group, more: int = 1) -> bool:
        """Count `more` problems of the group; True when the first of them is to be kept."""
        seen = self.found[group]
        self.found[group] = seen + more
        return not self.max_per_rule or seen < self.max_per_rule

    def add(self, file: str, line: int | None, rule: str, message: str, *, field: str | None = None,
            value: str | None = None, hint: str | None = None, severity: str = "error") -> Problem | None:
        """Record a problem; returns it, or None when its group is full (it is counted only)."""
        if not self._room(Group(file, rule, severity)):
            return None
        info = rule_info(rule)
        problem = Problem(file=file, line=line, field=field, value=shorten(value), rule=rule,
                          message=message, hint=info.hint if hint is None else hint, severity=severity)
        self.items.append(problem)
        return problem

    def count_more(self, file: str, rule: str, count: int, severity: str = "error") -> None:
        """Count `count` problems found elsewhere (a worker process) and not described one by one."""
        if count > 0:
            rule_info(rule)   # an unknown rule fails here, as in add()
            self.found[Group(file, rule, severity)] += count

    def extend(self, other: "Problems") -> None:
        kept = Counter(Group(p.file, p.rule, p.severity) for p in other.items)
        for problem in other.items:
            if self._room(Group(problem.file, problem.rule, problem.severity)):
                self.items.append(problem)
        for group, count in other.found.items():
            self.found[group] += count - kept[group]

    @property
    def errors(self) -> list[Problem]:
        """The errors kept (see `error_count` for how many were found)."""
        return [p for p in self.items if p.severity == "error"]

    @property
    def error_count(self) -> int:
        return sum(n for group, n in self.found.items() if group.severity == "error")

    def omitted(self) -> dict[Group, int]:
        """Per group, how many problems were counted but not kept."""
        kept = Counter(Group(p.file, p.rule, p.severity) for p in self.items)
        return {group: n - kept[group] for group, n in self.found.items() if n > kept[group]}

    def sorted(self, file_order: dict[str, int] | None = None) -> list[Problem]:
        """Layer by layer (in the order they run), then file, then line."""
        order = file_order or {}
        return sorted(self.items, key=lambda p: (LAYERS.index(p.layer), order.get(p.file, len(order)), p.file,
                                                 p.line or 0))

    def counts(self) -> dict:
        """Every problem found, kept or not."""
        by_rule: Counter[str] = Counter()
        by_layer: Counter[str] = Counter()
        for group, n in self.found.items():
            by_rule[group.rule] += n
            by_layer[group.layer] += n
        return {
            "errors": self.error_count,
            "warnings": sum(n for group, n in self.found.items() if group.severity == "warning"),
            "by_rule": dict(sorted(by_rule.items())),
            "by_layer": {layer: by_layer[layer] for layer in LAYERS if by_layer[layer]},
        }
