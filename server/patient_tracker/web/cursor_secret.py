"""The cursor codec of this process: its secret from the settings, or else from the database.

Every server process on one database must sign cursors with the same secret, or a cursor issued
by one worker would be refused by the next. `PATIENT_TRACKER_CURSOR_SECRET` does that when the
operator sets it; when it is unset, the random secret migration 0002 stored in `server_secrets`
is used, so the default needs no setup. The row is written once and never changed by the
application, so reading it once at start-up cannot go stale; rotating it means restarting every
process (see docs/design.md, "Pagination").
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request

from patient_tracker.contract.problems import DatabaseUnavailableError
from patient_tracker.db.database import Database
from patient_tracker.db.tables import server_secrets
from patient_tracker.kit.cursors import CursorCodec
from patient_tracker.settings import Settings

__all__ = [
    "CURSOR_SECRET_NAME",
    "CursorSecretUnavailableError",
    "cursor_codec",
    "load_cursor_codec",
    "provide_cursor_codec",
]

logger = logging.getLogger("patient_tracker.cursors")

# How often a process that could not read its cursor secret at start-up tries again.
RETRY_INTERVAL_SECONDS = 2.0

# The `server_secrets` row holding the default cursor secret.
CURSOR_SECRET_NAME = "cursor"  # noqa: S105 - the row's name, not a secret


class CursorSecretUnavailableError(RuntimeError):
    """No secret is configured and the database has none to offer: the server cannot start."""


async def load_cursor_codec(settings: Settings, database: Database) -> CursorCodec:
    """The codec for this process; reads the database only if no secret is configured."""
    previous = (
        [settings.cursor_previous_secret.get_secret_value().encode()]
        if settings.cursor_previous_secret is not None
        else []
    )
    if settings.cursor_secret is not None:
        return CursorCodec(settings.cursor_secret.get_secret_value().encode(), previous)
    try:
        stored = await database.read(_stored_secret)
    except SQLAlchemyError as error:
        # The error's type only: its message may quote the URL of the database.
        raise CursorSecretUnavailableError(
            f"cannot read the cursor secret from the database ({type(error).__name__}); is it "
            "reachable and migrated (`patient-tracker db upgrade`)? Or set "
            "PATIENT_TRACKER_CURSOR_SECRET."
        ) from None
    if stored is None:
        raise CursorSecretUnavailableError(
            "the database has no cursor secret: migrate it (`patient-tracker db upgrade`) or set "
            "PATIENT_TRACKER_CURSOR_SECRET."
        )
    return CursorCodec(stored.encode(), previous)


async def provide_cursor_codec(
    state: Any, settings: Settings, database: Database, *, interval: float = RETRY_INTERVAL_SECONDS
) -> asyncio.Task[None] | None:
    """Set `state.cursors` to this process's codec, or, when the database cannot give the secret
    yet, to `None` and return a task that keeps trying until it can.

    A database that is down (or not yet migrated) while the server starts must not stop it from
    starting: as before cursors were signed, the server comes up, `/readyz` answers 503, list
    operations answer 503 `database_unavailable`, and all recover once the secret is read.
    """
    try:
        state.cursors = await load_cursor_codec(settings, database)
        return None
    except CursorSecretUnavailableError as error:
        state.cursors = None
        logger.warning("%s Retrying every %.0f s.", error, interval)

    async def keep_trying() -> None:
        while state.cursors is None:
            await asyncio.sleep(interval)
            try:
                state.cursors = await load_cursor_codec(settings, database)
            except CursorSecretUnavailableError:
                continue
            logger.info("cursor secret read; list operations are available")

    return asyncio.create_task(keep_trying())


def _stored_secret(conn: Connection) -> str | None:
    value: str | None = conn.execute(
        select(server_secrets.c.value).where(server_secrets.c.name == CURSOR_SECRET_NAME)
    ).scalar_one_or_none()
    return value


def cursor_codec(request: Request) -> CursorCodec:
    """The codec the app's lifespan set up (see `web.cursor_secret`); a 503 while the database
    has not yet given this process its cursor secret."""
    codec: CursorCodec | None = request.app.state.cursors
    if codec is None:
        raise DatabaseUnavailableError("The database has not answered yet; retry shortly.")
    return codec
