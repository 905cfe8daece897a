"""Which data a set of scopes may read: the one rule, declared in the spec, asked everywhere.

An event carries its resource, so it needs that resource's read scope. The spec declares the scope
of each event type as `x-read-scope` on its entry under `webhooks`; it is read from there, not
restated here. Every path by which event data leaves the server asks `may_read`: listing and
reading events (with the key's scopes), subscribing, re-pointing, re-enabling, rotating and
redelivering (the key's), and the delivery worker before each send (the scopes the endpoint's
integration still holds, `auth.integrations.scopes_held`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from patient_tracker.contract.spec_document import spec_dict

__all__ = [
    "ALL_EVENT_TYPES",
    "event_read_scopes",
    "may_read",
    "missing_scopes",
    "readable_types",
    "subscribed_types",
]

_EXTENSION = "x-read-scope"


def event_read_scopes_in(document: Mapping[str, Any]) -> dict[str, str]:
    """Event type -> the read scope its data needs, from `document`'s `webhooks`, in its order.

    Raises `ValueError` for an event type that declares no scope (no event is readable by
    default: a new type must say who may read it).
    """
    found: dict[str, str] = {}
    for event_type, item in document.get("webhooks", {}).items():
        scope = item.get("post", {}).get(_EXTENSION)
        if not isinstance(scope, str) or not scope:
            raise ValueError(f"webhook {event_type!r} declares no {_EXTENSION}")
        found[event_type] = scope
    return found


@cache
def event_read_scopes() -> Mapping[str, str]:
    """Event type -> read scope, for the served spec (read once)."""
    return event_read_scopes_in(spec_dict())


# Every event type of the spec, in its order.
ALL_EVENT_TYPES: tuple[str, ...] = tuple(event_read_scopes())


def may_read(scopes: Iterable[str], event_type: str) -> bool:
    """Whether a holder of `scopes` may read (list, fetch or be sent) an event of `event_type`.

    An event type the spec does not know is readable by no one.
    """
    needed = event_read_scopes().get(event_type)
    return needed is not None and needed in scopes


def readable_types(scopes: Iterable[str]) -> tuple[str, ...]:
    """The event types whose data a holder of `scopes` may read, in the spec's order."""
    held = frozenset(scopes)
    return tuple(t for t in ALL_EVENT_TYPES if may_read(held, t))


def subscribed_types(event_types: str) -> tuple[str, ...]:
    """The types a subscription stored as space-separated `event_types` receives (empty: all)."""
    return tuple(event_types.split()) or ALL_EVENT_TYPES


def missing_scopes(event_types: str, scopes: Iterable[str]) -> set[str]:
    """The read scopes a holder of `scopes` lacks to receive the subscription `event_types`."""
    held = frozenset(scopes)
    return {
        event_read_scopes()[t]
        for t in subscribed_types(event_types)
        if t in event_read_scopes() and not may_read(held, t)
    }
