"""What every page module needs: the tables, indexes by key, and how to link to other pages."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import package, scope
from ..status import derive_all
from ..outpaths import output_path
from . import escape, i18n
from .i18n import _

# Where each kind of generated page lives under docs/ (also the list of generated paths).
FOLDERS = {
    "dictionary": "dictionary",
    "countries": "countries",
    "conventions": "conventions",
    "recommendations": "recommendations",
    "offices": "offices",
    "charts": "charts",
    "downloads": "downloads",
    "research": "research",
    "tables": "tables",
    # The site in each other language (i18n.SITE_LANGUAGES): the same pages, written again in docs/<code>/.
    **{lang: lang for lang in i18n.SITE_LANGUAGES[1:]},
}
FILES = ["index.md", "downloads.md", "explore.md", "rules.md", "changelog.md", "about.md", "sources.md", "contributing.md",
         "release.json"]

CATEGORY_ORDER = ["fundamental", "governance", "technical"]


@dataclass
class Context:
    root: Path
    docs: Path
    dist: Path
    descriptor: dict
    schemas: dict[str, dict]
    tables: dict[str, list[dict[str, str]]]
    written: list[Path] = field(default_factory=list)
    _indexes: dict = field(default_factory=dict, repr=False)

    # ---------- loading ----------
    @classmethod
    def load(cls, root: Path, docs: Path, dist: Path) -> "Context":
        descriptor = package.load_descriptor(root)
        names = [r["name"] for r in descriptor.get("resources", [])]
        schemas = {n: package.load_schema(root, n) for n in names}
        tables = {n: package.read_rows(root, n) for n in names}
        return cls(Path(root), Path(docs), Path(dist), descriptor, schemas, tables)

    def rows(self, name: str) -> list[dict[str, str]]:
        return self.tables.get(name, [])

    def status_left_open_by(self, iso3: str, instrument_id: str) -> str:
        """The revising Convention that may have denounced this ratification, where that leaves its
        status unknown ("" otherwise): derived from the facts once per build."""
        if "open statuses" not in self._indexes:
            derived = derive_all(self.rows("conventions"), self.rows("revisions"), self.rows("ratifications"))
            self._indexes["open statuses"] = {key: d.open_by for key, d in derived.items() if d.open_by}
        return self._indexes["open statuses"].get((iso3, instrument_id), "")

    def index(self, name: str, key: str) -> dict[str, dict[str, str]]:
        if (name, key) not in self._indexes:
            self._indexes[name, key] = {row[key]: row for row in self.rows(name) if row.get(key)}
        return self._indexes[name, key]

    def group(self, name: str, key: str) -> dict[str, list[dict[str, str]]]:
        """Rows of a table grouped by a (foreign) key, in file order."""
        if (name, key, "group") not in self._indexes:
            groups: dict[str, list[dict[str, str]]] = {}
            for row in self.rows(name):
                groups.setdefault(row.get(key, ""), []).append(row)
            self._indexes[name, key, "group"] = groups
        return self._indexes[name, key, "group"]

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", "0.0.0"))

    # ---------- writing ----------
    def write(self, rel: str, content: str | bytes, translated: bool = True) -> Path:
        """Write a generated file. A page in another language than English says once, under its
        heading, what stays English: text from the data with no translation, or (translated=False,
        repository prose such as CONTRIBUTING) the whole page."""
        if isinstance(content, str) and rel.endswith(".md") and i18n.current() != i18n.SOURCE:
            content = language_note(content, translated)
        path = output_path(self.docs, rel)   # page names come from keys in the data
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
        self.written.append(path)
        return path

    # ---------- the ten countries covered from Moscow ----------
    def moscow_office_ids(self) -> list[str]:
        return scope.moscow_office_ids(self.rows("offices"))

    def covered_iso3(self) -> list[str]:
        """Countries the Moscow office has covered at any time (the package's focus: ten), by name."""
        found = scope.covered_iso3(self.rows("offices"), self.rows("office_coverage"))
        return sorted(found, key=lambda iso3: self.country_name(iso3))

    # ---------- names and links (relative to a page at depth 1, e.g. countries/tjk.md) ----------
    def label(self, resource: str, key: str, value: str) -> str:
        """The name or title of a thing in the current language from a label resource
        (`country_names`, `convention_titles`, ...), or '' where the package holds none."""
        lang = i18n.current()
        if lang == i18n.SOURCE:
            return ""
        if (resource, "labels") not in self._indexes:
            by: dict[tuple[str, str], str] = {}
            for row in self.rows(resource):
                by[row.get(key, ""), row.get("language", "")] = row.get("title") or row.get("name") or ""
            self._indexes[resource, "labels"] = by
        return self._indexes[resource, "labels"].get((value, lang), "")

    def country_name(self, iso3: str) -> str:
        """The country's name in the current language (plain text); English where the package has none."""
        return (self.label("country_names", "iso3", iso3)
                or self.index("countries", "iso3").get(iso3, {}).get("name") or iso3)

    def instrument_title(self, instrument_id: str) -> tuple[str, bool]:
        """(title in the current language, whether it is the English title standing in for a missing one)."""
        english = (self.index("conventions", "instrument_id").get(instrument_id)
                   or self.index("recommendations", "instrument_id").get(instrument_id) or {}).get("title", "")
        if i18n.current() == i18n.SOURCE:
            return english, False
        resource = "recommendation_titles" if instrument_id.startswith("R") else "convention_titles"
        own = self.label(resource, "instrument_id", instrument_id)
        return (own, False) if own else (english, bool(english))

    def instrument_title_md(self, instrument_id: str) -> str:
        """The title as Markdown: escaped, and an English stand-in marked as English (lang="en" and a note)."""
        title, foreign = self.instrument_title(instrument_id)
        return escape.foreign(title) if foreign else escape.text(title)

    def instrument_title_plain(self, instrument_id: str) -> str:
        """The title as plain text (page titles, SVG), an English stand-in marked as such."""
        title, foreign = self.instrument_title(instrument_id)
        return f"{title} {escape.english_marker()}" if foreign else title

    def country_link(self, iso3: str, prefix: str = "../") -> str:
        if iso3 in self.index("countries", "iso3"):
            return f"[{escape.text(self.country_name(iso3))}]({prefix}countries/{page_slug(iso3)}.md)"
        return escape.text(iso3)

    def convention_link(self, instrument_id: str, prefix: str = "../", with_title: bool = False) -> str:
        conv = self.index("conventions", "instrument_id").get(instrument_id)
        if not conv:
            return escape.text(instrument_id)
        label = escape.text(instrument_id) + (f" {self.instrument_title_md(instrument_id)}" if with_title else "")
        return f"[{label}]({prefix}conventions/{page_slug(instrument_id)}.md)"

    def office_name(self, office_id: str) -> str:
        """The office's name in the current language where `office_names` holds it, else its English name."""
        return (self.label("office_names", "office_id", office_id)
                or self.index("offices", "office_id").get(office_id, {}).get("name") or office_id)

    def theme_name(self, theme_id: str) -> str:
        """The theme's name in the current language where `theme_names` holds it, else its English name."""
        return (self.label("theme_names", "theme_id", theme_id)
                or self.index("themes", "theme_id").get(theme_id, {}).get("name") or theme_id)

    def office_link(self, office_id: str, prefix: str = "../") -> str:
        office = self.index("offices", "office_id").get(office_id)
        if not office:
            return escape.text(office_id)
        return f"[{escape.text(self.office_name(office_id))}]({prefix}offices/{page_slug(office_id)}.md)"

    def source_link(self, source_id: str, prefix: str = "../", by_publisher: bool = False) -> str:
        """A link to the source's entry on the Sources page, labelled with its id (or its publisher,
        where a narrow table cell has no room for an id)."""
        source = self.index("sources", "source_id").get(source_id)
        if source is None:
            return escape.text(source_id)
        label = (source.get("publisher") or source_id) if by_publisher else source_id
        return f"[{escape.text(label)}]({prefix}sources.md#source-{escape.anchor_id(source_id)})"

    def field_link(self, resource: str, field_name: str, prefix: str = "../") -> str:
        return f"[{escape.text(field_name)}]({prefix}dictionary/{resource}.md#{escape.anchor_id(resource + '.' + field_name)})"

    def cited(self, rows: list[dict[str, str]]) -> list[str]:
        """Every source_id and other_source_ids of the rows, in first-seen order."""
        seen: dict[str, None] = {}
        for row in rows:
            others = row.get("other_source_ids") or []
            others = others.split(";") if isinstance(others, str) else list(others)
            for sid in [row.get("source_id") or ""] + others:
                if sid.strip():
                    seen.setdefault(sid.strip(), None)
        return list(seen)

    def sources_list(self, rows: list[dict[str, str]], prefix: str = "../") -> str:
        sources = self.index("sources", "source_id")
        lines = []
        for sid in self.cited(rows):
            src = sources.get(sid)
            if src is None:
                lines.append(f"- {escape.code(sid)} " + _("(not in `sources`)"))
                continue
            url = escape.safe_url(src.get("url"))
            title = escape.link(src.get("title") or sid, url) if url else escape.text(src.get("title") or sid)
            lines.append(f"- {self.source_link(sid, prefix)}: {title}" + (f" ({escape.text(src['publisher'])})" if src.get("publisher") else ""))
        return "\n".join(lines) + "\n" if lines else "*" + _("No sources cited.") + "*\n"


def language_note(content: str, translated: bool = True) -> str:
    """The page with a note under its first heading: what on it stays in English."""
    note = (_("Names and titles are in this language where the package holds them (an English title standing in "
              "for a missing one is marked; most offices have only their English name). Other text from the data, "
              "such as descriptions and notes, exists only in English and is shown as it is.") if translated else
            _("This page is not translated: it is shown in English."))
    lines = content.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            lines[i + 1:i + 1] = ["", f"*{note}*", "{ .language-note }"]
            break
    return "\n".join(lines)


def page_slug(key: str) -> str:
    """File name (without .md) of a generated page for a key: lower-case, safe characters."""
    return escape.anchor_id(key).lower()


def sources_cell(ctx: Context, row: dict[str, str], prefix: str = "../") -> str:
    return ", ".join(ctx.source_link(s, prefix) for s in ctx.cited([row]))


def dump_json(obj: object) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False)
