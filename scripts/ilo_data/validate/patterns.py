"""Patterns from Table Schemas that could run for ever: refused before any cell meets them.

Python's regular expressions backtrack: a quantifier over something that is itself quantified,
such as ^(a+)+$ or (\\w*)*, takes exponential time on a cell that almost matches, and no cell
limit helps. Such a pattern is refused by the `pattern-backtracking` rule and its table is not
given to frictionless; the deadline on background work (background.py) covers what this misses.
"""
from __future__ import annotations

import re

try:   # Python 3.11+; the parser is private but stable, and only read here
    from re import _constants as constants, _parser as parser
except ImportError:   # Python 3.10
    import sre_constants as constants
    import sre_parse as parser

REPEATS = {constants.MAX_REPEAT, constants.MIN_REPEAT}
LONG = 10   # a repeat that may run past this many times counts as unbounded


def _children(op, arg):
    if op in REPEATS:
        yield arg[2]
    elif op == constants.SUBPATTERN:
        yield arg[-1]
    elif op == constants.BRANCH:
        yield from arg[1]
    elif op in (constants.ASSERT, constants.ASSERT_NOT):
        yield arg[1]
    elif op == constants.GROUPREF_EXISTS:
        yield from (a for a in arg[1:] if a is not None)


SINGLE = {constants.LITERAL, constants.NOT_LITERAL, constants.IN, constants.ANY}


def _delimited(items) -> bool:
    """Whether each pass of a repeat must match some single character outside any repeat, like the
    "-" of (-[a-z0-9]+)*: a heuristic for "the passes cannot split the text in many ways"."""
    for op, arg in items:
        if op in SINGLE:
            return True
        if op == constants.SUBPATTERN and _delimited(arg[-1]):
            return True
    return False


def _nested_repeat(items, inside_long_repeat: bool) -> bool:
    for op, arg in items:
        long_repeat = op in REPEATS and (arg[1] == constants.MAXREPEAT or arg[1] >= LONG)
        if long_repeat and inside_long_repeat:
            return True
        inside = inside_long_repeat or (long_repeat and not _delimited(arg[2]))
        if any(_nested_repeat(child, inside) for child in _children(op, arg)):
            return True
    return False


def backtracking_problem(pattern: str) -> str | None:
    """Why a pattern may backtrack without end, or None (an invalid pattern is another rule's problem)."""
    try:
        tree = parser.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    try:
        if _nested_repeat(list(tree), False):
            return "a repeated group holds another unbounded repeat (like (a+)+): matching can take exponential time"
    except RecursionError:
        return "nested too deeply to check"
    return None
