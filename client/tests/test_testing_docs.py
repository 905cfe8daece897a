"""The README's test-kit snippet runs without a server (test_docs.py also runs it, in order with
the others, against the live server)."""

from __future__ import annotations

from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def kit_snippet() -> str:
    text = README.read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in text.split("```python\n")[1:]]
    (snippet,) = [block for block in blocks if "patient_tracker_client.testing" in block]
    return snippet


def test_readme_kit_snippet_runs_offline(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # No server address or key: the kit needs neither.
    monkeypatch.delenv("PATIENT_TRACKER_URL", raising=False)
    monkeypatch.delenv("PATIENT_TRACKER_API_KEY", raising=False)
    code = compile(kit_snippet(), f"{README}:test-kit", "exec")
    exec(code, {"__name__": "readme"})  # noqa: S102 - the README is ours, and running it is the test
    printed = capsys.readouterr().out.splitlines()
    assert printed == ["phone_taken", "[503, 201, None, 201, 409]"]
