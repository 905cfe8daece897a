"""Every ```python block of client/README.md, and the example script, run against the live server.

The README's blocks run in order as one script (later blocks use what earlier ones made), with the
server's address and key in the environment variables the README says it reads.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from live_server import LiveServer

CLIENT = Path(__file__).resolve().parents[1]
README = CLIENT / "README.md"
EXAMPLE = CLIENT / "examples" / "book_appointment.py"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def test_readme_snippets_run(
    server: LiveServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = BLOCK.findall(README.read_text(encoding="utf-8"))
    assert len(blocks) >= 7  # auth, booking, errors, pagination, If-Match, retries, async
    monkeypatch.setenv("PATIENT_TRACKER_URL", server.base_url)
    monkeypatch.setenv("PATIENT_TRACKER_API_KEY", server.api_key)
    namespace: dict[str, object] = {"__name__": "readme"}
    for number, source in enumerate(blocks, start=1):
        code = compile(source, f"{README}:block{number}", "exec")
        exec(code, namespace)  # noqa: S102 - the README is ours, and running it is the test
    printed = capsys.readouterr().out
    assert "409 phone_taken" in printed  # the error-handling block took the branch it shows
    assert "/phone" in printed
    assert "['checked_in']" in printed  # the async block saw the checked-in appointment


def test_example_script_runs(server: LiveServer) -> None:
    result = subprocess.run(  # noqa: S603 - our interpreter and our example
        [sys.executable, str(EXAMPLE)],
        env={"PATIENT_TRACKER_URL": server.base_url, "PATIENT_TRACKER_API_KEY": server.api_key},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"^Booked \S+: 20\d\d-.*, scheduled$", result.stdout, re.MULTILINE)
