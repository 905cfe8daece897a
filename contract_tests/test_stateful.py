"""Schemathesis' stateful phase in pytest: sequences of calls along the spec's `links`.

Create -> read / update / delete / each status action, list -> read: every check runs on every
step, including those that need a sequence (`use_after_free`, `ensure_resource_availability`)
and `ignored_auth`. Each run gets its own fresh server (this module's `live_server`, on SQLite
and on PostgreSQL): leftover state from another run would make Hypothesis see a different API
on replay (`FlakyStrategyDefinition`), and for the same reason each *scenario* starts on an
empty clinic (`clean_slate.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis import Case
from schemathesis.checks import CheckFunction
from schemathesis.core.transport import Response

from conftest import LiveServer
from contract_tests.checks import ALL_CHECKS, configure_checks
from contract_tests.clean_slate import empty_clinic, register_example_resources
from contract_tests.client_rules import REFERENCE_CREATORS, KnownResources, as_a_client_may_send_it
from patient_tracker.db.database import Database

# Scenarios per run, each of up to `STEPS` calls: about 25 s per dialect on 2 cores.
SCENARIOS = 100
STEPS = 10
CREATORS = frozenset(REFERENCE_CREATORS.values())


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
    schema = schemathesis.openapi.from_url(f"{live_server.base_url}/openapi.json")
    schema.config.update(base_url=live_server.base_url)
    configure_checks(schema)
    auth = live_server.auth_headers

    class Client(schema.as_state_machine()):  # type: ignore[misc]
        """A client that follows the links, with a valid key and the prose rules obeyed."""

        def setup(self) -> None:
            empty_clinic(server_database)
            # What this scenario may book with: the example patient and practitioner, then
            # whatever the scenario itself creates.
            self.known = KnownResources(
                register_example_resources(schema.raw_schema, live_server.base_url, auth, CREATORS)
            )

        def before_call(self, case: Case[Any]) -> None:
            as_a_client_may_send_it(case)
            self.known.name_in(case)

        def after_call(self, response: Response, case: Case[Any]) -> None:
            super().after_call(response, case)
            self.known.record(case, response)

        def get_call_kwargs(self, case: Case[Any]) -> dict[str, Any]:
            # Auth per call, as in test_schemathesis.py: the `ignored_auth` probe drops it.
            return {"headers": auth}

        def validate_response(
            self,
            response: Response,
            case: Case[Any],
            additional_checks: list[CheckFunction] | None = None,
            **kwargs: Any,
        ) -> None:
            case.validate_response(
                response,
                checks=ALL_CHECKS,
                headers=auth,
                transport_kwargs=kwargs,
                recorder=self.recorder,
            )

    Client.run(
        settings=hypothesis.settings(
            max_examples=SCENARIOS,
            stateful_step_count=STEPS,
            # The same sequences on every run: a red run means the change broke something.
            derandomize=True,
            database=None,
            deadline=None,
            phases=[hypothesis.Phase.generate],
            suppress_health_check=list(hypothesis.HealthCheck),
        )
    )
