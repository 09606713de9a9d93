"""Layer 1, descriptor safety: datapackage.json and every Table Schema parse; every path stays inside the root.

Nothing here follows a URL: schemas are loaded from local files and handed on as dicts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

from ..outpaths import special_file
from ..paths import DESCRIPTOR_NAME
from .jsonload import line_of, load_json
from .problems import Problems

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
# Bounds on what a descriptor may ask of the validator (the real package: 16 resources of at most
# 20 fields, descriptors of a few KB). Past them it is refused unread, not checked slowly.
MAX_DESCRIPTOR_BYTES = 5_000_000     # datapackage.json, and each Table Schema
MAX_RESOURCES = 1_000
MAX_FIELDS = 1_000                   # per Table Schema


@dataclass
class ResourceSpec:
    index: int
    name: str
    rel: str                      # data path as written (relative, forward slashes)
    file: Path | None             # resolved file, None when unsafe or missing
    schema: dict | None = None
    schema_rel: str | None = None
    dialect: dict = field(default_factory=dict)

    @property
    def field_names(self) -> list[str]:
        return [f.get("name") for f in (self.schema or {}).get("fields", [])]

    @property
    def usable(self) -> bool:
        return self.file is not None and self.schema is not None


@dataclass
class PackageSpec:
    root: Path
    descriptor: dict | None = None
    descriptor_text: str = ""
    resources: list[ResourceSpec] = field(default_factory=list)
    json_loaded: dict[str, object] = field(default_factory=dict)  # rel path -> parsed data (for layer 5)

    @property
    def fatal(self) -> bool:
        """True when there is no package to check at all."""
        return self.descriptor is None

    def by_name(self, name: str) -> ResourceSpec | None:
        return next((r for r in self.resources if r.name == name), None)


def path_problem(root: Path, text: str) -> tuple[str, str] | None:
    """(rule, message) when `text` is not a safe relative path to an existing file inside `root`."""
    if "\x00" in text:
        return "unsafe-path", "contains a NUL character"
    if _URL.match(text) or text.startswith("//"):
        return "unsafe-path", "is a URL: the package must be self-contained (the validator never fetches URLs)"
    if text.startswith(("/", "\\")) or PureWindowsPath(text).is_absolute() or PureWindowsPath(text).drive:
        return "unsafe-path", "is an absolute path: use a path relative to the package root"
    if "\\" in text:
        return "unsafe-path", "uses backslashes: use forward slashes"
    if ".." in text.split("/"):
        return "unsafe-path", 'goes outside the package with ".."'
    full = root / text
    try:
        resolved = full.resolve()
    except (OSError, RuntimeError) as exc:  # symlink loop
        return "unsafe-path", f"cannot be resolved: {exc}"
    if not resolved.is_relative_to(root.resolve()):
        return "unsafe-path", "resolves outside the package (through a symbolic link)"
    if not full.exists():
        return "missing-file", "no such file"
    kind = special_file(full)
    if kind:
        return "missing-file", f"is a {kind}, not a regular file (never read: it could block forever)"
    if not full.is_file():
        return "missing-file", "is not a regular file"
    return None


def _load_schema(root: Path, res: dict, where: str, spec: PackageSpec, problems: Problems) -> tuple[dict | None, str | None]:
    schema = res.get("schema")
    dp = DESCRIPTOR_NAME
    if isinstance(schema, dict):
        return _check_schema_shape(schema, dp, where, problems), None
    if not isinstance(schema, str) or not schema:
        problems.add(dp, None, "descriptor-structure", f'{where} has no "schema" (a path to a Table Schema file)')
        return None, None
    issue = path_problem(root, schema)
    if issue:
        problems.add(dp, line_of(spec.descriptor_text, schema), issue[0], f"{where}: {issue[1]}", field="schema",
                     value=schema)
        return None, schema
    if schema in spec.json_loaded:
        data = spec.json_loaded[schema]
    elif too_large(root / schema, schema, problems):
        spec.json_loaded[schema] = None
        return None, schema
    else:
        loaded = load_json(root / schema)
        if not loaded.ok:
            problems.add(schema, loaded.line, "descriptor-json", loaded.error)
            spec.json_loaded[schema] = None
            return None, schema
        for key in loaded.duplicates:
            problems.add(schema, line_of(loaded.text, key), "descriptor-json", f'duplicate key "{key}"')
        data = spec.json_loaded[schema] = loaded.data
    return (_check_schema_shape(data, schema, "schema", problems) if data is not None else None), schema


def too_large(path: Path, rel: str, problems: Problems) -> bool:
    """True (and reported) when a descriptor file is over MAX_DESCRIPTOR_BYTES: it is not read."""
    try:
        size = path.stat().st_size
    except OSError:
        return False   # load_json reports why it cannot be read
    if size <= MAX_DESCRIPTOR_BYTES:
        return False
    problems.add(rel, None, "descriptor-size", f"{size:,} bytes: over the {MAX_DESCRIPTOR_BYTES:,} a descriptor may have; not read")
    return True


def _check_schema_shape(data, file: str, where: str, problems: Problems) -> dict | None:
    fields = data.get("fields") if isinstance(data, dict) else None
    if not isinstance(fields, list) or not fields:
        problems.add(file, None, "descriptor-structure", f'{where}: a Table Schema is an object with a non-empty "fields" list')
        return None
    if len(fields) > MAX_FIELDS:
        problems.add(file, None, "descriptor-size", f"{where}: {len(fields):,} fields, over the {MAX_FIELDS:,} a Table Schema may have")
        return None
    names = []
    for i, fld in enumerate(fields):
        if not isinstance(fld, dict) or not isinstance(fld.get("name"), str) or not fld["name"]:
            problems.add(file, None, "descriptor-structure", f'{where}: fields[{i}] has no "name"')
            return None
        names.append(fld["name"])
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        problems.add(file, None, "descriptor-structure", f"{where}: duplicate field names: {', '.join(dupes)}")
        return None
    return data


def check_descriptor(root: Path, problems: Problems) -> PackageSpec:
    root = Path(root)
    spec = PackageSpec(root=root)
    dp = DESCRIPTOR_NAME
    if not root.is_dir():
        problems.add(str(root), None, "missing-file", "package root is not a directory", hint="check the --root option")
        return spec
    if not (root / dp).is_file():
        problems.add(dp, None, "missing-file", "no datapackage.json here or in any folder above",
                     hint="run inside a package (or one of its folders), or give its PATH: a folder, a datapackage.json or a release zip")
        return spec
    if too_large(root / dp, dp, problems):
        return spec
    loaded = load_json(root / dp)
    if not loaded.ok:
        problems.add(dp, loaded.line, "descriptor-json", loaded.error)
        return spec
    spec.descriptor_text = loaded.text
    for key in loaded.duplicates:
        problems.add(dp, line_of(loaded.text, key), "descriptor-json", f'duplicate key "{key}" (the last one wins silently)')
    data = loaded.data
    spec.json_loaded[dp] = data
    if not isinstance(data, dict) or not isinstance(data.get("resources"), list):
        problems.add(dp, None, "descriptor-structure", 'the descriptor is an object with a "resources" list')
        return spec
    if len(data["resources"]) > MAX_RESOURCES:
        problems.add(dp, None, "descriptor-size",
                     f'{len(data["resources"]):,} resources, over the {MAX_RESOURCES:,} a package may have; not checked further')
        return spec
    spec.descriptor = data
    seen: set[str] = set()
    paths: set[str] = set()
    for index, res in enumerate(data["resources"]):
        where = f"resources[{index}]"
        if not isinstance(res, dict):
            problems.add(dp, None, "descriptor-structure", f"{where} is not an object")
            continue
        name = res.get("name")
        if not isinstance(name, str) or not name:
            problems.add(dp, None, "descriptor-structure", f'{where} has no "name"')
            continue
        where = f'{where} "{name}"'
        if name in seen:
            problems.add(dp, line_of(loaded.text, name), "descriptor-structure", f"{where}: duplicate resource name")
            continue
        seen.add(name)
        path = res.get("path")
        file = None
        if not isinstance(path, str) or not path:
            problems.add(dp, None, "descriptor-structure", f'{where} has no "path" (one relative path as a string)')
            path = ""
        else:
            issue = path_problem(root, path)
            if path in paths:   # one file listed many times would be read as many times
                problems.add(dp, line_of(loaded.text, path), "descriptor-structure",
                             f"{where}: duplicate resource path (another resource reads this file)", field="path", value=path)
            elif issue:
                problems.add(dp, line_of(loaded.text, path), issue[0], f"{where}: {issue[1]}", field="path", value=path)
            else:
                file = root / path
            paths.add(path)
        schema, schema_rel = _load_schema(root, res, where, spec, problems)
        dialect = res.get("dialect") if isinstance(res.get("dialect"), dict) else {}
        spec.resources.append(ResourceSpec(index, name, path, file, schema, schema_rel, dialect))
    return spec
