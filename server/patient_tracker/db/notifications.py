"""`Listener`: PostgreSQL ``LISTEN`` on a connection of its own, found again when it is lost.

A transaction sends a notification (``NOTIFY``, or ``pg_notify()`` inside one of its statements);
PostgreSQL delivers it to every session listening on the channel when, and only if, that
transaction commits. The outbox sends one with every webhook delivery it queues, so the delivery
worker of every process hears of it within a millisecond of the commit (docs/design.md, "Events
and webhooks").

``LISTEN`` belongs to a session, so the listener keeps a connection of its own, outside the units
of work's (`Database.dedicated_connection`: autocommit, named in ``pg_stat_activity``), and waits
on it with psycopg's ``notifies()``. Losing it is handled like losing any connection: the
notifications sent while nobody listened are gone, so ``on_notify`` is called when it is lost and
again once listening resumes (the caller looks for itself: the worker claims whatever is due), and
the listener reconnects with backoff (0.1 s, doubling up to 10 s). Until then the caller's polling
covers the gap. A connection that hangs without failing (a half-open socket after a failover) is
found by a heartbeat: ``SELECT 1``, bounded by a timeout, after 30 s without a notification.

Logs name the error's class only: a driver's message may quote the connection's parameters.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg import sql

from patient_tracker.db.database import Database

__all__ = ["HEARTBEAT_SECONDS", "Listener"]

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 30.0
"""Quiet seconds after which the connection is checked with a ``SELECT 1``."""
HEARTBEAT_TIMEOUT_SECONDS = 10.0
RECONNECT_FIRST_SECONDS = 0.1
RECONNECT_MAX_SECONDS = 10.0


class Listener:
    """Call ``on_notify()`` for each notification on ``channel``, and whenever some may have been
    missed; until `stop()`. ``on_notify`` runs on the event loop and must be quick."""

    def __init__(
        self,
        database: Database,
        channel: str,
        on_notify: Callable[[], None],
        *,
        application_name: str,
        heartbeat: float = HEARTBEAT_SECONDS,
    ) -> None:
        self._db = database
        self._listen = sql.SQL("LISTEN {}").format(sql.Identifier(channel))
        self._on_notify = on_notify
        self._application_name = application_name
        self._heartbeat = heartbeat
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Listen in a background task."""
        self._task = asyncio.create_task(self._run(), name=f"listen-{self._application_name}")

    async def stop(self) -> None:
        """Stop listening and close the connection."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        delay = RECONNECT_FIRST_SECONDS
        failing = False
        while True:
            conn: psycopg.AsyncConnection[Any] | None = None
            try:
                conn = await self._db.dedicated_connection(self._application_name)
                await conn.execute(self._listen)
                if failing:
                    logger.info("notification listener connected again")
                failing = False
                delay = RECONNECT_FIRST_SECONDS
                self._on_notify()  # whatever committed while nobody listened
                while True:
                    async for _ in conn.notifies(timeout=self._heartbeat):
                        self._on_notify()
                    async with asyncio.timeout(HEARTBEAT_TIMEOUT_SECONDS):
                        await conn.execute("SELECT 1")
            except Exception as error:  # noqa: BLE001 - whatever ended it, listen again
                if not failing:
                    logger.warning(
                        "notification listener lost its connection (%s); reconnecting, polling "
                        "covers the gap",
                        type(error).__name__,
                    )
                failing = True
                self._on_notify()  # something may have committed unheard
            finally:
                if conn is not None:
                    with contextlib.suppress(Exception):
                        await conn.close()
            await asyncio.sleep(delay)
            delay = min(delay * 2, RECONNECT_MAX_SECONDS)
