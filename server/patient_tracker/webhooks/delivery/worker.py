"""The delivery worker: an asyncio task in each server process (started by the app's lifespan).

It claims due deliveries from the outbox (`outbox.claim`), sends each with `sender.deliver`
(signed with the endpoint's secrets in use, `signing.signing_secrets`), records the attempt and
schedules the retry (`outbox.record_attempt`), at most `CONCURRENCY` at once, and purges events
past their 30 days now and then. Several processes (or hosts) on one database share the work:
a claim is a lease, so each attempt is made by one worker. Delivery is at least once: a worker
that dies after sending but before recording lets the lease run out, and the attempt is made
again (receivers deduplicate by `webhook-id`).

Logs name the event and endpoint ids and the outcome; never a URL, a payload or a secret. Each
recorded attempt is counted by its result (`patient_tracker_webhook_deliveries_total`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from datetime import UTC, datetime, timedelta

import httpx

from patient_tracker.db import outbox
from patient_tracker.db.database import Database
from patient_tracker.kit.metrics import record_webhook_delivery
from patient_tracker.settings import Settings
from patient_tracker.webhooks.delivery import access, schedule, signing
from patient_tracker.webhooks.delivery.sender import deliver, new_delivery_client
from patient_tracker.webhooks.delivery.ssrf import DestinationPolicy

__all__ = ["DeliveryWorker"]

logger = logging.getLogger("patient_tracker.webhooks")

# Deliveries in flight per process: one slow endpoint cannot hold up all the others.
CONCURRENCY = 16
PURGE_EVERY = timedelta(minutes=10)


class DeliveryWorker:
    """Claim, send, record; until `stop()`."""

    def __init__(self, database: Database, settings: Settings) -> None:
        self._db = database
        self._poll = settings.webhook_poll_interval
        self._retry_scale = settings.webhook_retry_scale
        self._policy = DestinationPolicy(
            allow_http=settings.webhook_allow_http,
            allow_private_addresses=settings.webhook_allow_private_addresses,
            resolve_names=settings.webhook_resolve_names,
        )
        # Unique per process (and host): whose lease a claimed row is.
        self.worker_id = f"{socket.gethostname()[:40]}:{os.getpid()}:{id(self) % 100000}"
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._last_purge: datetime | None = None

    def start(self) -> None:
        """Run the loop in a background task."""
        self._task = asyncio.create_task(self._run(), name="webhook-delivery-worker")

    async def stop(self) -> None:
        """Stop after the deliveries in flight (each bounded by the sender's deadline)."""
        self._stopping.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, timeout=20)
            except TimeoutError:
                self._task.cancel()

    async def _run(self) -> None:
        async with new_delivery_client() as client:
            while not self._stopping.is_set():
                try:
                    busy = await self._round(client)
                except Exception as error:  # noqa: BLE001 - a database outage must not end it
                    logger.warning("webhook worker round failed: %s", type(error).__name__)
                    busy = False
                if not busy:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._stopping.wait(), timeout=self._poll)

    async def _round(self, client: httpx.AsyncClient) -> bool:
        """One claim and its deliveries; True when there may be more due right away."""
        now = datetime.now(UTC)
        if self._last_purge is None or now - self._last_purge >= PURGE_EVERY:
            self._last_purge = now
            purged = await self._db.write(lambda conn: outbox.purge(conn, now))
            if purged:
                logger.info("webhook events purged count=%d", purged)
        if not await self._db.read(lambda conn: outbox.has_due(conn, now)):
            return False
        claimed = await self._db.write(
            lambda conn: outbox.claim(conn, self.worker_id, now, CONCURRENCY, access.receivable)
        )
        await asyncio.gather(*(self._deliver(client, item) for item in claimed))
        return len(claimed) == CONCURRENCY

    def _next_attempt_at(self, item: outbox.Claimed, record: outbox.Attempt) -> datetime | None:
        """When to try again after a failed attempt (None: the series is over)."""
        next_at = schedule.next_attempt_at(
            item.series_started_at, item.attempts + 1, record.started_at
        )
        if next_at is None:
            return None
        # Tests shorten the waits; the window (3 days from the series start) stays.
        return record.started_at + (next_at - record.started_at) * self._retry_scale

    async def _deliver(self, client: httpx.AsyncClient, item: outbox.Claimed) -> None:
        secrets = signing.signing_secrets(
            item.secret, item.previous_secret, item.secret_rotated_at, datetime.now(UTC)
        )
        record = await deliver(
            client,
            item.url,
            event_id=item.event_id,
            payload=item.payload,
            secrets_in_use=secrets,
            policy=self._policy,
        )
        next_at = self._next_attempt_at(item, record)
        result = await self._db.write(
            lambda conn: outbox.record_attempt(
                conn, item, record, self.worker_id, next_at, schedule.should_disable
            )
        )
        if result is not None:  # None: the lease ran out, the attempt is another worker's
            record_webhook_delivery(result)
        logger.info(
            "webhook delivery event=%s endpoint=%s attempt=%d outcome=%s",
            item.event_id,
            item.endpoint_id,
            item.attempts + 1,
            record.status_code if record.status_code is not None else record.error,
        )
