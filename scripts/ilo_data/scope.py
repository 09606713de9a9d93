"""The package's focus: the countries the ILO office in Moscow has covered (ten of them).

One function computes the list, so the docs pages, the charts and Datasette's canned queries
always mean the same ten countries.
"""
from __future__ import annotations


def moscow_office_ids(offices: list[dict[str, str]]) -> list[str]:
    return sorted(
        o["office_id"] for o in offices
        if o.get("city", "").lower() == "moscow" and "country office" in o.get("type", "")
    )


def covered_iso3(offices: list[dict[str, str]], office_coverage: list[dict[str, str]]) -> set[str]:
    """Countries the Moscow office has covered at any time."""
    moscow = set(moscow_office_ids(offices))
    return {c["iso3"] for c in office_coverage if c.get("office_id") in moscow}
