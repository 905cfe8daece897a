"""Initial schema: API keys, patients, practitioners, appointments, idempotency keys.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Self-contained on purpose (no imports from the application): a migration is a snapshot of the
schema at one point in history and must not change when tables.py does.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Names are given in full and wrapped in op.f(): env.py configures tables.metadata, whose
# naming convention would otherwise be applied to them a second time.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# UtcDateTime (db/types.py): timestamptz on PostgreSQL, a fixed-width UTC ISO string on SQLite.
TIMESTAMP = sa.DateTime(timezone=True).with_variant(sa.String(26), "sqlite")
ID = sa.String(36)


def upgrade() -> None:
    """Create every table, plus the btree_gist exclusion constraints on PostgreSQL."""
    is_postgresql = op.get_bind().dialect.name == "postgresql"

    op.create_table(
        "api_keys",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("scopes", sa.String(500), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("revoked_at", TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )

    op.create_table(
        "patients",
        sa.Column("id", ID, nullable=False),
        sa.Column("given_name", sa.String(100), nullable=False),
        sa.Column("family_name", sa.String(100), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("phone", sa.String(16), nullable=False),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
    )
    op.create_index(op.f("uq_patients_phone"), "patients", ["phone"], unique=True)

    op.create_table(
        "practitioners",
        sa.Column("id", ID, nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("specialty", sa.String(100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practitioners")),
    )

    op.create_table(
        "appointments",
        sa.Column("id", ID, nullable=False),
        sa.Column("patient_id", ID, nullable=False),
        sa.Column("practitioner_id", ID, nullable=False),
        sa.Column("start_at", TIMESTAMP, nullable=False),
        sa.Column("end_at", TIMESTAMP, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.Column("notes", sa.String(2000), nullable=True),
        sa.Column("cancellation_reason", sa.String(500), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_appointments_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["practitioner_id"],
            ["practitioners.id"],
            name=op.f("fk_appointments_practitioner_id_practitioners"),
        ),
        sa.CheckConstraint("end_at > start_at", name=op.f("ck_appointments_end_after_start")),
    )
    op.create_index(
        op.f("ix_appointments_practitioner_id_start_at"),
        "appointments",
        ["practitioner_id", "start_at"],
    )
    op.create_index(
        op.f("ix_appointments_patient_id_start_at"), "appointments", ["patient_id", "start_at"]
    )
    op.create_index(op.f("ix_appointments_start_at_id"), "appointments", ["start_at", "id"])

    if is_postgresql:
        # btree_gist lets a GiST index combine "=" on a text column with "&&" on a range.
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        for column, name in (
            ("practitioner_id", "appointments_practitioner_no_overlap"),
            ("patient_id", "appointments_patient_no_overlap"),
        ):
            op.execute(
                f"ALTER TABLE appointments ADD CONSTRAINT {name} "
                f"EXCLUDE USING gist ({column} WITH =, "
                "tstzrange(start_at, end_at, '[)') WITH &&) "
                "WHERE (status <> 'cancelled')"
            )

    op.create_table(
        "idempotency_keys",
        sa.Column("api_key_id", ID, nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("response_body", sa.Text(), nullable=False),
        sa.Column("location", sa.String(2048), nullable=True),
        sa.Column("etag", sa.String(64), nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("api_key_id", "key", name=op.f("pk_idempotency_keys")),
        sa.ForeignKeyConstraint(
            ["api_key_id"], ["api_keys.id"], name=op.f("fk_idempotency_keys_api_key_id_api_keys")
        ),
    )
    op.create_index(op.f("ix_idempotency_keys_created_at"), "idempotency_keys", ["created_at"])


def downgrade() -> None:
    """Drop everything (the btree_gist extension stays: other schemas may use it)."""
    op.drop_table("idempotency_keys")
    op.drop_table("appointments")
    op.drop_table("practitioners")
    op.drop_table("patients")
    op.drop_table("api_keys")
