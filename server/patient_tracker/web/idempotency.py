"""`Idempotency-Key` for POSTs, stored in the database so every server process shares it.

The key row is inserted *before* the work, in the same transaction: a concurrent request with the
same key then waits on the row's primary key until the first commits (PostgreSQL) or on the write
lock (SQLite), fails to insert, and replays the stored response instead of doing the work twice.
Only successes are stored: a failed request rolls back, key row included, so a retry runs again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, and_, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from starlette.responses import Response

from patient_tracker.auth.keys import Principal
from patient_tracker.contract.problems import IdempotencyKeyReusedError
from patient_tracker.db.database import Database
from patient_tracker.db.tables import idempotency_keys as keys_table
from patient_tracker.web.responses import ApiResponse

KEY_LIFETIME = timedelta(hours=24)
_IN_PROGRESS = 0  # status_code of a key row whose request has not committed yet

_find = select(
    keys_table.c.request_hash,
    keys_table.c.status_code,
    keys_table.c.response_body,
    keys_table.c.location,
    keys_table.c.etag,
    keys_table.c.created_at,
).where(
    and_(keys_table.c.api_key_id == bindparam("api_key_id"), keys_table.c.key == bindparam("key"))
)
_claim = insert(keys_table)
_record = (
    update(keys_table)
    .where(
        and_(
            keys_table.c.api_key_id == bindparam("b_api_key_id"),
            keys_table.c.key == bindparam("b_key"),
        )
    )
    .values(
        status_code=bindparam("status_code"),
        response_body=bindparam("response_body"),
        location=bindparam("location"),
        etag=bindparam("etag"),
    )
)
_forget = delete(keys_table).where(
    and_(keys_table.c.api_key_id == bindparam("api_key_id"), keys_table.c.key == bindparam("key"))
)


def request_fingerprint(method: str, path: str, body: str) -> str:
    """What makes two requests "the same": method, path and the validated body."""
    return hashlib.sha256(f"{method} {path}\n{body}".encode()).hexdigest()


def _replay_or_reject(
    conn: Connection, principal: Principal, key: str, digest: str
) -> ApiResponse | None:
    row = conn.execute(_find, {"api_key_id": principal.key_id, "key": key}).first()
    if row is None:
        return None
    if row.created_at < datetime.now(UTC) - KEY_LIFETIME:
        conn.execute(_forget, {"api_key_id": principal.key_id, "key": key})
        return None
    if row.request_hash != digest:
        raise IdempotencyKeyReusedError(
            "This Idempotency-Key was already used for a different request."
        )
    return ApiResponse(row.status_code, row.response_body, row.location, row.etag)


async def run_idempotent(
    db: Database,
    principal: Principal,
    key: str | None,
    fingerprint: Callable[[], str],
    work: Callable[[Connection], ApiResponse],
) -> Response:
    """Run `work` in one write transaction, at most once per (API key, `Idempotency-Key`).

    `fingerprint` (see `request_fingerprint`) is only called when there is a key: serialising
    and hashing the body is wasted work for the POSTs that send none.
    """
    if key is None:
        return (await db.write(work)).to_response()
    digest = fingerprint()

    def unit(conn: Connection) -> tuple[ApiResponse, bool]:
        stored = _replay_or_reject(conn, principal, key, digest)
        if stored is not None:
            return stored, True
        conn.execute(
            _claim,
            {
                "api_key_id": principal.key_id,
                "key": key,
                "request_hash": digest,
                "status_code": _IN_PROGRESS,
                "response_body": "",
                "created_at": datetime.now(UTC),
            },
        )
        result = work(conn)
        conn.execute(
            _record,
            {
                "b_api_key_id": principal.key_id,
                "b_key": key,
                "status_code": result.status,
                "response_body": result.body,
                "location": result.location,
                "etag": result.etag,
            },
        )
        return result, False

    try:
        response, replayed = await db.write(unit)
    except IntegrityError:
        # Lost the race for the key row: the winner has committed, so replay what it stored.
        # Only the key row can be contested here; any other conflict is the work's and the
        # winner's row exists, so the second look always finds it.
        response, replayed = await db.write(unit)
    return response.to_response(replayed=replayed)
