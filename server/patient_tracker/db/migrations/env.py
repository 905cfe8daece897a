"""Alembic environment: runs migrations on the engine handed over by ``db/migrate.py``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine, text

from patient_tracker.db.engine import create_engine_from_url, raw_sqlite_connection, sqlite_begin
from patient_tracker.db.tables import metadata

# An arbitrary constant shared by every process migrating the same PostgreSQL database.
_PG_MIGRATION_LOCK_ID = 0x70745F6D6967  # "pt_mig"


def _engine() -> tuple[Engine, bool]:
    """Return (engine, whether we created it and so must dispose of it)."""
    config = context.config
    engine = config.attributes.get("engine")
    if isinstance(engine, Engine):
        return engine, False
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        # Imported here: settings read the environment, needed only in this fallback.
        from patient_tracker.settings import get_settings

        url = get_settings().database_url
    return create_engine_from_url(url), True


def _run(connection: Connection) -> None:
    is_sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # Our SQLite engine emits BEGIN itself (engine.py), so DDL is transactional on both
        # dialects: a failed migration leaves nothing half-done.
        transactional_ddl=True,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=is_sqlite,
        compare_type=True,
    )
    with context.begin_transaction():
        if not is_sqlite:
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_MIGRATION_LOCK_ID}
            )
        context.run_migrations()
        if is_sqlite:
            # Foreign keys are off while SQLite migrates (`_run_on_sqlite`): check them all before
            # this transaction commits.
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                raise RuntimeError(f"the migration broke foreign keys: {broken[:5]}")


def _run_on_sqlite(connection: Connection) -> None:
    """Migrate with foreign keys off, checked all before the commit (`_run`).

    Batch mode rebuilds a table (copy, drop, rename). With foreign keys on, the drop would delete
    what refers to the table (`ON DELETE CASCADE`: a webhook endpoint's deliveries and attempts)
    or fail on it; SQLite's own procedure for such changes turns them off around the
    transaction and runs `PRAGMA foreign_key_check` before the commit
    (sqlite.org/lang_altertable.html). The pragma is a no-op inside a transaction, so it is set
    on the raw connection before the transaction begins, and set back on after it ends.
    """
    raw = raw_sqlite_connection(connection)
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        # Take the write lock before Alembic reads the current revision, so that two processes
        # migrating at once run one after the other and the second finds nothing to do. (A
        # deferred BEGIN would fail at once with "database is locked" when its read snapshot
        # turned out stale at the first write.)
        with sqlite_begin(connection, "BEGIN IMMEDIATE"):
            _run(connection)
    finally:
        # Outside any transaction again (the migration's committed or rolled back), where the
        # pragma takes effect; checked, since a connection left without foreign keys would go
        # back to the pool.
        raw.execute("PRAGMA foreign_keys = ON")
        if raw.execute("PRAGMA foreign_keys").fetchone() != (1,):
            raise RuntimeError("foreign keys could not be turned back on after migrating")


def run_migrations_online() -> None:
    """Run migrations with a live connection (the only mode we support)."""
    engine, owned = _engine()
    try:
        with engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                _run_on_sqlite(connection)
            else:
                _run(connection)
    finally:
        if owned:
            engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
run_migrations_online()
