"""Schemathesis' stateful phase in pytest, on a fresh server per dialect, finds nothing.

Create -> read / update / delete / each status action, list -> read, along the spec's `links`,
with every check (`stateful_client.py`). Each run gets its own server (this module's
`live_server`, on SQLite and on PostgreSQL), and each scenario an emptied database.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import LiveServer
from contract_tests.stateful_client import run_stateful
from patient_tracker.db.database import Database

# Scenarios per run, each of up to `STEPS` calls: about 15-25 s per dialect on 2 cores.
SCENARIOS = 100
STEPS = 10


@pytest.fixture
def server_database(live_server: LiveServer) -> Iterator[Database]:
    """The live server's own database, for emptying it between scenarios."""
    database = Database.from_url(live_server.database_url)
    try:
        yield database
    finally:
        database.dispose()


def test_stateful_flows_honour_the_contract(
    live_server: LiveServer, server_database: Database
) -> None:
    run_stateful(
        live_server.base_url,
        live_server.api_key,
        server_database,
        scenarios=SCENARIOS,
        steps=STEPS,
    )
