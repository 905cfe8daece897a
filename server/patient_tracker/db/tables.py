"""Table definitions (SQLAlchemy Core). The single source of truth for the schema.

Migrations in ``migrations/versions`` must produce exactly this schema; ``tests/test_db.py``
checks that with Alembic's ``compare_metadata`` on SQLite and PostgreSQL.

Constraint names are stable (a naming convention, plus explicit names where services need to
recognise a violation): services map an ``IntegrityError`` to a problem by name, see
:func:`patient_tracker.db.errors.violated_constraint`.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    literal_column,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint

from patient_tracker.db.types import UtcDateTime

__all__ = [
    "APPOINTMENTS_END_AFTER_START",
    "APPOINTMENTS_PATIENT_FK",
    "APPOINTMENTS_PATIENT_NO_OVERLAP",
    "APPOINTMENTS_PRACTITIONER_FK",
    "APPOINTMENTS_PRACTITIONER_NO_OVERLAP",
    "ID_LENGTH",
    "NAMING_CONVENTION",
    "PATIENTS_PHONE_UNIQUE",
    "api_keys",
    "appointments",
    "events",
    "idempotency_keys",
    "integrations",
    "metadata",
    "patients",
    "practitioners",
    "server_secrets",
    "webhook_attempts",
    "webhook_deliveries",
    "webhook_endpoints",
]

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# A UUIDv7 in its canonical text form (see ids.py).
ID_LENGTH = 36

# Names the repositories match on (to turn an integrity error into the resource's error). They
# are what the naming convention produces (or given explicitly); tests assert that the database
# reports these names.
PATIENTS_PHONE_UNIQUE = "uq_patients_phone"
APPOINTMENTS_END_AFTER_START = "ck_appointments_end_after_start"
APPOINTMENTS_PATIENT_FK = "fk_appointments_patient_id_patients"
APPOINTMENTS_PRACTITIONER_FK = "fk_appointments_practitioner_id_practitioners"
APPOINTMENTS_PRACTITIONER_NO_OVERLAP = "appointments_practitioner_no_overlap"
APPOINTMENTS_PATIENT_NO_OVERLAP = "appointments_patient_no_overlap"


# A party sharing this deployment (a reminder service, a billing tool, the front desk). Its keys
# and what it creates about itself (webhook endpoints) belong to it; see auth/integrations.py.
integrations = Table(
    "integrations",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("created_at", UtcDateTime(), nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("name", String(100), nullable=False),
    Column(
        "integration_id",
        String(ID_LENGTH),
        ForeignKey("integrations.id"),
        nullable=False,
        index=True,
    ),
    # The first characters of the key, shown in listings so that people can tell keys apart.
    Column("prefix", String(16), nullable=False),
    # SHA-256 hex of the whole key; authentication is one lookup on this unique index.
    Column("key_hash", String(64), nullable=False, unique=True),
    # Space-separated scope names, in canonical order (auth/scopes.py).
    Column("scopes", String(500), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("revoked_at", UtcDateTime(), nullable=True),
)

patients = Table(
    "patients",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("given_name", String(100), nullable=False),
    Column("family_name", String(100), nullable=False),
    Column("date_of_birth", Date(), nullable=False),
    # E.164: "+" and at most 15 digits. Unique: one patient per phone number.
    Column("phone", String(16), nullable=False),
    Column("email", String(254), nullable=True),
    Column("version", Integer(), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    # A unique *index* (not a table constraint) so that the same object serves lookups by
    # phone (the list filter) and enforces uniqueness, with the same name on both dialects.
    Index(PATIENTS_PHONE_UNIQUE, "phone", unique=True),
)

practitioners = Table(
    "practitioners",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("display_name", String(200), nullable=False),
    Column("specialty", String(100), nullable=False),
    Column("active", Boolean(), nullable=False),
    Column("version", Integer(), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

appointments = Table(
    "appointments",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    # No ON DELETE action: deleting a patient or practitioner that still has appointments must
    # fail (the API answers 409), and the foreign key makes that hold under concurrency.
    Column("patient_id", String(ID_LENGTH), ForeignKey("patients.id"), nullable=False),
    Column("practitioner_id", String(ID_LENGTH), ForeignKey("practitioners.id"), nullable=False),
    Column("start_at", UtcDateTime(), nullable=False),
    Column("end_at", UtcDateTime(), nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", String(500), nullable=True),
    Column("notes", String(2000), nullable=True),
    Column("cancellation_reason", String(500), nullable=True),
    Column("version", Integer(), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    CheckConstraint("end_at > start_at", name="end_after_start"),
    # Overlap checks and per-person listings scan one person's appointments by time.
    Index("ix_appointments_practitioner_id_start_at", "practitioner_id", "start_at"),
    Index("ix_appointments_patient_id_start_at", "patient_id", "start_at"),
    # The keyset order of the appointment listing.
    Index("ix_appointments_start_at_id", "start_at", "id"),
)


def _no_overlap(column_name: str, name: str) -> ExcludeConstraint:
    """At most one live appointment per person at any instant (PostgreSQL only).

    ``[)``: an appointment ending at 10:00 does not overlap one starting at 10:00. Cancelled
    appointments free their slot. On SQLite the service checks overlap inside a
    ``BEGIN IMMEDIATE`` transaction instead, which serialises writers.
    """
    constraint = ExcludeConstraint(
        (appointments.c[column_name], "="),
        (
            func.tstzrange(appointments.c.start_at, appointments.c.end_at, literal_column("'[)'")),
            "&&",
        ),
        name=name,
        using="gist",
        where="status <> 'cancelled'",
    )
    return constraint.ddl_if(dialect="postgresql")


appointments.append_constraint(_no_overlap("practitioner_id", APPOINTMENTS_PRACTITIONER_NO_OVERLAP))
appointments.append_constraint(_no_overlap("patient_id", APPOINTMENTS_PATIENT_NO_OVERLAP))

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("api_key_id", String(ID_LENGTH), ForeignKey("api_keys.id"), nullable=False),
    Column("key", String(255), nullable=False),
    # SHA-256 hex of method + path + body: the same key with a different request is refused.
    Column("request_hash", String(64), nullable=False),
    Column("status_code", Integer(), nullable=False),
    Column("response_body", Text(), nullable=False),
    Column("location", String(2048), nullable=True),
    Column("etag", String(64), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    PrimaryKeyConstraint("api_key_id", "key"),
    # Keys expire after 24 hours; the purge deletes by age.
    Index("ix_idempotency_keys_created_at", "created_at"),
)

# Secrets every server process on this database must share, generated once by a migration (see
# migrations/versions/0002_server_secrets.py). Rows are never updated by the application.
server_secrets = Table(
    "server_secrets",
    metadata,
    # What the secret is for, e.g. "cursor" (pagination cursors' HMAC key).
    Column("name", String(50), primary_key=True),
    Column("value", String(128), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
)


# ---------------------------------------------------------------- events and webhooks
# An event is written in the same transaction as the change it describes (see `events/`), with
# its payload exactly as delivered and listed (the `Event` envelope, JSON). Kept 30 days.
events = Table(
    "events",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("type", String(40), nullable=False),
    # The patient, practitioner or appointment the event is about (no foreign key: a delete
    # event outlives its resource).
    Column("resource_id", String(ID_LENGTH), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("payload", Text(), nullable=False),
    # The listing's keyset order, and the purge by age.
    Index("ix_events_created_at_id", "created_at", "id"),
    Index("ix_events_resource_id", "resource_id"),
)

webhook_endpoints = Table(
    "webhook_endpoints",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    # The integration whose key created it: only that integration's keys see or change it.
    Column("integration_id", String(ID_LENGTH), ForeignKey("integrations.id"), nullable=False),
    Column("version", Integer(), nullable=False),
    Column("url", String(2048), nullable=False),
    # Space-separated event types, in the spec's order; empty means every type.
    Column("event_types", String(400), nullable=False),
    Column("description", String(500), nullable=True),
    Column("enabled", Boolean(), nullable=False),
    Column("disabled_reason", String(20), nullable=True),
    Column("disabled_at", UtcDateTime(), nullable=True),
    # Stored as is: the server signs with it (a hash cannot sign). Never logged, never listed.
    Column("secret", String(100), nullable=False),
    Column("previous_secret", String(100), nullable=True),
    Column("secret_rotated_at", UtcDateTime(), nullable=True),
    # When the current run of failed attempts began; cleared by any success.
    Column("failing_since", UtcDateTime(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    # An integration's listing, in id (= creation) order.
    Index("ix_webhook_endpoints_integration_id_id", "integration_id", "id"),
)

# The outbox: one row per (endpoint, event), written with the event; the delivery worker claims
# due rows (a lease: claimed_by / claimed_until), sends, and records each attempt.
webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column(
        "endpoint_id",
        String(ID_LENGTH),
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column(
        "event_id", String(ID_LENGTH), ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    ),
    # pending | delivered | failed
    Column("status", String(16), nullable=False),
    Column("attempts", Integer(), nullable=False),
    # When the current series began (the retry schedule counts from it).
    Column("series_started_at", UtcDateTime(), nullable=False),
    Column("next_attempt_at", UtcDateTime(), nullable=True),
    Column("claimed_by", String(64), nullable=True),
    Column("claimed_until", UtcDateTime(), nullable=True),
    UniqueConstraint("endpoint_id", "event_id"),
    Index("ix_webhook_deliveries_status_next_attempt_at", "status", "next_attempt_at"),
    # Each endpoint's due deliveries, oldest first: the worker's claim (outbox.claim).
    Index(
        "ix_webhook_deliveries_endpoint_id_status_next_attempt_at",
        "endpoint_id",
        "status",
        "next_attempt_at",
    ),
    Index("ix_webhook_deliveries_event_id", "event_id"),
)

webhook_attempts = Table(
    "webhook_attempts",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column(
        "endpoint_id",
        String(ID_LENGTH),
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column(
        "event_id", String(ID_LENGTH), ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    ),
    Column("attempt", Integer(), nullable=False),
    Column("started_at", UtcDateTime(), nullable=False),
    Column("duration_ms", Integer(), nullable=False),
    Column("status_code", Integer(), nullable=True),
    Column("error", String(32), nullable=True),
    Column("next_attempt_at", UtcDateTime(), nullable=True),
    Index("ix_webhook_attempts_endpoint_id_started_at", "endpoint_id", "started_at"),
    Index("ix_webhook_attempts_event_id", "event_id"),
)
