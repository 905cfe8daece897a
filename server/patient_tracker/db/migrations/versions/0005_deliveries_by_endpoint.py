"""Due deliveries by endpoint: the index the delivery worker's per-endpoint claim reads.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08

The worker claims each endpoint's oldest due deliveries, up to its share of the worker's slots
(`outbox.claim`; docs/design.md, "Events and webhooks"): one range read per endpoint,
`endpoint_id = ? AND status = 'pending' AND next_attempt_at <= now ORDER BY next_attempt_at`,
instead of a walk over every due delivery (a backlog of thousands) or every delivery the endpoint
ever had (the unique `(endpoint_id, event_id)` index: 30 days of them).

Self-contained on purpose (no imports from the application), like 0001.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_webhook_deliveries_endpoint_id_status_next_attempt_at"


def upgrade() -> None:
    """Index `webhook_deliveries` by (endpoint_id, status, next_attempt_at)."""
    op.create_index(INDEX, "webhook_deliveries", ["endpoint_id", "status", "next_attempt_at"])


def downgrade() -> None:
    """Drop the index."""
    op.drop_index(INDEX, table_name="webhook_deliveries")
