"""`SecuredRoute` takes each operation's scopes from the spec, and every API route uses it."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.responses import Response

from patient_tracker.app import create_app
from patient_tracker.auth.route import (
    SecuredRoute,
    _scopes_of,
    authenticated_by_its_read,
    operation_scopes,
)
from patient_tracker.contract.spec_document import walk_operations
from patient_tracker.settings import Settings


def _spec_operation_ids() -> set[str]:
    return {
        operation["operationId"]
        for _method, _path, operation, _parameters in walk_operations()
        if "operationId" in operation
    }


def test_every_api_route_is_secured_by_the_spec() -> None:
    app = create_app(Settings(database_url="sqlite:///unused.db"))
    api_routes = [r for r in app.routes if isinstance(r, APIRoute) and r.include_in_schema]
    assert api_routes, "no API routes found"
    for route in api_routes:
        assert isinstance(route, SecuredRoute), f"{route.path} does not authenticate"
    assert {route.operation_id for route in api_routes} == _spec_operation_ids()


@pytest.mark.parametrize(
    ("operation_id", "scopes"),
    [
        ("getHealth", None),
        ("getReadiness", None),
        ("listPatients", ("patients:read",)),
        ("createPatient", ("patients:write",)),
        ("listPatientAppointments", ("patients:read", "appointments:read")),
        ("bookAppointment", ("appointments:write",)),
    ],
)
def test_scopes_come_from_the_spec(operation_id: str, scopes: tuple[str, ...] | None) -> None:
    assert operation_scopes(operation_id) == scopes


def test_every_spec_operation_has_a_supported_requirement() -> None:
    for operation_id in _spec_operation_ids():
        operation_scopes(operation_id)  # raises on anything but one bearerAuth requirement


def test_an_operation_missing_from_the_spec_is_refused() -> None:
    with pytest.raises(LookupError):
        operation_scopes("noSuchOperation")


@pytest.mark.parametrize(
    "requirements",
    [
        [{"bearerAuth": []}, {"otherAuth": []}],  # alternatives
        [{"otherAuth": ["x"]}],  # another scheme
        [{"bearerAuth": [], "otherAuth": []}],  # two schemes at once
    ],
)
def test_unsupported_security_requirements_are_refused(
    requirements: list[dict[str, list[str]]],
) -> None:
    with pytest.raises(ValueError, match="only one 'bearerAuth'"):
        _scopes_of("op", requirements)


def test_a_read_that_forgets_to_authenticate_is_an_error_not_an_answer() -> None:
    """The safety net of `authenticated_by_its_read`: an endpoint so marked that answers without
    having checked the key fails (500), instead of serving an unauthenticated caller."""
    app = FastAPI()
    app.router.route_class = SecuredRoute

    @authenticated_by_its_read
    async def get_patient(patient_id: str) -> Response:
        return Response(patient_id)  # never calls authenticated_read

    app.add_api_route("/v1/patients/{patient_id}", get_patient, operation_id="getPatient")
    headers = {"Authorization": "Bearer ptk_" + "A" * 43}
    with TestClient(app, raise_server_exceptions=True) as client, pytest.raises(RuntimeError) as e:
        client.get("/v1/patients/abc", headers=headers)
    # The route's template, never the request's path (ids stay out of logs).
    assert str(e.value) == "/v1/patients/{patient_id}: answered without authenticating"
