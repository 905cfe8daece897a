"""The scopes an API key can carry are the ones the spec's operations require, read from it."""

from __future__ import annotations

from typing import Any

from patient_tracker.auth.scopes import ALL_SCOPES, Scope, scopes_in
from patient_tracker.contract.spec_document import spec_dict


def test_all_scopes_are_exactly_those_the_spec_requires() -> None:
    required = {
        scope
        for path_item in spec_dict()["paths"].values()
        for operation in path_item.values()
        if isinstance(operation, dict)
        for requirement in operation.get("security", [])
        for scopes in requirement.values()
        for scope in scopes
    }
    assert set(ALL_SCOPES) == required
    assert len(ALL_SCOPES) == len(required)
    assert {str(member) for member in Scope} == required


def test_canonical_order_follows_the_spec_tags_then_read_before_write() -> None:
    document: dict[str, Any] = {
        "tags": [{"name": "Zebras"}, {"name": "Apples"}],
        "security": [{"bearerAuth": ["apples:read"]}],
        "paths": {
            "/a": {
                "get": {"operationId": "a"},
                "post": {"security": [{"bearerAuth": ["apples:write", "zebras:write"]}]},
            },
            "/z": {"get": {"security": [{"bearerAuth": ["zebras:read", "extra:read"]}]}},
            "/public": {"get": {"security": []}},
        },
    }
    assert scopes_in(document) == (
        "zebras:read",
        "zebras:write",
        "apples:read",
        "apples:write",
        "extra:read",
    )
