"""A page of a listing as the API shows it: the slice a service cut, with an opaque cursor.

Services resume a listing from a plain sort key and return a `resource.Slice`; turning that key
into a cursor and back (bound to the listing and its filters) is HTTP's business, here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from patient_tracker.http.pagination import (
    decode_cursor,
    encode_cursor,
    filters_digest,
    invalid_cursor,
)
from patient_tracker.resource import PageKey, PageKeyError, Slice

PageT = TypeVar("PageT", bound=BaseModel)


def keyset_page(
    page_model: type[PageT],
    listing: str,
    filters: Mapping[str, object],
    cursor: str | None,
    key_length: int,
    fetch: Callable[[PageKey | None], Slice[Any]],
) -> PageT:
    """Decode `cursor` for this listing and filters, fetch the slice after it, encode the next."""
    digest = filters_digest(listing, filters)
    try:
        found = fetch(decode_cursor(cursor, digest, key_length))
    except PageKeyError:
        raise invalid_cursor() from None
    next_cursor = encode_cursor(found.last_key, digest) if found.last_key is not None else None
    return page_model.model_validate({"items": found.items, "next_cursor": next_cursor})
