"""The server's Prometheus metrics: every name, label and bucket, defined once, here.

Low in the house (`kit/`) so that every floor that records one can import it: the web layer (the
request metrics), the webhooks wing (delivery results), the rate limiter. The database floor
takes its gauge as an argument (`db.loop_connections.Tally`) instead, and records nothing unless
it is given one.

The metrics live in prometheus-client's default registry. `serve` decides how they are read
(`web.metrics_exposition`): from this registry when one process serves the API, or from the files
of prometheus-client's multiprocess mode when several do (`PROMETHEUS_MULTIPROC_DIR`, set by
`serve` before the workers start, so that each worker's values go to files of its own). Label
values are bounded: operation ids, status classes and the fixed words below, never anything a
client sends.

docs/design.md, "Metrics and traces", lists them with what each is for.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

__all__ = [
    "DB_CONNECTIONS_IN_USE",
    "DELIVERY_RESULTS",
    "RATE_LIMITED",
    "RATE_LIMIT_SCOPES",
    "REQUESTS",
    "REQUEST_DURATION",
    "REQUEST_DURATION_BUCKETS",
    "UNMATCHED",
    "WEBHOOK_DELIVERIES",
    "record_rate_limited",
    "record_webhook_delivery",
]

UNMATCHED = "unmatched"
"""The `operation` of a request that matched no route (a 404 for a path the spec lacks)."""

# A GET by id takes ~0.3-3 ms here, a booking a few ms, and anything may take a second when the
# database is slow or locked: fine steps below 10 ms, coarse ones up to the 10 s a client waits.
REQUEST_DURATION_BUCKETS = (
    0.00025,
    0.0005,
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
)

REQUESTS = Counter(
    "patient_tracker_requests",
    "Requests answered, by spec operationId (or `unmatched`) and status class (2xx..5xx).",
    ["operation", "status_class"],
)
REQUEST_DURATION = Histogram(
    "patient_tracker_request_duration_seconds",
    "Time from a request's arrival in the app to its last response byte handed to the server.",
    ["operation"],
    buckets=REQUEST_DURATION_BUCKETS,
)
# livesum: the sum over the worker processes alive now (a dead one's value is dropped at the
# next scrape, `web.metrics_exposition`).
DB_CONNECTIONS_IN_USE = Gauge(
    "patient_tracker_db_connections_in_use",
    "PostgreSQL connections lent to a unit of work right now, over all worker processes "
    "(each has at most PATIENT_TRACKER_DATABASE_POOL_SIZE); always 0 on SQLite.",
    multiprocess_mode="livesum",
)

DELIVERY_RESULTS = ("delivered", "failed", "gave_up")
"""An attempt the receiver acknowledged (2xx); one that failed and will be retried; one that
failed and ended its series (no retry left, or the endpoint was disabled for failing)."""

WEBHOOK_DELIVERIES = Counter(
    "patient_tracker_webhook_deliveries",
    "Webhook delivery attempts recorded, by result: delivered, failed (a retry is scheduled), "
    "gave_up (the series is over).",
    ["result"],
)

RATE_LIMIT_SCOPES = ("integration", "address")
"""What a rate limit counts by: the caller's integration, or the client's address."""

RATE_LIMITED = Counter(
    "patient_tracker_rate_limited",
    "Requests refused with 429 by a rate limit, by what the limit counts (integration, address).",
    ["scope"],
)

# Every label value known in advance is exposed from the start, at 0: `rate()` and alerts then
# see the series before its first event.
for _result in DELIVERY_RESULTS:
    WEBHOOK_DELIVERIES.labels(_result)
for _scope in RATE_LIMIT_SCOPES:
    RATE_LIMITED.labels(_scope)


def record_webhook_delivery(result: str) -> None:
    """Count one recorded delivery attempt; `result` is one of `DELIVERY_RESULTS`."""
    if result not in DELIVERY_RESULTS:  # a label value outside the list would be a new series
        raise ValueError(f"unknown delivery result {result!r}")
    WEBHOOK_DELIVERIES.labels(result).inc()


def record_rate_limited(scope: str) -> None:
    """Count one request refused by a rate limit; `scope` is `integration` or `address`."""
    if scope not in RATE_LIMIT_SCOPES:
        raise ValueError(f"unknown rate-limit scope {scope!r}")
    RATE_LIMITED.labels(scope).inc()
