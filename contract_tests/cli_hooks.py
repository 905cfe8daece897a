"""Schemathesis CLI hooks (`SCHEMATHESIS_HOOKS=contract_tests.cli_hooks`): the client rules.

The CLI run sends what the pytest runs send (but for one rule, see `before_call`): each positive
case is made to obey the rules in `client_rules.py` just before it goes out, a booking names a
patient and a practitioner the run created earlier, and a stateful step an id the run heard of.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis import Case
from schemathesis.core.transport import Response
from schemathesis.hooks import HookContext

from contract_tests.client_rules import KnownResources, as_a_client_may_send_it

# The run is one client: what it created in one phase, it may book with in the next.
KNOWN = KnownResources()


@schemathesis.hook
def before_call(context: HookContext, case: Case[Any], kwargs: dict[str, Any]) -> None:
    """Apply the client rules to every case, in every phase, stateful steps included.

    Not `KnownResources.walk_with_read_etags`, unlike the pytest walks: their aim is the success
    paths (and `test_stateful.py` asserts each linked operation reaches one), this run's is every
    documented status, and an invented `If-Match` on a real resource is how its stateful phase
    meets the 412 of operations the fuzzing phase only reaches with ids that name nothing
    (`DELETE /v1/patients/{patient_id}`).
    """
    as_a_client_may_send_it(case)
    KNOWN.name_in(case)
    KNOWN.walk_with_known_ids(case)


@schemathesis.hook
def after_call(context: HookContext, case: Case[Any], response: Response) -> None:
    """Remember what the run created (and forget deleted ones) and the ETags it read."""
    KNOWN.record(case, response)
