"""Webhook endpoint rules: safe URLs, subscriptions within the key's read scopes, secrets shown
once, rotation with a 24-hour overlap, redelivery on request.

A webhook endpoint is a versioned resource like the others (`resource.Resource`), without
events of its own, that belongs to the integration of the key that created it: every operation
here takes the caller (`Principal`), and another integration's endpoint is the 404 of an unknown
id (the skeleton's `owner_column`). Every change that could send data somewhere new (a URL, the
types, enabling, a new secret, a redelivery) meets the rule of creation: the key may read the
data of everything the endpoint then receives (`auth.data_scopes`).

The URL's DNS check is async (`vet_url`), so the router runs it before the unit of work; the
form checks run again here, inside it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from patient_tracker.auth.data_scopes import (
    ALL_EVENT_TYPES,
    may_read,
    missing_scopes,
    subscribed_types,
)
from patient_tracker.auth.keys import Principal
from patient_tracker.contract.api_models import (
    WebhookAttempt,
    WebhookEndpoint,
    WebhookEndpointCreate,
    WebhookEndpointUpdate,
    WebhookEndpointWithSecret,
)
from patient_tracker.contract.problems import NotFoundError
from patient_tracker.db import outbox
from patient_tracker.resource import (
    PageKey,
    Resource,
    Slice,
    sent_fields,
)
from patient_tracker.webhooks.delivery import signing, ssrf
from patient_tracker.webhooks.endpoints import repository
from patient_tracker.webhooks.endpoints.errors import scope_missing, unsafe_url

# A request must not hang on a slow resolver.
RESOLVE_TIMEOUT = 5.0


def _present(row: Mapping[str, Any]) -> Mapping[str, Any]:
    return {**row, "event_types": row["event_types"].split()}


endpoints = Resource(
    "webhook endpoint",
    repository.table,
    WebhookEndpoint,
    None,
    present=_present,
    owner_column="integration_id",
)


async def vet_url(url: str, policy: ssrf.DestinationPolicy) -> str:
    """The URL if it is safe to send to now (form and DNS), else 422 pointing at `/url`."""
    try:
        async with asyncio.timeout(RESOLVE_TIMEOUT):
            await ssrf.resolve_destination(url, policy)
    except ssrf.UnsafeDestinationError as error:
        raise unsafe_url(error) from None
    except TimeoutError:
        raise unsafe_url(
            ssrf.UnsafeDestinationError("unresolvable", "the URL's host did not resolve in time")
        ) from None
    return url


def _event_types(types: Iterable[Any] | None) -> str:
    """The stored form: the spec's order, space-separated; empty for all types."""
    wanted = {getattr(t, "value", t) for t in types or ()}
    return " ".join(t for t in ALL_EVENT_TYPES if t in wanted)


def check_scopes(event_types: str, scopes: Iterable[str]) -> None:
    """403 unless the key may read the data of every subscribed type (empty: all types)."""
    missing = missing_scopes(event_types, scopes)
    if missing:
        raise scope_missing(missing)


def _with_secret(endpoint: WebhookEndpoint, secret: str) -> WebhookEndpointWithSecret:
    return WebhookEndpointWithSecret.model_validate({**endpoint.model_dump(), "secret": secret})


def create(
    conn: Connection, data: WebhookEndpointCreate, caller: Principal
) -> tuple[WebhookEndpointWithSecret, int]:
    """Create an endpoint of the caller's integration; the answer carries its new secret (the
    only time but rotation)."""
    event_types = _event_types(data.event_types if isinstance(data.event_types, list) else None)
    check_scopes(event_types, caller.scopes)
    sent = sent_fields(data)
    secret = signing.new_secret()
    endpoint, version = endpoints.create(
        conn,
        {
            "integration_id": caller.integration_id,
            "url": str(data.url.root),
            "event_types": event_types,
            "description": sent.get("description"),
            "enabled": True,
            "secret": secret,
        },
    )
    return _with_secret(endpoint, secret), version


def update(
    conn: Connection,
    endpoint_id: str,
    patch: WebhookEndpointUpdate,
    if_match: str | None,
    caller: Principal,
) -> tuple[WebhookEndpoint, int]:
    """Apply a merge patch, honouring `If-Match`.

    A patch of `url`, `event_types` or `enabled: true` is checked against the subscription it
    leaves: the key must be able to read every type the endpoint will receive, whatever part it
    changes.
    """

    def change(row: Mapping[str, Any]) -> dict[str, Any]:
        sent = sent_fields(patch)
        changes: dict[str, Any] = {}
        if "url" in sent:
            changes["url"] = str(patch.url.root)  # type: ignore[union-attr]
        if "event_types" in sent:
            changes["event_types"] = _event_types(sent["event_types"])
        # Pausing sends nothing anywhere, so `enabled: false` alone needs no read scope.
        if sent.keys() & {"url", "event_types"} or sent.get("enabled") is True:
            check_scopes(changes.get("event_types", row["event_types"]), caller.scopes)
        if "description" in sent:
            changes["description"] = sent["description"]
        if "enabled" in sent and sent["enabled"] != row["enabled"]:
            changes["enabled"] = sent["enabled"]
            if sent["enabled"]:
                changes.update(disabled_reason=None, disabled_at=None, failing_since=None)
            else:
                outbox.drop_pending(conn, endpoint_id)
        return changes

    return endpoints.read_modify_write(
        conn, endpoint_id, if_match, change, owner=caller.integration_id
    )


def rotate_secret(
    conn: Connection, endpoint_id: str, if_match: str | None, caller: Principal
) -> tuple[WebhookEndpointWithSecret, int]:
    """A new secret; the old one keeps signing for 24 hours (`signing.signing_secrets`).

    The secret verifies what the endpoint receives, so it is given only to a key that may read
    all of it (the rule of creation).
    """
    secret = signing.new_secret()

    def change(row: Mapping[str, Any]) -> dict[str, Any]:
        check_scopes(row["event_types"], caller.scopes)
        return {
            "secret": secret,
            "previous_secret": row["secret"],
            "secret_rotated_at": datetime.now(UTC),
        }

    endpoint, version = endpoints.read_modify_write(
        conn, endpoint_id, if_match, change, owner=caller.integration_id
    )
    return _with_secret(endpoint, secret), version


def delete(conn: Connection, endpoint_id: str, if_match: str | None, caller: Principal) -> None:
    """Delete an endpoint; its deliveries and attempts go with it (ON DELETE CASCADE)."""
    endpoints.delete(
        conn,
        endpoint_id,
        if_match,
        is_referenced=lambda conn, row_id: False,
        in_use=RuntimeError("a webhook endpoint is never referenced"),
        owner=caller.integration_id,
    )


def redeliver(conn: Connection, endpoint_id: str, event_id: str, caller: Principal) -> None:
    """Schedule a new series of attempts of the event to the endpoint, now.

    Only an event the key may read, of a type the endpoint subscribes to: a redelivery sends
    nothing the endpoint would not have received. Anything else is the 404 of an unknown event,
    so that no key learns which events exist beyond those it may read.
    """
    row = endpoints.row(conn, endpoint_id, owner=caller.integration_id)
    event_type = outbox.event_type(conn, event_id)
    if (
        event_type is None
        or not may_read(caller.scopes, event_type)
        or event_type not in subscribed_types(row["event_types"])
    ):
        raise NotFoundError(f"No event has the id '{event_id}'.")
    outbox.schedule_redelivery(conn, endpoint_id, event_id, datetime.now(UTC))


def list_slice(
    conn: Connection, caller: Principal, *, after: PageKey | None, limit: int
) -> Slice[WebhookEndpoint]:
    """The caller's integration's endpoints in creation order, after the last one seen."""
    rows = repository.page(conn, integration_id=caller.integration_id, after=after, limit=limit)
    return endpoints.slice(rows)


_ATTEMPT_FIELDS = tuple(WebhookAttempt.model_fields)


def _to_attempt(row: Mapping[Any, Any]) -> WebhookAttempt:
    return WebhookAttempt.model_validate({field: row[field] for field in _ATTEMPT_FIELDS})


def attempts_slice(
    conn: Connection,
    endpoint_id: str,
    caller: Principal,
    *,
    after: PageKey | None,
    limit: int,
    event_id: str | None,
) -> Slice[WebhookAttempt]:
    """One endpoint's attempts, newest first."""
    endpoints.require_exists(conn, endpoint_id, owner=caller.integration_id)
    rows = repository.attempts_page(conn, endpoint_id, after=after, limit=limit, event_id=event_id)
    return rows.map(_to_attempt)


__all__ = [
    "attempts_slice",
    "check_scopes",
    "create",
    "delete",
    "endpoints",
    "list_slice",
    "redeliver",
    "rotate_secret",
    "update",
    "vet_url",
]
