"""Fixtures of the live-server convention tests: the session's shared SQLite server (see
`conftest.ServerPool`), an API client holding every scope, and a client with no key."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from live_server import LiveServer
from tests.api_client import Api, api_for


@pytest.fixture(scope="module")
def server(live_server_sqlite: LiveServer) -> LiveServer:
    return live_server_sqlite


@pytest.fixture(scope="module")
def api(server: LiveServer) -> Iterator[Api]:
    yield from api_for(server)


@pytest.fixture
def anonymous(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=30.0) as client:
        yield client
