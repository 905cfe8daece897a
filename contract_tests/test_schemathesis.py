"""Schemathesis against a live server: every operation, every check, in the examples, coverage
and fuzzing phases.

The schema is the served `/openapi.json` (the hand-written spec), so this also proves the server
serves its contract. It runs twice: against a fresh server on a fresh SQLite file, and on a fresh
PostgreSQL database.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from schemathesis import Case
from schemathesis.schemas import BaseSchema

from contract_tests.checks import ALL_CHECKS, SEED, configure_checks
from contract_tests.client_rules import as_a_client_may_send_it
from live_server import LiveServer

schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def api_schema(live_server: LiveServer) -> BaseSchema:
    loaded = schemathesis.openapi.from_url(f"{live_server.base_url}/openapi.json")
    loaded.config.update(base_url=live_server.base_url)
    # A fixed seed: a red run means the change broke something, and any failure replays exactly.
    loaded.config.seed = SEED
    configure_checks(loaded)
    return loaded


@schema.parametrize()
def test_api_honours_its_contract(case: Case[Any], live_server: LiveServer) -> None:
    as_a_client_may_send_it(case)
    # Auth goes with each call, not in the schema's config: config headers would be added to the
    # `ignored_auth` check's own unauthenticated probe too, hiding what it tests.
    case.call_and_validate(headers=live_server.auth_headers, checks=ALL_CHECKS)
