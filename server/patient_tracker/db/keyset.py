"""Keyset pagination, the SQL half: a listing's order, the rows after the last one served, the page.

Every listing (patients, practitioners, appointments, events, webhook endpoints, delivery
attempts) is ordered by a `Keyset`: columns whose values together are unique (the last is an id),
all ascending or all descending. A page resumes after the key of the last row served and fetches
one row more than it holds, to know whether more follow:

    WHERE (time, id) > (:time, :id) ORDER BY time, id LIMIT :limit + 1

spelled `time > :time OR (time = :time AND id > :id)` (`<` in a descending order). The key travels
as text (`PageKey`, what a cursor carries: an instant as `datetime.isoformat()` writes one read
from the database, an id as it is); `Keyset.after` reads it back and refuses (`PageKeyError`) a
part that is not what its column holds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Connection, RowMapping, Select, and_, or_

__all__ = ["Keyset", "PageKey", "PageKeyError", "Slice"]

T = TypeVar("T")
U = TypeVar("U")

# The sort key of the last row served, as text.
PageKey = tuple[str, ...]


class PageKeyError(ValueError):
    """A page key (decoded from a cursor) that the listing cannot resume from."""


@dataclass(frozen=True, slots=True)
class Slice(Generic[T]):
    """One page of a listing: its items, and the sort key of the last when more follow."""

    items: list[T]
    last_key: PageKey | None

    def map(self, item: Callable[[T], U]) -> Slice[U]:
        """The same page with each item made into another (a row into what the API shows)."""
        return Slice([item(each) for each in self.items], self.last_key)


class Keyset:
    """The order of a listing: `columns`, unique together, all ascending or all descending."""

    __slots__ = ("_columns", "_descending", "_instants", "_order")

    def __init__(self, *columns: ColumnElement[Any], descending: bool = False) -> None:
        self._columns = columns
        self._descending = descending
        self._instants = tuple(column.type.python_type is datetime for column in columns)
        self._order = tuple(column.desc() for column in columns) if descending else columns

    def after(self, key: PageKey) -> ColumnElement[bool]:
        """The rows that come after `key` in this order; `PageKeyError` if it cannot be a key."""
        if len(key) != len(self._columns):
            raise PageKeyError(key)
        values = [
            _instant(part) if instant else part
            for part, instant in zip(key, self._instants, strict=True)
        ]
        return self._beyond(0, values)

    def _beyond(self, index: int, values: Sequence[object]) -> ColumnElement[bool]:
        column, value = self._columns[index], values[index]
        beyond = column < value if self._descending else column > value
        if index == len(self._columns) - 1:
            return beyond
        return or_(beyond, and_(column == value, self._beyond(index + 1, values)))

    def key_of(self, row: Mapping[Any, Any]) -> PageKey:
        """The key of `row` as text, to resume after it."""
        return tuple(
            row[column].isoformat() if instant else row[column]
            for column, instant in zip(self._columns, self._instants, strict=True)
        )

    def page(
        self, conn: Connection, statement: Select[Any], after: PageKey | None, limit: int
    ) -> Slice[RowMapping]:
        """The first `limit` rows of `statement` after the key `after` (None: from the start), in
        this order, with the key of the last when more follow."""
        if after is not None:
            statement = statement.where(self.after(after))
        statement = statement.order_by(*self._order).limit(limit + 1)
        rows = conn.execute(statement).mappings().all()
        last_key = self.key_of(rows[limit - 1]) if len(rows) > limit else None
        return Slice(list(rows[:limit]), last_key)


def _instant(part: str) -> datetime:
    try:
        at = datetime.fromisoformat(part)
    except ValueError:
        raise PageKeyError(part) from None
    if at.tzinfo is None:
        raise PageKeyError(part)
    return at
