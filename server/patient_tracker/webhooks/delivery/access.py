"""Who may still receive what: the data-scope rule (`auth.data_scopes`) applied to deliveries.

A delivery may be sent only while the endpoint's integration holds, through its keys not
revoked (`auth.integrations.scopes_held`), the read scope of the event and of every type the
endpoint subscribes to. The worker's claim asks `receivable` in its transaction (checked when
sent); `keys revoke` asks `withdraw_unreadable` in the revocation's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, select

from patient_tracker.auth.data_scopes import may_read, missing_scopes
from patient_tracker.auth.integrations import scopes_held
from patient_tracker.db import outbox
from patient_tracker.db.tables import webhook_endpoints

__all__ = ["receivable", "withdraw_unreadable"]


def receivable(conn: Connection, candidates: Sequence[outbox.Candidate]) -> set[str]:
    """The ids of the candidate deliveries whose integration may still receive them."""
    held = scopes_held(conn, (c.integration_id for c in candidates))
    return {
        c.delivery_id
        for c in candidates
        if may_read(held[c.integration_id], c.event_type)
        and not missing_scopes(c.subscribed, held[c.integration_id])
    }


def withdraw_unreadable(conn: Connection, integration_id: str, now: datetime) -> list[str]:
    """Disable the integration's endpoints whose subscription its keys no longer cover (after a
    key was revoked, in that transaction); returns their ids. Nothing queued for them is sent."""
    e = webhook_endpoints.c
    held = scopes_held(conn, [integration_id])[integration_id]
    endpoints = conn.execute(
        select(e.id, e.event_types).where(e.integration_id == integration_id, e.enabled.is_(True))
    ).all()
    lost = [row.id for row in endpoints if missing_scopes(row.event_types, held)]
    if lost:
        outbox.disable_for_lost_access(conn, set(lost), now)
    return lost
