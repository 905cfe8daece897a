"""Clients that disconnect, stall or send oversized heads, and what the server logs about them.

Live server over real sockets (raw `socket` where httpx would not send the request), loopback
only, bounded connection counts and short timeouts.
"""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from live_server import LiveServer, run_live_server

# Short limits, so the tests take seconds.
HEADER_TIMEOUT = 1.0
BODY_TIMEOUT = 1.0
MAX_HEADER_BYTES = 4096
SLOW_CONNECTIONS = 50

PHONE = "+447700900123"
NAME = "Zebedee"
EMAIL = "zebedee.q@example.org"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A live server at log level trace, with short read timeouts and a small header limit."""
    directory = tmp_path_factory.mktemp("slow-clients")
    env = {
        "PATIENT_TRACKER_LOG_LEVEL": "trace",
        "PATIENT_TRACKER_HEADER_TIMEOUT": str(HEADER_TIMEOUT),
        "PATIENT_TRACKER_BODY_TIMEOUT": str(BODY_TIMEOUT),
        "PATIENT_TRACKER_MAX_HEADER_BYTES": str(MAX_HEADER_BYTES),
    }
    with run_live_server(f"sqlite:///{directory / 'live.db'}", directory, extra_env=env) as live:
        yield live


def _address(server: LiveServer) -> tuple[str, int]:
    host, port = server.base_url.removeprefix("http://").split(":")
    return host, int(port)


def _connect(server: LiveServer) -> socket.socket:
    return socket.create_connection(_address(server), timeout=5)


def _read_until_closed(sock: socket.socket, limit_seconds: float = 10.0) -> bytes:
    """Everything the server sends until it closes the connection (or the time limit)."""
    sock.settimeout(limit_seconds)
    received = b""
    deadline = time.monotonic() + limit_seconds
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, TimeoutError):
            break
        if not chunk:
            break
        received += chunk
    return received


def _wait_for_log(server: LiveServer, text: str, seconds: float = 5.0) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        log = server.log()
        if text in log:
            return log
        time.sleep(0.05)
    return server.log()


def _assert_no_server_error(log: str) -> None:
    assert "ERROR" not in log, log
    assert " 500 " not in log, log
    assert "Traceback" not in log, log


def _post_head(server: LiveServer, extra: str) -> bytes:
    host, port = _address(server)
    return (
        f"POST /v1/patients HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Authorization: Bearer {server.api_key}\r\n"
        f"Content-Type: application/json\r\n{extra}\r\n"
    ).encode()


def test_disconnect_mid_body_is_not_a_server_error(server: LiveServer) -> None:
    with _connect(server) as sock:
        sock.sendall(_post_head(server, "Content-Length: 1000\r\n") + b'{"given_name": "Ad')
        time.sleep(0.3)  # the app is now waiting for the rest of the body
    log = _wait_for_log(server, "POST /v1/patients 499")
    assert "client disconnected before the request was read: POST /v1/patients" in log, log
    assert "POST /v1/patients 499" in log, log
    _assert_no_server_error(log)


def test_malformed_chunked_body_gets_a_4xx_or_a_close(server: LiveServer) -> None:
    with _connect(server) as sock:
        sock.sendall(
            _post_head(server, "Transfer-Encoding: chunked\r\n") + b'5\r\n{"a":\r\nZZZ\r\n\r\n'
        )
        answer = _read_until_closed(sock)
    assert answer == b"" or answer.startswith(b"HTTP/1.1 4"), answer
    log = _wait_for_log(server, "POST /v1/patients 499")
    _assert_no_server_error(log)


def test_trace_logs_no_patient_data_and_the_route_template(server: LiveServer) -> None:
    with httpx.Client(base_url=server.base_url, headers=server.auth_headers) as client:
        found = client.get("/v1/patients", params={"phone": PHONE, "name_prefix": NAME})
        assert found.status_code == 200, found.text
        client.get("/v1/patients", params={"email": EMAIL})
        in_path = client.get(f"/v1/patients/{PHONE}")
        assert in_path.status_code == 404
        unmatched = client.get(f"/v1/{NAME}/{EMAIL}", params={"q": PHONE})
        assert unmatched.status_code == 404
    log = _wait_for_log(server, "GET <unmatched> 404")
    assert "GET /v1/patients 200" in log, log
    assert "GET /v1/patients/{patient_id} 404" in log, log
    assert "GET <unmatched> 404" in log, log
    for secret in (PHONE, PHONE.removeprefix("+"), "447700900123", NAME, EMAIL, "zebedee"):
        assert secret.lower() not in log.lower(), f"{secret!r} is in the server log:\n{log}"


def test_a_head_above_the_limit_gets_431(server: LiveServer) -> None:
    with _connect(server) as sock:
        head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * (MAX_HEADER_BYTES * 4)
        sock.sendall(head)  # never finished: the limit applies before the head is complete
        answer = _read_until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    assert b"application/problem+json" in answer
    assert b'"code":"request_header_too_large"' in answer
    # Answered below the app, yet with a request id, the same in the header and the body.
    request_id = re.search(rb"\r\nrequest-id: (req_[0-9a-f]{32})\r\n", answer)
    assert request_id is not None, answer[:500]
    assert b'"request_id":"' + request_id.group(1) + b'"' in answer
    with _connect(server) as sock:
        # Complete and in one write: rejected by its exact size once parsed.
        padding = b"a" * 10_000
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + padding + b"\r\n\r\n")
        assert _read_until_closed(sock).startswith(b"HTTP/1.1 431 ")
    # A small head with a body much larger than the header limit is served.
    body = b'{"given_name": "' + b"a" * 20_000 + b'"}'
    with _connect(server) as sock:
        sock.sendall(_post_head(server, f"Content-Length: {len(body)}\r\nConnection: close\r\n"))
        sock.sendall(body)
        answer = _read_until_closed(sock)
    assert answer.startswith((b"HTTP/1.1 413 ", b"HTTP/1.1 422 ")), answer[:200]
    _assert_no_server_error(server.log())


def _healthz_answers_quickly(server: LiveServer) -> None:
    started = time.monotonic()
    response = httpx.get(f"{server.base_url}/healthz", timeout=5)
    assert response.status_code == 200
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize(
    "sent",
    [
        pytest.param(b"", id="silent"),
        pytest.param(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ", id="unfinished-headers"),
        pytest.param(None, id="unfinished-body"),
    ],
)
def test_stalled_connections_are_closed_and_do_not_block_others(
    server: LiveServer, sent: bytes | None
) -> None:
    data = _post_head(server, "Content-Length: 100\r\n") + b'{"giv' if sent is None else sent
    with ExitStack() as stack:
        sockets = [stack.enter_context(_connect(server)) for _ in range(SLOW_CONNECTIONS)]
        for sock in sockets:
            if data:
                sock.sendall(data)
        _healthz_answers_quickly(server)
        # Trickling does not renew the deadline.
        if data:
            time.sleep(HEADER_TIMEOUT / 2)
            for sock in sockets:
                sock.sendall(b"a")
        started = time.monotonic()
        for sock in sockets:
            _read_until_closed(sock, limit_seconds=HEADER_TIMEOUT * 5)
        # Every one was closed by the server, within its timeout plus scheduling slack.
        assert time.monotonic() - started < HEADER_TIMEOUT * 3
        _healthz_answers_quickly(server)
    _assert_no_server_error(server.log())


def test_requests_that_arrive_whole_are_unaffected(server: LiveServer) -> None:
    """Keep-alive requests, slow between requests but not within one, stay on one connection."""
    with httpx.Client(base_url=server.base_url, headers=server.auth_headers) as client:
        for _ in range(3):
            assert client.get("/healthz").status_code == 200
            time.sleep(HEADER_TIMEOUT * 1.5)  # longer than the header timeout, below keep-alive
        created = client.post("/v1/patients", json={"given_name": "x"})
        assert created.status_code == 422
    _assert_no_server_error(server.log())


def test_default_log_level_logs_no_patient_data_either(tmp_path: Path) -> None:
    with run_live_server(f"sqlite:///{tmp_path / 'live.db'}", tmp_path) as live:
        httpx.get(f"{live.base_url}/v1/patients/{PHONE}", params={"phone": PHONE}, timeout=5)
        log = _wait_for_log(live, "GET /v1/patients/{patient_id}")
    assert "GET /v1/patients/{patient_id} 401" in log, log
    assert "447700900123" not in log, log


def test_a_request_over_the_concurrency_limit_gets_a_server_busy_problem(tmp_path: Path) -> None:
    """uvicorn refuses a request over `LIMIT_CONCURRENCY` before the app runs; the answer is the
    spec's 503 problem (`server_busy`, with `Retry-After`), not uvicorn's plain text."""
    env = {"PATIENT_TRACKER_LIMIT_CONCURRENCY": "2"}
    with run_live_server(f"sqlite:///{tmp_path / 'live.db'}", tmp_path, extra_env=env) as live:
        with ExitStack() as held:
            # Two open connections reach the limit: the request on a third is over it.
            for _ in range(2):
                held.enter_context(_connect(live)).sendall(b"GET /healthz HTTP/1.1\r\n")
            time.sleep(0.2)
            busy = httpx.get(f"{live.base_url}/v1/patients", timeout=5)
        assert busy.status_code == 503
        assert busy.headers["content-type"] == "application/problem+json"
        assert busy.headers["retry-after"] == "1"
        problem = busy.json()
        assert (problem["code"], problem["status"], problem["title"]) == (
            "server_busy",
            503,
            "Server busy",
        )
        assert busy.headers["request-id"] == problem["request_id"]
        # Below the limit again, requests are served.
        assert httpx.get(f"{live.base_url}/healthz", timeout=5).status_code == 200
        _assert_no_server_error(live.log())


def test_serve_caps_uvicorn_at_debug_and_passes_the_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At trace, uvicorn would dump every ASGI message (query strings included); its loggers
    stop at debug while ours follow the setting."""
    import logging

    import uvicorn

    from patient_tracker.cli import main

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *_args, **kwargs: calls.append(kwargs))
    for name, value in {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "MIGRATE_ON_START": "false",
        "LOG_LEVEL": "TRACE",
        "LIMIT_CONCURRENCY": "50",
        "BACKLOG": "64",
        "TIMEOUT_KEEP_ALIVE": "3",
    }.items():
        monkeypatch.setenv(f"PATIENT_TRACKER_{name}", value)
    assert main(["serve"]) == 0
    (kwargs,) = calls
    assert kwargs["log_level"] == "debug"
    assert kwargs["log_config"]["loggers"]["patient_tracker"]["level"] == 5  # uvicorn's TRACE
    assert kwargs["http"] == "patient_tracker.web.slow_clients:GuardedHttpToolsProtocol"
    assert (kwargs["limit_concurrency"], kwargs["backlog"], kwargs["timeout_keep_alive"]) == (
        50,
        64,
        3,
    )
    assert logging.getLevelName(5) in ("TRACE", "Level 5")


def test_limit_settings_are_validated() -> None:
    from pydantic import ValidationError

    from patient_tracker.settings import Settings

    settings = Settings(max_header_bytes=8192, header_timeout=2.5, body_timeout=4)
    assert (settings.max_header_bytes, settings.header_timeout, settings.body_timeout) == (
        8192,
        2.5,
        4.0,
    )
    for bad in ({"max_header_bytes": 10}, {"header_timeout": 0}, {"limit_concurrency": 0}):
        with pytest.raises(ValidationError):
            Settings.model_validate(bad)
