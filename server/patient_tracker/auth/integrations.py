"""Integrations: the parties sharing a deployment, each owning its keys and webhook endpoints.

A key belongs to one integration (`keys create --integration NAME`; without one, the key forms
an integration of its own, named after the key's id). What an integration may receive is what
its keys, together, may read: `scopes_held` is the union of the scopes of its keys not revoked,
asked again whenever data is sent (`webhooks.worker`) and when a key is revoked.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, select

from patient_tracker.db.tables import api_keys, integrations
from patient_tracker.kit.ids import new_id

__all__ = ["MAX_NAME_LENGTH", "integration_named", "scopes_held"]

MAX_NAME_LENGTH = 100


def integration_named(conn: Connection, name: str) -> str:
    """The id of the integration called `name`, created if there is none yet.

    Raises `ValueError` for an empty or too long name.
    """
    name = name.strip()
    if not name:
        raise ValueError("an integration needs a name")
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError(f"an integration name has at most {MAX_NAME_LENGTH} characters")
    found = conn.execute(select(integrations.c.id).where(integrations.c.name == name)).scalar()
    if found is not None:
        return str(found)
    integration_id = new_id()
    conn.execute(
        integrations.insert().values(id=integration_id, name=name, created_at=datetime.now(UTC))
    )
    return integration_id


# Built once: the delivery worker's every claim asks (`webhooks.delivery.access`).
_scopes_of = select(api_keys.c.integration_id, api_keys.c.scopes).where(
    api_keys.c.integration_id.in_(bindparam("integration_ids", expanding=True)),
    api_keys.c.revoked_at.is_(None),
)


def scopes_held(conn: Connection, integration_ids: Iterable[str]) -> dict[str, frozenset[str]]:
    """Integration id -> the union of the scopes of its keys not revoked (empty: none left)."""
    wanted = sorted(set(integration_ids))
    held: dict[str, set[str]] = {integration_id: set() for integration_id in wanted}
    if not wanted:
        return {}
    rows = conn.execute(_scopes_of, {"integration_ids": wanted})
    for integration_id, scopes in rows:
        held[integration_id].update(scopes.split())
    return {integration_id: frozenset(scopes) for integration_id, scopes in held.items()}
