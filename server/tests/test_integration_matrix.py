"""Two integrations, every key shape, every operation of the spec: each answers as documented,
and nothing of the other integration shows.

Each integration has a key per single scope, two two-scope keys and an all-scope key. For every
operation of the spec (the list comes from the spec, so a new operation without a recipe here
fails the test), every key sends a request built for it on fresh data, once at the integration's
own resources and, for an operation on a webhook endpoint, once at the other integration's. The
expected answer follows from the documented rules alone (`expected`): the operation's scopes
(403), ownership (404, the body of an unknown id), the data scopes an event or subscription needs
(403 or 404, as documented), else the operation's success status. Every answer is scanned for the
other integration's endpoint ids and URLs.

Runs against a live server on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from conftest import ServerPool
from live_server import LiveServer
from patient_tracker.auth.data_scopes import may_read
from patient_tracker.auth.scopes import ALL_SCOPES
from patient_tracker.web.operations import SpecOperation, spec_operations
from tests.api_client import (
    UNKNOWN_ID,
    Api,
    Json,
    create_api_key,
    create_api_keys,
    fresh_day,
    patient_body,
    practitioner_body,
)
from tests.webhook_kit import QUIET_WEBHOOK_ENV

INTEGRATIONS = ("alpha-reminders", "beta-billing")
TWO_SCOPE_KEYS = (("webhooks:read", "webhooks:write"), ("patients:read", "webhooks:write"))
# What the endpoints the matrix acts on subscribe to: patient data, the most sensitive.
SUBSCRIBED = ["patient.created"]


@dataclass
class Integration:
    """One party: its keys by scope set, and an all-scope client for setting things up."""

    name: str
    admin: Api
    keys: dict[tuple[str, ...], Api] = field(default_factory=dict)
    endpoint_urls: set[str] = field(default_factory=set)
    endpoint_ids: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    json: Json | None = None
    headers: dict[str, str] = field(default_factory=dict)
    # The documented answer whatever the key, when ownership or data decide it (None: the rule
    # of scopes and ownership alone, `expected`).
    needs_data_scope: str | None = None
    # For a request at another integration's resource: the same request at an unknown id.
    unknown: Request | None = None


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def server(request: pytest.FixtureRequest, server_pool: ServerPool) -> LiveServer:
    # No worker: nothing is sent; what is queued and who may see it is what this tests.
    return server_pool.get(request.param, QUIET_WEBHOOK_ENV)


def key_shapes() -> list[tuple[str, ...]]:
    return [*((scope,) for scope in ALL_SCOPES), *TWO_SCOPE_KEYS, tuple(ALL_SCOPES)]


@pytest.fixture(scope="module")
def parties(server: LiveServer) -> Iterator[tuple[Integration, Integration]]:
    made: list[Integration] = []
    clients: list[Api] = []
    shapes = [tuple(ALL_SCOPES), *key_shapes()]
    for name in INTEGRATIONS:
        plaintexts = create_api_keys(server.database_url, [(shape, name) for shape in shapes])
        keys = [Api(server, plaintext) for plaintext in plaintexts]
        clients.extend(keys)
        made.append(Integration(name, keys[0], dict(zip(shapes[1:], keys[1:], strict=True))))
    try:
        yield made[0], made[1]
    finally:
        for client in clients:
            client.close()


def new_endpoint(owner: Integration) -> Json:
    url = f"http://127.0.0.1:9/{owner.name}/{len(owner.endpoint_urls)}"
    response = owner.admin.post(
        "/v1/webhook-endpoints", json={"url": url, "event_types": SUBSCRIBED}
    )
    assert response.status_code == 201, response.text
    created: Json = response.json()
    owner.endpoint_urls.add(url)
    owner.endpoint_ids.add(created["id"])
    return created


def created(api: Api, path: str, body: Json) -> Json:
    response = api.post(path, json=body)
    assert response.status_code == 201, response.text
    result: Json = response.json()
    return result


def booked(api: Api) -> Json:
    """A new appointment (with a new patient and practitioner), an hour long."""
    return api.book(fresh_day(), 60)


def patient_event_id(api: Api) -> str:
    patient = created(api, "/v1/patients", patient_body())
    events = api.get("/v1/events", params={"resource_id": patient["id"]}).json()["items"]
    event_id: str = events[0]["id"]
    return event_id


def _endpoint_request(
    build: Callable[[str], Request], owner: Integration, own: bool, other: Integration
) -> Request:
    """`build` at a fresh endpoint of `owner` (own) or of `other`, with its unknown-id twin."""
    target = new_endpoint(owner if own else other)["id"]
    request = build(target)
    if own:
        return request
    twin = build(UNKNOWN_ID)
    return Request(**{**request.__dict__, "unknown": twin})


Recipe = Callable[[Integration, bool, Integration], Request]


def recipes() -> dict[str, Recipe]:
    """How to ask each operation, on fresh data made by the integration's all-scope key."""
    ep = "/v1/webhook-endpoints"

    def shared(build: Callable[[Api], Request]) -> Recipe:
        return lambda me, own, other: build(me.admin)

    def on_endpoint(build: Callable[[str], Request]) -> Recipe:
        return lambda me, own, other: _endpoint_request(build, me, own, other)

    def redeliver(me: Integration, own: bool, other: Integration) -> Request:
        event_id = patient_event_id(me.admin)
        return _endpoint_request(
            lambda target: Request(
                "POST",
                f"{ep}/{target}/events/{event_id}/redeliver",
                needs_data_scope="patients:read",
            ),
            me,
            own,
            other,
        )

    def appointment_action(action: str, before: str | None = None) -> Recipe:
        def build(api: Api) -> Request:
            appointment = booked(api)
            if before is not None:
                assert api.act(appointment, before).status_code == 200
            body = {"cancellation_reason": "Asked to."} if action == "cancel" else None
            return Request("POST", f"/v1/appointments/{appointment['id']}/{action}", json=body)

        return shared(build)

    return {
        "getHealth": shared(lambda api: Request("GET", "/healthz")),
        "getReadiness": shared(lambda api: Request("GET", "/readyz")),
        "listPatients": shared(lambda api: Request("GET", "/v1/patients")),
        "createPatient": shared(lambda api: Request("POST", "/v1/patients", patient_body())),
        "getPatient": shared(
            lambda api: Request(
                "GET", f"/v1/patients/{created(api, '/v1/patients', patient_body())['id']}"
            )
        ),
        "updatePatient": shared(
            lambda api: Request(
                "PATCH",
                f"/v1/patients/{created(api, '/v1/patients', patient_body())['id']}",
                {"family_name": "Changed"},
            )
        ),
        "deletePatient": shared(
            lambda api: Request(
                "DELETE", f"/v1/patients/{created(api, '/v1/patients', patient_body())['id']}"
            )
        ),
        "listPatientAppointments": shared(
            lambda api: Request("GET", f"/v1/patients/{booked(api)['patient_id']}/appointments")
        ),
        "listPractitioners": shared(lambda api: Request("GET", "/v1/practitioners")),
        "createPractitioner": shared(
            lambda api: Request("POST", "/v1/practitioners", practitioner_body())
        ),
        "getPractitioner": shared(
            lambda api: Request(
                "GET",
                f"/v1/practitioners/{created(api, '/v1/practitioners', practitioner_body())['id']}",
            )
        ),
        "updatePractitioner": shared(
            lambda api: Request(
                "PATCH",
                f"/v1/practitioners/{created(api, '/v1/practitioners', practitioner_body())['id']}",
                {"specialty": "Changed"},
            )
        ),
        "deletePractitioner": shared(
            lambda api: Request(
                "DELETE",
                f"/v1/practitioners/{created(api, '/v1/practitioners', practitioner_body())['id']}",
            )
        ),
        "listAppointments": shared(lambda api: Request("GET", "/v1/appointments")),
        "bookAppointment": shared(_booking_request),
        "getAppointment": shared(
            lambda api: Request("GET", f"/v1/appointments/{booked(api)['id']}")
        ),
        "updateAppointment": shared(
            lambda api: Request(
                "PATCH", f"/v1/appointments/{booked(api)['id']}", {"reason": "Check-up"}
            )
        ),
        "cancelAppointment": appointment_action("cancel"),
        "checkInAppointment": appointment_action("check-in"),
        "completeAppointment": appointment_action("complete", before="check-in"),
        "markAppointmentNoShow": appointment_action("no-show"),
        "listEvents": shared(lambda api: Request("GET", "/v1/events")),
        "getEvent": shared(
            lambda api: Request(
                "GET", f"/v1/events/{patient_event_id(api)}", needs_data_scope="patients:read"
            )
        ),
        "listWebhookEndpoints": shared(lambda api: Request("GET", ep)),
        "createWebhookEndpoint": lambda me, own, other: Request(
            "POST",
            ep,
            {"url": f"http://127.0.0.1:9/{me.name}/new", "event_types": SUBSCRIBED},
            needs_data_scope="patients:read",
        ),
        "getWebhookEndpoint": on_endpoint(lambda target: Request("GET", f"{ep}/{target}")),
        "updateWebhookEndpoint": lambda me, own, other: _endpoint_request(
            lambda target: Request(
                "PATCH",
                f"{ep}/{target}",
                {"url": f"http://127.0.0.1:9/{me.name}/re-pointed"},
                needs_data_scope="patients:read",
            ),
            me,
            own,
            other,
        ),
        "deleteWebhookEndpoint": on_endpoint(lambda target: Request("DELETE", f"{ep}/{target}")),
        "rotateWebhookEndpointSecret": on_endpoint(
            lambda target: Request(
                "POST", f"{ep}/{target}/rotate-secret", needs_data_scope="patients:read"
            )
        ),
        "listWebhookAttempts": on_endpoint(
            lambda target: Request("GET", f"{ep}/{target}/attempts")
        ),
        "redeliverEvent": redeliver,
    }


def _booking_request(api: Api) -> Request:
    return Request("POST", "/v1/appointments", api.booking_body(fresh_day(), 60))


def required_scopes(operation: SpecOperation) -> tuple[str, ...]:
    from patient_tracker.auth.route import operation_scopes

    return operation_scopes(operation.operation_id) or ()


def expected(operation: SpecOperation, shape: tuple[str, ...], request: Request) -> tuple[int, str]:
    """The documented (status, problem code or "") for a key of scopes `shape`."""
    missing = [scope for scope in required_scopes(operation) if scope not in shape]
    if missing:
        return 403, "insufficient_scope"
    if request.unknown is not None:
        return 404, "not_found"
    if request.needs_data_scope is not None:
        assert may_read((request.needs_data_scope,), SUBSCRIBED[0])  # the data at stake
        if request.needs_data_scope not in shape:
            # An event (or a redelivery of one) the key may not read is an unknown event; a
            # subscription or change reaching data it may not read is refused.
            if operation.operation_id in ("getEvent", "redeliverEvent"):
                return 404, "not_found"
            return 403, "insufficient_scope"
    return operation.success_status, ""


def send(api: Api, request: Request) -> httpx.Response:
    headers = dict(request.headers)
    if request.method == "PATCH":
        headers.setdefault("Content-Type", "application/merge-patch+json")
    if request.json is None:
        return api.request(request.method, request.path, headers=headers)
    return api.request(request.method, request.path, json=request.json, headers=headers)


_REQUEST_ID = re.compile(r'"request_id":"[^"]*"')


def without_id(text: str, target: str) -> str:
    """An answer with the id the request itself named blanked (problems echo the path), and its
    request id (one per request, whoever asks)."""
    return _REQUEST_ID.sub('"request_id":"<request>"', text.replace(target, "<id>"))


def test_every_operation_answers_every_key_as_documented(
    parties: tuple[Integration, Integration],
) -> None:
    operations = spec_operations()
    recipe_book = recipes()
    assert set(recipe_book) == set(operations), "an operation of the spec has no recipe here"
    mismatches: list[str] = []
    for me, other in (parties, parties[::-1]):
        for operation_id, operation in operations.items():
            owned = "endpoint_id" in operation.path_parameters
            for own in (True, False) if owned else (True,):
                for shape, api in me.keys.items():
                    request = recipe_book[operation_id](me, own, other)
                    response = send(api, request)
                    status, code = expected(operation, shape, request)
                    problem = response.json() if response.status_code >= 400 else {}
                    got = (response.status_code, problem.get("code", ""))
                    if got != (status, code):
                        mismatches.append(
                            f"{me.name} {shape} {operation_id} own={own}: "
                            f"{got} != {(status, code)}: {response.text[:200]}"
                        )
                        continue
                    # Nothing of the other integration shows, in any answer (beyond the id the
                    # request named, which a problem's `detail` and `instance` echo).
                    target = request.path.split("/")[3] if request.unknown else ""
                    shown = without_id(response.text, target) if target else response.text
                    secrets = other.endpoint_ids | other.endpoint_urls
                    leaked = [each for each in secrets if each in shown]
                    if leaked:
                        mismatches.append(f"{me.name} {shape} {operation_id}: shows {leaked}")
                    if request.unknown is not None:
                        # Another's endpoint answers exactly as an unknown id does.
                        twin = send(api, request.unknown)
                        if (twin.status_code, without_id(twin.text, UNKNOWN_ID)) != (
                            response.status_code,
                            shown,
                        ):
                            mismatches.append(f"{operation_id}: {response.text} vs {twin.text}")
    assert not mismatches, "\n".join(mismatches[:40])


def test_listings_show_only_the_integrations_own(
    parties: tuple[Integration, Integration],
) -> None:
    first, second = parties
    for party in parties:
        new_endpoint(party)
    for me, other in ((first, second), (second, first)):
        for shape, api in me.keys.items():
            if "webhooks:read" not in shape:
                continue
            listed = [e for page in api.all_pages("/v1/webhook-endpoints", {}) for e in page]
            ids = {e["id"] for e in listed}
            # Its own (the newest among them), and none of the other's.
            assert max(me.endpoint_ids) in ids
            assert all(e["url"].startswith(f"http://127.0.0.1:9/{me.name}/") for e in listed)
            assert not ids & other.endpoint_ids


def test_a_404_for_another_integrations_endpoint_takes_as_long_as_an_unknown_ids(
    parties: tuple[Integration, Integration],
) -> None:
    """No timing oracle: the same statement answers both (the row is read, then the owner
    compared in the skeleton). Medians of interleaved requests; the bound is loose on purpose
    (a 404 that did more work, a query or a DNS lookup, takes several times longer)."""
    me, other = parties
    foreign = new_endpoint(other)["id"]
    api = me.keys[tuple(ALL_SCOPES)]
    timings: dict[str, list[float]] = {foreign: [], UNKNOWN_ID: []}
    for _ in range(40):
        for target in (foreign, UNKNOWN_ID):
            started = time.perf_counter()
            response = api.get(f"/v1/webhook-endpoints/{target}")
            timings[target].append(time.perf_counter() - started)
            assert response.status_code == 404
    foreign_median = statistics.median(timings[foreign])
    unknown_median = statistics.median(timings[UNKNOWN_ID])
    assert foreign_median < 2 * unknown_median + 0.002, (foreign_median, unknown_median)
    assert unknown_median < 2 * foreign_median + 0.002, (foreign_median, unknown_median)


def test_a_new_key_of_the_integration_keeps_its_endpoints(
    server: LiveServer, parties: tuple[Integration, Integration]
) -> None:
    me, _ = parties
    endpoint = new_endpoint(me)
    newcomer = Api(server, create_api_key(server.database_url, ("webhooks:read",), me.name)[1])
    try:
        assert newcomer.get(f"/v1/webhook-endpoints/{endpoint['id']}").status_code == 200
    finally:
        newcomer.close()
    # A key with no integration named forms one of its own: it sees none of them.
    loner = Api(server, create_api_key(server.database_url, ("webhooks:read",))[1])
    try:
        assert loner.get(f"/v1/webhook-endpoints/{endpoint['id']}").status_code == 404
        assert loner.get("/v1/webhook-endpoints").json()["items"] == []
    finally:
        loner.close()


def test_head_options_and_conditions_tell_nothing_of_another_integrations_endpoint(
    parties: tuple[Integration, Integration],
) -> None:
    """The protocol's ways in (HEAD, OPTIONS, If-None-Match with the other's ETag or `*`) answer
    at another integration's endpoint exactly as at an id that names nothing."""
    owner, stranger = parties
    endpoint = new_endpoint(owner)
    foreign, unknown = (
        f"/v1/webhook-endpoints/{endpoint['id']}",
        f"/v1/webhook-endpoints/{UNKNOWN_ID}",
    )
    etag = owner.admin.get(foreign).headers["etag"]
    assert owner.admin.get(foreign, headers={"If-None-Match": etag}).status_code == 304
    for method, headers in (
        ("HEAD", {}),
        ("GET", {"If-None-Match": etag}),
        ("GET", {"If-None-Match": "*"}),
        ("OPTIONS", {}),
    ):
        at_foreign = stranger.admin.request(method, foreign, headers=headers)
        at_unknown = stranger.admin.request(method, unknown, headers=headers)
        assert at_foreign.status_code == at_unknown.status_code, (method, headers)
        assert without_id(at_foreign.text, endpoint["id"]) == without_id(
            at_unknown.text, UNKNOWN_ID
        )
        assert "etag" not in at_foreign.headers
        assert at_foreign.headers.get("allow") == at_unknown.headers.get("allow")
