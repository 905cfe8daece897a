"""The ``patient-tracker`` command: run the server, migrate the database, manage API keys.

    patient-tracker serve [--host H] [--port P] [--workers N] [--reload]
    patient-tracker db upgrade
    patient-tracker keys create --name NAME [--integration NAME] [--scope SCOPE ...]
    patient-tracker keys list
    patient-tracker keys revoke KEY_ID

Configuration comes from the environment (``PATIENT_TRACKER_*``, see settings.py); the flags of
``serve`` override it. User errors print one ``error:`` line to stderr and exit 1 (argparse's
own usage errors exit 2); they never print a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TextIO

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import SQLAlchemyError

from patient_tracker.auth.keys import ApiKeyRecord, create_key, get_key, list_keys, revoke_key
from patient_tracker.auth.scopes import ALL_SCOPES
from patient_tracker.db.database import Database
from patient_tracker.db.tables import api_keys
from patient_tracker.settings import Settings
from patient_tracker.webhooks.delivery.access import withdraw_unreadable

__all__ = ["CliError", "main"]

_APP_FACTORY = "patient_tracker.app:create_app"
# uvicorn's httptools protocol with a header-size limit and read timeouts (slow_clients.py); an
# import string, so that every worker process imports it.
_HTTP_PROTOCOL = "patient_tracker.web.slow_clients:GuardedHttpToolsProtocol"


class CliError(Exception):
    """A user-facing error: printed as ``error: <message>``, exit status 1, no traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``patient-tracker``; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return handler(args)
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="patient-tracker",
        description="Patient Appointment Tracker API server and admin tool. "
        "Configured by PATIENT_TRACKER_* environment variables "
        "(e.g. PATIENT_TRACKER_DATABASE_URL).",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the HTTP server")
    serve.add_argument(
        "--host", help="interface to bind (default: PATIENT_TRACKER_HOST or 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, help="port (default: PATIENT_TRACKER_PORT or 8000)")
    serve.add_argument(
        "--workers", type=int, help="server processes (default: PATIENT_TRACKER_WORKERS or 1)"
    )
    serve.add_argument(
        "--reload", action="store_true", help="restart on code changes (development only)"
    )
    serve.set_defaults(handler=_cmd_serve)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(title="db commands", metavar="COMMAND")
    upgrade = db_commands.add_parser("upgrade", help="apply all pending migrations")
    upgrade.set_defaults(handler=_cmd_db_upgrade)
    db.set_defaults(handler=lambda _args: _usage(db))

    keys = commands.add_parser("keys", help="manage API keys")
    key_commands = keys.add_subparsers(title="keys commands", metavar="COMMAND")
    create = key_commands.add_parser(
        "create",
        help="create an API key and print it (once)",
        description="Create an API key. The key alone goes to stdout (so "
        "KEY=$(patient-tracker keys create --name ci) works); explanations go to stderr.",
    )
    create.add_argument("--name", required=True, help="what the key is for (1-100 characters)")
    create.add_argument(
        "--integration",
        metavar="NAME",
        help="the integration (party) the key belongs to, created if new; its keys share its "
        "webhook endpoints (default: a new integration of the key's own)",
    )
    create.add_argument(
        "--scope",
        action="append",
        dest="scopes",
        metavar="SCOPE",
        choices=ALL_SCOPES,
        help="grant this scope; repeat for several (default: all). "
        f"One of: {', '.join(ALL_SCOPES)}",
    )
    create.set_defaults(handler=_cmd_keys_create)
    list_ = key_commands.add_parser("list", help="list API keys (never the keys themselves)")
    list_.set_defaults(handler=_cmd_keys_list)
    revoke = key_commands.add_parser("revoke", help="revoke an API key; it stops working at once")
    revoke.add_argument("key_id", metavar="KEY_ID", help="the id shown by `keys list`")
    revoke.set_defaults(handler=_cmd_keys_revoke)
    keys.set_defaults(handler=lambda _args: _usage(keys))
    return parser


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _settings(**overrides: Any) -> Settings:
    """Read settings from the environment, with flags on top; invalid values are user errors."""
    given: dict[str, Any] = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or 'settings'}: {error['msg']}"
            for error in exc.errors(include_url=False, include_input=False)
        )
        raise CliError(f"invalid configuration: {problems}") from None


def _database(settings: Settings) -> Database:
    return Database.from_url(settings.database_url)


def _describe_db_error(exc: SQLAlchemyError) -> str:
    # The driver's message, first line only: SQLAlchemy's str() appends the SQL and a
    # documentation link, and the URL (with any password) must not be echoed.
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _migrate(engine: Engine) -> None:
    # Imported here: Alembic costs ~100 ms to import, and `keys list` does not need it.
    from patient_tracker.db.migrate import upgrade

    try:
        upgrade(engine)
    except SQLAlchemyError as exc:
        raise CliError(f"database migration failed: {_describe_db_error(exc)}") from None


def _cmd_db_upgrade(_args: argparse.Namespace) -> int:
    from patient_tracker.db.migrate import current_revision

    settings = _settings()
    db = _database(settings)
    try:
        _migrate(db.engine)
        print(f"database is at revision {current_revision(db.engine)}", file=sys.stderr)
    except SQLAlchemyError as exc:
        raise CliError(f"cannot read the database: {_describe_db_error(exc)}") from None
    finally:
        db.dispose()
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    settings = _settings(host=args.host, port=args.port, workers=args.workers)
    if args.reload and settings.workers > 1:
        raise CliError("--reload runs a single process; it cannot be combined with --workers > 1")
    if settings.migrate_on_start:
        db = _database(settings)
        try:
            _migrate(db.engine)
        finally:
            db.dispose()

    import uvicorn

    # Metrics are served from this process, on a listener of their own, before uvicorn starts
    # any worker: with one worker the app runs here, with more (or --reload) in processes that
    # write their values to files this one reads (web/metrics_exposition.py).
    one_process = settings.workers == 1 and not args.reload
    with _metrics_served(settings, one_process=one_process):
        # An import string plus factory=True: every worker process (and the reloader's child)
        # builds its own app, engine and connections; nothing is shared across a fork.
        uvicorn.run(
            _APP_FACTORY,
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=None if args.reload else settings.workers,
            reload=args.reload,
            http=_HTTP_PROTOCOL,
            loop="uvloop",
            log_level=_uvicorn_log_level(settings),
            log_config=_log_config(settings),
            # Uvicorn's access log prints query strings, which carry patient data (?phone=...).
            # The app logs requests itself, without the query (access_log.py), when
            # settings.access_log is on.
            access_log=False,
            # uvicorn trusts X-Forwarded-For from 127.0.0.1 by default, so any local process
            # could pick its own client address (and with it its rate-limit budget): only behind
            # a proxy.
            proxy_headers=settings.behind_proxy,
            limit_concurrency=settings.limit_concurrency,
            backlog=settings.backlog,
            timeout_keep_alive=settings.timeout_keep_alive,
        )
    return 0


@contextlib.contextmanager
def _metrics_served(settings: Settings, *, one_process: bool) -> Iterator[None]:
    """Serve `/metrics` (and the webhook backlog, read on a database handle of this process's
    own) while the block runs, unless metrics are off; a port that cannot be opened is an error."""
    if not settings.metrics:
        yield
        return
    from patient_tracker.web.metrics_exposition import MetricsListenError, serving_metrics
    from patient_tracker.webhooks.delivery.backlog import BacklogCollector

    db = _database(settings)
    try:
        with serving_metrics(
            settings.metrics_host,
            settings.metrics_port,
            one_process=one_process,
            collectors=[BacklogCollector(db)],
        ) as listener:
            where = f" (worker values in {listener.directory})" if listener.directory else ""
            # uvicorn's log format; its logging is configured only once it runs.
            print(f"INFO:     Metrics on {listener.url}{where}", file=sys.stderr, flush=True)
            yield
    except MetricsListenError as error:
        raise CliError(str(error)) from None
    finally:
        db.dispose()


def _uvicorn_log_level(settings: Settings) -> str:
    """Uvicorn's own loggers stop at debug, whatever `log_level` says; ours follow it.

    At trace, uvicorn wraps the app in its message logger, which prints every ASGI scope and
    message: path and query string included, so phones, names and emails. Capping uvicorn's
    level keeps that middleware out entirely, which is safer than a filter that would have to
    recognise and redact those dumps (their format is uvicorn's, not a contract). Uvicorn logs
    nothing else at trace but "connection made/lost" lines.
    """
    return "debug" if settings.log_level == "trace" else settings.log_level


def _log_config(settings: Settings) -> dict[str, Any]:
    """Uvicorn's logging config, plus our own loggers (``patient_tracker.*``) on its handler.

    Without this, ``patient_tracker.access`` (INFO) would go nowhere under uvicorn, and errors
    would reach stderr unformatted through logging's last-resort handler.
    """
    from uvicorn.config import LOG_LEVELS, LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["patient_tracker"] = {
        "handlers": ["default"],
        "level": LOG_LEVELS[settings.log_level],
        "propagate": False,
    }
    return config


def _open_keys_db() -> tuple[Settings, Database]:
    settings = _settings()
    db = _database(settings)
    try:
        migrated = db.read_sync(lambda conn: inspect(conn).has_table(api_keys.name))
    except SQLAlchemyError as exc:
        db.dispose()
        raise CliError(f"cannot open the database: {_describe_db_error(exc)}") from None
    if not migrated:
        db.dispose()
        raise CliError("the database has no schema yet; run `patient-tracker db upgrade` first")
    return settings, db


def _cmd_keys_create(args: argparse.Namespace) -> int:
    scopes: list[str] = args.scopes or list(ALL_SCOPES)
    settings, db = _open_keys_db()
    try:
        record, plaintext = db.write_sync(
            lambda conn: create_key(conn, args.name, scopes, args.integration)
        )
    except ValueError as exc:
        raise CliError(str(exc)) from None
    except SQLAlchemyError as exc:
        raise CliError(f"cannot create the key: {_describe_db_error(exc)}") from None
    finally:
        db.dispose()
    err = sys.stderr
    print(
        f"Created API key {record.id} ({record.name!r}) of integration {record.integration!r}.",
        file=err,
    )
    print(f"Scopes: {' '.join(record.scopes)}", file=err)
    print("Store the key now: it is shown only this once and cannot be recovered.", file=err)
    print(file=err, flush=True)
    print(plaintext, flush=True)
    print(file=err)
    host = settings.host
    if host in ("0.0.0.0", "::"):  # noqa: S104 - comparing, not binding
        host = "127.0.0.1"
    elif ":" in host:
        host = f"[{host}]"
    print("Use it as a bearer token, for example:", file=err)
    from patient_tracker.web.operations import spec_operations  # the web stack only when needed

    url = f"http://{host}:{settings.port}{spec_operations()['listPatients'].path}"
    print(f'  curl -H "Authorization: Bearer {plaintext}" {url}', file=err)
    return 0


def _cmd_keys_list(_args: argparse.Namespace) -> int:
    _, db = _open_keys_db()
    try:
        records = db.read_sync(list_keys)
    except SQLAlchemyError as exc:
        raise CliError(f"cannot list keys: {_describe_db_error(exc)}") from None
    finally:
        db.dispose()
    _print_table(records, sys.stdout)
    return 0


def _cmd_keys_revoke(args: argparse.Namespace) -> int:
    key_id: str = args.key_id
    _, db = _open_keys_db()

    def revoke(conn: Connection) -> tuple[bool, list[str]]:
        # The key and what its integration may no longer receive, in one transaction: no
        # delivery queued for an endpoint left without its read scope is sent after it commits.
        integration_id = revoke_key(conn, key_id)
        if integration_id is None:
            return False, []
        return True, withdraw_unreadable(conn, integration_id, datetime.now(UTC))

    try:
        revoked, disabled = db.write_sync(revoke)
        existing = None if revoked else db.read_sync(lambda conn: get_key(conn, key_id))
    except SQLAlchemyError as exc:
        raise CliError(f"cannot revoke the key: {_describe_db_error(exc)}") from None
    finally:
        db.dispose()
    if revoked:
        print(f"revoked key {key_id}", file=sys.stderr)
        for endpoint_id in disabled:
            print(
                f"disabled webhook endpoint {endpoint_id} (access_revoked): its integration's "
                "keys no longer hold a read scope its subscription needs",
                file=sys.stderr,
            )
        return 0
    if existing is None:
        raise CliError(f"no API key with id {key_id!r} (see `patient-tracker keys list`)")
    # Already revoked: the wanted state holds, so this is not a failure.
    print(f"key {key_id} was already revoked", file=sys.stderr)
    return 0


def _print_table(records: Sequence[ApiKeyRecord], out: TextIO) -> None:
    header = ("ID", "NAME", "INTEGRATION", "PREFIX", "SCOPES", "CREATED", "REVOKED")
    rows = [
        (
            record.id,
            record.name,
            record.integration,
            record.prefix,
            " ".join(record.scopes),
            _timestamp(record.created_at),
            _timestamp(record.revoked_at) if record.revoked_at else "-",
        )
        for record in records
    ]
    if not rows:
        print("no API keys (create one with `patient-tracker keys create --name NAME`)", file=out)
        return
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(),
            file=out,
        )


def _timestamp(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
