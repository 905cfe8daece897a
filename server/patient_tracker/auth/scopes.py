"""The scope names an API key can carry: the ones the spec's operations require.

They are read from `spec/openapi.yaml` (each operation's `security`), not restated here. Their
canonical order (how they are stored and displayed) groups them by resource, in the order of the
spec's `tags` (a scope `<resource>:<access>` belongs to the tag named `<resource>`, ignoring
case), and puts `read` before `write`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from patient_tracker.contract.spec_document import spec_dict, walk_operations

__all__ = ["ALL_SCOPES", "Scope", "normalize_scopes", "scopes_in"]


def scopes_in(document: Mapping[str, Any]) -> tuple[str, ...]:
    """Every scope an operation of `document` requires, in canonical order."""
    found: set[str] = set()
    for _method, _path, operation, _parameters in walk_operations(document):
        for requirement in operation.get("security", document.get("security", [])):
            for scopes in requirement.values():
                found.update(scopes)
    tags = [tag["name"].lower() for tag in document.get("tags", [])]

    def order(scope: str) -> tuple[int, str, str]:
        resource, _, access = scope.partition(":")
        rank = tags.index(resource) if resource in tags else len(tags)
        return rank, resource, access

    return tuple(sorted(found, key=order))


# Canonical order: how scopes are stored and displayed.
ALL_SCOPES: tuple[str, ...] = scopes_in(spec_dict())


def _scope_enum(scopes: Iterable[str]) -> Any:
    """A `StrEnum` with a member `<RESOURCE>_<ACCESS>` per scope `<resource>:<access>`.

    Typed `Any`: its members come from the spec at start-up, so no type checker can list them.
    Members are plain strings, so a member is `in` a set of scope names.
    """
    return StrEnum("Scope", {scope.replace(":", "_").upper(): scope for scope in scopes})


Scope = _scope_enum(ALL_SCOPES)

_ORDER = {scope: index for index, scope in enumerate(ALL_SCOPES)}


def normalize_scopes(scopes: Iterable[str]) -> tuple[str, ...]:
    """Deduplicate ``scopes`` into canonical order; raise ``ValueError`` naming unknown ones."""
    wanted = {str(scope).strip() for scope in scopes}
    unknown = sorted(wanted - _ORDER.keys())
    if unknown:
        raise ValueError(
            f"unknown scope(s): {', '.join(unknown)}; valid scopes are: {' '.join(ALL_SCOPES)}"
        )
    return tuple(sorted(wanted, key=_ORDER.__getitem__))
