"""Nested documents assembled from the flat tables: one per country, and the office tree.

Pure functions over `ilo_data.package.read_all(root)` output (dict of resource name -> rows of
raw strings). The release build writes them as JSON (`json/countries/<ISO3>.json`,
`json/offices-tree.json`, checked against `schemas/json/`), and the docs site renders them.
Values are typed for JSON: '' -> None, integer fields -> int, `other_source_ids` -> list.
Everything is sorted, so the same tables always give the same documents.
"""
from __future__ import annotations

CATEGORIES = ("fundamental", "governance", "technical")


def _value(text: str | None):
    return None if text is None or text == "" else text


def _int(text: str | None):
    return None if text is None or text == "" else int(text)


def _ids(text: str | None) -> list[str]:
    return [part for part in (text or "").split(";") if part]


def _cited(row: dict) -> dict:
    """The citation of a row: its source, extra sources and caveats."""
    return {
        "source_id": _value(row.get("source_id")),
        "other_source_ids": _ids(row.get("other_source_ids")),
        "notes": _value(row.get("notes")),
    }


def _index(rows: list[dict], key: str) -> dict[str, dict]:
    return {row[key]: row for row in rows}


def _period_key(row: dict, start: str = "start") -> tuple:
    # Undated rows last; ties broken by the remaining fields so the order never depends on input order.
    return (row.get(start) or "9999", row.get("end") or "9999", tuple(sorted(row.items())))


def country_ids(tables: dict[str, list[dict]]) -> list[str]:
    return sorted(row["iso3"] for row in tables.get("countries", []))


def country_document(tables: dict[str, list[dict]], iso3: str) -> dict:
    """Everything the package holds about one country. KeyError if the country is unknown."""
    countries = _index(tables.get("countries", []), "iso3")
    if iso3 not in countries:
        raise KeyError(f"no country {iso3!r} in the countries table")
    country = countries[iso3]
    return {
        "iso3": iso3,
        "iso2": _value(country.get("iso2")),
        "name": country.get("name", ""),
        "names": _names(tables, iso3),
        "ilo_region": _value(country.get("ilo_region")),
        "membership": {
            "member_since": _value(country.get("member_since")),
            "history": _value(country.get("membership_history")),
            **_cited(country),
        },
        "offices": _covering_offices(tables, iso3),
        "ratifications": _ratifications(tables, iso3),
        "programmes": _programmes(tables, iso3),
        "projects": _projects(tables, iso3),
        "claims": _claims(tables, iso3),
    }


def _names(tables, iso3):
    """The country's name in each other language the package holds, by language code, with its source."""
    rows = sorted((r for r in tables.get("country_names", []) if r.get("iso3") == iso3), key=lambda r: r["language"])
    return {row["language"]: {"name": row.get("name", ""), "source_id": _value(row.get("source_id")),
                              "notes": _value(row.get("notes"))} for row in rows}


def _covering_offices(tables, iso3):
    offices = _index(tables.get("offices", []), "office_id")
    rows = sorted((r for r in tables.get("office_coverage", []) if r.get("iso3") == iso3), key=_period_key)
    result = []
    for row in rows:
        office = offices.get(row["office_id"], {})
        result.append({
            "office_id": row["office_id"],
            "name": _value(office.get("name")),
            "type": _value(office.get("type")),
            "city": _value(office.get("city")),
            "start": _value(row.get("start")),
            "end": _value(row.get("end")),
            **_cited(row),
        })
    return result


def _ratifications(tables, iso3):
    instruments = _index(tables.get("conventions", []), "instrument_id")
    grouped: dict[str, list] = {category: [] for category in CATEGORIES}
    rows = sorted((r for r in tables.get("ratifications", []) if r.get("iso3") == iso3), key=lambda r: r["instrument_id"])
    for row in rows:
        instrument = instruments.get(row["instrument_id"], {})
        category = instrument.get("category") or "uncategorised"
        grouped.setdefault(category, []).append({
            "instrument_id": row["instrument_id"],
            "kind": _value(instrument.get("kind")),
            "title": _value(instrument.get("title")),
            "instrument_status": _value(instrument.get("status")),
            "ratified": _value(row.get("ratified")),
            "date_basis": _value(row.get("date_basis")),
            "national_act_date": _value(row.get("national_act_date")),
            "national_act": _value(row.get("national_act")),
            "status": _value(row.get("status")),
            "status_date": _value(row.get("status_date")),
            "status_basis": _value(row.get("status_basis")),
            "declaration": _value(row.get("declaration")),
            "minimum_age": _int(row.get("minimum_age")),
            "succession": row.get("succession") == "true",
            **_cited(row),
        })
    counts = {category: len(items) for category, items in grouped.items()}
    counts["recorded"] = len(rows)
    return {"counts": counts, "by_category": grouped}


def _programmes(tables, iso3):
    priorities: dict[str, list] = {}
    for row in tables.get("programme_priorities", []):
        priorities.setdefault(row["programme_id"], []).append(row)
    rows = sorted((r for r in tables.get("programmes", []) if r.get("iso3") == iso3), key=_period_key)
    return [{
        "programme_id": row["programme_id"],
        "kind": _value(row.get("kind")),
        "title": row.get("title", ""),
        "start": _value(row.get("start")),
        "end": _value(row.get("end")),
        "signed": _value(row.get("signed")),
        "status": _value(row.get("status")),
        "priorities": [
            {"number": _int(p["number"]), "priority": p.get("priority", ""), **_cited(p)}
            for p in sorted(priorities.get(row["programme_id"], []), key=lambda p: int(p["number"]))
        ],
        **_cited(row),
    } for row in rows]


def _projects(tables, iso3):
    projects = _index(tables.get("projects", []), "project_id")
    countries_of: dict[str, list[str]] = {}
    for row in tables.get("project_countries", []):
        countries_of.setdefault(row["project_id"], []).append(row["iso3"])
    themes = _index(tables.get("themes", []), "theme_id")
    themes_of: dict[str, list[str]] = {}
    for row in tables.get("project_themes", []):
        themes_of.setdefault(row["project_id"], []).append(row["theme_id"])
    ids = sorted({pid for pid, isos in countries_of.items() if iso3 in isos and pid in projects})
    rows = sorted((projects[pid] for pid in ids), key=_period_key)
    return [{
        "project_id": row["project_id"],
        "title": row.get("title", ""),
        "code": _value(row.get("code")),
        "start": _value(row.get("start")),
        "end": _value(row.get("end")),
        "status": _value(row.get("status")),
        "donors": _value(row.get("donors")),
        "countries": sorted(countries_of.get(row["project_id"], [])),
        "themes": [
            {"theme_id": tid, "name": themes.get(tid, {}).get("name")}
            for tid in sorted(themes_of.get(row["project_id"], []))
        ],
        **_cited(row),
    } for row in rows]


def _claims(tables, iso3):
    rows = sorted((r for r in tables.get("claims", []) if r.get("iso3") == iso3), key=lambda r: (r.get("as_of") or "", r["claim_id"]))
    return [{
        "claim_id": row["claim_id"],
        "subject": row.get("subject", ""),
        "metric": _value(row.get("metric")),
        "value": _value(row.get("value")),
        "as_of": _value(row.get("as_of")),
        "statement": _value(row.get("statement")),
        **_cited(row),
    } for row in rows]


def office_tree(tables: dict[str, list[dict]]) -> list[dict]:
    """The offices as a forest: roots are offices without a (known) parent, children sorted by id.

    Each node carries its events and the countries it covers over time. A parent cycle (which the
    validator rejects) cannot loop here: an office already placed is never placed again, and
    offices caught in a cycle are attached as roots.
    """
    offices = _index(tables.get("offices", []), "office_id")
    children: dict[str, list[str]] = {}
    for office_id in sorted(offices):
        parent = offices[office_id].get("parent_office_id") or ""
        children.setdefault(parent if parent in offices else "", []).append(office_id)
    events: dict[str, list] = {}
    for row in tables.get("office_events", []):
        events.setdefault(row["office_id"], []).append(row)
    coverage: dict[str, list] = {}
    for row in tables.get("office_coverage", []):
        coverage.setdefault(row["office_id"], []).append(row)

    placed: set[str] = set()

    def node(office_id: str) -> dict:
        placed.add(office_id)
        office = offices[office_id]
        return {
            "office_id": office_id,
            "name": office.get("name", ""),
            "type": _value(office.get("type")),
            "city": _value(office.get("city")),
            "country": _value(office.get("country")),
            "established": _value(office.get("established")),
            "closed": _value(office.get("closed")),
            **_cited(office),
            "events": [{
                "date": row["date"],
                "event": row.get("event"),
                "description": _value(row.get("description")),
                **_cited(row),
            } for row in sorted(events.get(office_id, []), key=lambda r: (r["date"], r.get("event", "")))],
            "coverage": [{
                "iso3": row["iso3"],
                "start": _value(row.get("start")),
                "end": _value(row.get("end")),
                **_cited(row),
            } for row in sorted(coverage.get(office_id, []), key=lambda r: (r["iso3"], r.get("start", "")))],
            "children": [node(child) for child in children.get(office_id, []) if child not in placed],
        }

    roots = [node(office_id) for office_id in children.get("", [])]
    # Offices only reachable through a cycle: show them rather than drop them.
    roots += [node(office_id) for office_id in sorted(offices) if office_id not in placed]
    return roots
