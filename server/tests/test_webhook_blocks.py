"""The parts webhook delivery is built from, each tested alone.

- The server's `Event` model (generated from the spec) reads and renders every event example in
  the spec, and refuses an unknown type or extra fields: what the event log stores and sends.
- `signing`: the secrets' form; headers that the `standardwebhooks` reference library verifies,
  one signature per secret in use; the previous secret signs for 24 hours after a rotation.
- `schedule`: retry delays with jitter, retries for about three days, an endpoint disabled after
  three days of failures.
- `ssrf`: which addresses are public; URLs refused before any lookup (DNS's length limits
  included); every address of a name checked; the vetted address to connect to under the
  registered name.
- `sender`: one attempt against a real HTTP(S) receiver on loopback (a thread with `http.server`,
  TLS from a throwaway `trustme` CA): signed and acknowledged, an error status recorded, a
  redirect not followed, one overall deadline, private addresses and DNS rebinding refused
  without connecting, TLS checked against the registered name, neither payload nor response body
  logged.

Address checks use the system resolver where the answer is local (`localhost`, numeric hosts)
and a scripted resolver where a test needs a name to change its answer (DNS rebinding). The
worker, the outbox and the operations that use these parts are tested through live servers in
`test_events_api.py`, `test_webhook_endpoints_api.py`, `test_webhook_delivery.py` and
`test_data_scopes.py`.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import ipaddress
import json
import logging
import random
import re
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pydantic
import pytest
import trustme
import yaml
from standardwebhooks import Webhook

from patient_tracker.contract.api_models import Event
from patient_tracker.db import outbox
from patient_tracker.webhooks.delivery import schedule, sender, signing, ssrf
from patient_tracker.webhooks.delivery.ssrf import (
    DestinationPolicy,
    IPAddress,
    UnsafeDestinationError,
    is_public_address,
)

LOOPBACK_OK = DestinationPolicy(allow_http=True, allow_private_addresses=True)
STRICT = DestinationPolicy()
PAYLOAD = json.dumps(
    {
        "id": "evt_1",
        "type": "patient.created",
        "created_at": "2026-11-30T08:00:00Z",
        "data": {
            "id": "p1",
            "given_name": "Ada",
            "family_name": "Lovelace",
            "phone": "+442071234567",
        },
    },
    separators=(",", ":"),
)


# ---------------------------------------------------------------- the events' server models

SPEC_PATH = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"
EVENT_SCHEMAS = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))["components"]["schemas"]
EVENT_MAPPING: dict[str, str] = EVENT_SCHEMAS["Event"]["discriminator"]["mapping"]


@pytest.mark.parametrize("event_type", sorted(EVENT_MAPPING))
def test_server_event_model_reads_and_renders_each_spec_example(event_type: str) -> None:
    # What the delivery worker will render: the generated `Event`, discriminated on `type`.
    name = EVENT_MAPPING[event_type].rsplit("/", 1)[-1]
    (example,) = EVENT_SCHEMAS[name]["examples"]
    event = Event.model_validate(example)
    assert type(event.root).__name__ == name
    rendered = json.loads(event.model_dump_json(exclude_unset=True))
    assert rendered == example


def test_server_event_model_refuses_an_unknown_type_and_extra_fields() -> None:
    (example,) = EVENT_SCHEMAS["PatientDeletedEvent"]["examples"]
    with pytest.raises(pydantic.ValidationError):
        Event.model_validate({**example, "type": "patient.merged"})
    with pytest.raises(pydantic.ValidationError):
        Event.model_validate({**example, "data": {"id": "p1", "given_name": "Ada"}})


# ---------------------------------------------------------------- signing


def test_new_secret_form() -> None:
    made = {signing.new_secret() for _ in range(20)}
    assert len(made) == 20
    for secret in made:
        assert re.fullmatch(r"whsec_[A-Za-z0-9+/]{43}=", secret)
        assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32


def test_headers_verify_with_the_reference_for_each_secret() -> None:
    old, new = signing.new_secret(), signing.new_secret()
    headers = signing.signature_headers("evt_1", datetime.now(UTC), PAYLOAD, [new, old])
    assert headers["webhook-id"] == "evt_1"
    assert len(headers["webhook-signature"].split(" ")) == 2
    for secret in (old, new):
        assert Webhook(secret).verify(PAYLOAD.encode(), headers) == json.loads(PAYLOAD)
    with pytest.raises(Exception, match="signature"):
        Webhook(signing.new_secret()).verify(PAYLOAD.encode(), headers)


def test_a_time_in_another_zone_is_signed_as_the_same_instant() -> None:
    # The library replaces the zone instead of converting; signature_headers converts first.
    secret = signing.new_secret()
    now = datetime.now(UTC).replace(microsecond=900_000)
    at_paris = now.astimezone(timezone(timedelta(hours=1)))
    headers = signing.signature_headers("evt_2", at_paris, PAYLOAD, [secret])
    assert headers["webhook-timestamp"] == str(int(now.timestamp()))
    assert Webhook(secret).verify(PAYLOAD.encode(), headers)


def test_signing_refuses_a_naive_time_and_no_secret() -> None:
    with pytest.raises(ValueError, match="aware"):
        signing.signature_headers("e", datetime.now(UTC).replace(tzinfo=None), "{}", ["whsec_AA=="])
    with pytest.raises(ValueError, match="secret"):
        signing.signature_headers("e", datetime.now(UTC), "{}", [])


def test_the_old_secret_signs_for_24_hours_after_a_rotation() -> None:
    rotated = datetime(2026, 11, 1, 12, tzinfo=UTC)
    in_use = signing.signing_secrets
    assert in_use("new", "old", rotated, rotated + timedelta(hours=23, minutes=59)) == [
        "new",
        "old",
    ]
    assert in_use("new", "old", rotated, rotated + timedelta(hours=24)) == ["new"]
    assert in_use("only", None, None, rotated) == ["only"]


# ---------------------------------------------------------------- schedule


@pytest.mark.parametrize(
    ("failed", "base"),
    [
        (1, timedelta(seconds=5)),
        (2, timedelta(minutes=5)),
        (3, timedelta(minutes=30)),
        (4, timedelta(hours=2)),
        (5, timedelta(hours=5)),
        (6, timedelta(hours=10)),
        (7, timedelta(hours=10)),
        (8, timedelta(hours=10)),
        (50, timedelta(hours=10)),
    ],
)
def test_retry_delays_with_jitter(failed: int, base: timedelta) -> None:
    rng = random.Random(failed)  # noqa: S311 - seeded spread, not secrecy
    delays = [schedule.retry_delay(failed, rng) for _ in range(200)]
    assert all(base * 0.8 <= delay <= base * 1.2 for delay in delays)
    assert max(delays) - min(delays) > base * 0.2  # spread, not a constant


def test_retry_needs_a_failure() -> None:
    with pytest.raises(ValueError, match="failed"):
        schedule.retry_delay(0)


@pytest.mark.parametrize("seed", range(5))
def test_a_failing_delivery_is_retried_for_about_three_days(seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - seeded spread, not secrecy
    created = datetime(2026, 11, 1, tzinfo=UTC)
    attempts = [created]
    while (at := schedule.next_attempt_at(created, len(attempts), attempts[-1], rng)) is not None:
        attempts.append(at)
    assert 9 <= len(attempts) <= 13
    assert attempts[-1] <= created + timedelta(days=3)
    assert attempts[-1] >= created + timedelta(days=2)  # the last wait is at most 12 h
    assert attempts[1] - created < timedelta(seconds=7)


def test_endpoint_disabled_after_three_days_of_failures() -> None:
    now = datetime(2026, 11, 30, tzinfo=UTC)
    assert not schedule.should_disable(None, now)
    assert not schedule.should_disable(now - timedelta(days=2, hours=23), now)
    assert schedule.should_disable(now - timedelta(days=3), now)


# ---------------------------------------------------------------- addresses and URLs


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.1.2.3",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "100.64.0.1",  # carrier-grade NAT
        "169.254.169.254",  # link-local: cloud metadata
        "0.0.0.0",  # noqa: S104 - an address under test, not a bind
        "224.0.0.1",  # multicast (`is_global` says True for it)
        "240.0.0.1",
        "255.255.255.255",
        "192.0.2.1",  # documentation
        "::1",
        "::",
        "fe80::1",
        "fe80::1%eth0",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",  # IPv4-mapped
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
        "2001:db8::1",  # documentation
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address",
    ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"],
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://hooks.example/", "scheme_not_allowed"),
        ("ftp://hooks.example/", "scheme_not_allowed"),
        ("hooks.example/x", "scheme_not_allowed"),
        ("https://user:secret@hooks.example/", "credentials_in_url"),
        ("https:///only-a-path", "invalid_url"),
        ("https://hooks.example:99999/", "invalid_url"),
        ("https://hooks.example/" + "a" * 2048, "invalid_url"),
        ("https://127.0.0.1/", "private_address"),
        ("https://[::1]:8443/", "private_address"),
        ("https://[::ffff:7f00:1]/", "private_address"),
        ("https://169.254.169.254/latest/meta-data/", "private_address"),
    ],
)
def test_urls_refused_before_any_lookup(url: str, reason: str) -> None:
    with pytest.raises(UnsafeDestinationError) as refused:
        ssrf.check_url(url, STRICT)
    assert refused.value.reason == reason


# A host name of exactly DNS's 253 characters, in labels of at most 63 ("d" makes up the rest).
HOST_253 = ".".join(["a" * 63, "b" * 63, "c" * 63, "d" * 53]) + ".example"


@pytest.mark.parametrize(
    ("url", "raw_host"),
    [
        (f"https://{HOST_253}/", HOST_253),
        (f"https://{HOST_253}./", HOST_253 + "."),  # the trailing dot is not counted
        ("https://" + "a" * 63 + ".example/", "a" * 63 + ".example"),
        ("https://hooks.example./", "hooks.example."),
        ("https://bücher.example/", "xn--bcher-kva.example"),  # counted as DNS sees it
        ("https://bücher.example./", "xn--bcher-kva.example."),
        ("https://xn--bcher-kva.example/", "xn--bcher-kva.example"),
        (
            "https://[0000:0000:0000:0000:0000:ffff:8.8.8.8]/",
            "0000:0000:0000:0000:0000:ffff:8.8.8.8",
        ),
    ],
)
def test_hosts_within_dns_limits_pass_the_form_check(url: str, raw_host: str) -> None:
    assert ssrf.check_url(url, STRICT).raw_host.decode() == raw_host


@pytest.mark.parametrize(
    "url",
    [
        "HTTPS://" + "0" * 64,  # found by the untuned Schemathesis pass with names resolved
        "https://" + "a" * 64 + ".example/",
        f"https://{HOST_253.replace('d' * 53, 'd' * 54)}/",  # 254 characters
        f"https://{HOST_253.replace('d' * 53, 'd' * 54)}./",
        "https://a..b/",
        "https://.hooks.example/",
        "https://hooks.example../",
        "https://./",
        "https://" + "ü" * 60 + ".example/",  # 60 characters, but its A-label is longer than 63
        "https://" + ".".join(["büc"] * 36) + "/",  # 143 characters, its A-labels over 253
        "https://xn--a.example/",  # not a valid A-label: `idna` raises when httpx decodes it
        "https://xn--zz.example/",
    ],
    ids=[
        "64-zeros",
        "64-label",
        "254-host",
        "254-host-dot",
        "empty-label",
        "leading-dot",
        "two-trailing-dots",
        "only-a-dot",
        "long-idn-label",
        "long-idn-host",
        "bad-a-label",
        "bad-a-label-2",
    ],
)
def test_hosts_beyond_dns_limits_are_invalid_urls(url: str) -> None:
    with pytest.raises(UnsafeDestinationError) as refused:
        ssrf.check_url(url, STRICT)
    assert refused.value.reason == "invalid_url"


def test_http_and_private_literals_when_the_policy_allows_them() -> None:
    assert ssrf.check_url("http://127.0.0.1:8080/hook", LOOPBACK_OK).port == 8080
    assert ssrf.check_url("https://hooks.example/hook", STRICT).host == "hooks.example"


@pytest.mark.parametrize(
    "url", ["https://localhost/hook", "https://2130706433/", "https://0x7f.1/"]
)
def test_names_resolving_to_loopback_are_refused(url: str) -> None:
    # The system resolver answers these locally (the hosts file, numeric forms).
    with pytest.raises(UnsafeDestinationError) as refused:
        asyncio.run(ssrf.resolve_destination(url, STRICT))
    assert refused.value.reason == "private_address"


def test_system_resolver_with_private_addresses_allowed() -> None:
    found = asyncio.run(ssrf.resolve_destination("http://2130706433:9/", LOOPBACK_OK))
    assert found.address == ipaddress.ip_address("127.0.0.1")


@dataclass
class ScriptedResolver:
    """A resolver whose answers a test scripts: one list per lookup, the last repeated."""

    answers: list[list[str]]
    asked: list[tuple[str, int]] = field(default_factory=list)

    async def __call__(self, host: str, port: int) -> list[IPAddress]:
        self.asked.append((host, port))
        answer = self.answers[min(len(self.asked), len(self.answers)) - 1]
        if not answer:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [ipaddress.ip_address(a) for a in answer]


def test_every_address_of_a_name_must_be_public() -> None:
    mixed = ScriptedResolver([["93.184.215.14", "10.0.0.7"]])
    with pytest.raises(UnsafeDestinationError) as refused:
        asyncio.run(ssrf.resolve_destination("https://hooks.example/", STRICT, mixed))
    assert refused.value.reason == "private_address"


async def _no_addresses(host: str, port: int) -> list[IPAddress]:
    return []


@pytest.mark.parametrize("resolver", [ScriptedResolver([[]]), _no_addresses])
def test_unresolvable_names(resolver: ssrf.Resolver) -> None:
    with pytest.raises(UnsafeDestinationError) as refused:
        asyncio.run(ssrf.resolve_destination("https://nowhere.example/", STRICT, resolver))
    assert refused.value.reason == "unresolvable"


async def _idna_refuses(host: str, port: int) -> list[IPAddress]:
    # What `loop.getaddrinfo` raised for a 64-character label before `check_url` refused those.
    raise UnicodeError("encoding with 'idna' codec failed (UnicodeError: label too long)")


def test_a_resolver_refusing_the_name_as_unicode_is_unresolvable_not_an_error() -> None:
    with pytest.raises(UnsafeDestinationError) as refused:
        asyncio.run(ssrf.resolve_destination("https://hooks.example/", STRICT, _idna_refuses))
    assert refused.value.reason == "unresolvable"


def test_the_system_resolver_raises_unicode_error_on_a_64_character_label() -> None:
    """Why `check_url` counts labels: Python's `idna` codec refuses before any lookup is made."""
    with pytest.raises(UnicodeError):
        asyncio.run(ssrf.system_resolver("0" * 64, 443))


def test_a_host_of_253_characters_reaches_the_resolver_as_it_is() -> None:
    resolver = ScriptedResolver([["93.184.215.14"]])
    found = asyncio.run(ssrf.resolve_destination(f"https://{HOST_253}./", STRICT, resolver))
    assert resolver.asked == [(HOST_253 + ".", 443)]
    assert found.address == ipaddress.ip_address("93.184.215.14")


def test_destination_connects_to_the_vetted_address_under_the_registered_name() -> None:
    resolver = ScriptedResolver([["2606:4700:4700::1111"]])
    url = "https://bücher.example:8443/hooks?x=1"
    found = asyncio.run(ssrf.resolve_destination(url, STRICT, resolver))
    assert resolver.asked == [("xn--bcher-kva.example", 8443)]
    assert str(found.connect_url) == "https://[2606:4700:4700::1111]:8443/hooks?x=1"
    assert found.host_header == "xn--bcher-kva.example:8443"
    assert found.server_name == "xn--bcher-kva.example"


# ---------------------------------------------------------------- a receiver on loopback


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """A webhook endpoint on loopback: records each request, answers as the test says."""

    server: QuietServer
    received: list[Received] = field(default_factory=list)
    status: int = 204
    delay: float = 0.0
    answer: bytes = b""
    extra_headers: dict[str, str] = field(default_factory=dict)

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])


class QuietServer(ThreadingHTTPServer):
    """A sender that gave up (the deadline test) or refused the certificate (the TLS test) breaks
    the connection on purpose: not worth a traceback on stderr."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Expected here; the tests assert on what was received instead."""


@contextlib.contextmanager
def serve(context: ssl.SSLContext | None = None) -> Iterator[Receiver]:
    receiver: Receiver

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            receiver.received.append(
                Received("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            time.sleep(receiver.delay)
            self.send_response(receiver.status)
            for name, value in receiver.extra_headers.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(receiver.answer)))
            self.end_headers()
            self.wfile.write(receiver.answer)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test reads `received` instead."""

    server = QuietServer(("127.0.0.1", 0), Handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    receiver = Receiver(server)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with serve() as running:
        yield running


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def deliver(
    url: str,
    *,
    policy: DestinationPolicy = LOOPBACK_OK,
    resolver: ssrf.Resolver = ssrf.system_resolver,
    verify: ssl.SSLContext | bool = True,
    deadline: float = sender.DELIVERY_TIMEOUT,
    secrets_in_use: tuple[str, ...] = ("whsec_c2VjcmV0LWZvci10ZXN0cy1vbmx5LTAxMjM0NTY3",),
) -> outbox.Attempt:
    async def run() -> outbox.Attempt:
        async with sender.new_delivery_client(verify) as client:
            return await sender.deliver(
                client,
                url,
                event_id="evt_1",
                payload=PAYLOAD,
                secrets_in_use=secrets_in_use,
                policy=policy,
                resolver=resolver,
                deadline=deadline,
            )

    return asyncio.run(run())


# ---------------------------------------------------------------- the sender


def test_acknowledged_delivery_is_signed_and_goes_to_the_vetted_address(
    receiver: Receiver,
) -> None:
    secret = signing.new_secret()
    # `hooks.example` does not resolve here: the request can only reach the receiver through
    # the address the scripted resolver gave and the check vetted.
    resolver = ScriptedResolver([["127.0.0.1"]])
    record = deliver(
        f"http://hooks.example:{receiver.port}/hooks/in?tenant=7",
        resolver=resolver,
        secrets_in_use=(secret,),
    )
    assert (record.status_code, record.error, record.acknowledged) == (204, None, True)
    assert timedelta(0) < record.duration < timedelta(seconds=5)
    (got,) = receiver.received
    assert (got.path, got.body) == ("/hooks/in?tenant=7", PAYLOAD.encode())
    assert got.headers["host"] == f"hooks.example:{receiver.port}"
    assert got.headers["content-type"] == "application/json"
    assert got.headers["webhook-id"] == "evt_1"
    assert Webhook(secret).verify(got.body, got.headers) == json.loads(PAYLOAD)
    assert resolver.asked == [("hooks.example", receiver.port)]


def test_two_signatures_during_a_rotation(receiver: Receiver) -> None:
    old, new = signing.new_secret(), signing.new_secret()
    deliver(f"http://127.0.0.1:{receiver.port}/", secrets_in_use=(new, old))
    (got,) = receiver.received
    for secret in (old, new):
        assert Webhook(secret).verify(got.body, got.headers)


@pytest.mark.parametrize("status", [400, 410, 500, 503])
def test_an_error_status_is_recorded_not_acknowledged(receiver: Receiver, status: int) -> None:
    receiver.status = status
    record = deliver(f"http://127.0.0.1:{receiver.port}/")
    assert (record.status_code, record.error, record.acknowledged) == (status, None, False)


def test_a_redirect_is_not_followed(receiver: Receiver) -> None:
    receiver.status = 307
    receiver.extra_headers = {"location": "http://169.254.169.254/latest/meta-data/"}
    record = deliver(f"http://127.0.0.1:{receiver.port}/")
    assert (record.status_code, record.acknowledged) == (307, False)
    assert len(receiver.received) == 1


def test_a_slow_receiver_times_out_on_the_overall_deadline(receiver: Receiver) -> None:
    receiver.delay = 1.5
    record = deliver(f"http://127.0.0.1:{receiver.port}/", deadline=0.3)
    assert (record.status_code, record.error) == (None, "timeout")
    assert timedelta(seconds=0.3) <= record.duration < timedelta(seconds=1.2)


def test_nobody_listening_is_a_connection_failure() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago, and is closed now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    record = deliver(f"http://127.0.0.1:{port}/")
    assert (record.status_code, record.error) == (None, "connection_failed")


def test_private_addresses_are_refused_without_connecting(receiver: Receiver) -> None:
    strict_http = DestinationPolicy(allow_http=True)
    record = deliver(f"http://127.0.0.1:{receiver.port}/", policy=strict_http)
    assert (record.status_code, record.error) == (None, "private_address")
    record = deliver(f"http://127.0.0.1:{receiver.port}/", policy=STRICT)
    assert record.error == "scheme_not_allowed"
    assert receiver.received == []


def test_dns_rebinding_is_caught_at_delivery(receiver: Receiver) -> None:
    # Public when the endpoint was saved, loopback when the event is sent.
    rebinding = ScriptedResolver([["93.184.215.14"], ["127.0.0.1"]])
    url = f"http://rebind.example:{receiver.port}/"
    strict_http = DestinationPolicy(allow_http=True)
    saved = asyncio.run(ssrf.resolve_destination(url, strict_http, rebinding))
    assert saved.address == ipaddress.ip_address("93.184.215.14")
    record = deliver(url, policy=strict_http, resolver=rebinding)
    assert (record.status_code, record.error) == (None, "private_address")
    assert receiver.received == []


def test_neither_payload_nor_response_body_is_logged(
    receiver: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    receiver.status = 500
    receiver.answer = b"echo: Lovelace +442071234567"
    with caplog.at_level(logging.DEBUG):
        record = deliver(f"http://127.0.0.1:{receiver.port}/")
    assert record.status_code == 500
    assert "event=evt_1 outcome=500" in caplog.text
    for secret_text in ("Lovelace", "Ada", "+442071234567", "echo"):
        assert secret_text not in caplog.text


def test_tls_is_checked_against_the_registered_name(ca: trustme.CA) -> None:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("hooks.example").configure_cert(context)
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    resolver = ScriptedResolver([["127.0.0.1"]])
    with serve(context) as tls_receiver:
        record = deliver(
            f"https://hooks.example:{tls_receiver.port}/in", resolver=resolver, verify=trusting
        )
        assert (record.status_code, record.error) == (204, None)
        assert tls_receiver.received[0].headers["host"] == f"hooks.example:{tls_receiver.port}"
        # The same address under another name: its certificate does not match, so no delivery.
        record = deliver(
            f"https://other.example:{tls_receiver.port}/in", resolver=resolver, verify=trusting
        )
        assert (record.status_code, record.error) == (None, "tls_failed")
        assert len(tls_receiver.received) == 1
