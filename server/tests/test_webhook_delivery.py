"""Webhook delivery end to end: a live server posts events to a real receiver on loopback.

Every delivery is checked three ways, independently: the SDK's `verify_webhook`, the
`standardwebhooks` reference library, and the spec's payload schema for the event's type (the
`requestBody` of its entry under the top-level `webhooks`, with jsonschema). Retries, durability
across a kill -9, and two processes sharing one PostgreSQL database are exercised for real; so
are the worker's wake-ups (a delivery arrives well within the poll interval of production, which
these servers keep), an endpoint that never answers beside one that does, and the loss of the
PostgreSQL listener's connection. The latencies asserted are generous bounds, far above what the
benchmark measures (`nox -s bench-webhooks`): they tell pushed from polled, not fast from slow.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import psycopg
import pytest
from standardwebhooks import Webhook

from live_server import (
    LiveServer,
    free_port,
    libpq_conninfo,
    prepare_database,
    run_live_server,
    serving,
    throwaway_postgres_database,
)
from patient_tracker.contract.spec_document import spec_dict
from patient_tracker.webhooks.delivery.worker import LISTENER_NAME
from patient_tracker_client import WebhookPayloadError, verify_webhook
from tests.api_client import REPOSITORY, Api, Json, api_for, fresh_day, iso
from tests.webhook_kit import (
    WEBHOOK_TEST_ENV,
    Delivery,
    Receiver,
    receiving,
    silent_endpoint,
    webhook_server,
)

# What "well under the poll interval" means here (the servers poll every second, production's
# default): a worker that only polled would miss it about half the time, for each delivery.
PUSHED_WITHIN = 0.5


def payload_validator(event_type: str) -> jsonschema.protocols.Validator:
    """The spec's schema of the payload posted for `event_type` (its webhook's request body)."""
    document = spec_dict()
    body = document["webhooks"][event_type]["post"]["requestBody"]["content"]["application/json"]
    schema = {**body["schema"], "components": document["components"]}
    validator: jsonschema.protocols.Validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return validator


def check_delivery(delivery: Delivery, secret: str) -> Json:
    """Verify a delivery with the SDK and the reference library; validate it against the spec."""
    sdk_event = verify_webhook(delivery.body, delivery.headers, secret)
    Webhook(secret).verify(delivery.body, delivery.headers)
    payload: Json = json.loads(delivery.body)
    assert sdk_event.id == payload["id"] == delivery.headers["webhook-id"]
    payload_validator(payload["type"]).validate(payload)
    return payload


def create_endpoint(api: Api, url: str, **body: Any) -> Json:
    response = api.post("/v1/webhook-endpoints", json={"url": url, **body})
    assert response.status_code == 201, response.text
    created: Json = response.json()
    return created


def by_id(deliveries: list[Delivery]) -> dict[str, list[Delivery]]:
    found: dict[str, list[Delivery]] = {}
    for delivery in deliveries:
        found.setdefault(delivery.headers["webhook-id"], []).append(delivery)
    return found


def event_ids(api: Api, resource_id: str) -> list[str]:
    pages = api.all_pages("/v1/events", {"resource_id": resource_id})
    return [event["id"] for page in pages for event in page]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    directory = tmp_path_factory.mktemp(f"deliver-{request.param}")
    with webhook_server(request.param, directory) as s:
        yield s


@pytest.fixture(scope="module")
def api(server: LiveServer) -> Iterator[Api]:
    yield from api_for(server)


def test_appointment_events_arrive_signed_and_as_the_spec_says(api: Api) -> None:
    with receiving() as receiver:
        endpoint = create_endpoint(
            api,
            receiver.url,
            event_types=[
                "appointment.booked",
                "appointment.rescheduled",
                "appointment.cancelled",
                "appointment.checked_in",
                "appointment.completed",
            ],
        )
        start = fresh_day() + timedelta(hours=9)
        visit = api.book(start)
        moved = api.patch(
            f"/v1/appointments/{visit['id']}",
            {
                "start_at": iso(start + timedelta(hours=1)),
                "end_at": iso(start + timedelta(hours=2)),
            },
        )
        assert moved.status_code == 200
        assert api.act(visit, "check-in").status_code == 200
        completed = api.act(visit, "complete")
        assert completed.status_code == 200
        other = api.book(start + timedelta(hours=4))
        assert api.act(other, "cancel").status_code == 200
        wanted = event_ids(api, visit["id"]) + event_ids(api, other["id"])
        assert len(wanted) == 6
        got = receiver.wait_for(lambda d: set(wanted) <= set(by_id(d)))
        payloads = {p["id"]: p for p in (check_delivery(d, endpoint["secret"]) for d in got)}
        assert [payloads[i]["type"] for i in wanted] == [
            "appointment.booked",
            "appointment.rescheduled",
            "appointment.checked_in",
            "appointment.completed",
            "appointment.booked",
            "appointment.cancelled",
        ]
        assert payloads[wanted[3]]["data"] == completed.json()
        # Patient events were not subscribed to, so none arrived.
        assert all(p["type"].startswith("appointment.") for p in payloads.values())


def test_a_payload_that_disagrees_with_the_spec_fails_the_check(api: Api) -> None:
    """The check above has teeth: a broken variant of a real delivery is rejected."""
    with receiving() as receiver:
        endpoint = create_endpoint(api, receiver.url, event_types=["patient.created"])
        patient = api.create_patient()
        [event_id] = event_ids(api, patient["id"])
        [delivery] = by_id(receiver.wait_for(lambda d: event_id in by_id(d)))[event_id]
        payload = check_delivery(delivery, endpoint["secret"])
        broken = {**payload, "data": {k: v for k, v in payload["data"].items() if k != "phone"}}
        with pytest.raises(jsonschema.ValidationError):
            payload_validator("patient.created").validate(broken)
        mistyped = {**payload, "type": "patient.updated"}
        with pytest.raises(jsonschema.ValidationError):
            payload_validator("patient.created").validate(mistyped)


def test_a_server_whose_payloads_break_the_spec_fails_the_check(tmp_path: Path) -> None:
    """The same check, against a broken server (`broken_variants.event_payload_off_spec`, a real
    uvicorn process whose events lack the patient's `phone`): its delivery is signed and
    verifies, but fails the spec's payload schema."""
    database_url = f"sqlite:///{tmp_path / 'variant.db'}"
    key = prepare_database(database_url)
    port = free_port()
    env = {
        **os.environ,
        **WEBHOOK_TEST_ENV,
        "PATIENT_TRACKER_DATABASE_URL": database_url,
        "PATIENT_TRACKER_WEBHOOK_RESOLVE_NAMES": "false",
    }
    target = "contract_tests.broken_variants:event_payload_off_spec"
    command = [sys.executable, "-m", "uvicorn", "--factory", target, "--port", str(port)]
    with (
        serving(command, port, tmp_path / "server.log", env, cwd=REPOSITORY) as (base_url, _),
        receiving() as receiver,
    ):
        headers = {"Authorization": f"Bearer {key}"}
        with httpx.Client(base_url=base_url, headers=headers, timeout=10) as client:
            created = client.post(
                "/v1/webhook-endpoints",
                json={"url": receiver.url, "event_types": ["patient.created"]},
            )
            assert created.status_code == 201, created.text
            secret = created.json()["secret"]
            patient = client.post(
                "/v1/patients",
                json={
                    "given_name": "Ada",
                    "family_name": "Lovelace",
                    "date_of_birth": "1990-01-01",
                    "phone": "+447700900555",
                },
            )
            assert patient.status_code == 201, patient.text
        [delivery, *_] = receiver.wait_for(lambda found: len(found) >= 1)
        # Signed correctly (the reference library verifies it), but off the spec: the SDK refuses
        # the payload, and so does the spec's own schema for the type.
        Webhook(secret).verify(delivery.body, delivery.headers)
        with pytest.raises(WebhookPayloadError):
            verify_webhook(delivery.body, delivery.headers, secret)
        with pytest.raises(jsonschema.ValidationError, match="phone"):
            payload_validator("patient.created").validate(json.loads(delivery.body))


def test_a_failing_receiver_gets_the_event_later_once_acknowledged(api: Api) -> None:
    with receiving(answers=[500, 503]) as receiver:
        endpoint = create_endpoint(api, receiver.url, event_types=["practitioner.created"])
        practitioner = api.create_practitioner()
        [event_id] = event_ids(api, practitioner["id"])
        got = receiver.wait_for(lambda d: len(by_id(d).get(event_id, [])) >= 3)
        time.sleep(1.0)  # no further attempt after the acknowledgement
        attempts_seen = by_id(receiver.deliveries)[event_id]
        assert len(attempts_seen) == 3
        assert {d.headers["webhook-id"] for d in got} == {event_id}
        for delivery in attempts_seen:
            check_delivery(delivery, endpoint["secret"])
        listed = api.get(
            f"/v1/webhook-endpoints/{endpoint['id']}/attempts", params={"event_id": event_id}
        ).json()["items"]
        assert [(a["attempt"], a["status_code"]) for a in listed] == [(3, 204), (2, 503), (1, 500)]
        assert listed[0]["next_attempt_at"] is None
        assert listed[1]["next_attempt_at"] is not None


def test_redelivery_keeps_the_event_id(api: Api) -> None:
    with receiving() as receiver:
        endpoint = create_endpoint(api, receiver.url, event_types=["patient.created"])
        patient = api.create_patient()
        [event_id] = event_ids(api, patient["id"])
        receiver.wait_for(lambda d: event_id in by_id(d))
        again = api.post(f"/v1/webhook-endpoints/{endpoint['id']}/events/{event_id}/redeliver")
        assert again.status_code == 202
        got = receiver.wait_for(lambda d: len(by_id(d).get(event_id, [])) == 2)
        for delivery in by_id(got)[event_id]:
            check_delivery(delivery, endpoint["secret"])


def test_after_a_rotation_both_secrets_verify(api: Api) -> None:
    with receiving() as receiver:
        endpoint = create_endpoint(api, receiver.url, event_types=["patient.updated"])
        rotated = api.post(f"/v1/webhook-endpoints/{endpoint['id']}/rotate-secret").json()
        patient = api.create_patient()
        assert (
            api.patch(f"/v1/patients/{patient['id']}", {"given_name": "Grace"}).status_code == 200
        )
        [event_id] = event_ids(api, patient["id"])[1:]
        [delivery] = by_id(receiver.wait_for(lambda d: event_id in by_id(d)))[event_id]
        check_delivery(delivery, endpoint["secret"])
        check_delivery(delivery, rotated["secret"])


def _about(delivery: Delivery) -> str:
    """The id of the resource a delivery's event is about."""
    about: str = json.loads(delivery.body)["data"]["id"]
    return about


def _latency(api: Api, receiver: Receiver, create: str) -> float:
    """Create a resource (`create_patient`, `create_practitioner`) and wait for its event at
    `receiver`: seconds from the API's answer to the delivery's arrival."""
    created = getattr(api, create)()
    answered = time.monotonic()
    got = receiver.wait_for(lambda found: any(_about(d) == created["id"] for d in found))
    return next(d.received_at for d in got if _about(d) == created["id"]) - answered


def test_a_committed_change_is_delivered_well_within_the_poll_interval(api: Api) -> None:
    """Pushed, not polled: the commit wakes the worker (NOTIFY on PostgreSQL, in process on
    SQLite), so each delivery arrives in milliseconds, not up to a poll interval later."""
    with receiving() as receiver:
        create_endpoint(api, receiver.url, event_types=["patient.created"])
        latencies = [_latency(api, receiver, "create_patient") for _ in range(5)]
        assert max(latencies) < PUSHED_WITHIN, latencies


def test_an_endpoint_that_never_answers_holds_up_no_other(api: Api) -> None:
    """A receiver that accepts the connection and never answers holds its own deliveries for the
    sender's 15 s deadline, and only its own share of the worker's slots: another endpoint's
    deliveries, of events made while it hangs, arrive as fast as ever."""
    with silent_endpoint() as hung_url, receiving() as receiver:
        hung = create_endpoint(api, hung_url, event_types=["practitioner.created"])
        create_endpoint(api, receiver.url, event_types=["practitioner.created"])
        try:
            # The first events' deliveries to the hung endpoint are in flight from here on...
            first = [_latency(api, receiver, "create_practitioner") for _ in range(2)]
            # ...and these come while they hang: more than the hung endpoint's share (8).
            later = [_latency(api, receiver, "create_practitioner") for _ in range(10)]
            assert max(first + later) < 3.0, (first, later)  # the deadline is 15 s
        finally:
            # Its deliveries go with it; those in flight fail when its connections close.
            assert api.delete(f"/v1/webhook-endpoints/{hung['id']}").status_code == 204


def test_losing_the_listening_connection_loses_no_delivery(api: Api, server: LiveServer) -> None:
    """PostgreSQL: the listener's session is terminated. Requests go on (no 500), what commits
    meanwhile is delivered (polling covers the gap), and the listener reconnects, so deliveries
    are pushed again."""
    if not server.database_url.startswith("postgresql"):
        pytest.skip("the LISTEN connection is PostgreSQL's")

    def listeners(admin: psycopg.Connection[Any]) -> list[int]:
        rows = admin.execute(
            "SELECT pid FROM pg_stat_activity"
            " WHERE datname = current_database() AND application_name = %s",
            (LISTENER_NAME,),
        ).fetchall()
        return [pid for (pid,) in rows]

    with (
        psycopg.connect(libpq_conninfo(server.database_url), autocommit=True) as admin,
        receiving() as receiver,
    ):
        create_endpoint(api, receiver.url, event_types=["patient.created"])
        [listener] = listeners(admin)
        admin.execute("SELECT pg_terminate_backend(%s)", (listener,))
        # While it is gone (and as it comes back): every change answered and delivered.
        assert all(_latency(api, receiver, "create_patient") < 5 for _ in range(3))
        deadline = time.monotonic() + 15
        while listeners(admin) in ([], [listener]) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert listeners(admin) not in ([], [listener])
        # Listening again: pushed again.
        latencies = [_latency(api, receiver, "create_patient") for _ in range(3)]
        assert max(latencies) < PUSHED_WITHIN, latencies
    # Every create above was a 201 (`Api.create_patient` checks); nothing failed unhandled.
    assert not any(marker in server.log() for marker in ("Traceback", "unhandled"))


def _kill(server: LiveServer) -> None:
    server.process.send_signal(signal.SIGKILL)
    server.process.wait(timeout=10)


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_committed_events_survive_a_kill_9(kind: str, tmp_path: Path) -> None:
    port = free_port()  # the receiver's, down until after the restart
    with webhook_server(kind, tmp_path) as first:
        api = Api(first)
        endpoint = create_endpoint(api, f"http://127.0.0.1:{port}/hooks")
        patients = [api.create_patient() for _ in range(5)]
        wanted = [i for p in patients for i in event_ids(api, p["id"])]
        api.close()
        time.sleep(0.3)  # a few attempts fail against the closed port
        _kill(first)
        with (
            run_live_server(
                first.database_url, tmp_path, api_key=first.api_key, extra_env=WEBHOOK_TEST_ENV
            ),
            receiving(port=port) as receiver,
        ):
            got = receiver.wait_for(lambda d: set(wanted) <= set(by_id(d)), timeout=45)
            for delivery in got:
                check_delivery(delivery, endpoint["secret"])


@pytest.mark.postgres
def test_two_processes_on_one_postgresql_deliver_each_event_once(tmp_path: Path) -> None:
    with throwaway_postgres_database() as url:
        from live_server import prepare_database

        key = prepare_database(url)
        with (
            run_live_server(url, tmp_path, api_key=key, extra_env=WEBHOOK_TEST_ENV) as one,
            run_live_server(url, tmp_path, api_key=key, extra_env=WEBHOOK_TEST_ENV) as two,
            receiving() as receiver,
        ):
            first, second = Api(one), Api(two)
            create_endpoint(first, receiver.url)
            patients = [(first if n % 2 else second).create_patient() for n in range(20)]
            wanted = {i for p in patients for i in event_ids(first, p["id"])}
            receiver.wait_for(lambda d: wanted <= set(by_id(d)), timeout=30)
            time.sleep(1.0)
            counts = {i: len(ds) for i, ds in by_id(receiver.deliveries).items()}
            assert counts == dict.fromkeys(wanted, 1)
            first.close()
            second.close()
