"""The cursor codec of this process: its secret from the settings, or else from the database.

Every server process on one database must sign cursors with the same secret, or a cursor issued
by one worker would be refused by the next. `PATIENT_TRACKER_CURSOR_SECRET` does that when the
operator sets it; when it is unset, the random secret migration 0002 stored in `server_secrets`
is used, so the default needs no setup. The row is written once and never changed by the
application, so reading it once at start-up cannot go stale; rotating it means restarting every
process (see docs/design.md, "Pagination").
"""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.exc import SQLAlchemyError

from patient_tracker.db.database import Database
from patient_tracker.db.tables import server_secrets
from patient_tracker.http.pagination import CursorCodec
from patient_tracker.settings import Settings

__all__ = ["CURSOR_SECRET_NAME", "CursorSecretUnavailableError", "load_cursor_codec"]

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


def _stored_secret(conn: Connection) -> str | None:
    value: str | None = conn.execute(
        select(server_secrets.c.value).where(server_secrets.c.name == CURSOR_SECRET_NAME)
    ).scalar_one_or_none()
    return value
