"""The contract gate as integrators run it: `run_contract.py` (the Schemathesis CLI, tuned and
untuned, the coverage table and its thresholds), run whole, as a test.

It used to be a nox session of its own (`nox -s contract`, still there to run it alone and read
its table), run after the test session; as a test it runs beside the others (the test command
spreads tests over the machine's cores), and it is not run twice.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Generous: the whole run takes 2-4 minutes here; a hang must still end.
TIMEOUT_SECONDS = 900


def test_the_contract_run_passes() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "contract_tests.run_contract"],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    report = done.stdout[-6000:] + done.stderr[-4000:]
    assert done.returncode == 0, report
    # The run printed its coverage table and both passes' figures.
    assert "Contract coverage" in done.stdout, report
    assert "Untuned pass" in done.stdout, report
