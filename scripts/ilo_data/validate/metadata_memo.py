"""Frictionless checks a descriptor each time it builds an object from it, and it builds the same
fields, schemas and resources again and again in one validation (every copy of a resource, every
foreign-key lookup, every header). About a third of a small package's validation went on checking
descriptors it had already checked. Inside `checked_once()`, a descriptor's verdict is computed
once and reused: it depends only on the descriptor, the Data Package version imposed by its
ancestors, and (for a resource) whether frictionless trusts paths.

frictionless is pinned (constraints.txt): the block replaces the `metadata_validate` classmethods of
its Field, Schema and Resource and puts them back on the way out; tests/test_validate_metadata_memo.py
checks both, and the validator's own tests that the verdicts do not change.
"""
from __future__ import annotations

import json
from contextlib import contextmanager

_LIMIT = 20_000   # distinct descriptors kept; a package has a few hundred
_verdicts: dict[tuple, list] = {}


def _key(cls, descriptor, context, trusted: bool) -> tuple | None:
    try:
        text = json.dumps(descriptor, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):   # not plain JSON: check it every time
        return None
    version = getattr(context, "datapackage_version", None)
    return (cls.__module__, cls.__qualname__, text, version, trusted)


def _remembering(original, trusted_of):
    check = original.__func__

    def metadata_validate(cls, descriptor, *args, **kwargs):
        key = _key(cls, descriptor, kwargs.get("context"), trusted_of())
        if key is None:
            yield from check(cls, descriptor, *args, **kwargs)
            return
        if key not in _verdicts:
            if len(_verdicts) >= _LIMIT:
                _verdicts.clear()
            _verdicts[key] = list(check(cls, descriptor, *args, **kwargs))
        yield from _verdicts[key]

    return classmethod(metadata_validate)


@contextmanager
def checked_once():
    """Within the block, frictionless checks each distinct field, schema and resource descriptor once."""
    from frictionless import Field, Resource, Schema, system

    originals = {cls: cls.__dict__["metadata_validate"] for cls in (Field, Schema, Resource)}
    for cls, original in originals.items():
        setattr(cls, "metadata_validate", _remembering(original, lambda: bool(system.trusted)))
    try:
        yield
    finally:
        for cls, original in originals.items():
            setattr(cls, "metadata_validate", original)
