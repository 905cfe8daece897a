"""`VersionedTable`: the by-id SQL of a table whose rows carry an `id` and a `version`.

Every resource table (patients, practitioners, appointments) is read, locked, inserted, updated
and deleted by id in the same way; this is that SQL, written once and generic over the table.
The statements every request runs are `Prepared` (see `prepared.py`). A resource's own queries
(its listing, its checks) stay in its package's `repository.py`.

Integrity errors do not leave this class as `IntegrityError`: the `violations` function a
resource passes turns the violated constraint (named by `errors.violated_constraint`) into the
resource's own error, so services never see constraint names. A violation it does not know is
re-raised unchanged (a bug, answered with 500).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Insert, Table, bindparam, delete, exists, insert, select, update
from sqlalchemy.exc import IntegrityError

from patient_tracker.db.errors import violated_constraint
from patient_tracker.db.prepared import Prepared

__all__ = ["VersionedTable", "Violations"]

# (violated constraint name or None if the database does not say, the values written) ->
# the domain error to raise instead, or None to re-raise the `IntegrityError`.
Violations = Callable[[str | None, Mapping[str, Any]], Exception | None]


def _no_violations(constraint: str | None, values: Mapping[str, Any]) -> Exception | None:
    return None


@dataclass(frozen=True, slots=True)
class RowInsert:
    """One row's insert: the Core statement (its bind parameters are the column names), the
    table's own compiled form of it, and the row's values."""

    statement: Insert
    prepared: Prepared
    values: Mapping[str, Any]


class VersionedTable:
    """Get, get for update, insert, update and delete one row of `table` by its `id`."""

    def __init__(self, table: Table, violations: Violations = _no_violations) -> None:
        self.table = table
        self._violations = violations
        by_id = table.c.id == bindparam("id")
        # Public: a read by id is one statement, which `Database.read_one` runs on its own.
        self.by_id = Prepared(select(table).where(by_id))
        self._by_id_for_update = Prepared(select(table).where(by_id).with_for_update())
        # Bind parameters named as the columns. A create also writes its row in one statement
        # with its event, where the database can (`row_insert`).
        self._insert_statement = insert(table).values({c.name: bindparam(c.name) for c in table.c})
        self._insert = Prepared(self._insert_statement)
        self._delete = delete(table).where(by_id)
        self._exists = select(exists().where(by_id))
        self._columns = tuple(c.name for c in table.c)

    def _domain_error(self, error: IntegrityError, values: Mapping[str, Any]) -> Exception:
        mapped = self._violations(violated_constraint(error), values)
        return error if mapped is None else mapped

    def get(
        self, conn: Connection, row_id: str, *, for_update: bool = False
    ) -> dict[str, Any] | None:
        """The row, locked for the rest of the transaction when `for_update` (PostgreSQL)."""
        statement = self._by_id_for_update if for_update else self.by_id
        return statement.first(conn, {"id": row_id})

    def exists(self, conn: Connection, row_id: str) -> bool:
        """Whether a row has this id."""
        return bool(conn.execute(self._exists, {"id": row_id}).scalar())

    def new_row(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The row `insert` would write for `values`: columns missing from them are NULL."""
        return {name: values.get(name) for name in self._columns}

    def row_insert(self, row: Mapping[str, Any]) -> RowInsert:
        """The insert of `row` (from `new_row`), for a caller that runs it in one statement with
        others (`event_log.insert_event`); run it inside `violations_mapped`."""
        return RowInsert(self._insert_statement, self._insert, row)

    @contextmanager
    def violations_mapped(self, values: Mapping[str, Any]) -> Iterator[None]:
        """Turn an `IntegrityError` raised inside into the resource's own error, for a write of
        `values` to this table that runs elsewhere (in one statement with another)."""
        try:
            yield
        except IntegrityError as error:
            raise self._domain_error(error, values) from None

    def insert(self, conn: Connection, values: Mapping[str, Any]) -> dict[str, Any]:
        """Insert one row; columns missing from `values` are NULL. Returns the row written."""
        row = self.new_row(values)
        with self.violations_mapped(row):
            self._insert.run(conn, row)
        return row

    def update(self, conn: Connection, row_id: str, values: Mapping[str, Any]) -> None:
        """Set `values` on one row."""
        statement = update(self.table).where(self.table.c.id == row_id).values(**values)
        try:
            conn.execute(statement)
        except IntegrityError as error:
            raise self._domain_error(error, values) from None

    def delete(self, conn: Connection, row_id: str, *, referenced: Exception) -> None:
        """Delete one row; raise `referenced` if a foreign key still points at it."""
        try:
            conn.execute(self._delete, {"id": row_id})
        except IntegrityError:
            # SQLite does not say which foreign key held, so no constraint name is asked for.
            raise referenced from None
