"""Pagination cursors are signed: a cursor the server did not issue is a 422, whatever it holds.

Over a real socket on SQLite and PostgreSQL, on every list operation: forged cursors (the old
unkeyed format, lone surrogates, NUL, instants that overflow with their offset, truncated or
tampered cursors, other secrets, other listings, other filters) are all `invalid_cursor`; even a
cursor signed with the server's own secret is refused when its key is odd (defence in depth);
real cursors page through; two processes on one database accept each other's cursors; and a
rotated secret keeps or drops outstanding cursors as configured.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import os
import subprocess
import sys
import time
import timeit
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr, ValidationError
from sqlalchemy import Connection, select

from live_server import (
    LiveServer,
    free_port,
    prepare_database,
    run_live_server,
    throwaway_postgres_database,
)
from patient_tracker.contract.problems import InvalidCursorError
from patient_tracker.db.database import Database
from patient_tracker.db.tables import server_secrets
from patient_tracker.kit.cursors import CursorCodec, KeyPart, filters_digest
from patient_tracker.settings import Settings
from patient_tracker.web.cursor_secret import (
    CURSOR_SECRET_NAME,
    CursorSecretUnavailableError,
    load_cursor_codec,
)
from tests.api_client import Api, Json, api_for, assert_problem, fresh_day, parameters, unique_word

UUID = "01936f5e-6f38-7cc2-9a5e-3c0f1c2b9a10"
INSTANT = "2031-01-06T09:00:00+00:00"
OTHER_SECRET = b"not-the-server-secret-but-32-bytes-long"
LONE_SURROGATE = "\ud800"


@dataclass(frozen=True)
class Listing:
    """One list operation, with filters that give pages of one item, and its cursors."""

    path: str
    params: dict[str, Any]
    # A request to the same operation with other filters that also has a next page.
    other_params: dict[str, Any]
    # The server's `filters_digest` for `params` (the services' listing name and filters).
    digest: str
    parts: tuple[KeyPart, ...]
    expected_ids: list[str]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _payload(key: list[Any]) -> str:
    return _b64(json.dumps(key).encode())


def _stored_secret(database_url: str) -> bytes:
    db = Database.from_url(database_url)
    try:

        def read(conn: Connection) -> str:
            value: str = conn.execute(
                select(server_secrets.c.value).where(server_secrets.c.name == CURSOR_SECRET_NAME)
            ).scalar_one()
            return value

        return db.read_sync(read).encode()
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def server(live_server: LiveServer) -> LiveServer:
    return live_server


@pytest.fixture(scope="module")
def api(server: LiveServer) -> Iterator[Api]:
    yield from api_for(server)


@pytest.fixture(scope="module")
def listings(api: Api) -> dict[str, Listing]:
    """Three patients, three practitioners, three appointments of one patient; each listing."""
    family = unique_word("Cursor").title()
    specialty = unique_word("cursorology")
    patients = [api.create_patient(family_name=family) for _ in range(3)]
    practitioners = [api.create_practitioner(specialty=specialty) for _ in range(3)]
    patient = patients[0]
    day = fresh_day()
    booked = [
        api.book(day + timedelta(hours=hour), patient=patient, practitioner=practitioners[0])
        for hour in (9, 10, 11)
    ]
    appointment_ids = [a["id"] for a in booked]
    by_patient = filters_digest("appointments", {"patient_id": patient["id"]})
    return {
        "patients": Listing(
            "/v1/patients",
            {"name_prefix": family, "limit": 1},
            {"limit": 1},
            filters_digest("patients", {"name_prefix": family}),
            ("id",),
            [p["id"] for p in patients],
        ),
        "practitioners": Listing(
            "/v1/practitioners",
            {"specialty": specialty, "limit": 1},
            {"limit": 1},
            filters_digest("practitioners", {"specialty": specialty}),
            ("id",),
            [p["id"] for p in practitioners],
        ),
        "appointments": Listing(
            "/v1/appointments",
            {"patient_id": patient["id"], "limit": 1},
            {"limit": 1},
            by_patient,
            ("instant", "id"),
            appointment_ids,
        ),
        "patient_appointments": Listing(
            f"/v1/patients/{patient['id']}/appointments",
            {"limit": 1},
            {"status": "scheduled", "limit": 1},
            by_patient,
            ("instant", "id"),
            appointment_ids,
        ),
    }


def _next_cursor(api: Api, path: str, params: dict[str, Any]) -> str:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    cursor = response.json()["next_cursor"]
    assert isinstance(cursor, str)
    return cursor


def _valid_key(listing: Listing) -> list[str]:
    return [INSTANT, UUID] if listing.parts == ("instant", "id") else [UUID]


def _with_odd_part(listing: Listing, odd: str) -> list[str]:
    """The listing's key shape with its first part replaced by `odd`."""
    return [odd, *_valid_key(listing)[1:]]


def _unkeyed_old_style(listing: Listing, key: list[str]) -> str:
    """The format before signing: the check was a hash anyone could recompute."""
    return _b64(json.dumps({"k": key, "f": listing.digest[:16]}).encode())


# Each forgery: (listing, a real cursor of it, a real cursor of another listing, one of the same
# listing for other filters) -> the cursor to send.
Forgery = Callable[[Listing, str, str, str], str]
_FAKE_MAC = _b64(bytes(32))
FORGERIES: dict[str, Forgery] = {
    "old style, recomputed check": lambda ls, real, other, filt: _unkeyed_old_style(
        ls, _valid_key(ls)
    ),
    "old style, NUL": lambda ls, real, other, filt: _unkeyed_old_style(
        ls, _with_odd_part(ls, "\x00")
    ),
    "old style, year 1 with an offset": lambda ls, real, other, filt: _unkeyed_old_style(
        ls, ["0001-01-01T00:00:00+05:00", UUID]
    ),
    "lone surrogate": lambda ls, real, other, filt: (
        _payload(_with_odd_part(ls, LONE_SURROGATE)) + "." + _FAKE_MAC
    ),
    "NUL": lambda ls, real, other, filt: _payload(_with_odd_part(ls, "a\x00b")) + "." + _FAKE_MAC,
    "year 1 with an offset": lambda ls, real, other, filt: (
        f"{_payload(['0001-01-01T00:00:00+05:00', UUID])}.{_FAKE_MAC}"
    ),
    "year 9999 with an offset": lambda ls, real, other, filt: (
        f"{_payload(['9999-12-31T23:59:59-05:00', UUID])}.{_FAKE_MAC}"
    ),
    "payload without signature": lambda ls, real, other, filt: real.partition(".")[0],
    "empty signature": lambda ls, real, other, filt: real.partition(".")[0] + ".",
    "truncated by one": lambda ls, real, other, filt: real[:-1],
    "truncated by half": lambda ls, real, other, filt: real[: len(real) // 2],
    "signature only": lambda ls, real, other, filt: real.partition(".")[2],
    "two dots": lambda ls, real, other, filt: real + ".x",
    "non-ASCII": lambda ls, real, other, filt: real[:-1] + "é",
    "tampered key, signature kept": lambda ls, real, other, filt: (
        f"{_payload(_valid_key(ls))}.{real.partition('.')[2]}"
    ),
    "signed with another secret": lambda ls, real, other, filt: CursorCodec(OTHER_SECRET).encode(
        _valid_key(ls), ls.digest
    ),
    "another listing's cursor": lambda ls, real, other, filt: other,
    "cursor for other filters": lambda ls, real, other, filt: filt,
}
# Who hands a forgery its "another listing" cursor.
OTHER_LISTING = {
    "patients": "practitioners",
    "practitioners": "appointments",
    "appointments": "patients",
    "patient_appointments": "practitioners",
}


@pytest.fixture(scope="module")
def real_cursors(api: Api, listings: dict[str, Listing]) -> dict[str, str]:
    return {name: _next_cursor(api, ls.path, ls.params) for name, ls in listings.items()}


@pytest.mark.parametrize("listing_name", list(OTHER_LISTING))
@pytest.mark.parametrize("forgery", list(FORGERIES))
def test_forged_cursor_is_422_invalid_cursor(
    api: Api,
    listings: dict[str, Listing],
    real_cursors: dict[str, str],
    listing_name: str,
    forgery: str,
) -> None:
    listing = listings[listing_name]
    other_filters = _next_cursor(api, listing.path, listing.other_params)
    cursor = FORGERIES[forgery](
        listing,
        real_cursors[listing_name],
        real_cursors[OTHER_LISTING[listing_name]],
        other_filters,
    )

    response = api.get(listing.path, params={**listing.params, "cursor": cursor})

    problem = assert_problem(response, 422, "invalid_cursor")
    assert parameters(problem) == ["cursor"]


@pytest.mark.parametrize("listing_name", list(OTHER_LISTING))
def test_undecodable_bytes_in_the_cursor_are_422(
    api: Api, listings: dict[str, Listing], listing_name: str
) -> None:
    """Percent-escapes of a UTF-16 surrogate (not UTF-8 at all) and of NUL, as sent on the wire."""
    listing = listings[listing_name]
    for escaped in ("%ED%A0%80", "abc%00def.ghi"):
        query = httpx.QueryParams(listing.params)
        url = httpx.URL(f"{listing.path}?{query}&cursor={escaped}")

        response = api.get(str(url))

        # 422 either way; `validation_failed` too, should query strings ever be checked first.
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] in ("invalid_cursor", "validation_failed")


# Keys only the server could have signed; each must still be refused before the database.
ODD_KEYS: dict[str, Callable[[Listing], Any]] = {
    "NUL": lambda ls: _with_odd_part(ls, "\x00"),
    "lone surrogate": lambda ls: _with_odd_part(ls, "\ud800"),
    "year 1 with an offset": lambda ls: ["0001-01-01T00:00:00+05:00", UUID][: len(ls.parts)],
    "year 9999 with an offset": lambda ls: ["9999-12-31T23:59:59-05:00", UUID][: len(ls.parts)],
    "instant without offset": lambda ls: _with_odd_part(ls, "2031-01-06T09:00:00"),
    "February 30": lambda ls: _with_odd_part(ls, "2031-02-30T09:00:00+00:00"),
    "Unicode digits": lambda ls: _with_odd_part(ls, "٢٠٣١-01-06T09:00:00+00:00"),
    "id outside the alphabet": lambda ls: [*_valid_key(ls)[:-1], "a b"],
    "id too long": lambda ls: [*_valid_key(ls)[:-1], "a" * 65],
    "empty id": lambda ls: [*_valid_key(ls)[:-1], ""],
    "a number": lambda ls: [*_valid_key(ls)[:-1], 7],
    "one part too many": lambda ls: [*_valid_key(ls), UUID],
    "no parts": lambda ls: [],
    "not a list": lambda ls: {"k": _valid_key(ls)},
}


@pytest.mark.parametrize("listing_name", list(OTHER_LISTING))
def test_odd_key_signed_with_the_server_secret_is_422(
    server: LiveServer, api: Api, listings: dict[str, Listing], listing_name: str
) -> None:
    """Defence in depth: signing is not the only check between a cursor and the database."""
    listing = listings[listing_name]
    secret = _stored_secret(server.database_url)

    def sign(key: Any) -> str:
        payload = _b64(json.dumps(key).encode())
        return f"{payload}.{_server_mac(secret, listing.digest, payload)}"

    # The test's signing is the server's: a good key signed this way is accepted...
    accepted = api.get(listing.path, params={**listing.params, "cursor": sign(_valid_key(listing))})
    assert accepted.status_code == 200, accepted.text
    # ...so each refusal below is the key check, not the signature.
    for name, make in ODD_KEYS.items():
        response = api.get(listing.path, params={**listing.params, "cursor": sign(make(listing))})
        assert response.status_code == 422, (name, response.text)
        assert_problem(response, 422, "invalid_cursor")


def _server_mac(secret: bytes, digest: str, payload: str) -> str:
    """The MAC the server appends to `payload`, written out from the format in pagination.py."""
    message = b"patient-tracker cursor v1\x00" + digest.encode() + b"\x00" + payload.encode()
    return _b64(hmac.digest(secret, message, "sha256"))


@pytest.mark.parametrize("listing_name", list(OTHER_LISTING))
def test_real_cursors_page_through(
    api: Api, listings: dict[str, Listing], listing_name: str
) -> None:
    listing = listings[listing_name]

    pages = api.all_pages(listing.path, listing.params)

    assert [len(page) for page in pages] == [1, 1, 1]
    assert [item["id"] for page in pages for item in page] == listing.expected_ids


def test_a_cursor_of_one_listing_is_good_for_the_same_listing_by_another_path(
    api: Api, listings: dict[str, Listing], real_cursors: dict[str, str]
) -> None:
    """`/v1/appointments?patient_id=P` and `/v1/patients/P/appointments` are one listing."""
    listing = listings["patient_appointments"]

    response = api.get(
        listing.path, params={**listing.params, "cursor": real_cursors["appointments"]}
    )

    assert response.status_code == 200, response.text
    assert [a["id"] for a in response.json()["items"]] == listing.expected_ids[1:2]


# ---------------------------------------------------------------- several processes, rotation


@pytest.mark.parametrize(
    "dialect", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_two_processes_on_one_database_accept_each_others_cursors(
    dialect: str, tmp_path: Path
) -> None:
    with ExitStack() as stack:
        if dialect == "sqlite":
            url = f"sqlite:///{tmp_path / 'shared.db'}"
        else:
            url = stack.enter_context(throwaway_postgres_database())
        key = prepare_database(url)
        first = stack.enter_context(run_live_server(url, tmp_path, api_key=key))
        second = stack.enter_context(run_live_server(url, tmp_path, api_key=key))
        apis = [Api(first), Api(second)]
        for api in apis:
            stack.callback(api.close)
        family = unique_word("Shared").title()
        created = [apis[0].create_patient(family_name=family)["id"] for _ in range(4)]

        listed: list[str] = []
        cursor: str | None = None
        for turn in range(10):
            params: dict[str, Any] = {"name_prefix": family, "limit": 1}
            if cursor is not None:
                params["cursor"] = cursor
            # Each page from the other process than the one that issued the cursor.
            response = apis[turn % 2].get("/v1/patients", params=params)
            assert response.status_code == 200, response.text
            page: Json = response.json()
            listed += [p["id"] for p in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break

        assert listed == created


def _serve_with(stack: ExitStack, url: str, key: str, directory: Path, env: dict[str, str]) -> Api:
    server = stack.enter_context(run_live_server(url, directory, api_key=key, extra_env=env))
    api = Api(server)
    stack.callback(api.close)
    return api


def test_rotation_keeps_or_drops_outstanding_cursors_as_configured(tmp_path: Path) -> None:
    """Configured secrets take precedence over the stored one; a previous one still verifies."""
    old, new = "o" * 32, "n" * 40
    url = f"sqlite:///{tmp_path / 'rotation.db'}"
    key = prepare_database(url)
    family = unique_word("Rotation").title()
    params = {"name_prefix": family, "limit": 1}
    with ExitStack() as stack:
        api = _serve_with(stack, url, key, tmp_path, {"PATIENT_TRACKER_CURSOR_SECRET": old})
        ids = [api.create_patient(family_name=family)["id"] for _ in range(3)]
        outstanding = _next_cursor(api, "/v1/patients", params)
    # Overlap: the new secret signs, the old one still verifies the cursors clients hold.
    with ExitStack() as stack:
        api = _serve_with(
            stack,
            url,
            key,
            tmp_path,
            {
                "PATIENT_TRACKER_CURSOR_SECRET": new,
                "PATIENT_TRACKER_CURSOR_PREVIOUS_SECRET": old,
            },
        )
        page = api.get("/v1/patients", params={**params, "cursor": outstanding}).json()
        assert [p["id"] for p in page["items"]] == ids[1:2]
        reissued = page["next_cursor"]
        assert CursorCodec(new.encode()).decode(
            reissued, filters_digest("patients", {"name_prefix": family}), ("id",)
        ) == (ids[1],)
    # Old secret dropped: its cursors are refused; the client restarts from the first page.
    with ExitStack() as stack:
        api = _serve_with(stack, url, key, tmp_path, {"PATIENT_TRACKER_CURSOR_SECRET": new})
        response = api.get("/v1/patients", params={**params, "cursor": outstanding})
        assert_problem(response, 422, "invalid_cursor")
        assert api.get("/v1/patients", params={**params, "cursor": reissued}).status_code == 200
    # Back to the secret stored in the database: configured-secret cursors are refused.
    with ExitStack() as stack:
        api = _serve_with(stack, url, key, tmp_path, {})
        response = api.get("/v1/patients", params={**params, "cursor": reissued})
        assert_problem(response, 422, "invalid_cursor")


# ---------------------------------------------------------------- units


DIGEST = filters_digest("patients", {})


def test_rotation_unit() -> None:
    old, new = b"o" * 32, b"n" * 32
    issued_before = CursorCodec(old).encode([UUID], DIGEST)
    during = CursorCodec(new, [old])
    after = CursorCodec(new)

    assert during.decode(issued_before, DIGEST, ("id",)) == (UUID,)
    with pytest.raises(InvalidCursorError):
        after.decode(issued_before, DIGEST, ("id",))
    # The rotated codec signs with the new secret only.
    issued_during = during.encode([UUID], DIGEST)
    assert after.decode(issued_during, DIGEST, ("id",)) == (UUID,)
    with pytest.raises(InvalidCursorError):
        CursorCodec(old).decode(issued_during, DIGEST, ("id",))


def test_a_cursor_is_bound_to_its_digest() -> None:
    codec = CursorCodec(b"s" * 32)
    cursor = codec.encode([UUID], DIGEST)

    assert codec.decode(cursor, DIGEST, ("id",)) == (UUID,)
    assert codec.decode(None, DIGEST, ("id",)) is None
    with pytest.raises(InvalidCursorError):
        codec.decode(cursor, filters_digest("practitioners", {}), ("id",))


def test_secrets_are_never_shown() -> None:
    secret, previous = "s3cret-" * 6, "pr3vious-" * 5
    settings = Settings(cursor_secret=SecretStr(secret), cursor_previous_secret=SecretStr(previous))
    codec = CursorCodec(secret.encode(), [previous.encode()])

    for text in (repr(settings), str(settings), repr(codec), str(codec)):
        assert secret not in text
        assert previous not in text


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        Settings(cursor_secret=SecretStr("too-short"))
    assert "too-short" not in str(raised.value)


def test_an_unmigrated_database_without_a_configured_secret_cannot_start(
    sqlite_url: str,
) -> None:
    db = Database.from_url(sqlite_url)
    try:
        with pytest.raises(CursorSecretUnavailableError, match="db upgrade"):
            asyncio.run(load_cursor_codec(Settings(database_url=sqlite_url), db))
        configured = Settings(database_url=sqlite_url, cursor_secret=SecretStr("c" * 32))
        codec = asyncio.run(load_cursor_codec(configured, db))
        assert codec.decode(CursorCodec(b"c" * 32).encode([UUID], DIGEST), DIGEST, ("id",))
    finally:
        db.dispose()


def test_each_migrated_database_gets_its_own_secret(tmp_path: Path) -> None:
    secrets = set()
    for name in ("one", "two"):
        url = f"sqlite:///{tmp_path / name}.db"
        prepare_database(url)
        secrets.add(_stored_secret(url))
    assert len(secrets) == 2
    assert all(len(secret) == 64 for secret in secrets)


def test_signing_and_verifying_cost_microseconds() -> None:
    """Requests with a cursor pay one HMAC per accepted secret; guard against a regression."""
    codec = CursorCodec(b"s" * 32)
    digest = filters_digest("appointments", {"patient_id": UUID})
    cursor = codec.encode([INSTANT, UUID], digest)
    runs = 2000

    encode = min(
        timeit.repeat(lambda: codec.encode([INSTANT, UUID], digest), number=runs, repeat=3)
    )
    decode = min(
        timeit.repeat(
            lambda: codec.decode(cursor, digest, ("instant", "id")), number=runs, repeat=3
        )
    )

    # Tens of microseconds on a loaded 2-core machine (HMAC-SHA256 alone: 1-10 us). The bound
    # catches a slow design (a key derivation or a database read per cursor), not noise.
    assert encode / runs < 1e-3
    assert decode / runs < 1e-3


def test_old_style_digest_was_recomputable() -> None:
    """Why signing was needed: the old check was a public function of public inputs."""
    canonical = json.dumps(["patients", {}], sort_keys=True, default=str)
    assert hashlib.sha256(canonical.encode()).hexdigest() == DIGEST


def test_a_server_started_before_its_database_is_migrated_waits_for_the_cursor_secret(
    tmp_path: Path,
) -> None:
    """No secret configured and the database not migrated yet: the server still starts, answers
    `/readyz` and list operations with 503 `database_unavailable`, and serves lists once the
    database is migrated (the secret is read again every couple of seconds)."""
    database_url = f"sqlite:///{tmp_path / 'late.db'}"
    port = free_port()
    env = {
        **os.environ,
        "PATIENT_TRACKER_DATABASE_URL": database_url,
        "PATIENT_TRACKER_MIGRATE_ON_START": "false",
    }
    command = [sys.executable, "-m", "patient_tracker", "serve", "--port", str(port)]
    log_path = tmp_path / "server.log"
    base_url = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    try:
        deadline = time.monotonic() + 30
        readiness = None
        while time.monotonic() < deadline and readiness is None:
            try:
                readiness = httpx.get(f"{base_url}/readyz", timeout=1.0)
            except httpx.TransportError:
                time.sleep(0.1)
        assert readiness is not None, log_path.read_text()
        assert readiness.status_code == 503
        assert readiness.json()["code"] == "database_unavailable"

        key = prepare_database(database_url)  # migrates, then creates a key
        headers = {"Authorization": f"Bearer {key}"}
        deadline = time.monotonic() + 15
        listing = httpx.get(f"{base_url}/v1/patients", headers=headers, timeout=5.0)
        while listing.status_code == 503 and time.monotonic() < deadline:
            assert listing.json()["code"] == "database_unavailable"
            time.sleep(0.2)
            listing = httpx.get(f"{base_url}/v1/patients", headers=headers, timeout=5.0)
        assert listing.status_code == 200, listing.text
        assert httpx.get(f"{base_url}/readyz", timeout=5.0).status_code == 200
        assert "Traceback" not in log_path.read_text()
    finally:
        process.terminate()
        process.wait(timeout=10)
