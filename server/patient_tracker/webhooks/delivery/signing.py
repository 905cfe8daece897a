"""Signing deliveries per Standard Webhooks, with the reference library (`standardwebhooks`).

A delivery carries `webhook-id` (the event id), `webhook-timestamp` (Unix seconds) and
`webhook-signature`: `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, one per secret in
use, space-separated. During the 24 hours after a rotation both the new and the old secret sign.
"""

from __future__ import annotations

import base64
import math
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from standardwebhooks import Webhook

SECRET_PREFIX = "whsec_"  # noqa: S105 - the form of every secret, not a secret
# 32 random bytes: the HMAC-SHA256 block-size guidance (a key as long as the digest).
SECRET_BYTES = 32
ROTATION_OVERLAP = timedelta(hours=24)


def new_secret() -> str:
    """A fresh endpoint secret: `whsec_` and the base64 of 32 random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def signing_secrets(
    current: str, previous: str | None, rotated_at: datetime | None, now: datetime
) -> list[str]:
    """The secrets that sign a delivery at `now`: the current one, and the previous one for 24 h
    after a rotation (receivers may still hold only the old secret)."""
    in_use = [current]
    if previous is not None and rotated_at is not None and now < rotated_at + ROTATION_OVERLAP:
        in_use.append(previous)
    return in_use


def signature_headers(
    msg_id: str, timestamp: datetime, payload: str, secrets_in_use: Sequence[str]
) -> dict[str, str]:
    """The three Standard Webhooks headers of one delivery attempt of `payload` (the JSON body).

    `timestamp` must be aware. The library turns it into seconds with `replace(tzinfo=UTC)`, not
    a conversion: an aware time in another zone would be signed as the wrong instant, so it is
    converted to UTC here, and the header gets the same whole second the signature covers.
    """
    if timestamp.tzinfo is None:
        raise ValueError("the signing timestamp must be an aware datetime")
    if not secrets_in_use:
        raise ValueError("at least one secret signs a delivery")
    at = timestamp.astimezone(UTC)
    signatures = [Webhook(secret).sign(msg_id, at, payload) for secret in secrets_in_use]
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(math.floor(at.timestamp())),
        "webhook-signature": " ".join(signatures),
    }
