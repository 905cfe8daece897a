"""Schemathesis against a live server: every operation, every check, in the examples, coverage
and fuzzing phases.

The schema is the served `/openapi.json` (the hand-written spec), so this also proves the server
serves its contract. It runs twice: against a fresh server on a fresh SQLite file, and on a fresh
PostgreSQL database.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import schemathesis
from schemathesis import Case, GenerationMode
from schemathesis.checks import CHECKS, CheckFunction, load_all_checks
from schemathesis.schemas import BaseSchema

from conftest import LiveServer

schema = schemathesis.pytest.from_fixture("api_schema")
SEED = 20261122

load_all_checks()
# Every registered check, the optional ones (`use_after_free`, `ignored_auth`, ...) included.
ALL_CHECKS: list[CheckFunction] = [
    check for check in CHECKS.get_all() if not isinstance(check, type)
]


@pytest.fixture(scope="module")
def api_schema(live_server: LiveServer) -> BaseSchema:
    loaded = schemathesis.openapi.from_url(f"{live_server.base_url}/openapi.json")
    loaded.config.update(base_url=live_server.base_url)
    # A fixed seed: a red run means the change broke something, and any failure replays exactly.
    loaded.config.seed = SEED
    return loaded


def _obeying_the_booking_rules(body: dict[str, Any]) -> None:
    """`end_at` after `start_at` and at most 8 hours later; a date of birth not in the future."""
    start, end = body.get("start_at"), body.get("end_at")
    if isinstance(start, str) and isinstance(end, str):
        start_at, end_at = (
            datetime.fromisoformat(start.upper()),
            datetime.fromisoformat(end.upper()),
        )
        if not timedelta(0) < end_at - start_at <= timedelta(hours=8):
            body["end_at"] = (start_at + timedelta(minutes=30)).isoformat()
    birth = body.get("date_of_birth")
    if isinstance(birth, str) and date.fromisoformat(birth) > datetime.now(UTC).date():
        body["date_of_birth"] = "1990-01-01"


def _as_a_client_may_send_it(case: Case[Any]) -> None:
    """Make a *positive* case obey the rules the spec states in prose, which no schema can hold.

    - A `cursor` must be one a previous page returned; an invented one is rightly a 422
      `invalid_cursor`. Positive cases omit it (real cursors: the pagination tests).
    - An `Idempotency-Key` must be unique per request; Hypothesis reuses generated values, and a
      reused key with another body is rightly a 422 `idempotency_key_reused`. Positive cases get a
      fresh key (replays: the idempotency tests).
    - Booking times and dates of birth follow the rules in the operations' descriptions; a case
      that breaks them is moved inside them (the rules themselves: the service tests).

    Negative cases are sent as generated, and must still be rejected.
    """
    if case.meta is None or case.meta.generation.mode is not GenerationMode.POSITIVE:
        return
    if case.query:
        case.query.pop("cursor", None)
    if case.headers and "Idempotency-Key" in case.headers:
        case.headers["Idempotency-Key"] = str(uuid.uuid4())
    if isinstance(case.body, dict):
        _obeying_the_booking_rules(case.body)


@schema.parametrize()
def test_api_honours_its_contract(case: Case[Any], live_server: LiveServer) -> None:
    _as_a_client_may_send_it(case)
    # Auth goes with each call, not in the schema's config: config headers would be added to the
    # `ignored_auth` check's own unauthenticated probe too, hiding what it tests.
    case.call_and_validate(headers=live_server.auth_headers, checks=ALL_CHECKS)
