"""`verify_webhook`: deliveries signed by the `standardwebhooks` reference library verify, anything
altered, stale or signed with another secret raises its typed error, and every event example of the
spec parses to the generated model of its type. No server needed."""

from __future__ import annotations

import base64
import json
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from standardwebhooks import Webhook
from standardwebhooks import WebhookVerificationError as LibraryVerificationError

from patient_tracker_client import (
    EVENT_MODELS,
    UnknownEventTypeError,
    WebhookHeadersError,
    WebhookPayloadError,
    WebhookSignatureError,
    WebhookTimestampError,
    WebhookVerificationError,
    verify_webhook,
)
from patient_tracker_client.generated import models

SPEC = yaml.safe_load((Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml").read_text())
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
NOW = datetime(2026, 11, 30, 8, 0, 0, tzinfo=UTC)


def new_secret() -> str:
    """A secret in the Standard Webhooks form the API hands out: `whsec_` + base64 of 32 bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def example(event_type: str) -> dict[str, Any]:
    """The spec's example of an event type (its schema's first `examples` entry)."""
    name = SPEC["components"]["schemas"]["Event"]["discriminator"]["mapping"][event_type]
    return dict(SCHEMAS[name.rsplit("/", 1)[-1]]["examples"][0])


def delivery(
    payload: dict[str, Any], *secrets_: str, at: datetime = NOW, msg_id: str | None = None
) -> tuple[bytes, dict[str, str]]:
    """A body and headers as the API sends them, signed by the reference library per secret."""
    body = json.dumps(payload, separators=(",", ":")).encode()
    msg_id = msg_id or str(payload.get("id", "evt_1"))
    signatures = [Webhook(s).sign(msg_id, at, body.decode()) for s in secrets_]
    headers = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": " ".join(signatures),
    }
    return body, headers


EVENT_TYPES = sorted(SCHEMAS["Event"]["discriminator"]["mapping"])


def test_every_event_type_of_the_spec_has_its_model() -> None:
    assert sorted(EVENT_MODELS) == EVENT_TYPES == sorted(SPEC["webhooks"])
    for event_type, model in EVENT_MODELS.items():
        schema = SCHEMAS["Event"]["discriminator"]["mapping"][event_type].rsplit("/", 1)[-1]
        assert model is getattr(models, schema)


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_each_spec_example_verifies_into_its_model(event_type: str) -> None:
    payload = example(event_type)
    secret = new_secret()
    body, headers = delivery(payload, secret)
    event = verify_webhook(body, headers, secret, now=NOW)
    assert type(event) is EVENT_MODELS[event_type]
    assert (event.id, event.type_) == (payload["id"], event_type)
    assert event.created_at == datetime.fromisoformat(payload["created_at"])
    assert event.data.id == payload["data"]["id"]
    # What the model writes back is the example (dates in the model's own RFC 3339 spelling).
    assert json.loads(json.dumps(event.to_dict()).replace("+00:00", "Z")) == payload


def test_reference_library_and_sdk_agree_on_a_real_clock() -> None:
    secret = new_secret()
    at = datetime.now(UTC)
    body, headers = delivery(example("appointment.booked"), secret, at=at)
    assert Webhook(secret).verify(body, headers) == json.loads(body)
    assert verify_webhook(body, headers, secret).type_ == "appointment.booked"


def test_header_names_in_any_case_and_httpx_headers() -> None:
    secret = new_secret()
    body, headers = delivery(example("patient.created"), secret)
    titled = {name.title(): value for name, value in headers.items()}
    assert verify_webhook(body, titled, secret, now=NOW).type_ == "patient.created"
    assert verify_webhook(body, httpx.Headers(titled), secret, now=NOW).type_ == "patient.created"


def test_a_changed_body_fails() -> None:
    secret = new_secret()
    body, headers = delivery(example("appointment.cancelled"), secret, at=datetime.now(UTC))
    tampered = body.replace(b"Patient is travelling", b"Patient is traveling")
    assert tampered != body
    with pytest.raises(WebhookSignatureError):
        verify_webhook(tampered, headers, secret)
    with pytest.raises(LibraryVerificationError, match="signature"):  # the reference agrees
        Webhook(secret).verify(tampered, headers)


def test_a_changed_timestamp_or_id_fails() -> None:
    secret = new_secret()
    body, headers = delivery(example("patient.updated"), secret)
    later = {**headers, "webhook-timestamp": str(int(headers["webhook-timestamp"]) + 1)}
    with pytest.raises(WebhookSignatureError):
        verify_webhook(body, later, secret, now=NOW)
    with pytest.raises(WebhookSignatureError):
        verify_webhook(body, {**headers, "webhook-id": "another"}, secret, now=NOW)


@pytest.mark.parametrize(
    ("age", "fails"),
    [
        (timedelta(minutes=5, seconds=1), True),  # too old: a replay
        (timedelta(minutes=4, seconds=59), False),
        (timedelta(minutes=-4, seconds=-59), False),
        (timedelta(minutes=-5, seconds=-1), True),  # from the future
    ],
)
def test_timestamp_tolerance(age: timedelta, fails: bool) -> None:
    secret = new_secret()
    body, headers = delivery(example("appointment.completed"), secret, at=NOW - age)
    if fails:
        with pytest.raises(WebhookTimestampError) as caught:
            verify_webhook(body, headers, secret, now=NOW)
        assert caught.value.now == NOW
        assert abs(caught.value.timestamp - (NOW - age)) < timedelta(seconds=1)
    else:
        assert verify_webhook(body, headers, secret, now=NOW).type_ == "appointment.completed"


def test_tolerance_is_a_parameter() -> None:
    secret = new_secret()
    body, headers = delivery(example("appointment.no_show"), secret, at=NOW - timedelta(hours=1))
    with pytest.raises(WebhookTimestampError):
        verify_webhook(body, headers, secret, now=NOW)
    event = verify_webhook(body, headers, secret, now=NOW, tolerance=timedelta(hours=2))
    assert event.type_ == "appointment.no_show"


def test_another_secret_fails() -> None:
    body, headers = delivery(example("practitioner.created"), new_secret())
    with pytest.raises(WebhookSignatureError):
        verify_webhook(body, headers, new_secret(), now=NOW)


def test_rotation_two_signatures_and_several_secrets() -> None:
    old, new, unrelated = new_secret(), new_secret(), new_secret()
    body, headers = delivery(example("practitioner.updated"), old, new)
    assert len(headers["webhook-signature"].split(" ")) == 2
    for accepted in (old, new, [unrelated, new], [old, unrelated], (new,)):
        assert verify_webhook(body, headers, accepted, now=NOW).type_ == "practitioner.updated"
    with pytest.raises(WebhookSignatureError):
        verify_webhook(body, headers, [unrelated], now=NOW)
    # One signature (the old secret retired), verified with both the receiver still holds.
    body, headers = delivery(example("practitioner.updated"), new)
    assert verify_webhook(body, headers, [old, new], now=NOW).type_ == "practitioner.updated"


def test_secret_without_prefix_is_the_same_key() -> None:
    secret = new_secret()
    body, headers = delivery(example("patient.deleted"), secret)
    bare = secret.removeprefix("whsec_")
    assert verify_webhook(body, headers, bare, now=NOW).type_ == "patient.deleted"


@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_missing_header(missing: str) -> None:
    secret = new_secret()
    body, headers = delivery(example("appointment.booked"), secret)
    del headers[missing]
    with pytest.raises(WebhookHeadersError):
        verify_webhook(body, headers, secret, now=NOW)
    with pytest.raises(WebhookHeadersError):
        verify_webhook(body, {**headers, missing: ""}, secret, now=NOW)


@pytest.mark.parametrize("timestamp", ["1764489600.5", "-1764489600", "abc", "٣", "9" * 13])
def test_malformed_timestamp(timestamp: str) -> None:
    secret = new_secret()
    body, headers = delivery(example("appointment.booked"), secret)
    with pytest.raises(WebhookHeadersError):
        verify_webhook(body, {**headers, "webhook-timestamp": timestamp}, secret, now=NOW)


def test_far_future_timestamp_in_range_of_digits() -> None:
    secret = new_secret()
    body, headers = delivery(example("appointment.booked"), secret)
    with pytest.raises(WebhookVerificationError):  # year ~33658: beyond datetime, not a crash
        verify_webhook(body, {**headers, "webhook-timestamp": "9" * 12}, secret, now=NOW)


def test_malformed_signature_entries_are_skipped_not_fatal() -> None:
    secret = new_secret()
    body, headers = delivery(example("appointment.booked"), secret)
    noisy = f"garbage v1,!!! v2,abc v1a,AAAA  {headers['webhook-signature']}"
    event = verify_webhook(body, {**headers, "webhook-signature": noisy}, secret, now=NOW)
    assert event.type_ == "appointment.booked"
    with pytest.raises(WebhookSignatureError):
        verify_webhook(body, {**headers, "webhook-signature": "garbage v1,!!!"}, secret, now=NOW)


def test_unknown_type_is_authentic_but_typed_apart() -> None:
    secret = new_secret()
    payload = {**example("patient.created"), "type": "patient.merged"}
    body, headers = delivery(payload, secret)
    with pytest.raises(UnknownEventTypeError) as caught:
        verify_webhook(body, headers, secret, now=NOW)
    assert caught.value.event_type == "patient.merged"
    assert caught.value.payload == payload
    assert isinstance(caught.value, WebhookPayloadError)


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'{"type": 3}',
        json.dumps({"id": "e1", "type": "patient.deleted", "created_at": "2026-11-30T08:00:00Z"}),
        json.dumps({"id": "e1", "type": "patient.deleted", "created_at": "yesterday", "data": {}}),
    ],
)
def test_signed_but_not_an_event(body: bytes | str) -> None:
    secret = new_secret()
    raw = body.encode() if isinstance(body, str) else body
    headers = {
        "webhook-id": "e1",
        "webhook-timestamp": str(int(NOW.timestamp())),
        "webhook-signature": Webhook(secret).sign("e1", NOW, raw.decode()),
    }
    with pytest.raises(WebhookPayloadError):
        verify_webhook(raw, headers, secret, now=NOW)


@pytest.mark.parametrize("secret", ["whsec_", "whsec_not base64!", "", []])
def test_a_bad_secret_is_a_programming_error(secret: str | list[str]) -> None:
    body, headers = delivery(example("appointment.booked"), new_secret())
    with pytest.raises(ValueError, match="secret"):
        verify_webhook(body, headers, secret, now=NOW)


def test_now_must_be_aware() -> None:
    secret = new_secret()
    body, headers = delivery(example("appointment.booked"), secret)
    with pytest.raises(ValueError, match="aware"):
        verify_webhook(body, headers, secret, now=NOW.replace(tzinfo=None))
