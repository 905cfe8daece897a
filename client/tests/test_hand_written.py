"""The SDK's layers: what comes from the spec is generated, and the hand-written core restates none
of it. A module is generated when its first line says so (client/generate.py and
openapi-python-client write that line; `generate.py --check` keeps them current); every other
module of the package is hand-written and names no path of the spec and no scope of its security
schemes. The exceptions are all reachable from one module, `_errors`."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import patient_tracker_client
from patient_tracker_client import _errors, _problem_errors

PACKAGE = Path(patient_tracker_client.__file__).resolve().parent
GENERATED_MARK = "# Generated from spec/openapi.yaml by "


def spec() -> dict[str, Any]:
    """The spec the package carries (`_spec/openapi.json`; `bundle_spec.py --check` keeps it)."""
    document: dict[str, Any] = json.loads((PACKAGE / "_spec" / "openapi.json").read_text("utf-8"))
    return document


def is_generated(path: Path) -> bool:
    return path.read_text(encoding="utf-8").startswith(GENERATED_MARK)


def hand_written() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if not is_generated(path))


def scopes_of(document: dict[str, Any]) -> set[str]:
    """Every scope of the spec's security schemes: the OAuth flows' own, and those its security
    requirements (global and per operation) list under a scheme's name."""
    schemes = document["components"]["securitySchemes"]
    found = {
        scope
        for scheme in schemes.values()
        for flow in (scheme.get("flows") or {}).values()
        for scope in flow.get("scopes", {})
    }
    requirements = list(document.get("security", []))
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict):
                requirements += operation.get("security", [])
    for requirement in requirements:
        for name, listed in requirement.items():
            assert name in schemes, name
            found.update(listed)
    return found


def test_the_facade_and_the_per_code_errors_are_generated() -> None:
    for name in ("_generated_resources.py", "_problem_errors.py"):
        assert is_generated(PACKAGE / name), name
    assert all(is_generated(path) for path in (PACKAGE / "generated").rglob("*.py"))


def test_hand_written_code_restates_no_path_and_no_scope() -> None:
    document = spec()
    scopes = scopes_of(document)
    assert len(scopes) >= 8, scopes  # the spec's read and write scopes were found
    paths = set(document["paths"])
    modules = hand_written()
    names = {path.relative_to(PACKAGE).as_posix() for path in modules}
    assert {"_resources.py", "_errors.py", "_client.py", "testing/_store.py"} <= names
    found = []
    for path in modules:
        text = path.read_text(encoding="utf-8")
        if "/v1" in text:
            found.append(f"{path.name}: a /v1 path")
        found += [f"{path.name}: path {p}" for p in sorted(paths) if p in text]
        found += [f"{path.name}: scope {s}" for s in sorted(scopes) if s in text]
    assert not found, found


def test_every_exception_is_reachable_from_errors() -> None:
    for name in _problem_errors.__all__:
        assert getattr(_errors, name) is getattr(_problem_errors, name)
        assert name in _errors.__all__
    exported = {
        name
        for name in patient_tracker_client.__all__
        if inspect.isclass(value := getattr(patient_tracker_client, name))
        and issubclass(value, _errors.PatientTrackerError)
    }
    assert exported <= set(_errors.__all__)
    assert len(exported) > len(_problem_errors.__all__)
