"""The delivery worker: an asyncio task in each server process (started by the app's lifespan).

It claims due deliveries from the outbox (`outbox.claim`), sends each with `sender.deliver`
(signed with the endpoint's secrets in use, `signing.signing_secrets`), records the attempts and
schedules the retries (`outbox.record_attempts`), and purges events past their 30 days now and
then. Several processes (or hosts) on one database share the work: a claim is a lease, so each
attempt is made by one worker. Delivery is at least once: a worker that dies after sending but
before recording lets the lease run out, and the attempt is made again (receivers deduplicate by
`webhook-id`).

**Pushed, not polled.** A committed change that queues a delivery wakes the worker at once: on
PostgreSQL the outbox's ``NOTIFY``, heard by a `db.notifications.Listener` on a connection of its
own in every process; on SQLite an in-process call after the commit (`Database.on_commit`).
Otherwise the worker sleeps until the earliest retry it scheduled itself or the poll interval,
whichever comes first: polling covers a missed notification (the listener's connection lost),
another SQLite process's changes, retries scheduled by other processes and leases that ran out.

**No head of line.** Deliveries flow: each is a task of its own, and a slot freed by a finished
one is claimed for at once (not at the end of a batch). At most `webhook_concurrency` are in
flight per process (leased: being sent, or sent and waiting to be recorded), and at most
`webhook_endpoint_concurrency` being sent to any one endpoint, so an endpoint that never answers
holds only its own share of the slots, for the sender's deadline. The claim shares the free slots
round robin between endpoints (`outbox.claim`).

**Cheap at volume.** Attempts are recorded by one recorder task, everything that finished since
its last transaction in the next one (`outbox.record_attempts`): under load, one commit records
tens of attempts; idle, each is recorded at once. A claim likewise takes every free slot in one
transaction. Neither changes what at least once means: a delivery is recorded only after it was
sent, and what was sent but not yet recorded when a process dies is sent again.

Logs name the event and endpoint ids and the outcome; never a URL, a payload or a secret. Each
recorded attempt is counted by its result (`patient_tracker_webhook_deliveries_total`).
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import os
import socket
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx

from patient_tracker.db import outbox
from patient_tracker.db.database import Database
from patient_tracker.db.notifications import Listener
from patient_tracker.kit.metrics import record_webhook_delivery
from patient_tracker.settings import Settings
from patient_tracker.webhooks.delivery import access, schedule, signing
from patient_tracker.webhooks.delivery.sender import deliver, new_delivery_client
from patient_tracker.webhooks.delivery.ssrf import DestinationPolicy

__all__ = ["LISTENER_NAME", "DeliveryWorker"]

logger = logging.getLogger("patient_tracker.webhooks")

PURGE_EVERY = timedelta(minutes=10)
# The most attempts one recording transaction takes (more wait for the next one).
RECORD_BATCH = 256
# The most retry times the worker keeps to wake up for; beyond them polling finds the rest.
KNOWN_RETRIES = 10_000
# The listener's `application_name` in pg_stat_activity.
LISTENER_NAME = "patient-tracker-webhook-listener"
# How long `stop` waits for the deliveries in flight (each bounded by the sender's 15 s).
STOP_TIMEOUT = 20.0


class DeliveryWorker:
    """Claim, send, record; until `stop()`."""

    def __init__(self, database: Database, settings: Settings) -> None:
        self._db = database
        self._poll = settings.webhook_poll_interval
        self._retry_scale = settings.webhook_retry_scale
        self._concurrency = settings.webhook_concurrency
        self._share = settings.webhook_endpoint_concurrency
        self._policy = DestinationPolicy(
            allow_http=settings.webhook_allow_http,
            allow_private_addresses=settings.webhook_allow_private_addresses,
            resolve_names=settings.webhook_resolve_names,
        )
        # Unique per process (and host): whose lease a claimed row is.
        self.worker_id = f"{socket.gethostname()[:40]}:{os.getpid()}:{id(self) % 100000}"
        self._stopping = asyncio.Event()
        # `_due`: something may have become due (a commit, a freed slot, a lost listener), so
        # the loop claims without asking first. `_signal` interrupts its sleep: for that, or to
        # plan it again (a retry sooner than it planned for).
        self._due = False
        self._signal = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._recorder: asyncio.Task[None] | None = None
        self._sends: set[asyncio.Task[None]] = set()
        self._finished: asyncio.Queue[outbox.Finished | None] = asyncio.Queue()
        # Leases held (being sent, or sent and not yet recorded), and sends per endpoint.
        self._held = 0
        self._sending: dict[str, int] = {}
        # Endpoints the last claim may have left due deliveries of (their share was full, or
        # the free slots ran out first); `_starved`: it stopped at the process's slots.
        self._more: frozenset[str] = frozenset()
        self._starved = False
        # When retries this worker scheduled fall due (a heap).
        self._retries: list[datetime] = []
        self._last_purge: datetime | None = None
        self._listener: Listener | None = None
        self._unsubscribe: list[Callable[[], None]] = []

    def start(self) -> None:
        """Run the loop in a background task, woken by commits (see the module docstring)."""
        self._loop = asyncio.get_running_loop()
        if self._db.dialect_name == "postgresql":
            self._listener = Listener(
                self._db, outbox.NOTIFY_CHANNEL, self.wake, application_name=LISTENER_NAME
            )
            self._listener.start()
        else:
            self._unsubscribe.append(
                self._db.on_commit(outbox.NOTIFY_CHANNEL, self._wake_from_any_thread)
            )
        self._task = asyncio.create_task(self._run(), name="webhook-delivery-worker")

    async def stop(self) -> None:
        """Stop after the deliveries in flight (each bounded by the sender's deadline) and their
        records."""
        self._stopping.set()
        self._signal.set()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        if self._listener is not None:
            await self._listener.stop()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), timeout=STOP_TIMEOUT)
            except TimeoutError:
                for task in (*self._sends, self._recorder, self._task):
                    if task is not None:
                        task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._task

    def wake(self) -> None:
        """Look for due deliveries now (on the event loop's thread)."""
        self._due = True
        self._signal.set()

    def _wake_from_any_thread(self) -> None:
        """`wake`, from whichever thread committed (SQLite units of work may run off the loop)."""
        loop = self._loop
        if loop is None:
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self.wake()
        else:
            with contextlib.suppress(RuntimeError):  # the loop has closed
                loop.call_soon_threadsafe(self.wake)

    # -- the loop ---------------------------------------------------------------------------

    async def _run(self) -> None:
        async with new_delivery_client() as client:
            self._recorder = asyncio.create_task(self._record(), name="webhook-recorder")
            try:
                await self._claim_loop(client)
            finally:
                if self._sends:
                    await asyncio.gather(*self._sends, return_exceptions=True)
                self._finished.put_nowait(None)
                await self._recorder

    async def _claim_loop(self, client: httpx.AsyncClient) -> None:
        look = True  # at start: a backlog may be waiting
        while not self._stopping.is_set():
            self._due = False  # a wake from now on is for after this claim
            try:
                await self._purge_now_and_then()
                if look or await self._db.read(lambda conn: outbox.has_due(conn, _now())):
                    await self._claim(client)
            except Exception as error:  # noqa: BLE001 - a database outage must not end it
                logger.warning("webhook worker claim failed: %s", _error_name(error))
            look = await self._sleep()

    async def _sleep(self) -> bool:
        """Wait to be woken, for the earliest known retry or for the poll interval. True when
        something is known to be due (woken, or a retry's time came); False after a poll's wait
        (the caller asks the database first: an idle worker takes no write lock)."""
        started = asyncio.get_running_loop().time()
        while not self._due and not self._stopping.is_set():
            timeout = self._poll - (asyncio.get_running_loop().time() - started)
            retry = False
            if self._retries:
                until_retry = (self._retries[0] - _now()).total_seconds()
                if until_retry <= timeout:
                    timeout, retry = until_retry, True
            if timeout <= 0:
                return retry
            self._signal.clear()
            try:
                async with asyncio.timeout(timeout):
                    await self._signal.wait()
            except TimeoutError:
                return retry
        return True

    async def _claim(self, client: httpx.AsyncClient) -> None:
        """Lease what the free slots allow and start sending each."""
        now = _now()
        while self._retries and self._retries[0] <= now:
            heapq.heappop(self._retries)
        free = self._concurrency - self._held
        if free <= 0:
            self._starved = True
            return
        busy = dict(self._sending)
        found = await self._db.write(
            lambda conn: outbox.claim(
                conn,
                self.worker_id,
                now,
                free,
                access.receivable,
                share=self._share,
                busy=busy,
            )
        )
        self._more = found.more | {e for e, n in busy.items() if n >= self._share}
        self._starved = len(found.claimed) >= free
        for item in found.claimed:
            self._held += 1
            self._sending[item.endpoint_id] = self._sending.get(item.endpoint_id, 0) + 1
            task = asyncio.create_task(self._send(client, item))
            self._sends.add(task)
            task.add_done_callback(self._sends.discard)

    async def _purge_now_and_then(self) -> None:
        now = _now()
        if self._last_purge is not None and now - self._last_purge < PURGE_EVERY:
            return
        self._last_purge = now
        purged = await self._db.write(lambda conn: outbox.purge(conn, now))
        if purged:
            logger.info("webhook events purged count=%d", purged)

    # -- one delivery -----------------------------------------------------------------------

    def _next_attempt_at(self, item: outbox.Claimed, record: outbox.Attempt) -> datetime | None:
        """When to try again after a failed attempt (None: the series is over)."""
        next_at = schedule.next_attempt_at(
            item.series_started_at, item.attempts + 1, record.started_at
        )
        if next_at is None:
            return None
        # Tests shorten the waits; the window (3 days from the series start) stays.
        return record.started_at + (next_at - record.started_at) * self._retry_scale

    async def _send(self, client: httpx.AsyncClient, item: outbox.Claimed) -> None:
        try:
            secrets = signing.signing_secrets(
                item.secret, item.previous_secret, item.secret_rotated_at, _now()
            )
            record = await deliver(
                client,
                item.url,
                event_id=item.event_id,
                payload=item.payload,
                secrets_in_use=secrets,
                policy=self._policy,
            )
        except Exception as error:  # noqa: BLE001 - a bug; the lease runs out, it is made again
            logger.warning(
                "webhook delivery not made (%s) event=%s endpoint=%s",
                type(error).__name__,
                item.event_id,
                item.endpoint_id,
            )
            self._release(item.endpoint_id, recorded=True)
            return
        except BaseException:
            # Cancelled at shutdown (or a bug): nothing to record; the lease runs out and the
            # attempt is made again.
            self._release(item.endpoint_id, recorded=True)
            raise
        self._release(item.endpoint_id, recorded=False)
        next_at = None if record.acknowledged else self._next_attempt_at(item, record)
        self._finished.put_nowait(outbox.Finished(item, record, next_at))

    def _release(self, endpoint_id: str, *, recorded: bool) -> None:
        """An endpoint's slot is free once its send is over; the process's once it is recorded
        (the lease is held until then). Wake the loop if that lets it claim more."""
        left = self._sending[endpoint_id] - 1
        if left:
            self._sending[endpoint_id] = left
        else:
            del self._sending[endpoint_id]
        if recorded:
            self._held -= 1
        if endpoint_id in self._more or (recorded and self._starved):
            self.wake()

    # -- recording --------------------------------------------------------------------------

    async def _record(self) -> None:
        """Record what finished, in batches, until the `None` that `_run` sends at the end."""
        ending = False
        while not ending:
            first = await self._finished.get()
            if first is None:
                break
            batch = [first]
            while len(batch) < RECORD_BATCH and not self._finished.empty():
                item = self._finished.get_nowait()
                if item is None:
                    ending = True
                    break
                batch.append(item)
            await self._record_batch(batch)

    async def _record_batch(self, batch: list[outbox.Finished]) -> None:
        try:
            results = await self._db.write(
                lambda conn: outbox.record_attempts(
                    conn, batch, self.worker_id, schedule.should_disable
                )
            )
        except Exception as error:  # noqa: BLE001 - a database outage must not end it
            # Not recorded: the leases run out and the attempts are made again (at least once).
            logger.warning(
                "webhook attempts not recorded (%s); they will be made again count=%d",
                _error_name(error),
                len(batch),
            )
            results = [None] * len(batch)
        for done, result in zip(batch, results, strict=True):
            if result is not None:  # None: the lease ran out, the attempt is another worker's
                record_webhook_delivery(result)
                if result == "failed" and done.next_at is not None:
                    self._remember_retry(done.next_at)
            record = done.attempt
            logger.info(
                "webhook delivery event=%s endpoint=%s attempt=%d outcome=%s duration_ms=%d",
                done.claimed.event_id,
                done.claimed.endpoint_id,
                done.claimed.attempts + 1,
                record.status_code if record.status_code is not None else record.error,
                record.duration / timedelta(milliseconds=1),
            )
        self._held -= len(batch)
        if self._starved:
            self.wake()

    def _remember_retry(self, at: datetime) -> None:
        if len(self._retries) < KNOWN_RETRIES:
            heapq.heappush(self._retries, at)
            if self._retries[0] == at:
                self._signal.set()  # sooner than the loop planned to look: plan again


def _now() -> datetime:
    return datetime.now(UTC)


def _error_name(error: BaseException) -> str:
    """The class of the driver's error under `error`, for logs (messages may quote data)."""
    cause = getattr(error, "orig", None) or error
    return type(cause).__name__
