"""Runtime configuration, read from the environment (prefix ``PATIENT_TRACKER_``).

Every knob of the server lives in :class:`Settings`; nothing else reads ``os.environ``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

__all__ = [
    "DEFAULT_DATABASE_POOL_SIZE",
    "DEFAULT_DATABASE_URL",
    "LogLevel",
    "Settings",
    "get_settings",
    "normalize_database_url",
]

DEFAULT_DATABASE_URL = "sqlite:///./patient-tracker.db"
# PostgreSQL connections per server process; why so few: db/engine.py, PG_POOL_SIZE.
DEFAULT_DATABASE_POOL_SIZE = 6

# 32 characters: at least 128 bits even if they are only hex digits.
CURSOR_SECRET_MIN_LENGTH = 32

LogLevel = Literal["critical", "error", "warning", "info", "debug", "trace"]

# Schemes that mean "PostgreSQL" to people and to other tools (libpq, Heroku-style
# `postgres://`). We only ship psycopg 3, so all of them are pointed at it.
_POSTGRES_ALIASES = ("postgresql://", "postgres://", "postgresql+psycopg://")
_SQLITE_DRIVERS = frozenset({"sqlite", "sqlite+pysqlite"})


def normalize_database_url(url: str) -> str:
    """Return ``url`` in the form the engine factory expects, or raise ``ValueError``.

    ``postgresql://`` and ``postgres://`` become ``postgresql+psycopg://`` (the only PostgreSQL
    driver installed). SQLite must name a file: an in-memory database would be a different,
    empty database on every connection, and :class:`~patient_tracker.db.database.Database`
    keeps one connection per thread.

    Error messages never echo the URL itself, since it may carry a password.
    """
    url = url.strip()
    for alias in _POSTGRES_ALIASES:
        if url.startswith(alias):
            # String surgery rather than URL.render_as_string(): it keeps the rest of the
            # URL (escaping, query string) exactly as the operator wrote it.
            url = "postgresql+psycopg://" + url[len(alias) :]
            break
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ValueError(
            "database_url is not a valid URL; expected sqlite:///PATH or postgresql://USER@HOST/DB"
        ) from None
    if parsed.drivername == "postgresql+psycopg":
        if not parsed.database:
            raise ValueError("database_url for PostgreSQL must name a database")
        return url
    if parsed.drivername in _SQLITE_DRIVERS:
        database = parsed.database or ""
        if (
            database in ("", ":memory:")
            or database.startswith("file::memory:")
            or parsed.query.get("mode") == "memory"
        ):
            raise ValueError(
                "database_url for SQLite must name a file (e.g. sqlite:///./patient-tracker.db); "
                "in-memory databases are not supported"
            )
        return url
    raise ValueError(
        f"unsupported database driver {parsed.drivername!r}; "
        "use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
    )


class Settings(BaseSettings):
    """All configuration of the server and the command-line tool.

    Each field can be set from the environment as ``PATIENT_TRACKER_<FIELD>`` (for example
    ``PATIENT_TRACKER_DATABASE_URL``). Instances are immutable.
    """

    model_config = SettingsConfigDict(
        env_prefix="PATIENT_TRACKER_",
        extra="ignore",
        frozen=True,
        validate_default=True,
        # Validation errors would otherwise quote the input, password and all.
        hide_input_in_errors=True,
    )

    # repr=False: the URL may contain a password and Settings objects end up in logs and
    # tracebacks.
    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        repr=False,
        description="SQLAlchemy URL: sqlite:///PATH (default) or postgresql+psycopg://...",
    )
    database_pool_size: int = Field(
        default=DEFAULT_DATABASE_POOL_SIZE,
        ge=1,
        le=100,
        description="PostgreSQL: connections each server process keeps for requests.",
    )
    host: str = Field(default="127.0.0.1", min_length=1, description="Interface to bind.")
    # 0 is allowed: the OS picks a free port (used by live-server tests).
    port: int = Field(default=8000, ge=0, le=65535, description="TCP port to bind.")
    workers: int = Field(default=1, ge=1, le=256, description="Number of server processes.")
    log_level: LogLevel = Field(default="info", description="uvicorn log level.")
    migrate_on_start: bool = Field(
        default=True, description="Run database migrations before `serve` starts the server."
    )
    access_log: bool = Field(default=True, description="Write one access-log line per request.")
    # Off by default: a client could otherwise choose its own address (rate limits per address)
    # and its own request id. On only where a proxy that sets both headers is the sole way in.
    behind_proxy: bool = Field(
        default=False,
        description="The server sits behind a trusted proxy: take the client address from "
        "X-Forwarded-For (from the addresses in FORWARDED_ALLOW_IPS, uvicorn's default 127.0.0.1) "
        "and adopt a well-formed inbound X-Request-Id as the request id.",
    )
    # Rate limits (docs/design.md, "Rate limits"): a token bucket per integration, shared by its
    # keys, and one per client address, counted before authentication. Each holds BURST requests
    # and gets one back PER_SECOND times a second; BURST / PER_SECOND, the time it takes to fill
    # from empty, must be a whole number of seconds (the `w` its `RateLimit-Policy` field states).
    rate_limits: bool = Field(
        default=True,
        description="Enforce the rate limits and send the RateLimit headers; false: neither.",
    )
    rate_limit_per_second: float = Field(
        default=100.0,
        gt=0,
        le=1_000_000,
        description="Requests per second an integration (all its keys together) may make over "
        "time.",
    )
    rate_limit_burst: int = Field(
        default=200,
        ge=1,
        le=1_000_000,
        description="Requests an integration may make at once: its bucket holds BURST requests "
        "and fills from empty in BURST / PER_SECOND seconds (a whole number of seconds).",
    )
    address_rate_limit_per_second: float = Field(
        default=200.0,
        gt=0,
        le=1_000_000,
        description="Requests per second one client address may make over time (counted before "
        "authentication, so unknown keys too).",
    )
    address_rate_limit_burst: int = Field(
        default=400,
        ge=1,
        le=1_000_000,
        description="Requests one client address may make at once: its bucket holds BURST "
        "requests and fills from empty in BURST / PER_SECOND seconds (a whole number of seconds).",
    )
    # repr=False: the URL may carry a password.
    rate_limit_storage: str | None = Field(
        default=None,
        repr=False,
        description="Where the rate-limit buckets are kept: unset, in each server process (each "
        "worker has its own budgets); redis://[:PASSWORD@]HOST:PORT[/DB] or rediss://..., one "
        "budget shared by every process using that Redis.",
    )
    rate_limit_key_prefix: str = Field(
        default="patient_tracker",
        pattern=r"^[A-Za-z0-9_.:-]{1,100}$",
        description="Prefix of the buckets' keys in the shared store: distinct for each "
        "deployment that shares one Redis.",
    )
    # Signs pagination cursors (http/pagination.py). Unset: a random secret generated once per
    # database by migration 0002 is used, so every process on one database agrees with no setup.
    # SecretStr and repr=False: it must never reach a log or a traceback.
    cursor_secret: SecretStr | None = Field(
        default=None,
        repr=False,
        min_length=CURSOR_SECRET_MIN_LENGTH,
        description="HMAC key for pagination cursors (default: a random one kept in the database).",
    )
    # Rotation: the secret replaced last, still accepted when verifying cursors (never used to
    # sign), so that cursors clients hold keep working until they are dropped.
    cursor_previous_secret: SecretStr | None = Field(
        default=None,
        repr=False,
        min_length=CURSOR_SECRET_MIN_LENGTH,
        description="A former cursor secret, still accepted for cursors issued before rotation.",
    )
    # Limits against slow, idle and oversized clients (README "Running in production"). The first
    # three are uvicorn's own; the last three are enforced by slow_clients.py, since uvicorn has
    # none of them with httptools.
    limit_concurrency: int = Field(
        default=1000,
        ge=1,
        description="Connections plus running requests per worker above which new requests "
        "get a 503.",
    )
    backlog: int = Field(
        default=2048, ge=1, description="Connections the OS queues before they are accepted."
    )
    timeout_keep_alive: int = Field(
        default=5, ge=1, description="Seconds an idle keep-alive connection is kept open."
    )
    max_header_bytes: int = Field(
        default=16384,
        ge=1024,
        description="Largest request line plus headers, in bytes; larger requests get a 431.",
    )
    header_timeout: float = Field(
        default=10.0,
        gt=0,
        description="Seconds a client has to send a request's line and headers (and, on a new "
        "connection, to start); then the connection is closed.",
    )
    body_timeout: float = Field(
        default=30.0,
        gt=0,
        description="Seconds a client has to send a request's body once its headers are in; "
        "then the connection is closed.",
    )
    # Webhooks (docs/design.md, "Events and webhooks"). The first two loosen the SSRF rules for
    # development and tests only: production endpoints are https and resolve to public addresses.
    webhook_allow_http: bool = Field(
        default=False, description="Accept http:// webhook URLs (development and tests only)."
    )
    webhook_allow_private_addresses: bool = Field(
        default=False,
        description="Accept webhook URLs that resolve to private, loopback or link-local "
        "addresses (development and tests only).",
    )
    webhook_resolve_names: bool = Field(
        default=True,
        description="Resolve webhook URL host names with DNS; off, only IP literals are accepted "
        "(hermetic tests).",
    )
    webhook_worker: bool = Field(
        default=True, description="Run the webhook delivery worker in this server process."
    )
    webhook_poll_interval: float = Field(
        default=1.0,
        gt=0,
        le=60,
        description="Seconds between the delivery worker's looks for due deliveries when nothing "
        "wakes it: a committed change wakes it at once (NOTIFY on PostgreSQL, in process on "
        "SQLite), so polling only covers a missed notification, other SQLite processes' changes "
        "and leases that ran out.",
    )
    # The delivery worker's slots (docs/design.md, "Events and webhooks"): draining 10,000
    # deliveries to 10 instant receivers is CPU-bound from ~40 in flight on; 8 per endpoint drained
    # at 0.67-0.82x the floor where 4 did at 0.58-0.63x (bench/webhooks.py, PostgreSQL), and a
    # dead endpoint still holds only an eighth of a process's slots.
    webhook_concurrency: int = Field(
        default=64,
        ge=1,
        le=1000,
        description="Deliveries the delivery worker of one process sends at once, all endpoints "
        "together.",
    )
    webhook_endpoint_concurrency: int = Field(
        default=8,
        ge=1,
        le=1000,
        description="Deliveries the delivery worker of one process sends at once to one endpoint: "
        "a slow or dead endpoint holds at most this many of its slots.",
    )
    webhook_retry_scale: float = Field(
        default=1.0,
        gt=0,
        le=1,
        description="Factor on the retry delays (tests shorten them; 1 in production).",
    )
    # Metrics and traces (docs/design.md, "Metrics and traces"). Metrics are served on a listener
    # of their own, never on the API's port: integrators' keys must not see other integrations'
    # traffic; operators scrape it from their own network.
    metrics: bool = Field(
        default=True,
        description="Collect Prometheus metrics and serve them at http://METRICS_HOST:METRICS_PORT"
        "/metrics from the `serve` process; false: neither collected nor served.",
    )
    metrics_host: str = Field(
        default="127.0.0.1",
        min_length=1,
        description="Interface the metrics listener binds (not the API's: only operators scrape "
        "it).",
    )
    # 0 is allowed: the OS picks a free port, which `serve` prints (used by live-server tests).
    metrics_port: int = Field(
        default=9464, ge=0, le=65535, description="TCP port of the metrics listener."
    )
    tracing: bool = Field(
        default=False,
        description="Trace each request (a span named by its operationId, with its SQL "
        "statements as child spans) and export the spans over OTLP/HTTP to the collector that "
        "OpenTelemetry's OTEL_EXPORTER_OTLP_ENDPOINT names (default http://localhost:4318).",
    )

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        return normalize_database_url(value)

    @field_validator("rate_limit_storage")
    @classmethod
    def _check_rate_limit_storage(cls, value: str | None) -> str | None:
        # The message never quotes the URL: it may carry a password.
        if value is None or not value.strip():
            return None
        value = value.strip()
        scheme, separator, rest = value.partition("://")
        if scheme not in ("redis", "rediss") or not separator or not rest.strip("/"):
            raise ValueError(
                "rate_limit_storage must be a Redis URL, redis://HOST:PORT or rediss://HOST:PORT "
                "(unset: counters in each process)"
            )
        return value

    @field_validator("rate_limit_burst", "address_rate_limit_burst")
    @classmethod
    def _check_rate_limit_window(cls, burst: int, info: ValidationInfo) -> int:
        # The window is BURST / PER_SECOND seconds; the rate is declared first, so it is in
        # `info.data` here unless it failed its own validation (then that error is reported).
        rate_field = str(info.field_name).replace("_burst", "_per_second")
        rate = info.data.get(rate_field)
        if not isinstance(rate, float):
            return burst
        window = burst / rate
        if not 1 <= round(window) <= 3600 or abs(window - round(window)) > 1e-9:
            raise ValueError(
                f"{info.field_name} / {rate_field} is {window:g} s: it must be a whole number of "
                "seconds from 1 to 3600 (the RateLimit-Policy field states it in whole seconds), "
                "e.g. burst 200 at 100 per second"
            )
        return burst

    @field_validator("log_level", mode="before")
    @classmethod
    def _lowercase_log_level(cls, value: object) -> object:
        # Operators write INFO as often as info; uvicorn wants lower case.
        return value.strip().lower() if isinstance(value, str) else value

    @property
    def is_sqlite(self) -> bool:
        """True when the configured database is SQLite."""
        return self.database_url.startswith("sqlite")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read from the environment once.

    Tests that change the environment call ``get_settings.cache_clear()``.
    """
    return Settings()
