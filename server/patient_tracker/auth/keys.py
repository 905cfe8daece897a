"""API keys: generate, store as a hash, list, revoke, and authenticate a request.

A key is ``ptk_`` + 43 URL-safe characters (``secrets.token_urlsafe(32)``: 256 random bits).
Only its SHA-256 is stored. A slow password hash (bcrypt, argon2) exists to make guessing
low-entropy secrets expensive; a 256-bit random secret cannot be guessed, and a slow hash
would cost milliseconds on every request. Lookup is by the hash through a unique index: timing
differences there reveal at most something about a hash, never about a valid key.

There is deliberately no in-process cache: every request looks the key up, so a revoked key
stops working at once in every server process.

Plaintext keys are returned once by :func:`create_key` and never stored or logged.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.engine import Connection

from patient_tracker.auth.integrations import integration_named
from patient_tracker.auth.scopes import normalize_scopes
from patient_tracker.db.database import Database
from patient_tracker.db.prepared import Prepared
from patient_tracker.db.tables import api_keys, integrations
from patient_tracker.kit.ids import new_id

__all__ = [
    "KEY_LENGTH",
    "KEY_PREFIX",
    "PREFIX_DISPLAY_LENGTH",
    "ApiKeyRecord",
    "Principal",
    "authenticate_and_read",
    "create_key",
    "generate_key",
    "get_key",
    "hash_key",
    "keyed_read",
    "list_keys",
    "revoke_key",
]

KEY_PREFIX = "ptk_"
# "ptk_" + token_urlsafe(32), which is always 43 characters (32 bytes, base64 without padding).
KEY_LENGTH = len(KEY_PREFIX) + 43
# Shown in listings: "ptk_" + 8 characters (48 bits): tells keys apart, useless for guessing.
PREFIX_DISPLAY_LENGTH = 12
_KEY_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_MAX_NAME_LENGTH = 100


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the key's id (for idempotency records), the integration it belongs to (the
    owner of what it creates) and what it may do."""

    key_id: str
    integration_id: str
    scopes: frozenset[str]


@dataclass(frozen=True, slots=True)
class ApiKeyRecord:
    """An API key as stored (never the plaintext)."""

    id: str
    name: str
    integration: str
    prefix: str
    scopes: tuple[str, ...]
    created_at: datetime
    revoked_at: datetime | None

    @property
    def revoked(self) -> bool:
        """True once the key has been revoked."""
        return self.revoked_at is not None


def generate_key() -> str:
    """Return a new random plaintext key (not stored anywhere)."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(plaintext: str) -> str:
    """SHA-256 hex of the whole key: what the database stores and looks up."""
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


def _looks_like_key(plaintext: str) -> bool:
    # Garbage (wrong length, another vendor's token) is refused without hashing or a query.
    return (
        len(plaintext) == KEY_LENGTH
        and plaintext.startswith(KEY_PREFIX)
        and _KEY_ALPHABET.issuperset(plaintext[len(KEY_PREFIX) :])
    )


# Built once at import and run on every request: compiled once per dialect and run on the DBAPI
# cursor (db/prepared.py), not rebuilt and compiled by SQLAlchemy each time.
_AUTHENTICATE = Prepared(
    select(api_keys.c.id, api_keys.c.integration_id, api_keys.c.scopes).where(
        api_keys.c.key_hash == bindparam("key_hash"),
        api_keys.c.revoked_at.is_(None),
    )
)

_SELECT_KEYS = select(
    api_keys.c.id,
    api_keys.c.name,
    integrations.c.name,
    api_keys.c.prefix,
    api_keys.c.scopes,
    api_keys.c.created_at,
    api_keys.c.revoked_at,
).join(integrations, integrations.c.id == api_keys.c.integration_id)
_LIST_KEYS = _SELECT_KEYS.order_by(api_keys.c.id)
_GET_KEY = _SELECT_KEYS.where(api_keys.c.id == bindparam("key_id"))
_REVOKE_KEY = (
    update(api_keys)
    .where(api_keys.c.id == bindparam("key_id"), api_keys.c.revoked_at.is_(None))
    .values(revoked_at=bindparam("revoked_at"))
)
_KEY_INTEGRATION = select(api_keys.c.integration_id).where(api_keys.c.id == bindparam("key_id"))


async def authenticate_in(database: Database, plaintext: str) -> Principal | None:
    """The principal for a bearer key, or None if it is unknown, malformed or revoked.

    One query on the unique ``key_hash`` index, as a statement of its own on `database` (no
    transaction around it); none at all for what cannot be a key.
    """
    if not _looks_like_key(plaintext):
        return None
    return _principal(await database.read_one(_AUTHENTICATE, {"key_hash": hash_key(plaintext)}))


# The key's columns in a keyed read's row (a table's own columns never start with "_").
_KEY_ID, _KEY_INTEGRATION_ID, _KEY_SCOPES = "_key_id", "_key_integration_id", "_key_scopes"


@cache
def keyed_read(table: Table) -> Prepared:
    """One statement that authenticates and reads: the API key ``:key_hash`` (unless revoked)
    beside ``table``'s row with id ``:id``, for :func:`authenticate_and_read`.

    The key is the outer side of the join: no key, no row at all, and PostgreSQL and SQLite
    then never look the id up (a nested loop over no key rows), so an unknown key learns nothing
    about the id, not even from timing. Built once per table (a statement, not data).
    """
    return Prepared(
        select(
            api_keys.c.id.label(_KEY_ID),
            api_keys.c.integration_id.label(_KEY_INTEGRATION_ID),
            api_keys.c.scopes.label(_KEY_SCOPES),
            *table.c,
        )
        .select_from(api_keys.outerjoin(table, table.c.id == bindparam("id")))
        .where(
            api_keys.c.key_hash == bindparam("key_hash"),
            api_keys.c.revoked_at.is_(None),
        )
    )


async def authenticate_and_read(
    database: Database, plaintext: str, table: Table, row_id: str
) -> tuple[Principal, dict[str, Any] | None] | None:
    """Authenticate a bearer key and read ``table``'s row ``row_id``, in one statement.

    None if the key is unknown, malformed or revoked (as :func:`authenticate_in`); else the
    principal and the row (None if no row has that id). The caller checks the principal's
    scopes before it uses the row.
    """
    if not _looks_like_key(plaintext):
        return None
    row = await database.read_one(
        keyed_read(table), {"key_hash": hash_key(plaintext), "id": row_id}
    )
    if row is None:
        return None
    principal = Principal(
        key_id=row.pop(_KEY_ID),
        integration_id=row.pop(_KEY_INTEGRATION_ID),
        scopes=frozenset(row.pop(_KEY_SCOPES).split()),
    )
    return principal, (None if row["id"] is None else row)


def _principal(row: dict[str, Any] | None) -> Principal | None:
    if row is None:
        return None
    return Principal(
        key_id=row["id"],
        integration_id=row["integration_id"],
        scopes=frozenset(row["scopes"].split()),
    )


def create_key(
    conn: Connection, name: str, scopes: Iterable[str], integration: str | None = None
) -> tuple[ApiKeyRecord, str]:
    """Create a key; return its record and the plaintext, which is shown once and not kept.

    The key belongs to the integration named `integration` (created if new); without one it forms
    an integration of its own, named `key-<its id>`. Raises ``ValueError`` for an empty or too
    long name, an unknown scope, or no scope at all.
    """
    name = name.strip()
    if not name:
        raise ValueError("a key needs a name")
    if len(name) > _MAX_NAME_LENGTH:
        raise ValueError(f"a key name has at most {_MAX_NAME_LENGTH} characters")
    canonical = normalize_scopes(scopes)
    if not canonical:
        raise ValueError("a key needs at least one scope")
    key_id = new_id()
    integration_name = f"key-{key_id}" if integration is None else integration.strip()
    integration_id = integration_named(conn, integration_name)
    plaintext = generate_key()
    record = ApiKeyRecord(
        id=key_id,
        name=name,
        integration=integration_name,
        prefix=plaintext[:PREFIX_DISPLAY_LENGTH],
        scopes=canonical,
        created_at=datetime.now(UTC),
        revoked_at=None,
    )
    conn.execute(
        api_keys.insert(),
        {
            "id": record.id,
            "name": record.name,
            "integration_id": integration_id,
            "prefix": record.prefix,
            "key_hash": hash_key(plaintext),
            "scopes": " ".join(record.scopes),
            "created_at": record.created_at,
            "revoked_at": None,
        },
    )
    return record, plaintext


def _record(row: Sequence[Any]) -> ApiKeyRecord:
    key_id, name, integration, prefix, scopes, created_at, revoked_at = row
    return ApiKeyRecord(
        id=key_id,
        name=name,
        integration=integration,
        prefix=prefix,
        scopes=tuple(scopes.split()),
        created_at=created_at,
        revoked_at=revoked_at,
    )


def list_keys(conn: Connection) -> list[ApiKeyRecord]:
    """All keys, revoked ones included, oldest first."""
    return [_record(row) for row in conn.execute(_LIST_KEYS)]


def get_key(conn: Connection, key_id: str) -> ApiKeyRecord | None:
    """One key by id, or None."""
    row = conn.execute(_GET_KEY, {"key_id": key_id}).first()
    return None if row is None else _record(row)


def revoke_key(conn: Connection, key_id: str) -> str | None:
    """Revoke a key; the id of its integration if it was active and is now revoked, None if it is
    unknown or was revoked already.

    Takes effect for the next request in every process (no caches). What the integration may
    still receive is the caller's to settle in the same transaction
    (`webhooks.delivery.access.withdraw_unreadable`).
    """
    result = conn.execute(_REVOKE_KEY, {"key_id": key_id, "revoked_at": datetime.now(UTC)})
    if result.rowcount != 1:
        return None
    return str(conn.execute(_KEY_INTEGRATION, {"key_id": key_id}).scalar_one())
