"""Schemathesis' stateful phase as a pytest-side client: sequences of calls along the `links`.

The spec's links only: Schemathesis' own link inference (dependency analysis) is switched off.
Its guesses are not the contract, and some are wrong (it would send a new appointment's
`cancellation_reason`, which is `null`, to `cancelAppointment`: a 422 every time), while they share
the per-scenario budget of calls between two operations with the spec's links.

Used by `test_stateful.py` (against the real server) and `test_broken_variants.py` (against
broken ones). Every check runs on every step, including those that need a sequence
(`use_after_free`, `ensure_resource_availability`) and `ignored_auth`. Each scenario starts on a
known clinic (`clean_slate.py`): state left by earlier scenarios would make Hypothesis see a
different API on replay (`FlakyStrategyDefinition`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
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
from patient_tracker.contract.spec_document import walk_operations
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
) -> dict[str, Counter[int]]:
    """Run `scenarios` scenarios of up to `steps` calls; raise Schemathesis' `FailureGroup`.

    `database` is the server's own, emptied before each scenario (API keys kept). Given
    `operation_ids`, only those operations (and the links between them) take part. Returns the
    status codes the walks' calls got, counted per operation label (`"GET /v1/patients"`).
    """
    schema: BaseSchema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    if operation_ids:
        schema = schema.include(operation_id=list(operation_ids))
    schema.config.update(base_url=base_url)
    schema.config.phases.stateful.inference.algorithms = []
    configure_checks(schema)
    auth = {"Authorization": f"Bearer {api_key}"}
    statuses: dict[str, Counter[int]] = {}

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
            self.known.walk_with_known_ids(case)
            self.known.walk_with_read_etags(case)

        def after_call(self, response: Response, case: Case[Any]) -> None:
            super().after_call(response, case)
            self.known.record(case, response)
            statuses.setdefault(case.operation.label, Counter())[response.status_code] += 1

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
    return statuses


def linked_operations(raw_spec: Mapping[str, Any]) -> set[str]:
    """The labels of the operations the spec's `links` lead from or to: those a walk reaches."""
    labels = {
        definition["operationId"]: f"{method} {path}"
        for method, path, definition, _parameters in walk_operations(raw_spec)
        if "operationId" in definition
    }

    def resolved(node: Mapping[str, Any], section: str) -> Mapping[str, Any]:
        reference = node.get("$ref")
        if isinstance(reference, str):
            return dict(raw_spec["components"][section][reference.rsplit("/", 1)[-1]])
        return node

    linked: set[str] = set()
    for label in labels.values():
        method, path = label.split(" ", 1)
        definition = raw_spec["paths"][path][method.lower()]
        for response in definition.get("responses", {}).values():
            for link in resolved(response, "responses").get("links", {}).values():
                linked.update({label, labels[resolved(link, "links")["operationId"]]})
    return linked
