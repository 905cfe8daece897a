"""API keys: creation, storage as a hash, listing, revocation, authentication."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest
from sqlalchemy import Connection, select

import patient_tracker.auth.keys as keys_module
from patient_tracker.auth.keys import (
    KEY_LENGTH,
    ApiKeyRecord,
    create_key,
    get_key,
    hash_key,
    list_keys,
    revoke_key,
)
from patient_tracker.auth.scopes import ALL_SCOPES, Scope, normalize_scopes
from patient_tracker.db.database import Database
from patient_tracker.db.tables import api_keys
from tests.request_path import bearer, granted_scopes, in_process

KEY_PATTERN = re.compile(r"^ptk_[A-Za-z0-9_-]{43}$")


def make_key(
    db: Database, name: str = "front desk", scopes: Any = ALL_SCOPES
) -> tuple[ApiKeyRecord, str]:
    return db.write_sync(lambda c: create_key(c, name, scopes))


def test_scope_names() -> None:
    assert ALL_SCOPES == (
        "patients:read",
        "patients:write",
        "practitioners:read",
        "practitioners:write",
        "appointments:read",
        "appointments:write",
        "webhooks:read",
        "webhooks:write",
    )
    assert str(Scope.PATIENTS_READ) == "patients:read"
    assert "patients:read" in {Scope.PATIENTS_READ}
    assert Scope.APPOINTMENTS_WRITE in frozenset({"appointments:write"})


def test_normalize_scopes() -> None:
    assert normalize_scopes(["appointments:read", "patients:read", "patients:read"]) == (
        "patients:read",
        "appointments:read",
    )
    assert normalize_scopes([Scope.PATIENTS_WRITE]) == ("patients:write",)
    with pytest.raises(ValueError, match=r"unknown scope\(s\): admin, patients:delete"):
        normalize_scopes(["patients:read", "patients:delete", "admin"])


def test_create_key(database: Database) -> None:
    record, plaintext = make_key(database, scopes=["appointments:write", "patients:read"])
    assert KEY_PATTERN.match(plaintext)
    assert len(plaintext) == KEY_LENGTH == 47
    assert record.prefix == plaintext[:12]
    assert record.name == "front desk"
    assert record.scopes == ("patients:read", "appointments:write")
    assert record.created_at.tzinfo is not None
    assert record.revoked_at is None
    assert not record.revoked
    # Stored as the SHA-256 of the whole key; the plaintext is nowhere in the row.
    row = database.read_sync(lambda c: c.execute(select(api_keys)).one())
    assert row.key_hash == hashlib.sha256(plaintext.encode()).hexdigest() == hash_key(plaintext)
    assert all(plaintext not in str(value) for value in row)
    assert row.scopes == "patients:read appointments:write"


def test_keys_are_random(database: Database) -> None:
    keys = {make_key(database)[1] for _ in range(20)}
    assert len(keys) == 20


@pytest.mark.parametrize(
    ("name", "scopes", "message"),
    [
        ("", ALL_SCOPES, "needs a name"),
        ("   ", ALL_SCOPES, "needs a name"),
        ("x" * 101, ALL_SCOPES, "at most 100"),
        ("ok", [], "at least one scope"),
        ("ok", ["patients:read", "root"], "unknown scope"),
    ],
)
def test_create_key_rejects(database: Database, name: str, scopes: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_key(database, name=name, scopes=scopes)
    assert database.read_sync(list_keys) == []


def test_authenticate(database: Database, database_url: str) -> None:
    _, plaintext = make_key(database, scopes=["patients:read", "patients:write"])
    with in_process(database_url) as client:
        granted = granted_scopes(client, plaintext)
    assert granted == frozenset({"patients:read", "patients:write"})
    assert Scope.PATIENTS_READ in granted
    assert Scope.APPOINTMENTS_READ not in granted


@pytest.mark.parametrize(
    "candidate",
    [
        "",
        "ptk_",
        "Bearer x",
        "ptk_" + "A" * 43,  # well-formed, unknown
        "ptk_" + "A" * 42,  # too short
        "ptk_" + "A" * 44,  # too long
        "ptx_" + "A" * 43,  # wrong prefix
        "ptk_" + "A" * 42 + "=",  # outside the alphabet
        "ptk_" + "A" * 42 + "é",
    ],
)
def test_authenticate_rejects(database: Database, database_url: str, candidate: str) -> None:
    make_key(database)
    with in_process(database_url) as client:
        assert granted_scopes(client, candidate) is None


def test_authenticate_is_exact(database: Database, database_url: str) -> None:
    _, plaintext = make_key(database)
    tampered = plaintext[:-1] + ("A" if plaintext[-1] != "A" else "B")
    with in_process(database_url) as client:
        assert granted_scopes(client, tampered) is None
        assert granted_scopes(client, plaintext.upper()) is None


def test_authenticate_is_one_indexed_query(
    database: Database, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, plaintext = make_key(database)
    # The lookup runs on the DBAPI cursor (db/prepared.py; on PostgreSQL on psycopg's own async
    # connection), past SQLAlchemy's events, so the statements are counted where the request
    # path issues them.
    statement = keys_module._AUTHENTICATE
    calls: list[dict[str, Any]] = []
    real_first, real_first_async = statement.first, statement.first_async

    def counting_first(conn: Connection, params: dict[str, Any]) -> dict[str, Any] | None:
        calls.append(params)
        return real_first(conn, params)

    async def counting_first_async(
        conn: Any, dialect: Any, params: dict[str, Any]
    ) -> dict[str, Any] | None:
        calls.append(params)
        return await real_first_async(conn, dialect, params)

    monkeypatch.setattr(statement, "first", counting_first)
    monkeypatch.setattr(statement, "first_async", counting_first_async)
    with in_process(database_url) as client:
        assert client.get("/v1/patients", headers=bearer(plaintext)).status_code == 200
        assert client.get("/v1/patients", headers=bearer("ptk_" + "A" * 43)).status_code == 401
        # No query at all for what cannot be a key.
        assert client.get("/v1/patients", headers=bearer("garbage")).status_code == 401
        # A read by id checks the key in its own statement (auth.route.authenticated_read).
        missing = client.get("/v1/patients/01J0000000000000000000000X", headers=bearer(plaintext))
        assert missing.status_code == 404
    assert len(calls) == 2
    assert all(set(params) == {"key_hash"} for params in calls)

    if database.dialect_name == "sqlite":

        def plan(conn: Connection) -> str:
            rows = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id, scopes FROM api_keys "
                "WHERE key_hash = ? AND revoked_at IS NULL",
                ("0" * 64,),
            ).all()
            return " ".join(str(row[-1]) for row in rows)

        assert "USING INDEX" in database.read_sync(plan)


def test_list_keys(database: Database) -> None:
    assert database.read_sync(list_keys) == []
    first, _ = make_key(database, name="one", scopes=["patients:read"])
    second, _ = make_key(database, name="two")
    listed = database.read_sync(list_keys)
    assert listed == [first, second]  # oldest first, all fields round-trip
    assert database.read_sync(lambda c: get_key(c, second.id)) == second
    assert database.read_sync(lambda c: get_key(c, "nope")) is None


def test_revoke_key(database: Database, database_url: str) -> None:
    record, plaintext = make_key(database)
    other, other_plaintext = make_key(database, name="other")
    # Revoking names the key's integration (a key made without one has an integration alone).
    assert database.write_sync(lambda c: revoke_key(c, record.id)) == database.read_sync(
        lambda c: c.execute(
            select(api_keys.c.integration_id).where(api_keys.c.id == record.id)
        ).scalar()
    )
    # Takes effect at once (no cache), and only for that key.
    with in_process(database_url) as client:
        assert granted_scopes(client, plaintext) is None
        assert granted_scopes(client, other_plaintext) is not None
    # Already revoked, or unknown: nothing to do.
    assert database.write_sync(lambda c: revoke_key(c, record.id)) is None
    assert database.write_sync(lambda c: revoke_key(c, "nope")) is None
    revoked = database.read_sync(lambda c: get_key(c, record.id))
    assert revoked is not None
    assert revoked.revoked
    assert revoked.revoked_at is not None
    assert revoked.revoked_at >= revoked.created_at
    assert [k.id for k in database.read_sync(list_keys)] == [record.id, other.id]
