"""Verify a webhook delivery (Standard Webhooks) and parse it into its typed event.

    event = verify_webhook(raw_body, request_headers, secret)
    if isinstance(event, AppointmentBookedEvent):
        remind(event.data.patient_id, event.data.start_at)

Verification follows the Standard Webhooks specification (https://www.standardwebhooks.com/):
HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the secret's bytes (the
base64 after `whsec_`), sent as space-separated `v1,<base64>` signatures; any one matching
accepts; the timestamp must lie within `tolerance` of now (replay protection).

These few lines are ours rather than a dependency on the `standardwebhooks` package: integrators
install the SDK beside their own code, and the package would still leave the parts that matter
here to write (several secrets during a rotation, typed errors, a malformed signature entry being
a verification failure rather than a `ValueError`, the typed parse). The SDK's tests cross-check
both directions against that package.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from .generated.events import EVENT_MODELS, Event

DEFAULT_TOLERANCE = timedelta(minutes=5)
SECRET_PREFIX = "whsec_"  # noqa: S105 - the form of every secret, not a secret
_SIGNATURE_VERSION = "v1"
# Header values the spec bounds (components/parameters/Webhook*Header); longer is not ours.
_MAX_TIMESTAMP_DIGITS = 12


class WebhookVerificationError(Exception):
    """A delivery that must not be trusted or cannot be used: answer it with a 4xx."""


class WebhookHeadersError(WebhookVerificationError):
    """`webhook-id`, `webhook-timestamp` or `webhook-signature` is missing or malformed."""


class WebhookTimestampError(WebhookVerificationError):
    """`webhook-timestamp` is further from now than the tolerance: a replay, or a skewed clock."""

    def __init__(self, message: str, *, timestamp: datetime, now: datetime) -> None:
        super().__init__(message)
        self.timestamp = timestamp
        self.now = now


class WebhookSignatureError(WebhookVerificationError):
    """No `v1` signature matches any of the secrets: not from the API, or altered on the way."""


class WebhookPayloadError(WebhookVerificationError):
    """The signature is good but the body is not an event this SDK knows how to read."""


class UnknownEventTypeError(WebhookPayloadError):
    """An authentic event of a type this SDK version does not know (the API may add types).

    The spec asks receivers to acknowledge such an event (`2xx`) and ignore it; `event_type` and
    `payload` (the parsed JSON object) are here for those who want to log or store it.
    """

    def __init__(self, event_type: str, payload: Mapping[str, object]) -> None:
        super().__init__(f"unknown event type {event_type!r}")
        self.event_type = event_type
        self.payload = payload


def secret_key(secret: str) -> bytes:
    """The HMAC key of a secret: the bytes of the base64 after `whsec_` (the prefix optional)."""
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        key = base64.b64decode(encoded, validate=True)
    except binascii.Error as error:
        raise ValueError("a webhook secret is `whsec_` followed by base64") from error
    if not key:
        raise ValueError("the webhook secret is empty")
    return key


def verify_webhook(
    body: bytes,
    headers: Mapping[str, str],
    secret: str | Sequence[str],
    *,
    tolerance: timedelta = DEFAULT_TOLERANCE,
    now: datetime | None = None,
) -> Event:
    """Check a delivery's signature and timestamp, then parse it into its generated event model.

    `body` is the raw request body, exactly as received (verify before any JSON parsing);
    `headers` the request's headers (names in any case); `secret` the endpoint's secret, or
    several (during a rotation, or to accept the old one while a new one rolls out). `now` (an
    aware datetime) replaces the clock, for tests. Raises a `WebhookVerificationError` subclass;
    a bad `secret` (not `whsec_` + base64) is a `ValueError`, a programming error.
    """
    keys = [secret_key(secret)] if isinstance(secret, str) else [secret_key(s) for s in secret]
    if not keys:
        raise ValueError("no webhook secret given")
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        raise ValueError("`now` must be an aware datetime")
    lowered = {name.lower(): value for name, value in headers.items()}
    msg_id, timestamp_text, signatures = (
        lowered.get(name) for name in ("webhook-id", "webhook-timestamp", "webhook-signature")
    )
    if not msg_id or not timestamp_text or not signatures:
        raise WebhookHeadersError("missing webhook-id, webhook-timestamp or webhook-signature")
    _check_timestamp(timestamp_text, now, tolerance)
    signed = f"{msg_id}.{timestamp_text}.".encode() + body
    expected = [hmac.new(key, signed, hashlib.sha256).digest() for key in keys]
    if not any(_matches(given, expected) for given in _v1_signatures(signatures)):
        raise WebhookSignatureError("no webhook signature matches the secret")
    return parse_event(body)


def parse_event(body: bytes) -> Event:
    """Parse an event's JSON (already verified) into its generated model, chosen by `type`."""
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, ValueError) as error:
        raise WebhookPayloadError("the webhook body is not JSON") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("type"), str):
        raise WebhookPayloadError("the webhook body is not an event object with a `type`")
    model = EVENT_MODELS.get(payload["type"])
    if model is None:
        raise UnknownEventTypeError(payload["type"], payload)
    try:
        return model.from_dict(payload)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        # The generated parser's failures on a missing field or a wrongly typed one.
        raise WebhookPayloadError(
            f"the {payload['type']} event does not match its schema"
        ) from error


def _check_timestamp(text: str, now: datetime, tolerance: timedelta) -> None:
    """Raise unless `text` is Unix seconds within `tolerance` of `now`."""
    if not (text.isascii() and text.isdigit() and len(text) <= _MAX_TIMESTAMP_DIGITS):
        raise WebhookHeadersError("webhook-timestamp is not whole Unix seconds")
    try:
        timestamp = datetime.fromtimestamp(int(text), UTC)
    except (OverflowError, ValueError, OSError) as error:  # beyond the year 9999
        raise WebhookHeadersError("webhook-timestamp is out of range") from error
    if timestamp < now - tolerance:
        raise WebhookTimestampError("webhook-timestamp is too old", timestamp=timestamp, now=now)
    if timestamp > now + tolerance:
        raise WebhookTimestampError(
            "webhook-timestamp is in the future", timestamp=timestamp, now=now
        )


def _v1_signatures(header: str) -> list[bytes]:
    """The decoded `v1` signatures of a `webhook-signature` value; other versions are skipped."""
    found = []
    for entry in header.split(" "):
        version, _, encoded = entry.partition(",")
        if version != _SIGNATURE_VERSION:
            continue  # another scheme (e.g. `v1a`, asymmetric), or an empty entry
        try:
            found.append(base64.b64decode(encoded, validate=True))
        except binascii.Error:
            continue
    return found


def _matches(given: bytes, expected: list[bytes]) -> bool:
    """Whether `given` equals one of `expected`, comparing each in constant time."""
    return any(hmac.compare_digest(given, candidate) for candidate in expected)
