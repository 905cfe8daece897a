"""Schemathesis' stateful phase in pytest, on a fresh server per dialect, finds nothing.

Create -> read / update / delete / each status action, list -> read, along the spec's `links`,
with every check (`stateful_client.py`). Each run gets its own server (this module's
`live_server`, on SQLite and on PostgreSQL), and each scenario an emptied database.

The walks must also reach what they are for: every operation the links lead from or to answers
2xx at least once. A walk that only ever meets 404s (ids that name nothing) or 412s (tags that
match nothing) checks the error paths and not the flows, and would pass unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml

from contract_tests.run_contract import SPEC
from contract_tests.stateful_client import linked_operations, run_stateful
from live_server import LiveServer
from patient_tracker.db.database import Database

# Scenarios per run, each of up to `STEPS` calls: about 30-40 s per dialect on 2 cores. Thirty
# steps, not ten: completing an appointment takes three linked calls (book, check in, complete);
# with ten steps the walks never got there, with twenty twice in 100 scenarios, with thirty 4 times.
SCENARIOS = 100
STEPS = 30

# Operations the links reach that legitimately never answer 2xx in a walk, with the reason.
# None: every linked operation has a success path a walk can reach.
NO_SUCCESS_EXPECTED: dict[str, str] = {}


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
    statuses = run_stateful(
        live_server.base_url,
        live_server.api_key,
        server_database,
        scenarios=SCENARIOS,
        steps=STEPS,
    )
    linked = linked_operations(yaml.safe_load(SPEC.read_text()))
    assert linked, "the spec has no links"
    never_succeeded = {
        label: dict(sorted(statuses.get(label, {}).items()))
        for label in sorted(linked - NO_SUCCESS_EXPECTED.keys())
        if not any(200 <= status < 300 for status in statuses.get(label, {}))
    }
    assert not never_succeeded, (
        f"operations the links reach that never answered 2xx (statuses seen): {never_succeeded}"
    )
