"""Integrations: every API key and every webhook endpoint belongs to one.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

Existing rows move to one integration named `default`, created only when there is something to
move. Before this revision every key listed, read and changed every webhook endpoint: the keys
acted as one party, and `default` keeps exactly that between them, so no running integration
loses its endpoints. An operator separates parties by creating keys with
`patient-tracker keys create --integration NAME` and revoking the old ones (docs/design.md,
"Integrations and data scopes").

Self-contained on purpose (no imports from the application), like 0001.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# UtcDateTime (db/types.py): timestamptz on PostgreSQL, a fixed-width UTC ISO string on SQLite.
TIMESTAMP = sa.DateTime(timezone=True).with_variant(sa.String(26), "sqlite")
ID = sa.String(36)
DEFAULT_INTEGRATION = "default"


def upgrade() -> None:
    """Create `integrations`; give `api_keys` and `webhook_endpoints` an owner; move old rows."""
    integrations = op.create_table(
        "integrations",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrations")),
        sa.UniqueConstraint("name", name=op.f("uq_integrations_name")),
    )
    bind = op.get_bind()
    has_rows = any(
        bind.execute(sa.text(f"SELECT 1 FROM {table} LIMIT 1")).first() is not None  # noqa: S608
        for table in ("api_keys", "webhook_endpoints")
    )
    owner = str(uuid.uuid4())
    if has_rows:
        now = datetime.now(UTC)
        created_at: object = now
        if bind.dialect.name == "sqlite":
            # The UtcDateTime storage format on SQLite (db/types.py), as in 0002.
            created_at = now.replace(tzinfo=None).isoformat(timespec="microseconds")
        op.bulk_insert(
            integrations, [{"id": owner, "name": DEFAULT_INTEGRATION, "created_at": created_at}]
        )
    for table in ("api_keys", "webhook_endpoints"):
        # Added nullable, filled, then made NOT NULL (SQLite: batch mode rebuilds the table, with
        # foreign keys off, see migrations/env.py).
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("integration_id", ID, nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET integration_id = :owner").bindparams(owner=owner))  # noqa: S608
        with op.batch_alter_table(table) as batch:
            batch.alter_column("integration_id", existing_type=ID, nullable=False)
            batch.create_foreign_key(
                op.f(f"fk_{table}_integration_id_integrations"),
                "integrations",
                ["integration_id"],
                ["id"],
            )
    op.create_index(op.f("ix_api_keys_integration_id"), "api_keys", ["integration_id"])
    op.create_index(
        "ix_webhook_endpoints_integration_id_id", "webhook_endpoints", ["integration_id", "id"]
    )


def downgrade() -> None:
    """Drop the owners and `integrations` (every key sees every endpoint again)."""
    op.drop_index("ix_webhook_endpoints_integration_id_id", table_name="webhook_endpoints")
    op.drop_index(op.f("ix_api_keys_integration_id"), table_name="api_keys")
    for table in ("webhook_endpoints", "api_keys"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(
                op.f(f"fk_{table}_integration_id_integrations"), type_="foreignkey"
            )
            batch.drop_column("integration_id")
    op.drop_table("integrations")
