"""A page of a listing as the API shows it: the slice a service cut, with an opaque cursor.

Services resume a listing from a plain sort key and return a `Slice` (`db.keyset`); turning that
key into a cursor and back is HTTP's business, here. A cursor is bound to its listing and its
filters (`kit.cursors.filters_digest`): the filters are the operation's query parameters but
`limit` and `cursor`, read from its generated query model, and the path parameters that narrow
the listing (a patient's appointments), so no listing spells its filters out again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from pydantic import MISSING, BaseModel, RootModel

from patient_tracker.kit.cursors import CursorCodec, KeyPart, filters_digest, invalid_cursor
from patient_tracker.resource import PageKey, PageKeyError, Slice

__all__ = ["Listing", "cursor_filters", "keyset_page"]

PageT = TypeVar("PageT", bound=BaseModel)

# The query parameters that page rather than filter.
_PAGING = ("limit", "cursor")


@dataclass(frozen=True, slots=True)
class Listing(Generic[PageT]):
    """A listing as its cursors know it: the name they are bound to, the page model, and what
    each part of its sort key is (a decoded key is checked part by part before a query)."""

    name: str
    page_model: type[PageT]
    key_parts: tuple[KeyPart, ...]


def _plain(value: object) -> object:
    """A parameter's value as the filters digest takes it (`None`: not sent)."""
    if value is MISSING:
        return None
    if isinstance(value, RootModel):
        value = value.root
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def cursor_filters(query: BaseModel, path: Mapping[str, str]) -> dict[str, object]:
    """The filters a cursor is bound to: `query`'s parameters but paging, and `path`'s."""
    found = {
        field.alias or name: _plain(getattr(query, name))
        for name, field in type(query).model_fields.items()
        if (field.alias or name) not in _PAGING
    }
    return {**found, **path}


def keyset_page(
    listing: Listing[PageT],
    cursors: CursorCodec,
    query: BaseModel,
    fetch: Callable[[PageKey | None], Slice[Any]],
    path: Mapping[str, str],
) -> PageT:
    """Check the query's cursor for this listing and filters, fetch the slice after it, sign
    the next."""
    digest = filters_digest(listing.name, cursor_filters(query, path))
    sent = getattr(query, "cursor", None)
    cursor = sent if isinstance(sent, str) else None  # MISSING: not sent
    try:
        found = fetch(cursors.decode(cursor, digest, listing.key_parts))
    except PageKeyError:
        raise invalid_cursor() from None
    next_cursor = cursors.encode(found.last_key, digest) if found.last_key is not None else None
    return listing.page_model.model_validate({"items": found.items, "next_cursor": next_cursor})
