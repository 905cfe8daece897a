"""The resource skeleton: what every versioned resource does the same way, written once.

Patients, practitioners and appointments are each a table of versioned rows (`db.versioned`)
shown as a generated model. For each, `Resource` reads one by id (404 if absent), creates one
(new id, version 1, timestamps), changes one by read-modify-write (get for update, check
`If-Match`, apply the change, bump the version, write, read back), deletes one unless something
refers to it, and shows a page of rows (`db.keyset`, which every listing cuts its pages with)
as its models. A resource package passes in only what is particular to it: its rules (the change
to make) and its queries.

Every create, change and delete through `Resource` records its event (`event_log`) in the
same transaction, so no change commits without its event: a resource names its event types
(`ResourceEvents`) and nothing else. A change the skeleton does not make itself (the appointment
status moves) records its event with `Resource.record`.

A resource that belongs to a party (webhook endpoints belong to an integration) names its owner
column (`owner_column`): every read, change and delete by id then takes the caller's `owner`, and
a row of another owner is the same 404 as no row at all. That rule lives here, once, so no
operation can forget it.

Services take an open transaction and never commit: `Database.read`/`write` (the unit-of-work
runner in `db/`) do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import Connection, RowMapping

from patient_tracker.contract.api_models import EventType
from patient_tracker.contract.problems import NotFoundError
from patient_tracker.db.keyset import PageKey, PageKeyError, Slice
from patient_tracker.db.outbox import record_event
from patient_tracker.db.versioned import VersionedTable
from patient_tracker.kit.etags import check_if_match
from patient_tracker.kit.ids import new_id

__all__ = ["PageKey", "PageKeyError", "Resource", "ResourceEvents", "Slice", "sent_fields"]

ModelT = TypeVar("ModelT", bound=BaseModel)
# The row as it is now (locked) -> the columns to change; raises the resource's errors.
Change = Callable[[dict[str, Any]], Mapping[str, Any]]


@dataclass(frozen=True, slots=True)
class ResourceEvents:
    """The event types a resource's create, change and delete record (the spec's `webhooks`,
    named by the generated `EventType`: a type the spec lacks fails at import)."""

    created: EventType
    updated: EventType
    deleted: EventType | None = None  # None: the resource is never deleted (appointments)


def sent_fields(patch: BaseModel) -> dict[str, Any]:
    """The fields a request actually sent (JSON merge patch, RFC 7396), as plain values."""
    return patch.model_dump(exclude_unset=True)


class Resource(Generic[ModelT]):
    """One kind of versioned resource: its table, its model, and the noun its errors use."""

    def __init__(
        self,
        noun: str,
        table: VersionedTable,
        model: type[ModelT],
        events: ResourceEvents | None,
        *,
        present: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None = None,
        owner_column: str | None = None,
    ) -> None:
        """`events` None: changes of this resource record no event (webhook endpoints).
        `present`: row -> the model's fields, where columns and fields differ in form.
        `owner_column`: the column naming the party a row belongs to (None: shared by all)."""
        self.noun = noun
        self.owner_column = owner_column
        self.table = table
        self.model = model
        self.events = events
        self._present = present
        self._fields = tuple(model.model_fields)

    def to_model(self, row: Mapping[Any, Any]) -> ModelT:
        """The API representation of a row (or of the values just written)."""
        if self._present is not None:
            row = self._present(row)
        return self.model.model_validate({field: row[field] for field in self._fields})

    def record(
        self, conn: Connection, event_type: EventType | None, row_id: str, model: ModelT
    ) -> None:
        """Record that resource `row_id`, now `model`, had an `event_type` change (if any)."""
        if event_type is not None:
            record_event(conn, event_type, row_id, model)

    def not_found(self, row_id: str) -> NotFoundError:
        """The 404 for an id that names nothing."""
        return NotFoundError(f"No {self.noun} has the id '{row_id}'.")

    def visible(self, row: Mapping[str, Any] | None, owner: str | None) -> bool:
        """Whether `row` exists for `owner`: the owner's own row, or any row of a shared one."""
        if row is None:
            return False
        if self.owner_column is None:
            return True
        if owner is None:
            raise RuntimeError(f"a {self.noun} belongs to a party: read it with its owner")
        return bool(row[self.owner_column] == owner)

    def get(self, conn: Connection, row_id: str, *, owner: str | None = None) -> tuple[ModelT, int]:
        """One resource with its version, or 404."""
        return self.found(row_id, self.table.get(conn, row_id), owner=owner)

    def found(
        self, row_id: str, row: Mapping[str, Any] | None, *, owner: str | None = None
    ) -> tuple[ModelT, int]:
        """The resource and its version from its row read by id (`table.by_id`), or 404."""
        if row is None or not self.visible(row, owner):
            raise self.not_found(row_id)
        return self.to_model(row), row["version"]

    def row(
        self, conn: Connection, row_id: str, *, owner: str | None = None, for_update: bool = False
    ) -> dict[str, Any]:
        """The row (locked for this transaction when `for_update`), or 404, also for another
        owner's row."""
        row = self.table.get(conn, row_id, for_update=for_update)
        if row is None or not self.visible(row, owner):
            raise self.not_found(row_id)
        return row

    def require_exists(self, conn: Connection, row_id: str, *, owner: str | None = None) -> None:
        """404 unless the resource exists (for `owner`, when it has one)."""
        if self.owner_column is not None:
            self.row(conn, row_id, owner=owner)
        elif not self.table.exists(conn, row_id):
            raise self.not_found(row_id)

    def locked(
        self, conn: Connection, row_id: str, if_match: str | None, *, owner: str | None = None
    ) -> dict[str, Any]:
        """The row, locked for this transaction, after checking `If-Match` against it."""
        row = self.row(conn, row_id, owner=owner, for_update=True)
        check_if_match(if_match, row["version"])
        return row

    def create(self, conn: Connection, values: Mapping[str, Any]) -> tuple[ModelT, int]:
        """Insert a new resource at version 1 with a new id; returns it with its version."""
        now = datetime.now(UTC)
        new = {**values, "id": new_id(), "version": 1, "created_at": now, "updated_at": now}
        if self.events is None:
            return self.to_model(self.table.insert(conn, new)), 1
        row = self.table.new_row(new)
        model = self.to_model(row)
        # The row and its event in one write (one statement on PostgreSQL, see `event_log`).
        with self.table.violations_mapped(row):
            along_with = self.table.row_insert(row)
            record_event(conn, self.events.created, row["id"], model, along_with=along_with)
        return model, 1

    def read_modify_write(
        self,
        conn: Connection,
        row_id: str,
        if_match: str | None,
        change: Change,
        *,
        owner: str | None = None,
    ) -> tuple[ModelT, int]:
        """Get for update, check `If-Match`, apply `change`, bump the version, write, read back.

        A change of nothing writes nothing and keeps the version (and so the ETag).
        """
        row = self.locked(conn, row_id, if_match, owner=owner)
        changes = dict(change(row))
        if not changes:
            return self.get(conn, row_id, owner=owner)
        changes.update(version=row["version"] + 1, updated_at=datetime.now(UTC))
        self.table.update(conn, row_id, changes)
        model, version = self.get(conn, row_id, owner=owner)
        self.record(conn, self.events.updated if self.events else None, row_id, model)
        return model, version

    def delete(
        self,
        conn: Connection,
        row_id: str,
        if_match: str | None,
        *,
        is_referenced: Callable[[Connection, str], bool],
        in_use: Exception,
        owner: str | None = None,
    ) -> None:
        """Delete the resource unless `is_referenced`; `in_use` is the error when it is."""
        self.locked(conn, row_id, if_match, owner=owner)
        if is_referenced(conn, row_id):
            raise in_use
        # Referenced after the check (a concurrent booking): the foreign key holds, same error.
        self.table.delete(conn, row_id, referenced=in_use)
        if self.events is not None:
            if self.events.deleted is None:
                raise RuntimeError(f"{self.noun} names no delete event")  # a programming error
            record_event(conn, self.events.deleted, row_id, {"id": row_id})

    def slice(self, rows: Slice[RowMapping]) -> Slice[ModelT]:
        """A page of this resource's rows (`db.keyset.Keyset.page`) as its models."""
        return rows.map(self.to_model)
