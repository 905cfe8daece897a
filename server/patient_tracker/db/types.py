"""Column types shared by the tables."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

__all__ = ["UtcDateTime"]

# Width of "YYYY-MM-DDTHH:MM:SS.ffffff".
_SQLITE_WIDTH = 26


class UtcDateTime(TypeDecorator[datetime]):
    """An instant in time: aware ``datetime`` in, aware UTC ``datetime`` out.

    Naive datetimes are refused (raise ``ValueError``) rather than guessed at: every time in
    this API carries an offset, so a naive one is a bug.

    Storage:

    - PostgreSQL: ``TIMESTAMP WITH TIME ZONE`` (the session time zone is UTC, see engine.py).
    - SQLite, which has no time type: a fixed-width UTC string ``YYYY-MM-DDTHH:MM:SS.ffffff``.
      Fixed width and a single offset make string order equal time order, so ``<``, ``ORDER BY``
      and range checks in SQL behave as on PostgreSQL. (SQLAlchemy's own SQLite DateTime drops
      zero microseconds, which breaks that property.)
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        """Use a fixed-width string on SQLite, ``TIMESTAMP WITH TIME ZONE`` elsewhere."""
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(_SQLITE_WIDTH))
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        """Check and convert a Python value on its way into the database."""
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"UtcDateTime expects a datetime, got {type(value).__name__}")
        offset = value.utcoffset()
        if offset is None:
            raise ValueError("UtcDateTime refuses naive datetimes; attach a time zone")
        if dialect.name == "sqlite":
            # Subtracting the offset and dropping tzinfo is the cheap way to get UTC wall time;
            # isoformat(timespec="microseconds") always writes all 26 characters, years < 1000
            # included (strftime("%Y") does not pad them on glibc).
            return (value.replace(tzinfo=None) - offset).isoformat(timespec="microseconds")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Turn a stored value back into an aware UTC datetime."""
        if value is None:
            return None
        if isinstance(value, str):
            return datetime.fromisoformat(value).replace(tzinfo=UTC)
        if not isinstance(value, datetime):
            raise TypeError(f"unexpected stored value for UtcDateTime: {type(value).__name__}")
        if value.tzinfo is None:
            # Only reachable if a column was created as TIMESTAMP WITHOUT TIME ZONE by hand.
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    @property
    def python_type(self) -> type[datetime]:
        """The Python type of values of this column."""
        return datetime
