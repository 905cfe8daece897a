"""The routes the app declares match `spec/openapi.yaml`, operation by operation, both ways.

Routes are bound to the spec by `operations.bind_operations`; this checks the result. For every
operation it compares the method and path, the `operationId`, the parameters (name, location,
required, and every bound of their schema) and the documented status codes, as FastAPI derives
them from the bound routes and the handlers' code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pytest
from fastapi.openapi.utils import get_openapi

from patient_tracker.app import create_app
from patient_tracker.contract.spec_document import spec_dict, walk_operations
from patient_tracker.settings import Settings

METHODS = ("get", "put", "post", "patch", "delete")
# The schema keywords that state a contract; titles, descriptions and examples are prose.
CONSTRAINTS = (
    "type",
    "format",
    "enum",
    "default",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "pattern",
)

Operations = dict[tuple[str, str], dict[str, Any]]


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = {
            **document["components"]["schemas"][name],
            **{k: v for k, v in schema.items() if k != "$ref"},
        }
    # FastAPI spells an optional header as `anyOf: [<schema>, {type: null}]`.
    variants = [v for v in schema.get("anyOf", []) if v.get("type") != "null"]
    if len(variants) == 1:
        schema = {
            **_resolve(document, variants[0]),
            **{k: v for k, v in schema.items() if k != "anyOf"},
        }
    return schema


def _parameters(
    document: dict[str, Any], parameters: Iterable[Mapping[str, Any]]
) -> dict[tuple[str, str], dict[str, Any]]:
    result = {}
    for parameter in parameters:
        schema = _resolve(document, parameter["schema"])
        # HTTP header names are case-insensitive.
        name = parameter["name"].lower() if parameter["in"] == "header" else parameter["name"]
        result[(parameter["in"], name)] = {
            "required": parameter.get("required", False),
            **{key: schema[key] for key in CONSTRAINTS if key in schema},
        }
    return result


def _added_by_fastapi(response: dict[str, Any]) -> bool:
    """FastAPI adds a 422 (`HTTPValidationError`) to every route with parameters. The app never
    sends that body: its handler answers path errors with 404 and everything else with the 422
    problem the routes declare themselves, so FastAPI's own entry is not a claim of the route."""
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return bool(schema.get("$ref", "").endswith("/HTTPValidationError"))


def _operations(document: dict[str, Any]) -> Operations:
    operations: Operations = {}
    for method, path, operation, parameters in walk_operations(document):
        if method.lower() in METHODS:
            responses = operation["responses"]
            operations[(method, path)] = {
                "operationId": operation.get("operationId"),
                "statuses": sorted(s for s, r in responses.items() if not _added_by_fastapi(r)),
                "parameters": _parameters(document, parameters),
            }
    return operations


@pytest.fixture(scope="module")
def declared() -> Operations:
    app = create_app(Settings(database_url="sqlite:///unused.db"))
    return _operations(get_openapi(title=app.title, version="0", routes=app.routes))


@pytest.fixture(scope="module")
def specified() -> Operations:
    return _operations(spec_dict())


def test_every_specified_operation_has_a_route_and_no_route_is_unspecified(
    declared: Operations, specified: Operations
) -> None:
    assert sorted(declared) == sorted(specified)


@pytest.mark.parametrize("part", ["operationId", "statuses", "parameters"])
def test_each_route_declares_what_the_spec_says(
    declared: Operations, specified: Operations, part: str
) -> None:
    differences = {
        operation: {"route": declared[operation][part], "spec": specified[operation][part]}
        for operation in sorted(set(declared) & set(specified))
        if declared[operation][part] != specified[operation][part]
    }
    assert differences == {}
