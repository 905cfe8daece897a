"""Schemathesis CLI hooks (`SCHEMATHESIS_HOOKS=contract_tests.cli_hooks`): the client rules.

The CLI run sends exactly what the pytest runs send: each positive case is made to obey the rules
in `client_rules.py` just before it goes out, and a booking names a patient and a practitioner
the run created earlier.
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
    """Apply the client rules to every case, in every phase, stateful steps included."""
    as_a_client_may_send_it(case)
    KNOWN.name_in(case)
    KNOWN.walk_with(case)


@schemathesis.hook
def after_call(context: HookContext, case: Case[Any], response: Response) -> None:
    """Remember what the run created (and forget deleted ones) and the ETags it read."""
    KNOWN.record(case, response)
