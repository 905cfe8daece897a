"""Test helpers for webhooks: a live server that may deliver to loopback, and a receiver.

The receiver is a real HTTP server (`http.server` in a thread) on 127.0.0.1 that records every
request (headers, raw body, when it arrived) and answers with the statuses it is told to, in
order. `silent_endpoint` is one that accepts connections and never answers.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from live_server import LiveServer, run_live_server, throwaway_postgres_database

__all__ = [
    "QUIET_WEBHOOK_ENV",
    "WEBHOOK_TEST_ENV",
    "Delivery",
    "Receiver",
    "receiving",
    "silent_endpoint",
    "webhook_server",
]

# Loopback receivers over http, and retry delays cut to a thousandth (5 s -> 5 ms, 5 min ->
# 0.3 s, 30 min -> 1.8 s). The poll interval is production's (1 s): commits wake the worker.
WEBHOOK_TEST_ENV = {
    "PATIENT_TRACKER_WEBHOOK_WORKER": "true",
    "PATIENT_TRACKER_WEBHOOK_ALLOW_HTTP": "true",
    "PATIENT_TRACKER_WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "true",
    "PATIENT_TRACKER_WEBHOOK_RETRY_SCALE": "0.001",
}

# The same with no delivery worker: what is queued and who may see it, nothing sent. Servers with
# these settings are shared by the test session (`conftest.ServerPool`).
QUIET_WEBHOOK_ENV = {**WEBHOOK_TEST_ENV, "PATIENT_TRACKER_WEBHOOK_WORKER": "false"}


@dataclass(frozen=True)
class Delivery:
    """One request the receiver got, and when (`time.monotonic()`)."""

    headers: dict[str, str]
    body: bytes
    received_at: float = field(default_factory=time.monotonic)


@dataclass
class Receiver:
    """What a receiver got, and the statuses it answers with (then 204 for ever)."""

    url: str
    answers: list[int] = field(default_factory=list)
    deliveries: list[Delivery] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_for(
        self, predicate: Callable[[list[Delivery]], bool], timeout: float = 20.0
    ) -> list[Delivery]:
        """Poll until `predicate(deliveries)`; fail with what arrived if it does not hold."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                got = list(self.deliveries)
            if predicate(got):
                return got
            time.sleep(0.02)
        raise AssertionError(f"timed out; {len(got)} deliveries arrived")


@contextmanager
def receiving(answers: list[int] | None = None, port: int = 0) -> Iterator[Receiver]:
    """A receiver on 127.0.0.1 (`port` 0: any free port) until the block ends."""
    receiver = Receiver(url="", answers=list(answers or []))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            with receiver.lock:
                receiver.deliveries.append(Delivery(dict(self.headers.items()), body))
                status = receiver.answers.pop(0) if receiver.answers else 204
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def silent_endpoint() -> Iterator[str]:
    """A URL on 127.0.0.1 whose server accepts connections and never answers (a hung receiver),
    until the block ends; then its connections are closed."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    listener.settimeout(0.05)
    accepted: list[socket.socket] = []
    stopping = threading.Event()

    def accept() -> None:
        while not stopping.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(connection)  # held open, never read, never answered

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/hooks"
    finally:
        stopping.set()
        thread.join(timeout=5)
        listener.close()
        for connection in accepted:
            connection.close()


@contextmanager
def webhook_server(kind: str, directory: Path, **env: str) -> Iterator[LiveServer]:
    """A live server on a fresh SQLite or PostgreSQL database, with `WEBHOOK_TEST_ENV`."""
    extra = {**WEBHOOK_TEST_ENV, **env}
    if kind == "sqlite":
        with run_live_server(f"sqlite:///{directory / 'live.db'}", directory, extra_env=extra) as s:
            yield s
    else:
        with (
            throwaway_postgres_database() as url,
            run_live_server(url, directory, extra_env=extra) as server,
        ):
            yield server
