"""Opaque keyset cursors.

A cursor carries the sort key of the last item served and a digest of the filters it was issued
for, base64url-encoded JSON. It is opaque to clients: the encoding may change in any release.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping, Sequence

from patient_tracker.api_models import FieldError
from patient_tracker.problems import InvalidCursorError

CursorKey = tuple[str, ...]

_INVALID = "The cursor is malformed or was issued for other filters."


def filters_digest(listing: str, filters: Mapping[str, object]) -> str:
    """A short digest of the listing and filters a cursor belongs to (`None` is no filter).

    The listing is part of it so that a cursor of one collection is refused by another, even
    where both use the same kind of key.
    """
    canonical = json.dumps(
        [listing, {name: value for name, value in filters.items() if value is not None}],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def encode_cursor(key: Sequence[str], digest: str) -> str:
    """Encode the sort key of the last item on a page."""
    payload = json.dumps({"k": list(key), "f": digest}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(payload).rstrip(b"=").decode()


def decode_cursor(cursor: str | None, digest: str, key_length: int) -> CursorKey | None:
    """The sort key a cursor resumes after, or `None` for the first page; 422 if it is not ours."""
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        payload = None
    if (
        isinstance(payload, dict)
        and payload.get("f") == digest
        and isinstance(payload.get("k"), list)
        and len(payload["k"]) == key_length
        and all(isinstance(part, str) for part in payload["k"])
    ):
        return tuple(payload["k"])
    raise invalid_cursor()


def invalid_cursor() -> InvalidCursorError:
    """The 422 for a cursor this server did not issue for these filters."""
    return InvalidCursorError(_INVALID, errors=[FieldError(parameter="cursor", detail=_INVALID)])
