"""The one keyset idiom every listing uses (`db.keyset`, `web.pages`): pages walk a listing in
order in either direction, ties included, resume only from a key its columns can hold, and a
cursor is bound to the same filters as before the idiom was shared (so cursors already issued
still work)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import BaseModel
from sqlalchemy import Column, Connection, MetaData, String, Table, insert, select

from patient_tracker.contract.api_models import (
    ListAppointmentsParametersQuery,
    ListEventsParametersQuery,
    ListPatientAppointmentsParametersQuery,
    ListPractitionersParametersQuery,
)
from patient_tracker.db.database import Database
from patient_tracker.db.keyset import Keyset, PageKeyError
from patient_tracker.db.types import UtcDateTime
from patient_tracker.kit.cursors import filters_digest
from patient_tracker.web.pages import cursor_filters

_metadata = MetaData()
_rows = Table(
    "keyset_rows",
    _metadata,
    Column("id", String(40), primary_key=True),
    Column("at", UtcDateTime(), nullable=False),
)
T0 = datetime(2031, 1, 6, 9, tzinfo=UTC)
# Three rows share each instant, so the id breaks the ties.
ROWS = [{"id": f"row-{n:02d}", "at": T0 + timedelta(minutes=n // 3)} for n in range(10)]


def _walk(conn: Connection, keyset: Keyset, limit: int) -> list[list[str]]:
    pages: list[list[str]] = []
    after = None
    while True:
        found = keyset.page(conn, select(_rows), after, limit)
        pages.append([row["id"] for row in found.items])
        if found.last_key is None:
            return pages
        after = found.last_key


def test_pages_walk_the_order_both_ways_ties_included(database: Database) -> None:
    def check(conn: Connection) -> None:
        _metadata.create_all(conn)
        conn.execute(insert(_rows), ROWS)
        ascending = Keyset(_rows.c.at, _rows.c.id)
        descending = Keyset(_rows.c.at, _rows.c.id, descending=True)
        ids = [row["id"] for row in ROWS]
        for limit in (1, 2, 3, 4, 10, 11):
            up = _walk(conn, ascending, limit)
            down = _walk(conn, descending, limit)
            assert [i for page in up for i in page] == ids
            assert [i for page in down for i in page] == ids[::-1]
            assert all(len(page) == limit for page in up[:-1])
            assert 0 < len(up[-1]) <= limit
        # The key of the last row served, as a cursor carries it.
        first = ascending.page(conn, select(_rows), None, 2)
        assert first.last_key == ("2031-01-06T09:00:00+00:00", "row-01")
        _metadata.drop_all(conn)

    database.write_sync(check)


@pytest.mark.parametrize(
    "key",
    [("yesterday", "row-01"), ("2031-01-06T09:00:00", "row-01"), ("2031-01-06T09:00:00+00:00",)],
)
def test_a_key_its_columns_cannot_hold_is_refused(key: tuple[str, ...]) -> None:
    with pytest.raises(PageKeyError):
        Keyset(_rows.c.at, _rows.c.id).after(key)


def test_an_id_keyset_compares_the_id_as_text() -> None:
    clause = Keyset(_rows.c.id).after(("row-03",))

    assert str(clause) == "keyset_rows.id > :id_1"


# The filters each listing's cursors were signed with when its router spelled them out: the
# query model's parameters must give the same digest, or every cursor issued before is refused.
@pytest.mark.parametrize(
    ("listing", "query", "path", "written_out"),
    [
        (
            "appointments",
            ListAppointmentsParametersQuery.model_validate(
                {
                    "limit": "5",
                    "cursor": "ignored",
                    "patient_id": "p1",
                    "status": "scheduled",
                    "start_at_from": "2031-03-02T11:00:00+02:00",
                }
            ),
            {},
            {
                "patient_id": "p1",
                "practitioner_id": None,
                "status": "scheduled",
                "start_at_from": "2031-03-02T11:00:00+02:00",
                "start_at_before": None,
            },
        ),
        (
            "appointments",
            ListPatientAppointmentsParametersQuery.model_validate(
                {"start_at_before": "2031-03-02T12:00:00Z"}
            ),
            {"patient_id": "p1"},
            {
                "patient_id": "p1",
                "practitioner_id": None,
                "status": None,
                "start_at_from": None,
                "start_at_before": "2031-03-02T12:00:00+00:00",
            },
        ),
        (
            "practitioners",
            ListPractitionersParametersQuery.model_validate({"active": "false", "specialty": "gp"}),
            {},
            {"specialty": "gp", "active": False},
        ),
        (
            "events",
            ListEventsParametersQuery.model_validate(
                {"type": "patient.created", "created_after": "2000-01-01T00:00:00+05:00"}
            ),
            {},
            {
                "type": "patient.created",
                "resource_id": None,
                "created_after": "2000-01-01T00:00:00+05:00",
            },
        ),
    ],
)
def test_cursor_filters_come_from_the_query_as_they_were_written_out(
    listing: str, query: BaseModel, path: dict[str, str], written_out: dict[str, object]
) -> None:
    assert filters_digest(listing, cursor_filters(query, path)) == filters_digest(
        listing, written_out
    )
