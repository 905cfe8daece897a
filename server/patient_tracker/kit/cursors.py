"""Opaque keyset cursors, signed by the server.

A cursor carries the sort key of the last item served, as base64url JSON, followed by ``.`` and
an HMAC-SHA256 (base64url) over that text, the listing and its filters, keyed with the cursor
secret (see :class:`CursorCodec`). A cursor this server did not issue, or issued for another
listing or other filters, fails the HMAC and is a 422 ``invalid_cursor``; so does one signed
with a secret that has since been rotated out. It is opaque to clients: the encoding may change in
any release.

Standard library only (``hmac``, ``hashlib``): a JWT or ``itsdangerous`` would add a dependency
and a header or timestamp to every cursor for nothing this needs. The HMAC is checked before the
payload is even decoded, and the decoded key is then validated part by part anyway (defence in
depth): even a correctly signed but odd key never reaches the database.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Literal

from patient_tracker.contract.api_models import FieldError
from patient_tracker.contract.problems import InvalidCursorError

__all__ = [
    "CursorCodec",
    "CursorKey",
    "KeyPart",
    "filters_digest",
    "invalid_cursor",
]

CursorKey = tuple[str, ...]

# What each part of a listing's sort key is: an id (ids.py, the spec's `Id` alphabet) or an
# instant (a UTC timestamp as `datetime.isoformat()` writes it for a value read from the database).
KeyPart = Literal["id", "instant"]

_INVALID = "The cursor is malformed or was issued for other filters."

# Domain separation: this key's MACs can never be confused with any other use of it.
_MAC_CONTEXT = b"patient-tracker cursor v1\x00"
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
# `[0-9]`, not `\d` (which matches any Unicode digit). Always a `+00:00` offset: the server only
# issues UTC instants, and with no offset to apply, every year 1-9999 fits both databases.
_INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?\+00:00")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")


def filters_digest(listing: str, filters: Mapping[str, object]) -> str:
    """A digest of the listing and filters a cursor belongs to (`None` is no filter).

    The listing is part of it so that a cursor of one collection is refused by another, even
    where both use the same kind of key.
    """
    canonical = json.dumps(
        [listing, {name: value for name, value in filters.items() if value is not None}],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


class CursorCodec:
    """Signs cursors with the current secret; verifies them with it or a previous one.

    Rotation: cursors are always signed with ``secret``; those signed with one of ``previous``
    still verify, so clients holding one can finish paging. Once a secret is dropped from
    ``previous``, its cursors are ``invalid_cursor`` and clients restart from the first page.
    """

    __slots__ = ("_accepted", "_current")

    def __init__(self, secret: bytes, previous: Iterable[bytes] = ()) -> None:
        """``secret`` signs and verifies; each of ``previous`` only verifies."""
        self._current = secret
        self._accepted = (secret, *previous)

    def __repr__(self) -> str:
        # Never show the secrets (the codec lives on app.state, which may end up in a traceback).
        return f"CursorCodec(<{len(self._accepted)} secret(s)>)"

    def encode(self, key: Sequence[str], digest: str) -> str:
        """The cursor for resuming after ``key``, valid only for the filters of ``digest``."""
        payload = base64.urlsafe_b64encode(
            json.dumps(list(key), separators=(",", ":")).encode()
        ).rstrip(b"=")
        return f"{payload.decode()}.{_b64(_mac(self._current, digest, payload))}"

    def decode(self, cursor: str | None, digest: str, parts: Sequence[KeyPart]) -> CursorKey | None:
        """The sort key a cursor resumes after, or `None` for the first page; 422 if not ours.

        ``parts`` says what each part of the listing's key must be; a key that does not match
        is refused even when its signature is good.
        """
        if cursor is None:
            return None
        payload, _, signature = cursor.partition(".")
        # ASCII only before anything is encoded: a lone surrogate cannot be encoded at all.
        if not (_BASE64URL.fullmatch(payload) and _BASE64URL.fullmatch(signature)):
            raise invalid_cursor()
        given = signature.encode("ascii")
        payload_bytes = payload.encode("ascii")
        if not any(
            hmac.compare_digest(given, _b64(_mac(secret, digest, payload_bytes)).encode("ascii"))
            for secret in self._accepted
        ):
            raise invalid_cursor()
        try:
            key = json.loads(base64.urlsafe_b64decode(payload_bytes + b"=" * (-len(payload) % 4)))
        except (ValueError, binascii.Error):
            raise invalid_cursor() from None
        if (
            isinstance(key, list)
            and len(key) == len(parts)
            and all(_is_valid(part, kind) for part, kind in zip(key, parts, strict=True))
        ):
            return tuple(key)
        raise invalid_cursor()


def _mac(secret: bytes, digest: str, payload: bytes) -> bytes:
    # hmac.digest: the one-shot C implementation, ~1 us for a payload this small.
    return hmac.digest(secret, _MAC_CONTEXT + digest.encode() + b"\x00" + payload, "sha256")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _is_valid(part: object, kind: KeyPart) -> bool:
    if not isinstance(part, str):
        return False
    if kind == "id":
        return _ID.fullmatch(part) is not None
    if _INSTANT.fullmatch(part) is None:
        return False
    try:
        datetime.fromisoformat(part)  # month 13, February 30, hour 24...
    except ValueError:
        return False
    return True


def invalid_cursor() -> InvalidCursorError:
    """The 422 for a cursor this server did not issue for these filters."""
    return InvalidCursorError(_INVALID, errors=[FieldError(parameter="cursor", detail=_INVALID)])
