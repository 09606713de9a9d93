"""Rules on names and titles in other languages (the label resources of ilo_data.languages):
written in the language's script, without stray whitespace, and without look-alike letters of
another script hidden inside a word (a Latin "a", "o", "c", "e", "p" typed into a Russian word
looks right, but no search for the Russian word finds it)."""
from __future__ import annotations

import re
import unicodedata

from ...languages import LABEL_RESOURCES, LANGUAGES
from .base import Check

# Letters of the Latin script whose Unicode names do not say LATIN (Spanish and French ordinals).
_LATIN_EXTRA = {"ª", "º"}
_WORD = re.compile(r"[^\W\d_]+")
# The Russian legal style writes the numero sign as a Latin N before a number ("Конвенция N 87").
_NUMERO = re.compile(r"N(?= ?\d)")
_STRAY_SPACE = re.compile(r"\s{2,}|[^\S ]|[\u200b-\u200d\u2060\ufeff]")


def script(letter: str) -> str:
    """The Unicode script of a letter, as the first word of its name (LATIN, CYRILLIC, ...)."""
    if letter in _LATIN_EXTRA:
        return "Latin"
    name = unicodedata.name(letter, "")
    return name.split(" ")[0].capitalize() if name else "Unknown"


def words(text: str):
    """(word, the scripts of its letters) for each run of letters, the numero sign left out."""
    for match in _WORD.finditer(_NUMERO.sub(" ", text)):
        word = match.group()
        yield word, {script(letter) for letter in word}


def foreign_words(text: str, expected: str) -> list[str]:
    """Words written wholly in a script other than `expected`."""
    return [word for word, scripts in words(text) if expected not in scripts]


def mixed_words(text: str) -> list[tuple[str, list[str]]]:
    """(word, its minority-script letters) for each word that mixes scripts."""
    out = []
    for word, scripts in words(text):
        if len(scripts) > 1:
            counts = {s: sum(script(letter) == s for letter in word) for s in scripts}
            main = max(counts, key=lambda s: (counts[s], s))
            out.append((word, [letter for letter in word if script(letter) != main]))
    return out


def stray_whitespace(text: str) -> str | None:
    """What is wrong with the spacing inside a name, or None (leading and trailing: padded-cell)."""
    match = _STRAY_SPACE.search(text)
    if not match:
        return None
    found = match.group()
    if found.isspace() and len(found) > 1 and set(found) == {" "}:
        return "two or more spaces in a row"
    char = next(c for c in found if c != " ")
    return f"{unicodedata.name(char, 'control character')} (U+{ord(char):04X}) where a plain space or nothing belongs"


class _LabelCheck(Check):
    """A check on the label field of every label resource present in the package."""

    def __init__(self, ctx):
        super().__init__(ctx)
        self.label_field = {res.name: res.label for res in LABEL_RESOURCES if ctx.has(res.name)}
        self.tables = tuple(self.label_field)

    def applies(self):
        return bool(self.label_field)

    def row(self, table, line, row):
        text, language = row.get(self.label_field[table]) or "", row.get("language") or ""
        if text:
            self.check(table, line, self.label_field[table], text, language)

    def check(self, table, line, field, text, language):
        raise NotImplementedError


class NameScript(_LabelCheck):
    rule = "name-script"

    def check(self, table, line, field, text, language):
        expected = LANGUAGES.get(language)
        if expected is None:
            return   # an unknown language is the enum's to report
        foreign = foreign_words(text, expected)
        if foreign:
            self.ctx.report(table, line, self.rule, f"language {language} is written in {expected} script, "
                            f"but {', '.join(repr(w) for w in foreign)} is not", field, text)


class NameLookalikes(_LabelCheck):
    rule = "name-lookalikes"

    def check(self, table, line, field, text, language):
        for word, strangers in mixed_words(text):
            letters = ", ".join(f"{script(c)} {c!r} (U+{ord(c):04X})" for c in strangers)
            self.ctx.report(table, line, self.rule, f"the word {word!r} mixes scripts: {letters}", field, text)


class NameWhitespace(_LabelCheck):
    rule = "name-whitespace"

    def check(self, table, line, field, text, language):
        why = stray_whitespace(text)
        if why:
            self.ctx.report(table, line, self.rule, why, field, text)
