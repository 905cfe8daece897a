"""`/v1/webhook-endpoints` over a real socket: create (secret once), read, patch, rotate, delete,
SSRF refusals, and the read scopes a subscription needs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import ServerPool
from live_server import LiveServer
from tests.api_client import Api, Json, api_for, assert_problem, create_api_key, pointers
from tests.webhook_kit import QUIET_WEBHOOK_ENV

SECRET_PATTERN = r"^whsec_[A-Za-z0-9+/]{43}=$"


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def server(request: pytest.FixtureRequest, server_pool: ServerPool) -> LiveServer:
    # No worker: nothing is sent; what is queued and who may see it is what this tests.
    return server_pool.get(request.param, QUIET_WEBHOOK_ENV)


@pytest.fixture(scope="module")
def api(server: LiveServer) -> Iterator[Api]:
    yield from api_for(server)


def create(api: Api, **body: object) -> Json:
    response = api.post("/v1/webhook-endpoints", json={"url": "http://127.0.0.1:9/x", **body})
    assert response.status_code == 201, response.text
    created: Json = response.json()
    return created


def test_create_shows_the_secret_once(api: Api) -> None:
    created = create(api, event_types=["appointment.booked"], description="Reminders")
    assert created["secret"].startswith("whsec_")
    assert len(created["secret"]) == 50
    assert created["event_types"] == ["appointment.booked"]
    assert created["enabled"] is True
    assert created["disabled_reason"] is None
    got = api.get(f"/v1/webhook-endpoints/{created['id']}")
    assert got.status_code == 200
    assert "secret" not in got.json()
    assert got.json() == {k: v for k, v in created.items() if k != "secret"}
    listed = [e for page in api.all_pages("/v1/webhook-endpoints", {}) for e in page]
    assert created["id"] in {e["id"] for e in listed}
    assert all("secret" not in e for e in listed)


def test_patch_rotate_delete(api: Api) -> None:
    created = create(api)
    etag = api.get(f"/v1/webhook-endpoints/{created['id']}").headers["etag"]
    patched = api.patch(
        f"/v1/webhook-endpoints/{created['id']}",
        {"enabled": False, "description": "Paused", "event_types": ["patient.created"]},
        headers={"If-Match": etag},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["enabled"] is False
    assert patched.json()["event_types"] == ["patient.created"]
    stale = api.patch(
        f"/v1/webhook-endpoints/{created['id']}", {"enabled": True}, headers={"If-Match": etag}
    )
    assert_problem(stale, 412, "precondition_failed")
    rotated = api.post(f"/v1/webhook-endpoints/{created['id']}/rotate-secret")
    assert rotated.status_code == 200, rotated.text
    assert rotated.json()["secret"] != created["secret"]
    assert rotated.json()["secret_rotated_at"] is not None
    assert api.delete(f"/v1/webhook-endpoints/{created['id']}").status_code == 204
    assert_problem(api.get(f"/v1/webhook-endpoints/{created['id']}"), 404, "not_found")


def test_attempts_and_redelivery_of_unknown_things_are_404(api: Api) -> None:
    created = create(api)
    attempts = api.get(f"/v1/webhook-endpoints/{created['id']}/attempts")
    assert attempts.status_code == 200
    assert attempts.json()["items"] == []
    unknown = "01936f5e-6f38-7cc2-9a5e-3c0f1c2b9a10"
    assert_problem(api.get(f"/v1/webhook-endpoints/{unknown}/attempts"), 404, "not_found")
    redeliver = f"/v1/webhook-endpoints/{created['id']}/events/{unknown}/redeliver"
    assert_problem(api.post(redeliver), 404, "not_found")


def test_a_subscription_needs_the_read_scope_of_its_data(api: Api, server: LiveServer) -> None:
    _, key = create_api_key(server.database_url, ("webhooks:write", "appointments:read"))
    for limited in api_for(server, key):
        ok = limited.post(
            "/v1/webhook-endpoints",
            json={"url": "http://127.0.0.1:9/x", "event_types": ["appointment.booked"]},
        )
        assert ok.status_code == 201, ok.text
        everything = limited.post("/v1/webhook-endpoints", json={"url": "http://127.0.0.1:9/x"})
        assert_problem(everything, 403, "insufficient_scope")


def test_private_and_plain_http_urls_are_refused_by_default(live_server_sqlite: LiveServer) -> None:
    # The tests' default settings keep production's URL rules (names are not resolved).
    for api in api_for(live_server_sqlite):
        for url in ("http://127.0.0.1:9/x", "https://127.0.0.1/x", "https://10.0.0.1/x"):
            problem = assert_problem(
                api.post("/v1/webhook-endpoints", json={"url": url}), 422, "validation_failed"
            )
            assert pointers(problem) == ["/url"]
