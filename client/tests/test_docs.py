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


# `print(...)  # what it prints`: the comment is checked; `...` stands for any text.
PRINT_WITH_VALUE = re.compile(r"^(\s*)print\((.*)\)\s+#\s(.+)$", re.MULTILINE)


def _as_pattern(shown: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in shown.split("...")), re.DOTALL)


def _checked_prints(source: str) -> str:
    """`source` with each commented `print` replaced by one that also checks its comment."""
    return PRINT_WITH_VALUE.sub(
        lambda m: f"{m.group(1)}__print_as__({m.group(3)!r}, {m.group(2)})", source
    )


def _print_as(shown: str, *values: object, sep: str = " ") -> None:
    printed = sep.join(str(value) for value in values)
    print(printed)
    assert _as_pattern(shown).fullmatch(printed), f"README says {shown!r}; it printed {printed!r}"


def test_readme_snippets_run(
    server: LiveServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = BLOCK.findall(README.read_text(encoding="utf-8"))
    assert len(blocks) >= 7  # auth, booking, errors, pagination, If-Match, retries, async
    assert len(PRINT_WITH_VALUE.findall("\n".join(blocks))) >= 10
    monkeypatch.setenv("PATIENT_TRACKER_URL", server.base_url)
    monkeypatch.setenv("PATIENT_TRACKER_API_KEY", server.api_key)
    namespace: dict[str, object] = {"__name__": "readme", "__print_as__": _print_as}
    for number, source in enumerate(blocks, start=1):
        code = compile(_checked_prints(source), f"{README}:block{number}", "exec")
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


def _sdk_names_outside_the_root() -> dict[str, str]:
    """Public names the SDK's modules define that `patient_tracker_client` itself does not
    export: name -> the module that has it."""
    import importlib
    import pkgutil

    import patient_tracker_client

    found: dict[str, str] = {}
    for module_info in pkgutil.walk_packages(
        patient_tracker_client.__path__, "patient_tracker_client."
    ):
        if module_info.name.rsplit(".", 1)[-1].startswith("_"):
            continue
        module = importlib.import_module(module_info.name)
        for name in getattr(module, "__all__", ()):
            if not hasattr(patient_tracker_client, name):
                found.setdefault(name, module_info.name)
    return found


def test_every_sdk_name_the_readme_uses_says_where_it_comes_from() -> None:
    """A name the package root does not export (`AuthenticatedClient`, a generated model) is
    used in the README only with the import that brings it: its reader can copy it."""
    import ast

    text = README.read_text(encoding="utf-8")
    imported_names = {
        alias.name
        for block in BLOCK.findall(text)
        for node in ast.walk(ast.parse(block))
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    # In prose: "(`from patient_tracker_client.generated import AuthenticatedClient`)".
    for listed in re.findall(r"from\s+[\w.]+\s+import\s+(\w+(?:,\s*\w+)*)", text):
        imported_names |= {name.strip() for name in listed.split(",")}
    # Names in code: the blocks, and inline code spans (prose says "Call them", not `Call`).
    code = "\n".join(BLOCK.findall(text)) + "\n" + "\n".join(re.findall(r"`([^`\n]+)`", text))
    used = set(re.findall(r"\b([A-Z][A-Za-z0-9]+)\b", code))
    elsewhere = _sdk_names_outside_the_root()
    unexplained = {
        name: module
        for name, module in elsewhere.items()
        if name in used and name not in imported_names
    }
    assert not unexplained, f"say where these come from (from ... import ...): {unexplained}"
