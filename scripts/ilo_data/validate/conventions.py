"""JSON Schemas for the package's own conventions (spec: "Conventions for every table"), bundled
as data so they travel with the code. Layer 5 checks datapackage.json and every Table Schema
against them, with format checking on (e.g. every `pattern` must be a valid regular expression)."""

SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$"

DESCRIPTOR_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ilo-eeca datapackage.json conventions",
    "type": "object",
    "required": ["name", "version", "resources"],
    "properties": {
        "name": {"type": "string", "pattern": r"^[a-z0-9._-]+$"},
        "version": {"type": "string", "pattern": SEMVER},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "licenses": {"type": "array", "items": {"type": "object", "required": ["name"]}},
        "resources": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/resource"}},
    },
    "$defs": {
        "resource": {
            "type": "object",
            "required": ["name", "path", "schema", "format", "mediatype", "encoding", "dialect"],
            "properties": {
                "name": {"type": "string", "pattern": r"^[a-z0-9_.-]+$"},
                "path": {"type": "string", "pattern": r"^data/[A-Za-z0-9_.-]+\.csv$"},
                "schema": {"type": "string", "pattern": r"^schemas/[A-Za-z0-9_.-]+\.schema\.json$"},
                "format": {"const": "csv"},
                "mediatype": {"const": "text/csv"},
                "encoding": {"const": "utf-8"},
                "dialect": {
                    "type": "object",
                    "properties": {"delimiter": {"const": ","}, "quoteChar": {"const": '"'}, "header": {"const": True}},
                },
            },
        }
    },
}

_NAMES = {"type": "array", "items": {"type": "string"}, "minItems": 1}
_KEY = {"oneOf": [{"type": "string"}, _NAMES]}

TABLE_SCHEMA_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ilo-eeca Table Schema conventions",
    "type": "object",
    "required": ["fields", "missingValues"],
    "properties": {
        "fields": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "title", "type", "description", "example"],
                "properties": {
                    "name": {"type": "string", "pattern": r"^[a-z][a-z0-9_]*$"},
                    "title": {"type": "string", "minLength": 1},
                    "description": {"type": "string", "minLength": 1},
                    "type": {"enum": ["string", "number", "integer", "boolean", "object", "array", "date", "time",
                                      "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any", "list"]},
                    "constraints": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "required": {"type": "boolean"},
                            "unique": {"type": "boolean"},
                            "pattern": {"type": "string", "format": "regex"},
                            "enum": {"type": "array", "minItems": 1},
                            "minimum": {}, "maximum": {}, "exclusiveMinimum": {}, "exclusiveMaximum": {},
                            "minLength": {"type": "integer", "minimum": 0},
                            "maxLength": {"type": "integer", "minimum": 0},
                        },
                    },
                },
            },
        },
        "primaryKey": _KEY,
        "foreignKeys": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["fields", "reference"],
                "properties": {
                    "fields": _KEY,
                    "reference": {"type": "object", "required": ["resource", "fields"],
                                  "properties": {"resource": {"type": "string"}, "fields": _KEY}},
                },
            },
        },
        "missingValues": {"const": [""]},
    },
}
