"""The languages the package names things in besides English, and how complete each is.

English stays in the main tables (`countries.name`, `conventions.title`, ...). Each other language
is rows of a label resource, one row per (thing, language), each citing its source: a name no
source gives is absent, and `completeness` counts it as missing. To add a language, add its code
here and to the `language` enum of the label schemas, then its rows (see CONTRIBUTING.md).
"""
from __future__ import annotations

from dataclasses import dataclass

# ISO 639-1 code -> the Unicode script its names are written in.
LANGUAGES: dict[str, str] = {"ru": "Cyrillic", "fr": "Latin", "es": "Latin"}


@dataclass(frozen=True)
class LabelResource:
    name: str        # the label resource
    key: str         # the field naming the thing labelled
    label: str       # the field holding the name or title
    labels: str      # the resource whose rows it labels


LABEL_RESOURCES = (
    LabelResource("country_names", "iso3", "name", "countries"),
    LabelResource("convention_titles", "instrument_id", "title", "conventions"),
    LabelResource("recommendation_titles", "instrument_id", "title", "recommendations"),
    LabelResource("office_names", "office_id", "name", "offices"),
    LabelResource("theme_names", "theme_id", "name", "themes"),
)


def completeness(tables: dict[str, list[dict]]) -> list[dict]:
    """Per label resource and language: how many of the labelled table's rows have a label.

    The one place these shares are computed: the coverage command and the docs call it.
    """
    report = []
    for res in LABEL_RESOURCES:
        ids = {row[res.key] for row in tables.get(res.labels, [])}
        for language in LANGUAGES:
            held = {row[res.key] for row in tables.get(res.name, [])
                    if row.get("language") == language and row.get(res.key) in ids}
            report.append({"resource": res.name, "labels": res.labels, "language": language,
                           "held": len(held), "total": len(ids), "missing": sorted(ids - held)})
    return report
