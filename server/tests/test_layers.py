"""The house's rooms and the one way its imports run: down the floors, never up, never sideways
between resource packages, never in a cycle; HTTP above the rules, the rules above the SQL.

Read from the source with `ast` (no import is run), so a failure names the offending module and
what it imports. Every module of the package belongs to a room below; one that does not fails
`test_every_module_has_a_room`, so a new room is placed on purpose.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import patient_tracker

PACKAGE = Path(patient_tracker.__file__).parent

# The floors, from the ground up. A module imports its own room, or rooms on lower floors.
RESOURCE_PACKAGES = ("patients", "practitioners", "appointments", "webhooks")
FLOORS: tuple[tuple[str, ...], ...] = (
    ("contract", "settings"),  # the spec as the server reads it; configuration
    ("kit",),  # ids, ETags, cursors
    ("db",),  # the engine room, with the outbox
    ("auth",),  # keys, integrations, scopes, the secured route
    ("resource",),  # the resource skeleton
    ("web",),  # the binder and the skeleton's HTTP half
    RESOURCE_PACKAGES,  # each on its own: none imports another
    ("app", "cli"),  # what puts it together: the application, the command
    ("__main__",),  # `python -m patient_tracker`: the command
)
# Inside the webhooks wing: its parts may import only those listed (endpoints vet URLs and sign
# with delivery's tools); events, endpoints and delivery otherwise stand apart.
WING_PARTS = {"delivery": set(), "events": set(), "endpoints": {"delivery"}}
# Modules that know about HTTP (or the web framework): rules and SQL never import them.
HTTP = ("fastapi", "starlette", "patient_tracker.web", "patient_tracker.auth.route")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts]


def _imports() -> dict[str, set[str]]:
    """Each module -> the modules (and names) it imports, spelled in full."""
    graph: dict[str, set[str]] = {}
    for path in _modules():
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level:  # relative: resolve against the importing package
                    base = _module_name(path).split(".")
                    base = base[: len(base) - node.level + (path.name == "__init__.py")]
                    module = ".".join([*base, module] if module else base)
                names.add(module)
                names.update(f"{module}.{alias.name}" for alias in node.names)
        graph[_module_name(path)] = names
    return graph


def _room(module: str) -> str | None:
    """`patient_tracker.webhooks.events.service` -> `webhooks`; None outside the package."""
    parts = module.split(".")
    if parts[0] != "patient_tracker" or len(parts) < 2:
        return None
    return parts[1]


def _floor(room: str) -> int:
    for number, rooms in enumerate(FLOORS):
        if room in rooms:
            return number
    raise LookupError(room)


def test_every_module_has_a_room() -> None:
    homeless = sorted(
        name
        for name in map(_module_name, _modules())
        if name != "patient_tracker" and not any(_room(name) in rooms for rooms in FLOORS)
    )
    assert homeless == []


def test_imports_run_down_the_floors_never_up_or_sideways() -> None:
    wrong: list[str] = []
    for module, imported in _imports().items():
        room = _room(module)
        if room is None:
            continue
        for name in imported:
            other = _room(name)
            if other is None or other == room or name == "patient_tracker":
                continue
            if _floor(other) > _floor(room):
                wrong.append(f"up: {module} -> {name}")
            elif _floor(other) == _floor(room):
                wrong.append(f"sideways: {module} -> {name}")
    assert sorted(wrong) == []


def test_the_webhooks_wing_parts_stand_apart() -> None:
    wrong: list[str] = []
    for module, imported in _imports().items():
        parts = module.split(".")
        if parts[:2] != ["patient_tracker", "webhooks"] or len(parts) < 4:
            continue
        part = parts[2]
        for name in imported:
            target = name.split(".")
            if target[:2] != ["patient_tracker", "webhooks"] or len(target) < 3:
                continue
            if target[2] != part and target[2] not in WING_PARTS[part]:
                wrong.append(f"{module} -> {name}")
    assert sorted(wrong) == []


def _rules_and_sql() -> list[str]:
    """Every service, repository and errors module of every resource package, and the skeleton."""
    found = ["patient_tracker.resource", "patient_tracker.kit.etags"]
    for path in _modules():
        name = _module_name(path)
        if _room(name) in RESOURCE_PACKAGES and path.stem in ("service", "repository", "errors"):
            found.append(name)
    return sorted(found)


def test_every_resource_package_has_rules_checked() -> None:
    packages = {name.split(".")[1] for name in _rules_and_sql() if _room(name) in RESOURCE_PACKAGES}
    assert packages == set(RESOURCE_PACKAGES)
    wing = {name.split(".")[2] for name in _rules_and_sql() if _room(name) == "webhooks"}
    assert wing == {"events", "endpoints"}


@pytest.mark.parametrize("module", _rules_and_sql())
def test_rules_and_sql_never_import_http(module: str) -> None:
    imported = _imports()[module]
    upward = sorted(
        name for name in imported if any(name == h or name.startswith(h + ".") for h in HTTP)
    )
    assert upward == []


def test_no_import_cycle() -> None:
    known = set(_imports())
    graph = {
        module: {name for name in imported if name in known}
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
