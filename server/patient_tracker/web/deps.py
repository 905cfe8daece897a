"""What handlers depend on: the database, and the spec's shared header and path parameters.

The parameter bounds are read from `components/parameters` of the spec (and the schemas they
refer to), not restated here; the query parameters come from the generated
`<OperationId>ParametersQuery` models instead.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Header, Path, Request
from fastapi.params import Header as HeaderParam
from fastapi.params import Path as PathParam

from patient_tracker.contract.spec_document import spec_dict
from patient_tracker.db.database import Database

__all__ = [
    "DatabaseDep",
    "EventIdInPath",
    "IdInPath",
    "IdempotencyKey",
    "IfMatch",
    "IfNoneMatch",
    "get_database",
]


async def get_database(request: Request) -> Database:
    """The `Database` the app's lifespan opened.

    `async` although it awaits nothing: FastAPI runs a plain `def` dependency in a worker thread,
    a hand-off that measured ~100 us per request.
    """
    database: Database = request.app.state.db
    return database


DatabaseDep = Annotated[Database, Depends(get_database)]


def _component_parameter(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """`components/parameters/<name>` of the spec and its schema, `$ref`s resolved."""
    components = spec_dict()["components"]
    parameter: dict[str, Any] = components["parameters"][name]
    schema: dict[str, Any] = parameter["schema"]
    while "$ref" in schema:
        schema = components["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return parameter, schema


def _bounds(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "min_length": schema.get("minLength"),
        "max_length": schema.get("maxLength"),
        "pattern": schema.get("pattern"),
    }


def spec_header(name: str) -> HeaderParam:
    """The FastAPI `Header` of the spec's header parameter `name`, with its bounds."""
    parameter, schema = _component_parameter(name)
    header: HeaderParam = Header(
        alias=parameter["name"], description=parameter.get("description"), **_bounds(schema)
    )
    return header


def spec_path(name: str) -> PathParam:
    """The FastAPI `Path` of the spec's path parameter `name`, with its bounds."""
    parameter, schema = _component_parameter(name)
    path: PathParam = Path(description=parameter.get("description"), **_bounds(schema))
    return path


IfMatch = Annotated[str | None, spec_header("IfMatch")]
IfNoneMatch = Annotated[str | None, spec_header("IfNoneMatch")]
IdempotencyKey = Annotated[str | None, spec_header("IdempotencyKey")]
# An id in a path: every `<Resource>Id` parameter refers to the `Id` schema, so one type serves
# (its bounds are the schema's; the conformance test compares each operation's). An id outside
# them names nothing, so it is answered with 404 (see `problem_handlers`), as the spec's
# operations document, rather than 422.
IdInPath = Annotated[str, spec_path("PatientId")]
EventIdInPath = Annotated[str, spec_path("EventIdInPath")]
