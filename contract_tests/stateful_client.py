"""Schemathesis' stateful phase as a pytest-side client: sequences of calls along the `links`.

Used by `test_stateful.py` (against the real server) and `test_broken_variants.py` (against
broken ones). Every check runs on every step, including those that need a sequence
(`use_after_free`, `ensure_resource_availability`) and `ignored_auth`. Each scenario starts on a
known clinic (`clean_slate.py`): state left by earlier scenarios would make Hypothesis see a
different API on replay (`FlakyStrategyDefinition`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import hypothesis
import schemathesis
from schemathesis import Case
from schemathesis.checks import CheckFunction
from schemathesis.core.transport import Response
from schemathesis.schemas import BaseSchema

from contract_tests.checks import ALL_CHECKS, configure_checks
from contract_tests.clean_slate import empty_clinic, register_example_resources
from contract_tests.client_rules import REFERENCE_CREATORS, KnownResources, as_a_client_may_send_it
from patient_tracker.db.database import Database

CREATORS = frozenset(REFERENCE_CREATORS.values())


def run_stateful(
    base_url: str,
    api_key: str,
    database: Database,
    *,
    scenarios: int,
    steps: int,
    operation_ids: Sequence[str] = (),
) -> None:
    """Run `scenarios` scenarios of up to `steps` calls; raise Schemathesis' `FailureGroup`.

    `database` is the server's own, emptied before each scenario (API keys kept). Given
    `operation_ids`, only those operations (and the links between them) take part.
    """
    schema: BaseSchema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    if operation_ids:
        schema = schema.include(operation_id=list(operation_ids))
    schema.config.update(base_url=base_url)
    configure_checks(schema)
    auth = {"Authorization": f"Bearer {api_key}"}

    class Client(schema.as_state_machine()):  # type: ignore[misc]
        """A client that follows the links, with a valid key and the prose rules obeyed."""

        def setup(self) -> None:
            empty_clinic(database)
            # What this scenario may book with: the example patient and practitioner, then
            # whatever the scenario itself creates.
            self.known = KnownResources(
                register_example_resources(schema.raw_schema, base_url, auth, CREATORS)
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
            max_examples=scenarios,
            stateful_step_count=steps,
            # The same sequences on every run: a red run means the change broke something.
            derandomize=True,
            database=None,
            deadline=None,
            phases=[hypothesis.Phase.generate],
            suppress_health_check=list(hypothesis.HealthCheck),
        )
    )
