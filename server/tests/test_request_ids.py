"""Request ids over a real socket, on SQLite and PostgreSQL: one on every answer the server can
give (the app's and the HTTP layer's), the same in the problem, the log line and the event it
caused; an inbound `X-Request-Id` is adopted only behind a trusted proxy, and only well formed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from conftest import ServerPool
from live_server import LiveServer
from tests.api_client import UNKNOWN_ID, Api, api_for, patient_body
from tests.test_hostile_input import raw_request, send_raw

SERVER_MADE = re.compile(r"req_[0-9a-f]{32}")


def _id(response: httpx.Response) -> str:
    request_id = response.headers["request-id"]
    assert SERVER_MADE.fullmatch(request_id), request_id
    return request_id


@pytest.fixture(scope="module")
def api(live_server: LiveServer) -> Iterator[Api]:
    yield from api_for(live_server)


def test_every_status_the_app_answers_carries_a_fresh_request_id(
    api: Api, live_server: LiveServer
) -> None:
    patient = api.create_patient()
    path = f"/v1/patients/{patient['id']}"
    current = api.get(path)
    json = {"Content-Type": "application/json"}
    answers = [
        (200, current),
        (201, api.post("/v1/patients", json=patient_body())),
        (204, api.delete(f"/v1/patients/{api.create_patient()['id']}")),
        (304, api.get(path, headers={"If-None-Match": current.headers["etag"]})),
        (400, api.post("/v1/patients", content=b"{", headers=json)),
        (401, httpx.get(f"{live_server.base_url}/v1/patients", timeout=10)),
        (404, api.get(f"/v1/patients/{UNKNOWN_ID}")),
        (405, api.request("PUT", "/v1/patients")),
        (409, api.post("/v1/patients", json=patient_body(phone=patient["phone"]))),
        (412, api.patch(path, {"family_name": "X"}, headers={"If-Match": '"999"'})),
        (413, api.post("/v1/patients", content=b" " * 70_000, headers=json)),
        (415, api.post("/v1/patients", content=b"{}", headers={"Content-Type": "text/plain"})),
        (422, api.get("/v1/patients", params={"limit": "0"})),
    ]

    for status, response in answers:
        assert response.status_code == status, (status, response.text)
        if status >= 400:
            assert response.json()["request_id"] == response.headers["request-id"]
    ids = [_id(response) for _, response in answers]
    assert len(set(ids)) == len(ids)  # one per request


def test_head_options_and_the_docs_carry_one_too(api: Api, live_server: LiveServer) -> None:
    for response in (
        api.request("HEAD", "/v1/patients"),
        api.request("OPTIONS", "/v1/patients"),
        httpx.get(f"{live_server.base_url}/openapi.json", timeout=10),
        httpx.get(f"{live_server.base_url}/docs", timeout=10),
        httpx.get(f"{live_server.base_url}/healthz", timeout=10),
    ):
        _id(response)


def test_the_http_layers_own_answers_carry_one(live_server: LiveServer) -> None:
    for raw in (
        raw_request(live_server, b"FOO", b"/v1/patients"),  # 501
        send_raw(live_server, b"GET / HTTP/1.1\r\nno colon\r\n\r\n"),  # 400
    ):
        assert SERVER_MADE.fullmatch(raw.headers["request-id"]), raw.headers
        assert raw.headers["request-id"].encode() in raw.body


def test_one_id_in_the_answer_the_log_line_and_the_event(api: Api, live_server: LiveServer) -> None:
    created = api.post("/v1/patients", json=patient_body())
    assert created.status_code == 201
    request_id = _id(created)
    patient_id = created.json()["id"]
    failed = api.get(f"/v1/patients/{UNKNOWN_ID}")
    failed_id = _id(failed)

    events = api.get("/v1/events", params={"resource_id": patient_id}).json()["items"]

    assert [event["request_id"] for event in events] == [request_id]
    log = live_server.log()
    assert "POST /v1/patients 201" in log
    assert re.search(rf"POST /v1/patients 201 \S+ request_id={request_id}\n", log), log[-2000:]
    assert "404 " in log
    assert f"request_id={failed_id}" in log
    assert failed.json()["request_id"] == failed_id


def test_an_inbound_request_id_is_ignored_without_a_trusted_proxy(api: Api) -> None:
    response = api.get("/healthz", headers={"X-Request-Id": "forged-by-the-client"})

    assert _id(response) != "forged-by-the-client"


@pytest.fixture(scope="module")
def behind_proxy(server_pool: ServerPool) -> LiveServer:
    return server_pool.get("sqlite", {"PATIENT_TRACKER_BEHIND_PROXY": "true"})


@pytest.mark.parametrize("inbound", ["f3c1a2b4-0d5e-4f6a-8b7c-9d0e1f2a3b4c", "Root-1:abc.def_9"])
def test_behind_a_trusted_proxy_a_well_formed_id_is_adopted(
    behind_proxy: LiveServer, inbound: str
) -> None:
    for api in api_for(behind_proxy):
        created = api.post("/v1/patients", json=patient_body(), headers={"X-Request-Id": inbound})
        assert created.headers["request-id"] == inbound
        missing = api.get(f"/v1/patients/{UNKNOWN_ID}", headers={"X-Request-Id": inbound})
        assert missing.json()["request_id"] == inbound
        events = api.get("/v1/events", params={"resource_id": created.json()["id"]}).json()
        assert [event["request_id"] for event in events["items"]] == [inbound]


@pytest.mark.parametrize("inbound", ["a b", "x" * 129, "semi;colon", "ünï"])
def test_behind_a_trusted_proxy_a_malformed_id_is_replaced(
    behind_proxy: LiveServer, inbound: str
) -> None:
    response = httpx.get(
        f"{behind_proxy.base_url}/healthz",
        headers=[(b"X-Request-Id", inbound.encode())],
        timeout=10,
    )
    assert response.status_code == 200
    assert _id(response) != inbound
