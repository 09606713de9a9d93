"""Formatters: text (one line per problem), json (documented structure) and github (annotations).

JSON structure (format_version 1; schema: tests/fixtures/validate-report.schema.json):
  {"valid": bool,
   "summary": {"errors", "warnings", "resources", "rows", "json_files", "by_layer", "by_rule", "seconds",
               "max_per_rule", "omitted": [{"file", "rule", "severity", "count"}]},
   "problems": [{"file", "line", "field", "value", "rule", "message", "hint", "severity"}]}
`line` and `field`/`value` are null when they do not apply; problems are ordered by layer, file, line.
The counts in the summary cover every problem found; `problems` lists at most `max_per_rule` of one
rule in one file, and `omitted` says how many more each such group has.

Every text that reaches the output goes through `shown` first: file names, header cells, resource
names and JSON keys come from data, and a control character or escape sequence in them must never
reach a terminal (clear it, set the clipboard, forge a `valid:` line) or a CI log.
"""
from __future__ import annotations

import json
from dataclasses import replace

from .problems import Problem


def shown(text: str) -> str:
    """Text as data: every non-printable character (controls, ESC, bidi overrides, line breaks)
    written as its Python escape (\\x1b, \\n, \\u202e), so output is one inert line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _shown_problem(p: Problem) -> Problem:
    return replace(p, file=shown(p.file), field=None if p.field is None else shown(p.field),
                   value=None if p.value is None else shown(p.value), message=shown(p.message), hint=shown(p.hint))


def _subject(p: Problem) -> str:
    if p.field is not None and p.value is not None:
        return f'{p.field} "{p.value}": '
    if p.field is not None:
        return f"{p.field}: "
    if p.value is not None:
        return f'"{p.value}": '
    return ""


def text_line(p: Problem) -> str:
    """file:line: field "value": message [rule] — hint"""
    p = _shown_problem(p)
    where = p.file + (f":{p.line}" if p.line else "")
    label = "warning: " if p.severity == "warning" else ""
    hint = f" — {p.hint}" if p.hint else ""
    return f"{where}: {label}{_subject(p)}{p.message} [{p.rule}]{hint}"


def summary_line(valid: bool, summary: dict) -> str:
    head = "valid" if valid else "INVALID"
    line = (f"{head}: {summary['errors']:,} errors, {summary['warnings']:,} warnings in {summary['resources']} resources, "
            f"{summary['rows']:,} rows, {summary['json_files']} JSON files ({summary['seconds']:.2f} s)")
    omitted = sum(group["count"] for group in summary.get("omitted", []))
    if omitted:
        line += (f"; {omitted:,} not listed (at most {summary['max_per_rule']:,} per rule and file: "
                 "--max-per-rule 0 lists them all)")
    return line


def _more_text(group: dict) -> str:
    kind = "more" if group["severity"] == "error" else "more warnings"
    return f"... and {group['count']:,} {kind} [{group['rule']}] in {shown(group['file'])}"


def text_more_line(group: dict) -> str:
    """The line that stands for the problems of one rule in one file that were counted, not listed."""
    return f"{shown(group['file'])}: {_more_text(group)}"


def github_more_line(group: dict) -> str:
    props = f"file={_escape_property(shown(group['file']))},title={_escape_property('[' + group['rule'] + ']')}"
    return f"::notice {props}::{_escape_data(_more_text(group))}"


def with_omitted(problems: list[Problem], summary: dict, line, more_line):
    """Output lines: each problem, and after the last listed one of a group, that group's "... and N more"."""
    groups = {(g["file"], g["rule"], g["severity"]): g for g in summary.get("omitted", [])}
    last = {(p.file, p.rule, p.severity): i for i, p in enumerate(problems)}
    for i, problem in enumerate(problems):
        yield line(problem) + "\n"
        key = (problem.file, problem.rule, problem.severity)
        if key in groups and last[key] == i:
            yield more_line(groups.pop(key)) + "\n"
    for group in groups.values():   # none of the group listed: not expected, but never dropped silently
        yield more_line(group) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(p: Problem) -> str:
    """::error file=...,line=...,title=[rule]::field "value": message — hint"""
    p = _shown_problem(p)
    props = [f"file={_escape_property(p.file)}"]
    if p.line:
        props.append(f"line={p.line}")
    props.append(f"title={_escape_property('[' + p.rule + ']')}")
    hint = f" — {p.hint}" if p.hint else ""
    command = "warning" if p.severity == "warning" else "error"
    return f"::{command} {','.join(props)}::{_escape_data(_subject(p) + p.message + hint)}"


def json_report(valid: bool, summary: dict, problems: list[Problem]) -> str:
    return json.dumps({"valid": valid, "summary": summary, "problems": [_shown_problem(p).as_dict() for p in problems]},
                      ensure_ascii=False, indent=2)
