"""The SDK's test kit passes the same gate as the server: the untuned Schemathesis pass (every
check, every phase, stateful included; `schemathesis-untuned.toml`), run against the kit served
in process (`kit_gate.py`), finds nothing.

Bounded for the test session: `--max-examples 30` instead of the configuration's 100 (about 25 s
here on 2 cores instead of 60; the examples, coverage and stateful phases run whole either way,
the fuzzing phase generates fewer cases per operation). The thorough run is
`python -m contract_tests.kit_gate --max-examples 250 --seed 7`; `nox -s contract` runs the
configured one.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from patient_tracker_client.testing import bundled_spec

ROOT = Path(__file__).resolve().parents[1]
MAX_EXAMPLES = 30
TIMEOUT_SECONDS = 600
FIGURES = re.compile(
    r"Kit gate: (\d+) operations, (\d+) test cases, (\d+) requests, (\d+) checks \((\d+) failed\),"
    r" (\d+) failures, (\d+) errors"
)


def test_the_kit_passes_the_untuned_pass() -> None:
    done = subprocess.run(  # noqa: S603 - our own module, our own options
        [sys.executable, "-m", "contract_tests.kit_gate", "--max-examples", str(MAX_EXAMPLES)],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    report = done.stdout[-8000:] + done.stderr[-4000:]
    assert done.returncode == 0, report
    found = FIGURES.search(done.stdout)
    assert found is not None, report
    operations, cases, requests, checks, failed, failures, errors = map(int, found.groups())
    assert operations == len(bundled_spec().operations), report
    assert (failed, failures, errors) == (0, 0, 0), report
    assert checks > cases, report
    assert cases >= 2000, report
    assert requests >= cases, report
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert re.search(rf"✅ {phase}\b", done.stdout), f"{phase} did not pass:\n{report}"
