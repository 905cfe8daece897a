"""The contract gate's untuned pass (`run_contract.py --untuned-only`): the plain Schemathesis CLI
as integrators run it, on a server with production's webhook URL rules; see
`test_contract_run.py`, which runs the rest of the gate in another file (and so, often, on the
other worker).
"""

from __future__ import annotations

from contract_tests.test_contract_run import run_contract


def test_the_untuned_pass_passes() -> None:
    done = run_contract("--untuned-only")
    report = done.stdout[-6000:] + done.stderr[-4000:]
    assert done.returncode == 0, report
    assert "Untuned pass" in done.stdout, report
