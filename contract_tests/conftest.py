"""The contract tests' servers accept loopback webhook URLs (`client_rules.LOOPBACK_WEBHOOK`)."""

from __future__ import annotations

import pytest

from contract_tests.client_rules import CONTRACT_SERVER_ENV


@pytest.fixture(scope="module")
def live_server_env() -> dict[str, str]:
    """`live_server` for the contract tests runs with `CONTRACT_SERVER_ENV`."""
    return dict(CONTRACT_SERVER_ENV)
