"""The validator asks frictionless to check each distinct descriptor once per run (metadata_memo.py):
same verdicts, fewer checks, and frictionless left as it was."""
import pytest
from frictionless import Field, FrictionlessException, Schema

from ilo_data.validate import metadata_memo
from ilo_data.validate.metadata_memo import checked_once

SCHEMA = {"fields": [{"name": "iso3", "type": "string"}, {"name": "year", "type": "integer"}], "primaryKey": ["iso3"]}


def test_a_descriptor_is_checked_once(monkeypatch):
    calls = []
    check = Field.__dict__["metadata_validate"].__func__

    def counting(cls, descriptor, **kwargs):
        calls.append(descriptor.get("name"))
        yield from check(cls, descriptor, **kwargs)

    monkeypatch.setattr(Field, "metadata_validate", classmethod(counting))
    monkeypatch.setattr(metadata_memo, "_verdicts", {})   # nothing remembered from earlier tests
    with checked_once():
        for _ in range(3):
            Schema.from_descriptor(dict(SCHEMA, fields=[dict(f) for f in SCHEMA["fields"]]))
    assert sorted(calls) == ["iso3", "year"]


def test_a_bad_descriptor_fails_every_time():
    bad = {"fields": [{"name": "year", "type": "integer", "constraints": {"pattern": "^1"}}]}
    with checked_once():
        for _ in range(2):
            with pytest.raises(FrictionlessException, match="not valid"):
                Schema.from_descriptor({"fields": [dict(f) for f in bad["fields"]]})


def test_frictionless_is_left_as_it_was():
    before = {cls: cls.__dict__["metadata_validate"] for cls in (Field, Schema)}
    with checked_once():
        assert Field.__dict__["metadata_validate"] is not before[Field]
    assert {cls: cls.__dict__["metadata_validate"] for cls in (Field, Schema)} == before
