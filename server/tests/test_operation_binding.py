"""The operation binder refuses to start an app whose handlers disagree with the spec.

Each case takes the app's real handlers, breaks one thing, and binds them to a fresh app: the
binder must raise `OperationBindingError` naming the operation and the disagreement. The last
cases go through `create_app` itself, and check what the binder takes from the spec.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Annotated, Any

import pytest
from fastapi import FastAPI, Query
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.app import HANDLER_MODULES, create_app
from patient_tracker.auth.route import SecuredRoute
from patient_tracker.contract.api_models import (
    ListPatientsParametersQuery,
    ListPractitionersParametersQuery,
    PatientCreate,
    PatientUpdate,
)
from patient_tracker.contract.spec_document import spec_dict
from patient_tracker.patients import router as patients_handlers
from patient_tracker.settings import Settings
from patient_tracker.web.deps import IdInPath, IfMatch
from patient_tracker.web.operations import (
    OperationBindingError,
    bind_operations,
    handlers_in,
    operation,
    operations_in,
    spec_operations,
)

Handler = Callable[..., Any]
MODULES = HANDLER_MODULES


def _real_handlers() -> list[Handler]:
    return handlers_in(*MODULES)


def _without(operation_id: str) -> list[Handler]:
    return [
        h for h in _real_handlers() if getattr(h, "__spec_operation_id__", None) != operation_id
    ]


def _refusal(handlers: list[Handler]) -> str:
    with pytest.raises(OperationBindingError) as refused:
        bind_operations(FastAPI(), handlers)
    return str(refused.value)


def test_the_real_handlers_bind_every_operation_of_the_spec() -> None:
    app = FastAPI()
    bind_operations(app, _real_handlers())
    routes = {str(r.operation_id): r for r in app.router.routes if isinstance(r, APIRoute)}
    assert sorted(routes) == sorted(spec_operations())
    for operation_id, spec in spec_operations().items():
        route = routes[operation_id]
        assert (route.path, route.methods) == (spec.path, {spec.method})
        assert route.status_code == spec.success_status
        assert sorted(int(s) for s in route.responses) == list(spec.error_statuses)
        assert isinstance(route, SecuredRoute)


def test_an_operation_without_a_handler_is_refused() -> None:
    message = _refusal(_without("getPatient"))
    assert "getPatient (spec) has no handler" in message


def test_a_handler_naming_an_operation_the_spec_lacks_is_refused() -> None:
    @operation("getPatientt")
    async def typo(request: Request, patient_id: IdInPath) -> Response:
        raise NotImplementedError

    message = _refusal([*_real_handlers(), typo])
    assert "names 'getPatientt', which the spec does not have" in message


def test_a_public_coroutine_naming_no_operation_is_refused() -> None:
    module = ModuleType("fake_handlers")

    async def forgotten(request: Request) -> Response:
        raise NotImplementedError

    forgotten.__module__ = module.__name__
    module.forgotten = forgotten  # type: ignore[attr-defined]
    assert handlers_in(module) == [forgotten]
    message = _refusal([*_real_handlers(), *handlers_in(module)])
    assert "fake_handlers" in message
    assert "names no operation" in message


def test_two_handlers_for_one_operation_are_refused() -> None:
    @operation("getHealth")
    async def another_health() -> Response:
        raise NotImplementedError

    assert "getHealth has two handlers" in _refusal([*_real_handlers(), another_health])


def test_a_path_parameter_named_otherwise_than_in_the_spec_is_refused() -> None:
    @operation("getPatient")
    async def get_patient(request: Request, id: IdInPath) -> Response:
        raise NotImplementedError

    message = _refusal([*_without("getPatient"), get_patient])
    assert "getPatient: path parameters ['id'] != ['patient_id']" in message


def test_a_missing_header_parameter_is_refused() -> None:
    @operation("deletePatient")
    async def delete_patient(request: Request, patient_id: IdInPath) -> Response:
        raise NotImplementedError

    message = _refusal([*_without("deletePatient"), delete_patient])
    assert "deletePatient: headers [] != ['if-match']" in message


def test_another_operations_query_model_is_refused() -> None:
    @operation("listPatients")
    async def list_patients(request: Request, query: ListPractitionersParametersQuery) -> Response:
        raise NotImplementedError

    message = _refusal([*_without("listPatients"), list_patients])
    assert (
        "listPatients: query model ListPractitionersParametersQuery != "
        "ListPatientsParametersQuery" in message
    )
    assert "query parameters ['active', 'cursor', 'limit', 'specialty']" in message


def test_a_missing_query_model_is_refused() -> None:
    @operation("listPatients")
    async def list_patients(request: Request) -> Response:
        raise NotImplementedError

    message = _refusal([*_without("listPatients"), list_patients])
    assert "listPatients: no query model, expected ListPatientsParametersQuery" in message


def test_a_query_parameter_outside_the_generated_model_is_refused() -> None:
    @operation("listPatients")
    async def list_patients(
        request: Request, query: ListPatientsParametersQuery, sort: Annotated[str, Query()] = "id"
    ) -> Response:
        raise NotImplementedError

    message = _refusal([*_without("listPatients"), list_patients])
    assert "listPatients: query parameters ['sort'] outside a query model" in message


def test_another_body_model_is_refused() -> None:
    @operation("updatePatient")
    async def update_patient(
        request: Request, patient_id: IdInPath, body: PatientCreate, if_match: IfMatch = None
    ) -> Response:
        raise NotImplementedError

    message = _refusal([*_without("updatePatient"), update_patient])
    assert "updatePatient: body model PatientCreate != PatientUpdate" in message


def test_a_body_on_an_operation_without_one_is_refused() -> None:
    @operation("getPatient")
    async def get_patient(request: Request, patient_id: IdInPath, body: PatientUpdate) -> Response:
        raise NotImplementedError

    message = _refusal([*_without("getPatient"), get_patient])
    assert "getPatient: body model PatientUpdate != None" in message


def test_every_disagreement_is_listed_at_once() -> None:
    kept = [h for h in _real_handlers() if h.__name__ not in {"get_health", "get_patient"}]
    message = _refusal(kept)
    assert "getHealth (spec) has no handler" in message
    assert "getPatient (spec) has no handler" in message


def test_create_app_refuses_to_start_with_an_unbound_handler(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def export_patients(request: Request) -> Response:
        raise NotImplementedError

    export_patients.__module__ = patients_handlers.__name__
    monkeypatch.setattr(patients_handlers, "export_patients", export_patients, raising=False)
    with pytest.raises(OperationBindingError, match="export_patients names no operation"):
        create_app(Settings(database_url="sqlite:///unused.db"))


def test_an_operation_with_two_success_statuses_is_refused() -> None:
    document: dict[str, Any] = {
        "paths": {
            "/x": {"get": {"operationId": "getX", "responses": {"200": {}, "204": {}, "500": {}}}}
        }
    }
    with pytest.raises(OperationBindingError, match="exactly one 2xx"):
        operations_in(document)


def test_the_location_of_a_resource_comes_from_its_get_operation_path() -> None:
    template = next(
        path
        for path, item in spec_dict()["paths"].items()
        if item.get("get", {}).get("operationId") == "getAppointment"
    )
    location = spec_operations()["getAppointment"].location(appointment_id="abc")
    assert location == template.replace("{appointment_id}", "abc")
