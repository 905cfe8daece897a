"""Server secrets: a table, and a random HMAC key for pagination cursors.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30

The cursor secret is generated here, once per database, so that every server process on one
database (uvicorn workers, several `serve` processes) signs and verifies cursors with the same key
without any configuration. Migrations run under a lock (see db/migrate.py), so two processes
migrating at once cannot generate two secrets. `PATIENT_TRACKER_CURSOR_SECRET`, when set, takes
precedence over this row.

Self-contained on purpose (no imports from the application), like 0001.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# UtcDateTime (db/types.py): timestamptz on PostgreSQL, a fixed-width UTC ISO string on SQLite.
TIMESTAMP = sa.DateTime(timezone=True).with_variant(sa.String(26), "sqlite")


def upgrade() -> None:
    """Create `server_secrets` and store a new random cursor secret (256 bits, hex) in it."""
    table = op.create_table(
        "server_secrets",
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("value", sa.String(128), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_server_secrets")),
    )
    now = datetime.now(UTC)
    created_at: object = now
    if op.get_bind().dialect.name == "sqlite":
        # The UtcDateTime storage format on SQLite (db/types.py), written by hand since this
        # migration does not import the application's column types.
        created_at = now.replace(tzinfo=None).isoformat(timespec="microseconds")
    op.bulk_insert(
        table, [{"name": "cursor", "value": secrets.token_hex(32), "created_at": created_at}]
    )


def downgrade() -> None:
    """Drop the table (and with it the cursor secret: outstanding cursors become invalid)."""
    op.drop_table("server_secrets")
