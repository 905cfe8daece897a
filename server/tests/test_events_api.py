"""`/v1/events` over a real socket: every change records its event in the same transaction.

The event log is checked against the spec: each listed event validates against the spec's
`Event` schema (jsonschema, on the bundled document), and carries the resource as the API
rendered it in the response to the change.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import httpx
import jsonschema
import pytest

from live_server import LiveServer
from patient_tracker.contract.spec_document import spec_dict
from tests.api_client import Api, Json, api_for, assert_problem, create_api_key, fresh_day, iso


@pytest.fixture(scope="module")
def api(live_server: LiveServer) -> Iterator[Api]:
    yield from api_for(live_server)


def event_validator(schema_name: str) -> jsonschema.protocols.Validator:
    """A validator of `components/schemas/<schema_name>` of the spec (its `$ref`s resolved)."""
    schema = {
        "$ref": f"#/components/schemas/{schema_name}",
        "components": spec_dict()["components"],
    }
    validator: jsonschema.protocols.Validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return validator


def events_of(api: Api, resource_id: str) -> list[Json]:
    pages = api.all_pages("/v1/events", {"resource_id": resource_id})
    return [event for page in pages for event in page]


def test_every_change_records_one_event_with_the_resource_as_rendered(api: Api) -> None:
    validator = event_validator("Event")
    start = fresh_day() + timedelta(hours=9)
    booked = api.book(start)
    moved = api.patch(
        f"/v1/appointments/{booked['id']}",
        {"start_at": iso(start + timedelta(hours=1)), "end_at": iso(start + timedelta(hours=2))},
    )
    assert moved.status_code == 200, moved.text
    checked_in = api.act(booked, "check-in")
    completed = api.act(booked, "complete")
    events = events_of(api, booked["id"])
    assert [event["type"] for event in events] == [
        "appointment.booked",
        "appointment.rescheduled",
        "appointment.checked_in",
        "appointment.completed",
    ]
    assert [event["data"] for event in events] == [
        booked,
        moved.json(),
        checked_in.json(),
        completed.json(),
    ]
    for event in events:
        validator.validate(event)
        assert api.get(f"/v1/events/{event['id']}").json() == event


def test_patient_lifecycle_and_delete_carries_only_the_id(api: Api) -> None:
    patient = api.create_patient()
    changed = api.patch(f"/v1/patients/{patient['id']}", {"given_name": "Grace"})
    assert changed.status_code == 200, changed.text
    assert api.delete(f"/v1/patients/{patient['id']}").status_code == 204
    events = events_of(api, patient["id"])
    assert [event["type"] for event in events] == [
        "patient.created",
        "patient.updated",
        "patient.deleted",
    ]
    assert events[2]["data"] == {"id": patient["id"]}
    for event in events:
        event_validator("Event").validate(event)


def test_a_failing_change_records_no_event(api: Api) -> None:
    appointment = api.book(fresh_day())
    assert api.act(appointment, "complete").status_code == 409  # not checked in
    stale = api.patch(
        f"/v1/appointments/{appointment['id']}", {"notes": "x"}, headers={"If-Match": '"999"'}
    )
    assert stale.status_code == 412
    assert [e["type"] for e in events_of(api, appointment["id"])] == ["appointment.booked"]


def test_filters_and_keyset_order(api: Api) -> None:
    practitioner = api.create_practitioner()
    for _ in range(3):
        api.patch(f"/v1/practitioners/{practitioner['id']}", {"specialty": "Cardiology"})
    pages = api.all_pages(
        "/v1/events",
        {"resource_id": practitioner["id"], "type": "practitioner.created", "limit": 1},
    )
    assert [[e["type"] for e in page] for page in pages] == [["practitioner.created"]]
    everything = api.all_pages("/v1/events", {"limit": 2})
    flat = [e for page in everything for e in page]
    keys = [(e["created_at"], e["id"]) for e in flat]
    assert keys == sorted(keys)
    assert len({e["id"] for e in flat}) == len(flat)
    last = flat[-1]
    after = api.get("/v1/events", params={"created_after": last["created_at"]}).json()
    assert after["items"] == []


def test_events_need_the_resources_read_scope_too(api: Api, live_server: LiveServer) -> None:
    patient = api.create_patient()
    _, key = create_api_key(live_server.database_url, ("webhooks:read",))
    with httpx_client(live_server, key) as client:
        listed = client.get("/v1/events", params={"resource_id": patient["id"]})
        assert listed.status_code == 200
        assert listed.json()["items"] == []
        event_id = events_of(api, patient["id"])[0]["id"]
        assert_problem(client.get(f"/v1/events/{event_id}"), 404, "not_found")
    _, no_webhooks = create_api_key(live_server.database_url, ("patients:read",))
    with httpx_client(live_server, no_webhooks) as client:
        assert_problem(client.get("/v1/events"), 403, "insufficient_scope")


def httpx_client(server: LiveServer, key: str) -> httpx.Client:
    return httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {key}"})
