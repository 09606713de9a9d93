"""Layer 5, JSON: every *.json file of the package parses; those with a JSON Schema match it.

Which schema: datapackage.json and the Table Schemas -> the bundled conventions (conventions.py);
schemas/json/*.schema.json -> checked as JSON Schemas (their declared draft); any other JSON file
whose name is <stem>.json with a schemas/json/<stem>.schema.json, or whose "$schema" names a local
file, -> that schema. Format checking is on. References resolve only among local schemas: nothing
is fetched (an explicit registry turns off jsonschema's remote retrieval).
"""
from __future__ import annotations

import os
from pathlib import Path

from ..paths import DESCRIPTOR_NAME
from .conventions import DESCRIPTOR_SCHEMA, TABLE_SCHEMA_SCHEMA
from .descriptor import PackageSpec, path_problem
from .jsonload import load_json
from .problems import Problems

JSON_DIRS = ("schemas", "data")
JSON_SCHEMA_DIR = "schemas/json"


def json_files(root: Path) -> list[str]:
    found = [DESCRIPTOR_NAME] if (root / DESCRIPTOR_NAME).is_file() else []
    for top in JSON_DIRS:
        for folder, dirs, files in os.walk(root / top):   # does not follow symlinked folders
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".json"):
                    found.append((Path(folder) / name).relative_to(root).as_posix())
    return found


def _registry(schemas: dict[str, dict]):
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
    resources = []
    for rel, schema in schemas.items():
        resource = Resource.from_contents(schema, default_specification=DRAFT202012)
        resources.append((Path(rel).name, resource))
        if isinstance(schema.get("$id"), str):
            resources.append((schema["$id"], resource))
    return Registry().with_resources(resources)


def _check(instance, schema: dict, rel: str, label: str, registry, problems: Problems,
           schema_file: str | None = None) -> None:
    from jsonschema import FormatChecker
    from jsonschema.validators import validator_for
    from referencing.exceptions import Unresolvable
    try:
        cls = validator_for(schema)
        validator = cls(schema, registry=registry, format_checker=FormatChecker())
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    except Unresolvable as exc:
        problems.add(rel, None, "json-schema-invalid", f"{label}: cannot resolve {exc} (only local references are followed)")
        return
    except RecursionError:   # e.g. {"$ref": "#"}: jsonschema follows the reference forever
        problems.add(schema_file or rel, None, "json-schema-invalid",
                     f"refers to itself without end (a $ref loop): {rel} cannot be checked against it")
        return
    for error in errors:   # Problems keeps the first few of a file and counts the rest
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        problems.add(rel, None, "json-schema", f"{where}: {error.message} ({label})")


def check_json(spec: PackageSpec, problems: Problems) -> int:
    """Check every JSON file; returns how many were read."""
    from jsonschema.exceptions import SchemaError
    from jsonschema.validators import validator_for
    root = spec.root
    parsed: dict[str, object] = {}
    for rel in json_files(root):
        if rel in spec.json_loaded:                       # read (and reported on) by layer 1
            if spec.json_loaded[rel] is not None:
                parsed[rel] = spec.json_loaded[rel]
            continue
        issue = path_problem(root, rel)
        if issue:
            problems.add(rel, None, issue[0], issue[1])
            continue
        loaded = load_json(root / rel)
        if not loaded.ok:
            problems.add(rel, loaded.line, "json-syntax", loaded.error)
            continue
        for key in loaded.duplicates:
            problems.add(rel, None, "json-syntax", f'duplicate key "{key}"')
        parsed[rel] = loaded.data

    json_schemas = {rel: data for rel, data in parsed.items()
                    if rel.startswith(JSON_SCHEMA_DIR + "/") and rel.endswith(".schema.json") and isinstance(data, dict)}
    for rel, schema in json_schemas.items():
        try:
            validator_for(schema).check_schema(schema)
        except SchemaError as exc:
            where = "/".join(str(p) for p in exc.absolute_path) or "(top level)"
            problems.add(rel, None, "json-schema-invalid", f"{where}: {exc.message}")
        except RecursionError:
            problems.add(rel, None, "json-schema-invalid", "refers to itself without end (a $ref loop)")
    registry = _registry(json_schemas)
    table_schemas = {r.schema_rel for r in spec.resources if r.schema_rel}
    by_stem = {Path(rel).name[: -len(".schema.json")]: rel for rel in json_schemas}
    for rel, data in parsed.items():
        if rel == DESCRIPTOR_NAME:
            _check(data, DESCRIPTOR_SCHEMA, rel, "package conventions", registry, problems)
        elif rel in table_schemas:
            _check(data, TABLE_SCHEMA_SCHEMA, rel, "Table Schema conventions", registry, problems)
        elif rel in json_schemas:
            continue
        else:
            target = _schema_for(rel, data, by_stem, root, problems)
            if target and target in json_schemas:
                _check(data, json_schemas[target], rel, target, registry, problems, schema_file=target)
    return len(parsed)


def _schema_for(rel: str, data, by_stem: dict, root: Path, problems: Problems) -> str | None:
    declared = data.get("$schema") if isinstance(data, dict) else None
    if isinstance(declared, str) and not declared.startswith(("http://json-schema.org/", "https://json-schema.org/")):
        target = (Path(rel).parent / declared).as_posix() if not declared.startswith("schemas/") else declared
        issue = path_problem(root, target) if "://" not in declared else ("unsafe-path", "is a URL")
        if issue:
            problems.add(rel, None, "json-schema", f'"$schema" {declared!r} {issue[1]}: not followed')
            return None
        return os.path.normpath(target).replace(os.sep, "/")
    return by_stem.get(Path(rel).name[:-len(".json")])
