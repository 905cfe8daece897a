"""The scope names an API key can carry. One read and one write scope per resource."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

__all__ = ["ALL_SCOPES", "Scope", "normalize_scopes"]


class Scope(StrEnum):
    """A permission. Members are plain strings, so ``Scope.PATIENTS_READ in {"patients:read"}``."""

    PATIENTS_READ = "patients:read"
    PATIENTS_WRITE = "patients:write"
    PRACTITIONERS_READ = "practitioners:read"
    PRACTITIONERS_WRITE = "practitioners:write"
    APPOINTMENTS_READ = "appointments:read"
    APPOINTMENTS_WRITE = "appointments:write"


# Canonical order: how scopes are stored and displayed.
ALL_SCOPES: tuple[str, ...] = tuple(scope.value for scope in Scope)

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
