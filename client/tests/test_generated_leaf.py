"""`generated/` is a leaf: none of its modules imports the hand-written layer (the hand-written
layer imports it), so regenerating can never break on, or silently depend on, our own code."""

from __future__ import annotations

import ast
from pathlib import Path

import patient_tracker_client.generated as generated_package

GENERATED = Path(generated_package.__file__).resolve().parent


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports, relative imports resolved to absolute dotted names."""
    package = ["patient_tracker_client", *path.relative_to(GENERATED.parent).parent.parts]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                found.append(".".join([*base, *filter(None, (node.module or "").split("."))]))
            else:
                found.append(node.module or "")
    return found


def test_generated_code_imports_nothing_hand_written() -> None:
    modules = sorted(GENERATED.rglob("*.py"))
    assert len(modules) > 20
    outside = {
        f"{path.relative_to(GENERATED)} imports {name}"
        for path in modules
        for name in imported_modules(path)
        if name.startswith("patient_tracker_client")
        and not name.startswith("patient_tracker_client.generated")
    }
    assert not outside, sorted(outside)
