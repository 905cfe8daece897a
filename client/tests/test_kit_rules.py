"""The test kit reads the API's rules from the spec it ships and restates none of them: no path,
no appointment status, no duration in its code; a spec with other paths, another limit, another
status machine and other statuses makes another kit. It answers every operation of the spec, and
its validation errors follow the spec's rule: one entry per offending field or parameter (the
live server's answers to the same requests are compared step by step in
`test_kit_differential.py`)."""

from __future__ import annotations

import ast
import copy
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

import patient_tracker_client.testing
from patient_tracker_client.testing import MockApi, Spec, bundled_spec
from patient_tracker_client.testing._store import Store

KIT = Path(patient_tracker_client.testing.__file__).resolve().parent
START = datetime(2031, 5, 5, 9, 0, tzinfo=UTC)


def status_schema(document: dict[str, Any]) -> dict[str, Any]:
    """The schema that declares the status machine (`AppointmentStatus`)."""
    (schema,) = [
        schema
        for schema in document["components"]["schemas"].values()
        if "x-status-machine" in schema
    ]
    found: dict[str, Any] = schema
    return found


def literals(tree: ast.Module) -> list[str]:
    """Every string literal of a module but its docstrings (f-strings' literal parts too)."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_the_kit_restates_no_path_status_or_duration() -> None:
    document = bundled_spec().document
    statuses = set(status_schema(document)["enum"])
    durations = {
        schema["x-max-duration"]
        for schema in document["components"]["schemas"].values()
        if "x-max-duration" in schema
    }
    assert statuses
    assert durations
    modules = sorted(KIT.glob("*.py"))
    assert {"_store.py", "_kit.py", "_spec.py"} <= {module.name for module in modules}
    found = []
    for module in modules:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for text in literals(tree):
            if "/v1" in text:
                found.append(f"{module.name}: a /v1 path in {text!r}")
            if text in statuses or text in durations:
                found.append(f"{module.name}: {text!r}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id in ("TRANSITIONS", "MAX_DURATION"):
                found.append(f"{module.name}: {node.id}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "timedelta"
                and any(
                    isinstance(value, ast.Constant)
                    for value in [*node.args, *(keyword.value for keyword in node.keywords)]
                )
            ):
                found.append(f"{module.name}: line {node.lineno}: a duration of its own")
    assert found == []


def test_every_operation_is_modelled() -> None:
    spec = bundled_spec()
    unmodelled = [
        operation.operation_id
        for operation in spec.operations
        if not hasattr(Store, f"_{operation.operation_id}")
        and operation.operation_id not in spec.status_machine
    ]
    assert unmodelled == []


def other_spec() -> Spec:
    """The bundled spec with other rules: `/v2` paths, 2 hours at most, a no-show also after a
    check-in, `phone_taken` a 422, and `createPractitioner` answering 200."""
    document = copy.deepcopy(bundled_spec().document)
    document["paths"] = {
        path.replace("/v1/", "/v2/"): item for path, item in document["paths"].items()
    }
    document["components"]["schemas"]["AppointmentCreate"]["x-max-duration"] = "PT2H"
    machine = status_schema(document)["x-status-machine"]
    machine["markAppointmentNoShow"]["from"] = ["scheduled", "checked_in"]
    for schema in document["components"]["schemas"].values():
        for entry in schema.get("x-problem-codes", []):
            if entry["code"] == "phone_taken":
                entry["status"] = 422
    responses = document["paths"]["/v2/practitioners"]["post"]["responses"]
    responses["200"] = responses.pop("201")
    return Spec(document)


@pytest.fixture
def other_kit() -> httpx.Client:
    kit = MockApi(spec=other_spec())
    return httpx.Client(
        transport=kit, base_url=kit.base_url, headers={"Authorization": f"Bearer {kit.api_key}"}
    )


def test_another_spec_makes_another_kit(other_kit: httpx.Client) -> None:
    assert other_kit.get("/v1/patients").status_code == 404
    body = {
        "given_name": "Ada",
        "family_name": "Lovelace",
        "date_of_birth": "1985-12-10",
        "phone": "+447700900001",
    }
    created = other_kit.post("/v2/patients", json=body)
    assert created.status_code == 201
    patient = created.json()
    assert created.headers["Location"] == f"/v2/patients/{patient['id']}"
    taken = other_kit.post("/v2/patients", json={**body, "given_name": "Twin"})
    assert (taken.status_code, taken.json()["code"]) == (422, "phone_taken")

    doctor = other_kit.post(
        "/v2/practitioners", json={"display_name": "Dr Who", "specialty": "general practice"}
    )
    assert doctor.status_code == 200

    def book(hours: float) -> httpx.Response:
        end = START + timedelta(hours=hours)
        return other_kit.post(
            "/v2/appointments",
            json={
                "patient_id": patient["id"],
                "practitioner_id": doctor.json()["id"],
                "start_at": START.isoformat(),
                "end_at": end.isoformat(),
            },
        )

    too_long = book(3)
    assert too_long.status_code == 422
    assert too_long.json()["errors"] == [
        {"pointer": "/end_at", "detail": "An appointment lasts at most 2 hours."}
    ]
    booked = book(2)
    assert (booked.status_code, booked.json()["status"]) == (201, "scheduled")
    at = f"/v2/appointments/{booked.json()['id']}"
    assert booked.headers["Location"] == at
    assert other_kit.post(f"{at}/check-in").json()["status"] == "checked_in"
    no_show = other_kit.post(f"{at}/no-show")
    assert (no_show.status_code, no_show.json()["status"]) == (200, "no_show")
    events = other_kit.get("/v2/events", params={"resource_id": booked.json()["id"]}).json()
    assert [event["type"] for event in events["items"]] == [
        "appointment.booked",
        "appointment.checked_in",
        "appointment.no_show",
    ]


@pytest.fixture
def raw() -> httpx.Client:
    kit = MockApi()
    return httpx.Client(
        transport=kit, base_url=kit.base_url, headers={"Authorization": f"Bearer {kit.api_key}"}
    )


def fields(response: httpx.Response) -> list[str]:
    assert (response.status_code, response.json()["code"]) == (422, "validation_failed")
    return [error.get("pointer", error.get("parameter")) for error in response.json()["errors"]]


def test_one_entry_per_offending_field_or_parameter(raw: httpx.Client) -> None:
    patient = {
        "given_name": "",
        "family_name": "Lovelace",
        "date_of_birth": "1985-12-10",
        "phone": "+447700900001",
    }
    # "" is both too short and off the pattern: one field, one entry.
    assert fields(raw.post("/v1/patients", json=patient)) == ["/given_name"]
    assert fields(raw.get("/v1/patients", params={"name_prefix": ""})) == ["name_prefix"]
    # A missing or unknown property is its own field's fault, not its object's.
    wrong = {"family_name": "Lovelace", "nick": "x", "title": "Ms"}
    assert sorted(fields(raw.post("/v1/patients", json=wrong))) == [
        "/date_of_birth",
        "/given_name",
        "/nick",
        "/phone",
        "/title",
    ]
    repeated = raw.get("/v1/patients", params=[("limit", "1"), ("limit", "2")])
    assert fields(repeated) == ["limit"]
    long_name = "x" * 150
    cut = fields(raw.get("/v1/patients", params={long_name: "1"}))
    assert cut == ["x" * 99 + "\u2026"]  # the spec's 100 characters, ending in an ellipsis
