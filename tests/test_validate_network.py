"""The validator never touches the network, whatever the descriptor or a JSON file names."""
import socket

import pytest

from ilo_data.validate.runner import validate
from ilo_data.validate.testing import FIXTURES, build_case, has


@pytest.fixture
def no_network(monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError(f"network access attempted: {args!r}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return calls


@pytest.mark.parametrize("case", ["url-schema", "url-path", "remote-ref", "remote-dollar-schema"])
def test_urls_are_reported_not_fetched(case, tmp_path, no_network, monkeypatch):
    # sequential: the check must hold in this very process, where the socket is patched
    monkeypatch.setenv("ILO_VALIDATE_SEQUENTIAL", "1")
    root = tmp_path / "pkg"
    spec = build_case(FIXTURES / "hostile" / case, root)
    result = validate(root)
    assert no_network == []
    want = spec["expect"][0]
    assert has(result.problems.items, want["rule"], want["file"]), [p.as_dict() for p in result.problems.items]
    assert not result.valid


def test_descriptor_profile_urls_are_not_fetched(tmp_path, no_network, monkeypatch):
    monkeypatch.setenv("ILO_VALIDATE_SEQUENTIAL", "1")
    root = tmp_path / "pkg"
    build_case(FIXTURES / "hostile" / "formula-cells", root)
    descriptor = root / "datapackage.json"
    text = descriptor.read_text(encoding="utf-8")
    descriptor.write_text(text.replace('{\n  "name"', '{\n  "profile": "https://example.org/profile.json",\n'
                                       '  "$schema": "https://example.org/dp.json",\n  "name"', 1), encoding="utf-8")
    result = validate(root)
    assert no_network == []
    assert result.valid, [p.as_dict() for p in result.problems.items]


def test_table_schema_profile_urls_are_not_fetched(tmp_path, no_network, monkeypatch):
    monkeypatch.setenv("ILO_VALIDATE_SEQUENTIAL", "1")
    root = tmp_path / "pkg"
    build_case(FIXTURES / "hostile" / "formula-cells", root)
    schema = root / "schemas" / "themes.schema.json"
    text = schema.read_text(encoding="utf-8")
    schema.write_text(text.replace("{", '{"$schema": "https://example.org/ts.json", "profile": "https://example.org/p.json",', 1),
                      encoding="utf-8")
    result = validate(root)
    assert no_network == []
    assert not has(result.problems.items, "schema-descriptor"), [p.as_dict() for p in result.problems.items]
