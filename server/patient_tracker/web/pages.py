"""A page of a listing as the API shows it: the slice a service cut, with an opaque cursor.

Services resume a listing from a plain sort key and return a `resource.Slice`; turning that key
into a cursor and back (bound to the listing and its filters) is HTTP's business, here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from patient_tracker.kit.cursors import CursorCodec, KeyPart, filters_digest, invalid_cursor
from patient_tracker.resource import PageKey, PageKeyError, Slice

PageT = TypeVar("PageT", bound=BaseModel)


def keyset_page(
    page_model: type[PageT],
    cursors: CursorCodec,
    listing: str,
    filters: Mapping[str, object],
    cursor: str | None,
    key_parts: Sequence[KeyPart],
    fetch: Callable[[PageKey | None], Slice[Any]],
) -> PageT:
    """Check `cursor` for this listing and filters, fetch the slice after it, sign the next.

    `key_parts` says what each part of the listing's sort key is, so that a decoded key is
    checked part by part before it reaches a query.
    """
    digest = filters_digest(listing, filters)
    try:
        found = fetch(cursors.decode(cursor, digest, key_parts))
    except PageKeyError:
        raise invalid_cursor() from None
    next_cursor = cursors.encode(found.last_key, digest) if found.last_key is not None else None
    return page_model.model_validate({"items": found.items, "next_cursor": next_cursor})
