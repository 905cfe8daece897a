"""Imports run one way: HTTP above the rules, the rules above the SQL; no cycle anywhere.

Read from the source with `ast` (no import is run), so the test names the offending line's module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import patient_tracker

PACKAGE = Path(patient_tracker.__file__).parent
RESOURCES = ("patients", "practitioners", "appointments")
# Modules that know about HTTP (or the web framework): nothing below them may import them.
HTTP = (
    "fastapi",
    "starlette",
    "patient_tracker.http",
    "patient_tracker.operations",
    "patient_tracker.deps",
    "patient_tracker.auth.route",
    "patient_tracker.auth.caller",
    *(f"patient_tracker.{r}.router" for r in RESOURCES),
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
        graph[_module_name(path)] = names
    return graph


def _below_http() -> list[str]:
    modules = ["patient_tracker.resource", "patient_tracker.etags"]
    for resource in RESOURCES:
        modules += [f"patient_tracker.{resource}.{part}" for part in ("service", "repository")]
        modules.append(f"patient_tracker.{resource}.errors")
    return modules


@pytest.mark.parametrize("module", _below_http())
def test_rules_and_sql_never_import_http(module: str) -> None:
    imported = _imports()[module]
    upward = sorted(
        name for name in imported if any(name == h or name.startswith(h + ".") for h in HTTP)
    )
    assert upward == []


ABOVE_DB = tuple(
    f"patient_tracker.{name}"
    for name in (*RESOURCES, "resource", "http", "operations", "deps", "auth", "app", "health")
)


def test_db_imports_nothing_above_it() -> None:
    graph = _imports()
    upward = {
        module: sorted(name for name in imported if name.startswith(ABOVE_DB))
        for module, imported in graph.items()
        if module.startswith("patient_tracker.db")
    }
    assert {module: names for module, names in upward.items() if names} == {}


def test_no_import_cycle() -> None:
    graph = {
        module: {name for name in imported if name in _all_modules()}
        for module, imported in _imports().items()
    }
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        if module in done:
            return
        assert module not in visiting, " -> ".join([*visiting, module])
        visiting.append(module)
        for name in sorted(graph[module]):
            visit(name)
        visiting.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)


def _all_modules() -> set[str]:
    return {_module_name(path) for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts}
