"""Schemathesis against a live server: every operation, every check, in the examples, coverage
and fuzzing phases.

The schema is the served `/openapi.json` (the hand-written spec), so this also proves the server
serves its contract. It runs on PostgreSQL. The same run on SQLite is the contract session's
(`nox -s contract`, `run_contract.py`): the Schemathesis CLI with the same checks, the same client
rules (`cli_hooks.py` loads `client_rules`) and the stateful phase too, so this module no longer
repeats it there.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from schemathesis import Case
from schemathesis.schemas import BaseSchema

from conftest import ServerPool
from contract_tests.checks import ALL_CHECKS, SEED, configure_checks
from contract_tests.client_rules import CONTRACT_SERVER_ENV, as_a_client_may_send_it
from live_server import LiveServer

schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def postgres_server(server_pool: ServerPool) -> LiveServer:
    """The contract tests' PostgreSQL server (shared with `test_stateful.py`'s)."""
    return server_pool.get("postgresql", CONTRACT_SERVER_ENV)


@pytest.fixture(scope="module")
def api_schema(postgres_server: LiveServer) -> BaseSchema:
    loaded = schemathesis.openapi.from_url(f"{postgres_server.base_url}/openapi.json")
    loaded.config.update(base_url=postgres_server.base_url)
    # A fixed seed: a red run means the change broke something, and any failure replays exactly.
    loaded.config.seed = SEED
    configure_checks(loaded)
    return loaded


@schema.parametrize()
@pytest.mark.postgres
def test_api_honours_its_contract(case: Case[Any], postgres_server: LiveServer) -> None:
    as_a_client_may_send_it(case)
    # Auth goes with each call, not in the schema's config: config headers would be added to the
    # `ignored_auth` check's own unauthenticated probe too, hiding what it tests.
    case.call_and_validate(headers=postgres_server.auth_headers, checks=ALL_CHECKS)
