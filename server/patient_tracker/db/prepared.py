"""`Prepared`: a Core statement compiled once per dialect and run on the DBAPI cursor.

Measured here (SQLite, one row by primary key): SQLAlchemy's `Connection.execute` of a statement
built once costs ~40 us (cache-key lookup, execution context, result set-up); the same SQL on the
DBAPI cursor ~8 us. The statements every request runs (the API-key lookup, get by id, the booking
checks and inserts) would spend more in that pipeline than in the database. So those are still
written once, in Core, and compiled once per dialect to driver SQL; `Prepared` then runs them on
the connection's own DBAPI cursor, inside the transaction `Database` opened, and converts
parameters and results with the columns' own type processors (so `UtcDateTime`, `Date` and
`Boolean` behave exactly as through `Connection.execute`).

It supports what those statements need and no more: named bind parameters (no expanding `IN`, no
`literal_execute`); rows come back as dicts keyed by column name.

On PostgreSQL's event-loop connections (psycopg's async ones, used from a greenlet: see
`database.py`) a statement goes to psycopg itself, executed and fetched in one coroutine that the
greenlet awaits once; SQLAlchemy's DBAPI adapter would add its cursor object and its row buffer,
~10-15 us per statement (measured here). Every statement on one such connection goes through the
same psycopg cursor (`statement_cursor`).

With tracing on, each statement gets a span (`statement_spans`: its SQL text, never its
parameters); off, that costs one attribute test per statement.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import psycopg
from sqlalchemy import Connection, Dialect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.util import await_only

from patient_tracker.db import statement_spans

Processor = Callable[[Any], Any]

_cursors: WeakKeyDictionary[psycopg.AsyncConnection[Any], psycopg.AsyncCursor[Any]] = (
    WeakKeyDictionary()
)


def statement_cursor(driver: psycopg.AsyncConnection[Any]) -> psycopg.AsyncCursor[Any]:
    """The one cursor every statement on ``driver`` (an event-loop connection) executes on.

    `AsyncConnection.execute` makes a new cursor per statement, which copies the connection's
    adapters and starts with empty dumper caches: ~6 us a statement here (a booking sends four:
    the key lookup, BEGIN, the checks, the insert). One cursor per connection is safe because a
    connection serves one unit of work or one read at a time (`LoopConnections`), so its
    statements never interleave; a connection replaced after a loss is a new key, and the old
    cursor goes with the old connection.
    """
    cursor = _cursors.get(driver)
    if cursor is None or cursor.closed:
        cursor = _cursors[driver] = driver.cursor()
    return cursor


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    compiled: SQLCompiler
    positional_names: tuple[str, ...] | None
    bind_processors: dict[str, Processor]
    # Every bind parameter is a plain named `bindparam(name)` or a literal of the statement's
    # own (`status != 'cancelled'`, `LIMIT 1`), so the caller's parameters and `constants` are
    # the statement's, and `construct_params` (~10 us for the booking check) can be skipped.
    direct: bool
    # The literals' values, already converted for the driver, by bind name.
    constants: dict[str, Any]
    bind_names: tuple[str, ...]
    columns: tuple[str, ...]
    # (position, column name, processor) of the result columns that need converting.
    result_processors: tuple[tuple[int, str, Processor], ...]


class Prepared:
    """Run one Core statement through the DBAPI cursor, compiled once per dialect."""

    def __init__(self, statement: ClauseElement) -> None:
        self._statement = statement
        self._by_dialect: dict[str, _Compiled] = {}

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = self._statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        # By the name the SQL gives each bind parameter (an anonymous literal's is made up).
        binds = {name: bind for bind, name in compiled.bind_names.items()}
        direct = all(bind.callable is None and not bind.expanding for bind in binds.values())
        bind_processors: dict[str, Processor] = {}
        constants: dict[str, Any] = {}
        for name, bind in binds.items():
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if direct and bind.value is not None:
                constants[name] = bind.value if processor is None else processor(bind.value)
            elif processor is not None:
                bind_processors[name] = processor
        columns: list[str] = []
        result_processors: list[tuple[int, str, Processor]] = []
        for position, column in enumerate(getattr(self._statement, "selected_columns", ())):
            columns.append(column.key)
            processor = column.type.dialect_impl(dialect).result_processor(dialect, None)
            if processor is not None:
                result_processors.append((position, column.key, processor))
        return _Compiled(
            sql=compiled.string,
            compiled=compiled,
            positional_names=tuple(compiled.positiontup or ()) if dialect.positional else None,
            bind_processors=bind_processors,
            direct=direct,
            constants=constants,
            bind_names=tuple(binds),
            columns=tuple(columns),
            result_processors=tuple(result_processors),
        )

    def _for(self, dialect: Dialect) -> _Compiled:
        compiled = self._by_dialect.get(dialect.name)
        if compiled is None:
            compiled = self._by_dialect[dialect.name] = self._compile(dialect)
        return compiled

    @staticmethod
    def _driver_parameters(
        compiled: _Compiled, params: Mapping[str, Any]
    ) -> tuple[Any, ...] | Mapping[str, Any]:
        """``params`` as the driver takes them: converted, in the statement's order or names."""
        values: Mapping[str, Any] = params
        if not compiled.direct or compiled.constants or compiled.bind_processors:
            converted = (
                # The caller's parameters win over the constants, as with `Connection.execute`.
                {**compiled.constants, **params}
                if compiled.direct
                else compiled.compiled.construct_params(dict(params))
            )
            for name, processor in compiled.bind_processors.items():
                converted[name] = processor(converted[name])
            values = converted
        if compiled.positional_names is not None:
            return tuple(values[n] for n in compiled.positional_names)
        # A direct statement's parameters may hold extra keys; construct_params' do not.
        return {name: values[name] for name in compiled.bind_names} if compiled.direct else values

    @staticmethod
    def _async_driver(conn: Connection) -> psycopg.AsyncConnection[Any] | None:
        """``conn``'s psycopg async connection, if it is one (PostgreSQL, on the event loop)."""
        driver = conn.connection.driver_connection
        return driver if isinstance(driver, psycopg.AsyncConnection) else None

    async def _on_driver(
        self,
        driver: psycopg.AsyncConnection[Any],
        dialect: Dialect,
        params: Mapping[str, Any],
        fetch: str,
    ) -> Any:
        """Execute on psycopg's async connection, then `fetch` ("one", "all" or "rowcount")."""
        compiled = self._for(dialect)
        span = (
            None
            if statement_spans.tracer is None
            else statement_spans.start(compiled.sql, dialect.name)
        )
        try:
            try:
                cursor = await statement_cursor(driver).execute(
                    compiled.sql, self._driver_parameters(compiled, params)
                )
            except psycopg.IntegrityError as error:
                raise IntegrityError(compiled.sql, None, error) from error  # as in `_on_cursor`
            if fetch == "one":
                row = await cursor.fetchone()
                return None if row is None else self._row(compiled, row)
            if fetch == "all":
                return [self._row(compiled, row) for row in await cursor.fetchall()]
            return cursor.rowcount
        except BaseException as error:
            if span is not None:
                statement_spans.failed(span, error)
            raise
        finally:
            if span is not None:
                span.end()

    def _on_cursor(self, conn: Connection, params: Mapping[str, Any], fetch: str) -> Any:
        """Execute on ``conn``'s DBAPI cursor, then `fetch` ("one", "all" or "rowcount")."""
        compiled = self._for(conn.dialect)
        parameters = self._driver_parameters(compiled, params)
        span = (
            None
            if statement_spans.tracer is None
            else statement_spans.start(compiled.sql, conn.dialect.name)
        )
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            try:
                cursor.execute(compiled.sql, parameters)
            except conn.dialect.loaded_dbapi.IntegrityError as error:
                # The same exception `Connection.execute` raises, so that callers map constraint
                # violations in one way; without the parameters, which may hold patient data.
                raise IntegrityError(compiled.sql, None, error) from error
            if fetch == "one":
                row = cursor.fetchone()
                return None if row is None else self._row(compiled, row)
            if fetch == "all":
                return [self._row(compiled, row) for row in cursor.fetchall()]
            return cursor.rowcount
        except BaseException as error:
            if span is not None:
                statement_spans.failed(span, error)
            raise
        finally:
            cursor.close()
            if span is not None:
                span.end()

    def _run(self, conn: Connection, params: Mapping[str, Any], fetch: str) -> Any:
        driver = self._async_driver(conn)
        if driver is not None:
            return await_only(self._on_driver(driver, conn.dialect, params, fetch))
        return self._on_cursor(conn, params, fetch)

    @staticmethod
    def _row(compiled: _Compiled, row: Sequence[Any]) -> dict[str, Any]:
        values = dict(zip(compiled.columns, row, strict=True))
        for position, name, processor in compiled.result_processors:
            values[name] = processor(row[position])
        return values

    def first(self, conn: Connection, params: Mapping[str, Any]) -> dict[str, Any] | None:
        """The first row as a dict of column name to value, or `None`."""
        found: dict[str, Any] | None = self._run(conn, params, "one")
        return found

    def all(self, conn: Connection, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Every row, each as `first` returns it."""
        every: list[dict[str, Any]] = self._run(conn, params, "all")
        return every

    async def first_async(
        self, conn: psycopg.AsyncConnection[Any], dialect: Dialect, params: Mapping[str, Any]
    ) -> dict[str, Any] | None:
        """`first`, on a psycopg async connection of ``dialect``'s database (PostgreSQL's
        single-statement reads on the event loop: `Database.read_one`)."""
        row: dict[str, Any] | None = await self._on_driver(conn, dialect, params, "one")
        return row

    def run(self, conn: Connection, params: Mapping[str, Any]) -> int:
        """Execute a statement that returns no rows; the number of rows it changed."""
        changed: int = self._run(conn, params, "rowcount")
        return changed
