"""`ilo-data diff OLD NEW`: what changed between two versions of the package, and which version
bump that calls for (docs/versioning.md).

OLD and NEW are git refs (files read with `git show REF:path`, nothing checked out) or folders
holding a datapackage.json (a release folder, or a working tree; `.` is --root). Rows are matched
by primary key; only fields present on both sides are compared. `--check` exits 1 when a change
needs a release it does not have: rows removed or the schema broken without the version bump and
a CHANGELOG.md entry for the new version.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import changelog
from .package import names_list
from .paths import ROOT
from .locate import add_package_arguments

LEVELS = ("none", "patch", "minor", "major")
LAST_RELEASE = "last-release"  # OLD/NEW keyword: the newest tag v<x.y.z> reachable from HEAD
# Properties the build adds to a release descriptor: not part of the package's content.
RELEASE_ONLY = {"bytes", "hash", "rows", "fields"}
FIELD_DOCS = {"title", "description", "example", "rdfType"}


class DiffError(Exception):
    """A version that cannot be read (exit 2)."""


def bump_max(*levels: str) -> str:
    return max(levels, key=LEVELS.index, default="none")


# ---------------------------------------------------------------- reading a version

@dataclass
class Snapshot:
    label: str
    descriptor: dict
    schemas: dict[str, dict] = field(default_factory=dict)
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    changelog: str = ""
    exists: bool = True

    @property
    def version(self) -> str | None:
        return self.descriptor.get("version")


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8")
    except OSError as error:
        raise DiffError(f"cannot run git: {error}") from None
    if result.returncode != 0:
        raise FileNotFoundError(result.stderr.strip())
    return result.stdout


def _reader(spec: str, root: Path):
    """A function relative path -> text (FileNotFoundError when absent), and a label."""
    folder = Path(spec) if spec != "." else Path(root)
    if folder.is_dir():
        return (lambda rel: (folder / rel).read_text(encoding="utf-8")), (str(folder) if spec != "." else "working tree")
    if spec == LAST_RELEASE:
        try:
            spec = _git(root, "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", "HEAD").strip()
        except FileNotFoundError:
            raise DiffError("no release tag (v<version>) is reachable from HEAD; tag the last release or name OLD") from None
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}").strip()
    except FileNotFoundError:
        raise DiffError(f"{spec!r} is neither a folder nor a git ref in {root}") from None
    # `REF:./path` is relative to -C root, so a package in a subfolder of the repository works too.
    return (lambda rel: _git(root, "show", f"{commit}:./{rel}")), spec


def load(spec: str, root: Path = ROOT) -> Snapshot:
    read, label = _reader(spec, Path(root))
    try:
        descriptor = json.loads(read("datapackage.json"))
    except FileNotFoundError:
        # A ref from before the package existed: everything in the other version is new.
        return Snapshot(label, {"resources": []}, exists=False)
    except json.JSONDecodeError as error:
        raise DiffError(f"{label}: datapackage.json is not valid JSON ({error})") from None
    snapshot = Snapshot(label, descriptor)
    try:
        snapshot.changelog = read(changelog.FILENAME)
    except FileNotFoundError:
        pass
    for resource in descriptor.get("resources", []):
        name, schema = resource["name"], resource.get("schema", {})
        try:
            if isinstance(schema, str):
                schema = json.loads(read(schema))
            text = read(resource["path"])
        except FileNotFoundError as error:
            raise DiffError(f"{label}: resource {name}: {error}") from None
        except json.JSONDecodeError as error:
            raise DiffError(f"{label}: schema of {name} is not valid JSON ({error})") from None
        snapshot.schemas[name] = schema
        snapshot.rows[name] = list(csv.DictReader(io.StringIO(text, newline="")))
    return snapshot


# ---------------------------------------------------------------- comparing


def _change(kind: str, bump: str, detail: str, **extra) -> dict:
    return {"change": kind, "bump": bump, "detail": detail, **extra}


def schema_changes(old: dict, new: dict) -> list[dict]:
    changes = []
    old_fields = {f["name"]: f for f in old.get("fields", [])}
    new_fields = {f["name"]: f for f in new.get("fields", [])}
    for name in old_fields:
        if name not in new_fields:
            changes.append(_change("field-removed", "major", f"field `{name}` removed (or renamed)", field=name))
    for name in new_fields:
        if name not in old_fields:
            changes.append(_change("field-added", "minor", f"field `{name}` added", field=name))
    common_old = [n for n in old_fields if n in new_fields]
    common_new = [n for n in new_fields if n in old_fields]
    if common_old != common_new:
        changes.append(_change("fields-reordered", "major", "column order changed (readers by position break)"))
    for name in common_new:
        changes += _field_changes(name, old_fields[name], new_fields[name])
    if names_list(old.get("primaryKey")) != names_list(new.get("primaryKey")):
        changes.append(_change("primary-key-changed", "major", f"primary key {names_list(old.get('primaryKey'))} -> {names_list(new.get('primaryKey'))}"))
    old_fks = [json.dumps(fk, sort_keys=True) for fk in old.get("foreignKeys", [])]
    new_fks = [json.dumps(fk, sort_keys=True) for fk in new.get("foreignKeys", [])]
    for fk in old_fks:
        if fk not in new_fks:
            changes.append(_change("foreign-key-removed", "major", f"foreign key removed: {_fk_text(fk)}"))
    for fk in new_fks:
        if fk not in old_fks:
            changes.append(_change("foreign-key-added", "minor", f"foreign key added: {_fk_text(fk)}"))
    if old.get("missingValues", [""]) != new.get("missingValues", [""]):
        changes.append(_change("missing-values-changed", "major", f"missingValues {old.get('missingValues')} -> {new.get('missingValues')}"))
    others = (set(old) | set(new)) - {"fields", "primaryKey", "foreignKeys", "missingValues"}
    for key in sorted(others):
        if old.get(key) != new.get(key):
            changes.append(_change("schema-metadata", "patch", f"schema property `{key}` changed"))
    return changes


def _fk_text(fk_json: str) -> str:
    fk = json.loads(fk_json)
    ref = fk.get("reference", {})
    return f"{', '.join(names_list(fk.get('fields')))} -> {ref.get('resource') or '(self)'}.{', '.join(names_list(ref.get('fields')))}"


def _field_changes(name: str, old: dict, new: dict) -> list[dict]:
    changes = []
    for key in ("type", "format"):
        if old.get(key, "default" if key == "format" else "string") != new.get(key, "default" if key == "format" else "string"):
            changes.append(_change(f"field-{key}-changed", "major", f"`{name}`: {key} {old.get(key)} -> {new.get(key)}", field=name))
    old_c, new_c = old.get("constraints", {}), new.get("constraints", {})
    if "enum" in old_c or "enum" in new_c:
        old_enum, new_enum = old_c.get("enum"), new_c.get("enum")
        if old_enum is None:
            changes.append(_change("vocabulary-narrowed", "major", f"`{name}`: now limited to {new_enum}", field=name))
        elif new_enum is None:
            changes.append(_change("vocabulary-widened", "minor", f"`{name}`: vocabulary removed (any value allowed)", field=name))
        else:
            removed = [v for v in old_enum if v not in new_enum]
            added = [v for v in new_enum if v not in old_enum]
            if removed:
                changes.append(_change("vocabulary-narrowed", "major", f"`{name}`: values removed {removed}", field=name))
            if added:
                changes.append(_change("vocabulary-widened", "minor", f"`{name}`: values added {added}", field=name))
    if bool(old_c.get("required")) != bool(new_c.get("required")):
        if new_c.get("required"):
            changes.append(_change("field-now-required", "minor", f"`{name}`: now required", field=name))
        else:
            changes.append(_change("field-now-optional", "major", f"`{name}`: no longer required (may now be empty)", field=name))
    for key in sorted((set(old_c) | set(new_c)) - {"enum", "required"}):
        if old_c.get(key) != new_c.get(key):
            changes.append(_change("constraint-changed", "minor", f"`{name}`: constraint {key} {old_c.get(key)!r} -> {new_c.get(key)!r}", field=name))
    for key in sorted((set(old) | set(new)) - {"name", "type", "format", "constraints"}):
        if old.get(key) != new.get(key):
            changes.append(_change("field-docs-changed" if key in FIELD_DOCS else "field-property-changed", "patch", f"`{name}`: {key} changed", field=name))
    return changes


def row_changes(old_schema: dict, new_schema: dict, old_rows: list[dict], new_rows: list[dict]) -> dict:
    old_names = [f["name"] for f in old_schema.get("fields", [])] or (list(old_rows[0]) if old_rows else [])
    new_names = [f["name"] for f in new_schema.get("fields", [])] or (list(new_rows[0]) if new_rows else [])
    common = [n for n in new_names if n in old_names]
    key = next((k for k in (names_list(new_schema.get("primaryKey")), names_list(old_schema.get("primaryKey")))
                if k and all(f in common for f in k)), None)
    if key is None:  # no usable key: rows are matched whole
        key = common

    def index(rows):
        return {tuple(row.get(f, "") for f in key): row for row in rows}

    old_index, new_index = index(old_rows), index(new_rows)
    added = sorted(k for k in new_index if k not in old_index)
    removed = sorted(k for k in old_index if k not in new_index)
    changed = []
    for k in sorted(k for k in new_index if k in old_index):
        fields = [f for f in common if (old_index[k].get(f) or "") != (new_index[k].get(f) or "")]
        if fields:
            changed.append({"key": list(k), "fields": fields,
                            "old": {f: old_index[k].get(f, "") for f in fields},
                            "new": {f: new_index[k].get(f, "") for f in fields}})
    return {"key_fields": key, "old_count": len(old_rows), "new_count": len(new_rows),
            "added": [list(k) for k in added], "removed": [list(k) for k in removed], "changed": changed}


def _resource_props(descriptor: dict, name: str) -> dict:
    resource = next((r for r in descriptor.get("resources", []) if r["name"] == name), {})
    return {k: v for k, v in resource.items() if k not in RELEASE_ONLY | {"schema"}}


def compare(old: Snapshot, new: Snapshot) -> dict:
    resources: dict[str, dict] = {}
    package_changes = []
    for name in old.schemas:
        if name not in new.schemas:
            resources[name] = {"status": "removed", "bump": "major", "schema": [], "rows": None}
    for name in new.schemas:
        if name not in old.schemas:
            resources[name] = {"status": "added", "bump": "minor", "schema": [],
                               "rows": {"key_fields": names_list(new.schemas[name].get("primaryKey")), "old_count": 0,
                                        "new_count": len(new.rows[name]), "added": [], "removed": [], "changed": []}}
            continue
        if name not in old.schemas:
            continue
        schema = schema_changes(old.schemas[name], new.schemas[name])
        old_props, new_props = _resource_props(old.descriptor, name), _resource_props(new.descriptor, name)
        for key in sorted(set(old_props) | set(new_props)):
            if old_props.get(key) != new_props.get(key):
                bump = "major" if key == "path" else "patch"
                schema.append(_change("resource-property-changed", bump, f"resource property `{key}` changed"))
        rows = row_changes(old.schemas[name], new.schemas[name], old.rows[name], new.rows[name])
        bump = bump_max(*(c["bump"] for c in schema),
                        "major" if rows["removed"] else "none",
                        "minor" if rows["added"] else "none",
                        "patch" if rows["changed"] else "none")
        resources[name] = {"status": "unchanged" if bump == "none" else "changed", "bump": bump, "schema": schema, "rows": rows}
    compared = (set(old.descriptor) | set(new.descriptor)) - {"resources", "version"} if old.exists and new.exists else set()
    for key in sorted(compared):
        if old.descriptor.get(key) != new.descriptor.get(key):
            package_changes.append(_change("package-property-changed", "major" if key == "name" else "patch", f"package property `{key}` changed"))
    proposed = bump_max(*(r["bump"] for r in resources.values()), *(c["bump"] for c in package_changes))
    return {
        "old": {"label": old.label, "version": old.version},
        "new": {"label": new.label, "version": new.version},
        "package": package_changes,
        "resources": resources,
        "bump": proposed,
        "proposed_version": bumped(old.version, proposed) if old.version else new.version,
        "actual_bump": actual_bump(old.version, new.version),
        "reasons": reasons(resources, package_changes, proposed),
    }


def bumped(version: str, level: str) -> str:
    major, minor, patch = changelog.version_tuple(version)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    if level == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return version


def actual_bump(old: str | None, new: str | None) -> str:
    if not old or not new:
        return "initial" if new and not old else "none"
    a, b = changelog.version_tuple(old), changelog.version_tuple(new)
    if b < a:
        return "downgrade"
    if b == a:
        return "none"
    return "major" if b[0] > a[0] else "minor" if b[1] > a[1] else "patch"


def reasons(resources: dict, package_changes: list, level: str) -> list[str]:
    """Why the proposed bump is what it is: the changes at that level."""
    if level == "none":
        return []
    found = [f"{c['detail']}" for c in package_changes if c["bump"] == level]
    for name, res in resources.items():
        if res["status"] in ("added", "removed") and res["bump"] == level:
            found.append(f"resource `{name}` {res['status']}")
            continue
        found += [f"{name}: {c['detail']}" for c in res["schema"] if c["bump"] == level]
        rows = res.get("rows") or {}
        if level == "major" and rows.get("removed"):
            found.append(f"{name}: {len(rows['removed'])} row(s) removed")
        if level == "minor" and rows.get("added"):
            found.append(f"{name}: {len(rows['added'])} row(s) added")
        if level == "patch" and rows.get("changed"):
            found.append(f"{name}: {len(rows['changed'])} row(s) changed")
    return found


# ---------------------------------------------------------------- the release check

def check(report: dict, new_changelog: str) -> list[str]:
    """Problems that block a merge: a change that needs a release which is not there."""
    problems = [f"CHANGELOG.md {p}" for p in changelog.check(new_changelog)] if new_changelog else []
    old_version, new_version = report["old"]["version"], report["new"]["version"]
    proposed, actual = report["bump"], report["actual_bump"]
    if actual == "downgrade":
        return problems + [f"version went down: {old_version} -> {new_version}"]
    breaking = proposed == "major"
    if breaking and actual == "none":
        problems.append(
            f"breaking change without a release: {'; '.join(report['reasons'])}. "
            f"Run `ilo-data release major` (version {report['proposed_version']}) and describe it in CHANGELOG.md")
    if actual != "none":
        if actual != "initial" and LEVELS.index(actual) < LEVELS.index(proposed):
            problems.append(f"version {old_version} -> {new_version} is a {actual} bump, but the changes call for {proposed}: "
                            f"{'; '.join(report['reasons'])}")
        # A section that is still a stub is reported by changelog.check above.
        if changelog.find(new_changelog, new_version) is None:
            problems.append(f"CHANGELOG.md has no `## [{new_version}] - YYYY-MM-DD` section for the new version")
    return problems


# ---------------------------------------------------------------- output and CLI

def _key(key: list[str]) -> str:
    return " / ".join(key)


def render_text(report: dict, limit: int = 20) -> str:
    old, new = report["old"], report["new"]
    lines = [f"{old['label']} ({old['version'] or 'no package'}) -> {new['label']} ({new['version'] or 'no package'})"]
    unchanged = []
    for change in report["package"]:
        lines.append(f"package: {change['detail']} ({change['bump']})")
    for name, res in report["resources"].items():
        if res["status"] == "unchanged":
            unchanged.append(name)
            continue
        if res["status"] in ("added", "removed"):
            count = f", {res['rows']['new_count']} rows" if res["status"] == "added" else ""
            lines.append(f"{name}: resource {res['status']}{count} ({res['bump']})")
            continue
        rows = res["rows"]
        lines.append(f"{name}: {len(rows['added'])} added, {len(rows['removed'])} removed, {len(rows['changed'])} changed "
                     f"({rows['old_count']} -> {rows['new_count']} rows; key {', '.join(rows['key_fields'])})")
        for change in res["schema"]:
            lines.append(f"  schema: {change['detail']} ({change['bump']})")
        for sign, keys in (("+", rows["added"]), ("-", rows["removed"])):
            for key in keys[:limit]:
                lines.append(f"  {sign} {_key(key)}")
            if len(keys) > limit:
                lines.append(f"  {sign} ... and {len(keys) - limit} more")
        for change in rows["changed"][:limit]:
            lines.append(f"  ~ {_key(change['key'])}: {', '.join(change['fields'])}")
        if len(rows["changed"]) > limit:
            lines.append(f"  ~ ... and {len(rows['changed']) - limit} more")
    if unchanged:
        lines.append(f"unchanged: {', '.join(unchanged)}")
    if report["bump"] == "none":
        lines.append("proposed bump: none (no changes)")
    else:
        target = f"{old['version']} -> {report['proposed_version']}" if old["version"] else "new package"
        lines.append(f"proposed bump: {report['bump']} ({target})")
        lines += [f"  because {r}" for r in report["reasons"][:limit]]
    actual = report["actual_bump"]
    described = {"none": "not bumped", "initial": "first version"}.get(actual, f"{actual} bump")
    lines.append(f"version in NEW: {new['version']} ({described})")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", nargs="?", default="HEAD",
                        help=f"git ref, folder, or `{LAST_RELEASE}` (the newest v* tag) (default: HEAD)")
    parser.add_argument("new", nargs="?", default=".", help="git ref or folder (default: the working tree, `.`)")
    add_package_arguments(parser, positional=False)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--limit", type=int, default=20, help="keys listed per kind of change in text output")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when rows are removed or the schema breaks without a version bump and CHANGELOG.md entry")


def run(args: argparse.Namespace) -> int:
    try:
        old, new = load(args.old, args.root), load(args.new, args.root)
        report = compare(old, new)
    except (DiffError, ValueError, KeyError, OSError) as error:
        print(f"diff: {error}")
        return 2
    problems = check(report, new.changelog) if args.check else []
    if args.format == "json":
        print(json.dumps({**report, "problems": problems}, ensure_ascii=False, indent=2))
    else:
        print(render_text(report, args.limit))
        for problem in problems:
            print(f"check failed: {problem}")
    return 1 if problems else 0
