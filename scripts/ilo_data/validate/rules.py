"""The rule catalogue: every problem `ilo-data validate` reports names one of these rules.

The docs render this list (name, layer, title, description, hint, example); the validator
takes each problem's default hint from here. Layers run in the order of `LAYER_TITLES`.
"""
from __future__ import annotations

from dataclasses import dataclass

LAYER_TITLES = {
    "descriptor": "1. Descriptor safety",
    "hygiene": "2. File hygiene",
    "table-schema": "3. Table Schema",
    "domain": "4. Domain rules",
    "json": "5. JSON files",
}


@dataclass(frozen=True)
class Rule:
    name: str
    layer: str
    title: str
    description: str
    hint: str
    example: str


def _r(name, layer, title, description, hint, example) -> Rule:
    return Rule(name, layer, title, description, hint, example)


RULES: list[Rule] = [
    # 1. descriptor
    _r("descriptor-json", "descriptor", "Descriptor and Table Schemas are valid JSON",
       "datapackage.json and every Table Schema it names must parse as UTF-8 JSON objects, without duplicate keys.",
       "fix the JSON at the line and column given",
       'datapackage.json:2: invalid JSON: Expecting property name enclosed in double quotes (column 30) [descriptor-json]'),
    _r("descriptor-structure", "descriptor", "Descriptor has the expected shape",
       "The descriptor has a `resources` list; each resource has a unique `name`, a `path` (one string, naming a "
       "file no other resource names) and a "
       "`schema` (a path to a Table Schema file with a `fields` list).",
       "compare with an existing resource in datapackage.json",
       'datapackage.json: resources[12] "themes" has no "path" (one relative path as a string) [descriptor-structure]'),
    _r("descriptor-size", "descriptor", "Descriptors stay within bounds",
       "datapackage.json and each Table Schema are at most 5 MB, the package has at most 1,000 resources and each "
       "Table Schema at most 1,000 fields (the real package: a few KB, 16 resources, 20 fields at most). A larger "
       "descriptor is refused unread, so that it cannot keep the validator busy for minutes; an oversized "
       "datapackage.json or too many resources stop the whole check (exit status 2).",
       "split the package, or check the descriptor for a generated or repeated part",
       'schemas/themes.schema.json: schema: 1,001 fields, over the 1,000 a Table Schema may have [descriptor-size]'),
    _r("unsafe-path", "descriptor", "Paths stay inside the package",
       "A resource or schema path must be relative, use no `..`, be no URL and not resolve (symlinks included) "
       "outside the package root. The validator never follows URLs.",
       "use a relative path such as data/<name>.csv or schemas/<name>.schema.json",
       'datapackage.json:235: path "../valid/data/themes.csv": resources[12] "themes": goes outside the package with ".." [unsafe-path]'),
    _r("missing-file", "descriptor", "Named files exist",
       "Every path named by the descriptor exists and is a regular file.",
       "add the file or correct the path in datapackage.json",
       'datapackage.json:235: path "data/themes.csv": resources[12] "themes": no such file [missing-file]'),
    # 2. hygiene
    _r("utf-8", "hygiene", "UTF-8 only", "Every byte sequence is valid UTF-8. The rest of the file is still checked.",
       "re-save the file as UTF-8", 'data/countries.csv:3: invalid UTF-8 byte 0xe9 at byte 19 of the line [utf-8]'),
    _r("no-bom", "hygiene", "No byte-order mark", "Files start without the UTF-8 byte-order mark (EF BB BF).",
       "save as UTF-8 without BOM, or run `make fmt`", 'data/themes.csv:1: file starts with a UTF-8 byte-order mark [no-bom]'),
    _r("lf-only", "hygiene", "LF line endings", "Lines end with LF (\\n) only: no CRLF, no stray CR.",
       "run `make fmt` (or set your editor to LF line endings)",
       'data/themes.csv:2: CRLF line endings (1 lines, first at line 2) [lf-only]'),
    _r("final-newline", "hygiene", "Newline at end of file", "The last line ends with LF.",
       "run `make fmt`", 'data/themes.csv:2: no newline at end of file [final-newline]'),
    _r("empty-file", "hygiene", "Not empty", "A data file has at least its header line.",
       "write the header line (the schema's field names) or remove the resource",
       'data/themes.csv: file is empty (not even a header line) [empty-file]'),
    _r("binary-content", "hygiene", "No binary content", "Text files contain no NUL bytes; reading stops at the first one.",
       "the file is not plain CSV text: re-export it as UTF-8 CSV",
       'data/themes.csv:2: NUL byte: binary content, not CSV text (the rest of the file is not read) [binary-content]'),
    _r("line-too-long", "hygiene", "No giant lines", "No line is longer than 1 MB; longer lines are skipped, not read into memory.",
       "split the text or move it to a source document", 'data/themes.csv:2: line longer than 1000000 bytes (skipped) [line-too-long]'),
    _r("csv-syntax", "hygiene", "Parsable CSV", "The CSV reader accepts every record (e.g. no unterminated quote at end of file).",
       "check the quotes on this line", 'data/countries.csv:6: unbalanced quote: this record may swallow the lines after it [csv-syntax]'),
    _r("header", "hygiene", "Header = schema field names", "The first line lists the schema's field names, in order, exactly.",
       "copy the header from the schema's field names", 'data/countries.csv:1: expected "name" in column 3, found "country_name" [header]'),
    _r("blank-row", "hygiene", "No blank rows", "No empty line and no row whose cells are all empty.",
       "delete the line", 'data/countries.csv:3: empty line [blank-row]'),
    _r("ragged-row", "hygiene", "Every row has as many cells as the header", "Each row has exactly one cell per field.",
       "check for a missing or extra comma (quote cells containing commas)",
       'data/themes.csv:2: 5 cells, the header has 4 [ragged-row]'),
    _r("padded-cell", "hygiene", "No leading or trailing spaces", "Cells do not start or end with whitespace.",
       "remove the spaces", 'data/countries.csv:2: name "Belarus ": leading or trailing whitespace [padded-cell]'),
    _r("no-control-characters", "hygiene", "No control characters in cells",
       "No cell holds a control character (U+0001-U+001F but the line feed of a multi-line cell, U+007F-U+009F): "
       "they are invisible in an editor, XLSX cannot store them and a terminal obeys them.",
       "delete the character (often pasted from a PDF or a terminal)",
       'data/themes.csv:2: name "Child\\x07labour": control character U+0007 in the cell [no-control-characters]'),
    _r("canonical-quoting", "hygiene", "Canonical quoting",
       "Each record is written as Python's csv.writer (QUOTE_MINIMAL, \\n) would write it: quotes only where needed.",
       "run `make fmt`", 'data/themes.csv:2: name "Child labour": quoted, but needs no quotes [canonical-quoting]'),
    # 3. table schema
    _r("schema-descriptor", "table-schema", "Table Schema is valid", "Frictionless accepts the Table Schema (known types, well-formed keys).",
       "fix the schema file", 'schemas/themes.schema.json: Field is not valid: field type "strin" is not supported [schema-descriptor]'),
    _r("schema-type", "table-schema", "Cell matches the field type", "Integers are integers, and so on.",
       "write the value in the field's type (see the schema)", 'data/programme_priorities.csv:3: number "two": not a valid integer [schema-type]'),
    _r("schema-required", "table-schema", "Required cells are filled", "A required field has a value in every row.",
       "fill the cell (the schema says it is required)", 'data/countries.csv:3: name: required but empty [schema-required]'),
    _r("schema-enum", "table-schema", "Value from the list", "A field with an enum takes one of its values (case and spaces matter).",
       "use one of the listed values", 'data/countries.csv:5: ilo_region "Afrika": not one of: Africa, Americas, Arab States, Asia and the Pacific, Europe and Central Asia [schema-enum]'),
    _r("schema-pattern", "table-schema", "Value matches the pattern",
       "A field with a pattern matches it (ids, codes). Patterns are evaluated ASCII-only: \\d is 0-9 and \\w is "
       "[A-Za-z0-9_], so fullwidth or other scripts' digits (C０２９) do not pass as an id.",
       "make the value match the pattern: see the field in the data dictionary", 'data/sources.csv:4: source_id "Wikipedia_Members": does not match ^[a-z0-9]+(-[a-z0-9]+)*$ [schema-pattern]'),
    _r("integer-form", "table-schema", "Integers in canonical form, within 64 bits",
       "An integer cell is written with ASCII digits only, an optional leading minus and no leading zero, "
       "underscore or plus sign, and lies within 64 bits. Python's int() (which frictionless uses) also takes "
       "\"2_9\" and fullwidth \"３０\": the CSV would keep them while the JSON and SQLite downloads say 29 and 30; "
       "a larger integer breaks the SQLite and Parquet downloads.",
       "write the number with the digits 0-9 only", 'data/programme_priorities.csv:3: number "2_9": not a plain integer: ASCII digits 0-9 only, an optional leading minus, no leading zeros, no _ or + [integer-form]'),
    _r("partial-date-pattern", "table-schema", "Dates are YYYY, YYYY-MM or YYYY-MM-DD",
       "A partial-date field holds a year, a year-month or a full date, as precise as the source and no more.",
       "write the date as YYYY, YYYY-MM or YYYY-MM-DD", 'data/ratifications.csv:2: ratified "21/08/1956": not a date of the form YYYY, YYYY-MM or YYYY-MM-DD [partial-date-pattern]'),
    _r("schema-constraint", "table-schema", "Other constraints", "minimum, maximum, minLength, maxLength and the like.",
       "see the field's constraints in the schema", 'data/ratifications.csv:3: minimum_age "12": constraint minimum is 14 [schema-constraint]'),
    _r("schema-unique", "table-schema", "Unique values", "A field marked unique has no repeated value.",
       "two rows share the value: keep one", 'data/countries.csv:4: iso2 "CH": same value as line 3 [schema-unique]'),
    _r("schema-primary-key", "table-schema", "Primary key is unique and complete",
       "No two rows share a primary key, and no part of a (composite) primary key is empty.",
       "merge the duplicate rows or fill the key", 'data/ratifications.csv:3: iso3, instrument_id "BLR, C029": duplicate primary key (iso3, instrument_id): same as line 2 [schema-primary-key]'),
    _r("schema-foreign-key", "table-schema", "References resolve",
       "A foreign key points at an existing row of the referenced table, and that row is itself valid "
       "(a row that fails its own table does not satisfy a reference).",
       "add the referenced row first, or fix the value", 'data/ratifications.csv:8: iso3 "UZB": not found in countries.iso3 [schema-foreign-key]'),
    _r("pattern-backtracking", "table-schema", "Patterns finish",
       "No pattern in a Table Schema repeats a group that itself holds an unbounded repeat without a separator, "
       "like ^([a-z]+)*$ or (\\d+\\.?)+: such a pattern can take exponential time on a cell that almost matches. "
       "The table is not checked against a refused pattern.",
       "write the pattern without the nested repeat, e.g. ^[a-z]+$ or ^[a-z0-9]+(-[a-z0-9]+)*$",
       'schemas/themes.schema.json: name "^([a-z]+)*$": a repeated group holds another unbounded repeat (like (a+)+): matching can take exponential time; the table is not checked against it [pattern-backtracking]'),
    _r("time-limit", "table-schema", "Checks finish in time",
       "The Table Schema checks, which run in a background process, finish within the deadline (600 s, or "
       "ILO_VALIDATE_DEADLINE seconds); past it they are stopped and the package does not pass.",
       "look for a slow pattern in the Table Schemas; for a very large package raise ILO_VALIDATE_DEADLINE",
       'datapackage.json: Table Schema checks stopped: they did not finish within 600 s [time-limit]'),
    _r("schema-other", "table-schema", "Other Table Schema problems", "Any other problem frictionless reports, in its words.",
       "read the message; run `frictionless validate datapackage.json` for details", 'data/x.csv: source-error: ... [schema-other]'),
    _r("schema-skipped", "table-schema", "Checks skipped", "Warning: Table Schema and domain checks of a file were skipped because it could not be read reliably.",
       "fix the file's hygiene problems first", 'data/countries.csv: warning: Table Schema checks skipped: fix the problems above first [schema-skipped]'),
    # 4. domain
    _r("ratification-after-adoption", "domain", "Ratified after adoption",
       "A ratification is not dated before the instrument's adoption date. Dates are partial: there is a conflict "
       "only when the latest day the ratification date can mean is before the earliest day the adoption date can mean.",
       "check the date against the source", 'data/ratifications.csv:3: ratified "1973-05": before C138 was adopted (1973-06-26) [ratification-after-adoption]'),
    _r("ratification-after-membership", "domain", "Ratified after joining the ILO",
       "A ratification is not dated before the country's member_since, unless the row is marked `succession` = true "
       "(a successor State holding its predecessor's ratification, such as the Russian Federation continuing the USSR's) "
       "or the country's membership_history records an earlier membership (the earliest year named there counts). "
       "Words in the notes do not count: an exception is a fact in its own field.",
       "check the date, or set succession to true where a source says the country succeeded to the ratification",
       'data/ratifications.csv:3: ratified "1953": before BLR joined the ILO (1954-05-12), and the row is not marked as a succession [ratification-after-membership]'),
    _r("protocol-with-convention", "domain", "Protocols need their Convention",
       "A country that ratified a Protocol has a ratification row for the Protocol's Convention (parent_id).",
       "add the Convention's ratification row, or check the instrument", 'data/ratifications.csv:5: instrument_id "P029": RUS ratified the Protocol but has no ratification of C029 [protocol-with-convention]'),
    _r("status-dates", "domain", "Status dates are consistent",
       "A denounced ratification has a status_date (when the denunciation took effect); a status_date is not before "
       "the ratification (partial-date semantics: a conflict only when certain).",
       "add or correct status_date from the source", 'data/ratifications.csv:4: status_date "": status "denounced" needs a status_date (when it took effect) [status-dates]'),
    _r("registration-from-entry-into-force", "domain", "Registration days inferred from entry into force hold",
       "A row whose date_basis is `entry-into-force` infers the registration day from the day a source gives for the "
       "Convention's entry into force for the country, by the Convention's own final clause (conventions.entry_for_member: "
       "on registration for the Conventions of 1919-1926, 90 days, six months or twelve months after). So the clause is "
       "recorded, `ratified` is a full day, the status is `in force` (stated) with a full-day status_date exactly that long "
       "after it, and the Convention itself was in force before that day (a country that ratified earlier got the "
       "Convention's own day, which says nothing about its registration).",
       "check both days against the source; record the Convention's final clause in conventions.entry_for_member; or use "
       "date_basis ilo-registration or unstated with the date as the source gives it",
       'data/ratifications.csv:3: status_date "2002-05-19": not twelve months after the ratified day (2001-05-18), as C029\'s final clause says [registration-from-entry-into-force]'),
    _r("secondary-source", "domain", "Primary sources first (warning)",
       "A warning, one line per table: rows whose source_id is a secondary source (sources.primary = false: news, "
       "encyclopedias, compilations, copies) while other_source_ids cites a primary one. Follow the primary source "
       "where it gives the value; where it gives less (a year where the secondary gives the day), say so in notes.",
       "make the primary source the row's source_id where it states the value",
       'data/countries.csv:2: source_id: 187 rows follow a secondary source while citing a primary one beside it (this line is the first) [secondary-source]'),
    _r("status-basis", "domain", "A status says where it comes from",
       "A ratification with a status has a status_basis (`stated`: a source says so; `derived`: computed by "
       "`ilo-data derive`), and a status_basis has a status.",
       "set status_basis to stated when a cited source gives the status; let `make derive` write derived ones",
       'data/ratifications.csv:3: status_basis "": status "in force" without a status_basis: stated (a source says so) or derived [status-basis]'),
    _r("status-derived", "domain", "Derived statuses are current",
       "A ratification whose status is derived (or empty) holds what `ilo-data derive` computes from the facts today: "
       "in force once twelve months have passed since registration (and the Convention is in force); not in force "
       "once the country's ratification of a revising Convention (revisions.automatic_denunciation = yes) took effect "
       "(on its registration or its entry into force for the country, as revisions.takes_effect says); "
       "abrogated or withdrawn with the Convention; no status when the country ratified a revising Convention whose "
       "effect is unknown or conditional. A pending ratification that has since entered into force is a "
       "warning (time passed); any other difference is an error.",
       "run `make derive` (ilo-data derive) to rewrite the derived statuses",
       'data/ratifications.csv:40: status "": derived status is out of date: the facts now give "in force" [status-derived]'),
    _r("status-disagrees", "domain", "Stated statuses agree with the facts (warning)",
       "A warning where a status a source states differs from the one the package's facts give, or gives a day the "
       "derived one rules out (an automatic denunciation dated a year apart; an entry into force later than twelve months "
       "after registration, often the day a national act took effect). The source may know "
       "more (an explicit denunciation cannot be derived), or a fact may be wrong: check both and say which the row "
       "follows in its notes.",
       "check the stated status against the registration date, the revisions and the Convention's status",
       'data/ratifications.csv:4: status "denounced": stated "denounced" but the facts give "in force" (registered 1956; in force by 1957 at the latest) [status-disagrees]'),
    _r("revision-forward", "domain", "Revisions point back in time",
       "In revisions, the revising Convention was adopted after the Convention it revises, and no Convention revises itself.",
       "check which of the two is the older Convention",
       'data/revisions.csv:2: revising_id "C005": adopted (1919-11-28) before the Convention it revises, C138 (1973-06-26) [revision-forward]'),
    _r("revision-effect", "domain", "A revision link's details fit its effect",
       "In revisions, `takes_effect` (when an automatic denunciation takes effect) is given only where "
       "automatic_denunciation is `yes`, and `condition` only where it is `conditional`.",
       "set automatic_denunciation to the value the detail belongs to, or empty the detail",
       'data/revisions.csv:2: takes_effect "registration": takes_effect is for automatic_denunciation "yes", not "" [revision-effect]'),
    _r("supplement-not-younger", "domain", "A Recommendation supplements an older Convention",
       "In recommendations, the Convention named in `supplements` (which must exist: a foreign key) was adopted "
       "before the Recommendation or on the same day, never after it.",
       "check the Convention number in supplements and both adoption dates",
       'data/recommendations.csv:2: supplements "C138": adopted (1919) before the Convention it supplements, C138 (1973-06-26) [supplement-not-younger]'),
    _r("real-calendar-dates", "domain", "Dates exist on the calendar",
       "Every partial-date field (a field with the partial-date pattern) is a real calendar date: the day exists "
       "in its month and the year is not 0000 (the calendar starts at year 1).",
       "check the day and month", 'data/programmes.csv:2: signed "2015-02-30": no such calendar day [real-calendar-dates]'),
    _r("date-in-future", "domain", "No date after today",
       "No partial-date field lies after today (the day the validator runs): a source cannot report what has not "
       "happened, and a future day is most often a typo (2999 for 1999). The planned `end` of a programme or project "
       "is the one date that may lie ahead.",
       "check the date against the source",
       'data/ratifications.csv:2: ratified "2999": after today (2026-12-01) [date-in-future]'),
    _r("period-forward", "domain", "Periods run forward",
       "start <= end in every table with start and end (programmes, projects, office_coverage), and "
       "established <= closed in offices (partial-date semantics: a conflict only when certain).",
       "swap or correct the dates", 'data/projects.csv:4: end "2010": before start (2012) [period-forward]'),
    _r("office-hierarchy-acyclic", "domain", "Office hierarchy has no cycle",
       "Following parent_office_id from any office ends at an office without parent.",
       "one office in the loop must point higher up (or have no parent)", 'data/offices.csv:2: parent_office_id "ro-europe": cycle dwt-moscow -> ro-europe -> ilo-hq -> nc-tjk -> dwt-moscow [office-hierarchy-acyclic]'),
    _r("one-office-at-a-time", "domain", "One country-level office at a time",
       "office_coverage periods of one country do not overlap among country-level offices (types \"DWT and country "
       "office\" and \"country office\"). Regional offices, headquarters, national coordinators, liaison and project "
       "offices sit at other levels and are not compared. Periods overlap only when certain: some day lies after "
       "the latest possible start of both and before the earliest possible end of both (an empty end = still covering).",
       "end the earlier coverage when the later begins", 'data/office_coverage.csv:2: start "2020": GEO covered by dwt-budapest from 2020 while dwt-moscow covers it (line 4, 1998–2023): one country-level office at a time [one-office-at-a-time]'),
    _r("sources-exist", "domain", "Cited sources exist",
       "Every source_id (where the schema declares no foreign key for it) and every id in other_source_ids is a source_id in sources.",
       "add the source to data/sources.csv or correct the id", 'data/countries.csv:7: other_source_ids "wikipedia-members;no-such-page": "no-such-page" is not a source_id in sources [sources-exist]'),
    _r("sources-used", "domain", "Every source is cited", "Every row of sources is cited by at least one row of another table.",
       "cite the source from the rows it supports, or remove it", 'data/sources.csv:4: source_id "unused-page": cited by no row of any table [sources-used]'),
    _r("iso-codes-real", "domain", "Real ISO 3166-1 codes",
       "countries.iso2 and iso3 are real ISO 3166-1 codes of the same country (pycountry), except the documented "
       "exceptions: XK / XKX (Kosovo, user-assigned code in common use).",
       "check the code at https://www.iso.org/obp/ui/#search", 'data/countries.csv:2: iso2 "BE": is Belgium, but iso3 BLR is Belarus [iso-codes-real]'),
    _r("category-counts", "domain", "Fundamental and governance counts",
       "conventions holds exactly 10 fundamental and 4 governance Conventions (Protocols not counted).",
       "check the category column against the NORMLEX list", 'data/conventions.csv: category "fundamental": 9 fundamental Conventions (C029, C087, C098, C100, C105, C111, C138, C182, C187), expected 10 [category-counts]'),
    _r("name-script", "domain", "Names in the script of their language",
       "In the label resources (country_names, convention_titles, recommendation_titles, office_names, theme_names), a name or title is "
       "written in its language's script: Cyrillic for ru, Latin for fr and es. A word wholly in another script "
       "is reported; the Russian legal style's Latin N for the numero sign (\"Конвенция N 87\") is accepted.",
       "check the language code, or copy the name again from the source",
       'data/country_names.csv:4: name "Tajikistan": language ru is written in Cyrillic script, but \'Tajikistan\' is not [name-script]'),
    _r("name-lookalikes", "domain", "No look-alike letters of another script",
       "No word of a name or title mixes scripts: a Latin a, c, e, o, p, x or y typed into a Russian word (or a "
       "Cyrillic а, с, е, о, р into a French one) looks right but is another character, and a search for the "
       "word does not find it.",
       "retype the word with one keyboard layout (the message names the letters)",
       'data/country_names.csv:4: name "Тaджикистан": the word \'Тaджикистан\' mixes scripts: Latin \'a\' (U+0061) [name-lookalikes]'),
    _r("name-whitespace", "domain", "No stray whitespace inside names",
       "Inside a name or title, words are separated by one plain space: no double space, tab, line break, "
       "no-break space or zero-width character (leading and trailing spaces are padded-cell).",
       "replace the character with one plain space (or delete it)",
       'data/country_names.csv:4: name "Таджи\u00a0кистан": NO-BREAK SPACE (U+00A0) where a plain space or nothing belongs [name-whitespace]'),
    # 5. json
    _r("json-syntax", "json", "JSON files parse", "Every *.json file of the package (descriptor, schemas/, schemas/json/, data/) is valid UTF-8 JSON.",
       "fix the JSON at the line and column given", 'data/extra.json:3: invalid JSON: Expecting value (column 1) [json-syntax]'),
    _r("json-schema", "json", "JSON files match their JSON Schema",
       "datapackage.json and the Table Schemas match the package's conventions (bundled JSON Schemas); any other JSON "
       "file matching schemas/json/<stem>.schema.json (or naming a local \"$schema\") matches it; formats are checked.",
       "read the path in the message: it points at the offending value", "data/thing.json: when: '2019-02-30' is not a 'date' (schemas/json/thing.schema.json) [json-schema]"),
    _r("json-schema-invalid", "json", "JSON Schemas are valid", "Every schemas/json/*.schema.json is a valid JSON Schema for its declared draft.",
       "fix the schema", "schemas/json/thing.schema.json: type: 'objekt' is not valid under any of the given schemas [json-schema-invalid]"),
]

_BY_NAME = {rule.name: rule for rule in RULES}


def rule_info(name: str) -> Rule:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown rule {name!r}: add it to ilo_data.validate.rules.RULES") from None


def layer_rules(layer: str) -> list[Rule]:
    return [rule for rule in RULES if rule.layer == layer]
