"""Fixtures for the SDK tests: one live server for the session, the SDK pointed at it, and the
real network parts used to cause faults (a loopback proxy that drops a response, a stub server
that answers 429 / 503 / 500, which the real server never sends on purpose).

The SDK under test is the installed wheel (`nox -s sdk` builds and installs it); `test_install.py`
checks that it is not imported from the source tree.

`client/tests` is a package, and `client/` too, so that pytest imports this file as
`client.tests.conftest`: not under the bare name `conftest`, which is the root conftest.py's (whose
live-server helpers this uses), nor as `tests.conftest`, which would clash with `server/tests`.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from live_server import LiveServer, run_live_server
from patient_tracker_client import PatientTracker, unwrap
from patient_tracker_client.generated.api.patients import create_patient
from patient_tracker_client.generated.models import Patient, PatientCreate


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One live server (uvicorn subprocess, fresh SQLite) for every SDK test."""
    directory = tmp_path_factory.mktemp("sdk-live")
    with run_live_server(f"sqlite:///{directory / 'sdk.db'}", directory) as live:
        yield live


@pytest.fixture
def tracker(server: LiveServer) -> Iterator[PatientTracker]:
    """The SDK, configured for the live server with the all-scopes key."""
    with PatientTracker(server.base_url, api_key=server.api_key) as client:
        yield client


def new_phone() -> str:
    """A random E.164 number: tests share one database, and phones are unique."""
    return f"+4479{secrets.randbelow(10**9):09d}"


@pytest.fixture
def make_patient(tracker: PatientTracker) -> Callable[..., Patient]:
    """Register a patient through the SDK (random phone unless given)."""

    def make(given_name: str = "Ada", phone: str | None = None) -> Patient:
        body = PatientCreate(
            given_name=given_name,
            family_name="Lovelace",
            date_of_birth=date(1985, 12, 10),
            phone=phone or new_phone(),
        )
        return unwrap(create_patient.sync_detailed(client=tracker.client, body=body))

    return make


# ---------------------------------------------------------------- transports that record requests


@dataclass(frozen=True)
class Exchange:
    """One request as it went onto the wire, and the status and headers that came back."""

    method: str
    path: str
    sent: httpx.Headers
    status: int
    received: httpx.Headers


class CountingTransport(httpx.HTTPTransport):
    """The real network transport, recording each request sent through it (below the retries)."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []
        self.exchanges: list[Exchange] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        response = super().handle_request(request)
        self.exchanges.append(
            Exchange(
                request.method,
                request.url.path,
                httpx.Headers(request.headers),
                response.status_code,
                httpx.Headers(response.headers),
            )
        )
        return response


class AsyncCountingTransport(httpx.AsyncHTTPTransport):
    """The async network transport, recording requests."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []
        self.exchanges: list[Exchange] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        response = await super().handle_async_request(request)
        self.exchanges.append(
            Exchange(
                request.method,
                request.url.path,
                httpx.Headers(request.headers),
                response.status_code,
                httpx.Headers(response.headers),
            )
        )
        return response


# ---------------------------------------------------------------- a proxy that drops a response


class DroppingProxy:
    """A loopback TCP proxy to `upstream` that, for the first `drops` POST requests, lets the
    request through, waits for the server's first response bytes (so the server has done the
    work and committed), and then closes the client's connection instead of forwarding them.
    """

    def __init__(self, upstream_port: int, drops: int = 1) -> None:
        self.upstream_port = upstream_port
        self.drops_left = drops
        self.dropped = 0
        self.posts_forwarded = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    @property
    def base_url(self) -> str:
        """Where clients connect."""
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            except OSError:  # closed by close()
                return
            self._sockets += [client, upstream]
            state = {"post": False}
            threading.Thread(
                target=self._requests, args=(client, upstream, state), daemon=True
            ).start()
            threading.Thread(
                target=self._responses, args=(upstream, client, state), daemon=True
            ).start()

    def _requests(
        self, client: socket.socket, upstream: socket.socket, state: dict[str, bool]
    ) -> None:
        # httpx sends one request at a time on a connection and waits for its response, so the
        # start of a chunk from the client is the start of a request.
        try:
            while data := client.recv(65536):
                if data[:5] == b"POST ":
                    state["post"] = True
                    with self._lock:
                        self.posts_forwarded += 1
                upstream.sendall(data)
        except OSError:
            pass
        finally:
            _close(upstream)

    def _responses(
        self, upstream: socket.socket, client: socket.socket, state: dict[str, bool]
    ) -> None:
        try:
            while data := upstream.recv(65536):
                with self._lock:
                    drop = state["post"] and self.drops_left > 0
                    if drop:
                        self.drops_left -= 1
                        self.dropped += 1
                state["post"] = False
                if drop:
                    # The server has answered, so it has committed: lose the answer.
                    client.shutdown(socket.SHUT_RDWR)
                    return
                client.sendall(data)
        except OSError:
            pass
        finally:
            _close(client)
            _close(upstream)

    def close(self) -> None:
        """Stop accepting and close every connection."""
        # shutdown() wakes the thread blocked in accept(); close() alone would not.
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        _close(self._listener)
        for each in self._sockets:
            _close(each)
        self._accepting.join(timeout=5)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.close()


@pytest.fixture
def dropping_proxy(server: LiveServer) -> Iterator[DroppingProxy]:
    """A proxy to the live server that drops the response to the first POST."""
    port = int(server.base_url.rsplit(":", 1)[1])
    proxy = DroppingProxy(port)
    yield proxy
    proxy.close()


# ---------------------------------------------------------------- a stub HTTP server


@dataclass(frozen=True)
class Scripted:
    """One response the stub gives: status, headers, JSON body."""

    status: int
    body: object = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (to provoke client timeouts)


@dataclass(frozen=True)
class Seen:
    """One request the stub received."""

    method: str
    path: str
    headers: dict[str, str]


class StubServer:
    """A real HTTP server on loopback answering from a script (the last entry repeats)."""

    def __init__(self) -> None:
        self.script: list[Scripted] = []
        self.seen: list[Seen] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                stub.seen.append(Seen(self.command, self.path, dict(self.headers.items())))
                index = min(len(stub.seen), len(stub.script)) - 1
                reply = stub.script[index]
                time.sleep(reply.delay)
                payload = b"" if reply.body is None else json.dumps(reply.body).encode()
                self.send_response(reply.status)
                content_type = (
                    "application/problem+json" if reply.status >= 400 else "application/json"
                )
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                with contextlib.suppress(OSError):  # the client may have timed out and left
                    self.wfile.write(payload)

            do_GET = do_POST = do_PATCH = do_DELETE = _answer  # noqa: N815 - http.server's names

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the test output is not the place for an access log."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@pytest.fixture
def stub() -> Iterator[StubServer]:
    """A stub server; set `stub.script` before calling it."""
    server = StubServer()
    yield server
    server.close()
