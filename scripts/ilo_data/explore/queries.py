"""Datasette's canned queries: the questions people ask most, answered over the release SQLite.

Each query is plain SQL with named parameters (`:iso3`), so the same text runs in Datasette, in
`sqlite3` (the tests do) and on the site's documentation page. Wording follows the data: a
ratification the package does not hold is "not recorded", never "not ratified".
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CannedQuery:
    name: str          # the URL path: /<database>/<name>.json
    title: str
    description: str
    sql: str
    example: dict[str, str]  # parameters for the documented example (and the tests)

    @property
    def parameters(self) -> list[str]:
        return list(self.example)


def _sql_list(values: list[str]) -> str:
    return ", ".join("'" + value.replace("'", "''") + "'" for value in values)


def canned_queries(covered: list[str]) -> list[CannedQuery]:
    """The queries, given the countries covered by the Moscow office (`scope.covered_iso3`)."""
    return [
        CannedQuery(
            name="fundamental_ratifications",
            title="One country's fundamental Conventions and Protocols",
            description="Every fundamental instrument, with the country's ratification where the package "
                        "records one (its registration date, status and source); `not recorded` where it "
                        "holds none, which is not proof that the country never ratified. Parameter: "
                        "`iso3`, such as TJK.",
            sql="""
SELECT c.instrument_id, c.title,
       CASE WHEN r.iso3 IS NULL THEN 'not recorded' ELSE 'recorded' END AS ratification,
       r.ratified, r.status, r.status_basis, r.source_id
FROM conventions AS c
LEFT JOIN ratifications AS r ON r.instrument_id = c.instrument_id AND r.iso3 = upper(:iso3)
WHERE c.category = 'fundamental'
ORDER BY c.instrument_id
""".strip(),
            example={"iso3": "TJK"},
        ),
        CannedQuery(
            name="countries_without_instrument",
            title="Covered countries with no recorded ratification of an instrument",
            description="Of the ten countries covered by the ILO office in Moscow, those for which the "
                        "package records no ratification of the instrument (coverage is partial: see "
                        "`ilo-data coverage`). Parameter: `instrument_id`, such as C155.",
            sql=f"""
SELECT c.iso3, c.name
FROM countries AS c
WHERE c.iso3 IN ({_sql_list(sorted(covered))})
  AND NOT EXISTS (
    SELECT 1 FROM ratifications AS r
    WHERE r.iso3 = c.iso3 AND r.instrument_id = upper(:instrument_id)
  )
ORDER BY c.name
""".strip(),
            example={"instrument_id": "C155"},
        ),
        CannedQuery(
            name="projects_by_theme",
            title="Projects by theme",
            description="Each theme with the projects that address it, their dates, status and countries.",
            sql="""
SELECT t.theme_id, t.name AS theme, p.project_id, p.title, p.start, p."end", p.status,
       (SELECT group_concat(iso3, ', ') FROM
          (SELECT pc.iso3 FROM project_countries AS pc WHERE pc.project_id = p.project_id ORDER BY pc.iso3)
       ) AS countries
FROM themes AS t
JOIN project_themes AS pt ON pt.theme_id = t.theme_id
JOIN projects AS p ON p.project_id = pt.project_id
ORDER BY t.name, p.start, p.project_id
""".strip(),
            example={},
        ),
    ]
