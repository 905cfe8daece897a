"""Schemathesis CLI hooks (`SCHEMATHESIS_HOOKS=contract_tests.cli_hooks`): the client rules.

The CLI run sends exactly what the pytest runs send: each positive case is made to obey the rules
in `client_rules.py` just before it goes out.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis import Case
from schemathesis.hooks import HookContext

from contract_tests.client_rules import as_a_client_may_send_it


@schemathesis.hook
def before_call(context: HookContext, case: Case[Any], kwargs: dict[str, Any]) -> None:
    """Apply the client rules to every case, in every phase, stateful steps included."""
    as_a_client_may_send_it(case)
