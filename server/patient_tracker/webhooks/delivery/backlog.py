"""`BacklogCollector`: how far behind webhook delivery is, read from the database at each scrape.

Two gauges, computed when Prometheus scrapes rather than kept up to date by the workers: the
outbox is one table in one database for every process (and host), so one query per scrape gives
the whole truth, where per-worker counts could only guess at what other workers claimed.

- `patient_tracker_webhook_deliveries_due`: deliveries due and not yet made (in flight included),
  counted up to `outbox.BACKLOG_COUNT_CAP`;
- `patient_tracker_webhook_oldest_due_age_seconds`: how long the oldest of them has been due
  (0 when none is): a worker that keeps up holds it near 0, since a commit wakes it.

Run by the `serve` process (`web.metrics_exposition`), on a `Database` of its own, from the
metrics server's threads: scrapes are serialised, so two at once cost one query each, in turn.
If the database cannot answer, the two gauges are left out of that scrape (their absence is what
to alert on) and one warning is logged until it answers again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from prometheus_client.core import GaugeMetricFamily, Metric

from patient_tracker.db import outbox
from patient_tracker.db.database import Database

__all__ = ["BacklogCollector"]

logger = logging.getLogger("patient_tracker.webhooks")


def _now() -> datetime:
    return datetime.now(UTC)


class BacklogCollector:
    """A Prometheus collector (`collect()`) of the delivery backlog of `database`."""

    def __init__(self, database: Database, clock: Callable[[], datetime] = _now) -> None:
        self._db = database
        self._clock = clock
        self._lock = threading.Lock()
        self._failing = False

    def collect(self) -> Iterator[Metric]:
        """The two gauges, from one read of the outbox; nothing if the database fails."""
        now = self._clock()
        with self._lock:
            try:
                backlog = self._db.read_sync(lambda conn: outbox.due_backlog(conn, now))
            except Exception as error:  # noqa: BLE001 - it must not fail the whole scrape
                if not self._failing:
                    # Its class only: a driver's message may quote data.
                    cause = getattr(error, "orig", None) or error
                    logger.warning("webhook backlog metrics unavailable: %s", type(cause).__name__)
                self._failing = True
                return
            self._failing = False
        yield GaugeMetricFamily(
            "patient_tracker_webhook_deliveries_due",
            "Webhook deliveries due and not yet made, in flight included "
            f"(counted up to {outbox.BACKLOG_COUNT_CAP}).",
            value=backlog.due,
        )
        oldest = backlog.oldest_due_at
        yield GaugeMetricFamily(
            "patient_tracker_webhook_oldest_due_age_seconds",
            "Seconds since the oldest due webhook delivery became due (0: none is due).",
            value=0.0 if oldest is None else max((now - oldest).total_seconds(), 0.0),
        )
