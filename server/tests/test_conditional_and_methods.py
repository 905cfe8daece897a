"""Conditional reads (`If-None-Match` -> 304), and HEAD and OPTIONS on every path of the spec,
over a real socket on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from live_server import LiveServer
from patient_tracker.contract.spec_document import spec_dict
from tests.api_client import UNKNOWN_ID, Api, Json, api_for
from tests.webhook_kit import QUIET_WEBHOOK_ENV

# Headers that differ between two answers to the same request.
PER_REQUEST = frozenset({"request-id", "date", "ratelimit"})
METHODS = ("get", "head", "post", "put", "patch", "delete", "options")


@pytest.fixture(scope="module")
def live_server_env() -> dict[str, str]:
    """Webhook URLs on loopback allowed, the worker off: its endpoints are never sent to."""
    return QUIET_WEBHOOK_ENV


@pytest.fixture(scope="module")
def api(live_server: LiveServer) -> Iterator[Api]:
    yield from api_for(live_server)


def _tomorrow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0) + timedelta(days=1, hours=3)


# Each resource with a read by id: how to make one, and a change that gives it a new ETag.
RESOURCES: dict[str, tuple[Callable[[Api], Json], str, Json]] = {
    "patients": (lambda api: api.create_patient(), "/v1/patients", {"family_name": "Changed"}),
    "practitioners": (
        lambda api: api.create_practitioner(),
        "/v1/practitioners",
        {"display_name": "Dr Changed"},
    ),
    "appointments": (lambda api: api.book(_tomorrow()), "/v1/appointments", {"notes": "moved"}),
    "webhook-endpoints": (
        lambda api: api.post("/v1/webhook-endpoints", json={"url": "http://127.0.0.1:9/x"}).json(),
        "/v1/webhook-endpoints",
        {"description": "changed"},
    ),
}


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_current_etag_gets_304_and_a_changed_resource_200(api: Api, resource: str) -> None:
    make, collection, change = RESOURCES[resource]
    path = f"{collection}/{make(api)['id']}"
    first = api.get(path)
    etag = first.headers["etag"]

    not_modified = api.get(path, headers={"If-None-Match": etag})

    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified.headers["etag"] == etag
    assert "content-type" not in not_modified.headers
    # Weak comparison, lists and `*` (RFC 9110 section 13.1.2).
    for header in (f"W/{etag}", f'"nope", {etag}', "*"):
        assert api.get(path, headers={"If-None-Match": header}).status_code == 304, header
    assert api.get(path, headers={"If-None-Match": '"nope"'}).status_code == 200

    assert api.patch(path, change).status_code == 200
    changed = api.get(path, headers={"If-None-Match": etag})

    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    assert changed.json()["id"] == first.json()["id"]


def test_a_condition_never_hides_a_missing_resource_or_a_missing_key(
    api: Api, live_server: LiveServer
) -> None:
    assert api.get(f"/v1/patients/{UNKNOWN_ID}", headers={"If-None-Match": "*"}).status_code == 404
    import httpx

    anonymous = httpx.get(
        f"{live_server.base_url}/v1/patients/{UNKNOWN_ID}",
        headers={"If-None-Match": "*"},
        timeout=10,
    )
    assert anonymous.status_code == 401


def _concrete_paths(api: Api) -> dict[str, str]:
    """Every path template of the spec, with its parameters filled by ids that exist."""
    appointment = api.book(_tomorrow())
    endpoint = api.post("/v1/webhook-endpoints", json={"url": "http://127.0.0.1:9/x"}).json()
    event = api.get("/v1/events", params={"limit": 1}).json()["items"][0]
    values = {
        "patient_id": appointment["patient_id"],
        "practitioner_id": appointment["practitioner_id"],
        "appointment_id": appointment["id"],
        "endpoint_id": endpoint["id"],
        "event_id": event["id"],
    }
    return {
        template: re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)
        for template in spec_dict()["paths"]
    }


def _spec_methods(template: str) -> set[str]:
    item = spec_dict()["paths"][template]
    return {method.upper() for method in item if method in METHODS}


def test_options_lists_every_method_of_every_path(api: Api) -> None:
    for template, path in _concrete_paths(api).items():
        response = api.request("OPTIONS", path)

        expected = _spec_methods(template) | {"OPTIONS"}
        if "GET" in expected:
            expected.add("HEAD")
        assert response.status_code == 204, (template, response.text)
        assert {m.strip() for m in response.headers["allow"].split(",")} == expected, template
        assert response.content == b""


def test_options_at_a_path_of_no_operation_is_404(api: Api) -> None:
    response = api.request("OPTIONS", "/v1/nothing-here")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_head_answers_as_get_without_the_body_on_every_path(api: Api) -> None:
    for template, path in _concrete_paths(api).items():
        head = api.request("HEAD", path)
        if "GET" not in _spec_methods(template):
            assert head.status_code == 405, template
            assert head.content == b""
            continue
        get = api.get(path)

        assert head.status_code == get.status_code == 200, (template, get.text)
        assert head.content == b""
        assert {k: v for k, v in head.headers.items() if k not in PER_REQUEST} == {
            k: v for k, v in get.headers.items() if k not in PER_REQUEST
        }, template


def test_head_needs_the_key_get_needs(live_server: LiveServer) -> None:
    import httpx

    response = httpx.head(f"{live_server.base_url}/v1/patients", timeout=10)

    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.content == b""
