"""One walk over the API, step by step, on the test kit and on a live server (SQLite and
PostgreSQL), with no divergence.

The walk is a fixed sequence (`walk`, over 80 steps) through the booking flow and what goes wrong
on the way: patients and practitioners created, read, listed with filters, changed under
`If-Match` (fresh and stale) and `If-None-Match`, deleted with and without appointments; bookings
that clash, end too late or too early, name an unknown patient or an inactive practitioner;
reschedules; every status action, allowed and not; validation errors (one entry per offending
field or parameter), malformed JSON, a wrong media type, an id that is no id, a repeated or
unknown query parameter, a foreign cursor; idempotent replays and a reused key; missing and
wrong keys; the event log of what the walk did, and a webhook endpoint's life (created, refused
URLs, paused, rotated, its attempts, a redelivery, deleted).

Each step is compared on its status, the problem's `type`, `title`, `code`, `current_status` and
the fields or parameters its `errors` name, the response's fields and values, and the headers
`Content-Type`, `ETag`, `Location`, `Idempotent-Replayed` and `WWW-Authenticate` (values), and
`Request-Id`, `RateLimit-Policy`, `RateLimit` (presence). What differs by nature is mapped first:
ids to the order in which the walk met them, timestamps, request ids, cursors and secrets to
their kind (each checked to have its form). Problem `detail` texts are the kit's own.

Each side sees only its own data: the live server is shared with other tests, so the walk makes
unique phones and names, and lists with filters that only its own resources match.
"""

from __future__ import annotations

import json
import re
import secrets
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from live_server import LiveServer
from patient_tracker_client.testing import MockApi, Spec, bundled_spec

from .testing_support import response_problems

# Headers whose values are compared, and headers whose presence is.
VALUE_HEADERS = ("content-type", "etag", "location", "idempotent-replayed", "www-authenticate")
PRESENT_HEADERS = ("request-id", "ratelimit-policy", "ratelimit", "retry-after")
TIMESTAMP_FIELDS = frozenset({"created_at", "updated_at", "disabled_at", "secret_rotated_at"})
ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
REQUEST_ID = re.compile(r"req_[0-9a-f]{32}")
SECRET = re.compile(r"whsec_[A-Za-z0-9+/]{43}=")
START = datetime(2033, 3, 3, 9, 0, tzinfo=UTC)
UNKNOWN_ID = "00000000-0000-7000-8000-0000deadbeef"
# A public address (TEST-NET ranges are not public): the live server resolves no names, and the
# kit resolves none either, so a webhook URL names an address.
PUBLIC_URL = "https://93.184.215.14/hooks/patient-tracker"


@dataclass(frozen=True)
class Step:
    """What one step got back, with what differs by nature mapped out."""

    number: int
    label: str
    status: int
    body: Any
    headers: dict[str, Any]


@dataclass
class Walker:
    """Sends the walk's requests to one API (the kit or a live server) and records each step."""

    client: httpx.Client
    spec: Spec
    steps: list[Step] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)
    malformed: list[str] = field(default_factory=list)

    def call(
        self,
        label: str,
        method: str,
        path: str,
        *,
        body: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        params: Any = None,
        key: str | None = "",
    ) -> httpx.Response:
        """Send a request (with the walker's key unless `key` says another, or None for none)
        and record its outcome."""
        sent = dict(headers or {})
        if key is None:
            sent["Authorization"] = ""
        elif key:
            sent["Authorization"] = f"Bearer {key}"
        request = self.client.build_request(
            method, path, json=body, content=content, headers=sent, params=params
        )
        if key is None:
            del request.headers["Authorization"]
        response = self.client.send(request)
        self.malformed += [
            f"step {len(self.steps) + 1} ({label}): {problem}"
            for problem in response_problems(self.spec, request, response)
        ]
        self.steps.append(self._outcome(label, response))
        return response

    def symbol(self, value: str) -> str:
        """An id as the order in which the walk met it (`#1`, `#2`, ...)."""
        if value not in self.ids:
            self.ids[value] = f"#{len(self.ids) + 1}"
        return self.ids[value]

    def _path(self, path: str) -> str:
        return "/".join(self.ids.get(part, part) for part in path.split("/"))

    def _kind(self, name: str, value: Any) -> Any:
        """A value that differs by nature as its kind, once its form is checked."""
        forms: list[tuple[str, Callable[[str], bool]]] = [
            ("<timestamp>", lambda text: _is_timestamp(text)),
            ("<request id>", lambda text: REQUEST_ID.fullmatch(text) is not None),
            ("<secret>", lambda text: SECRET.fullmatch(text) is not None),
            ("<cursor>", lambda text: 0 < len(text) <= 512),
        ]
        kind = {
            "request_id": "<request id>",
            "secret": "<secret>",
            "next_cursor": "<cursor>",
        }.get(name, "<timestamp>")
        check = dict(forms)[kind]
        if not isinstance(value, str) or not check(value):
            self.malformed.append(f"{name}: {value!r} is not a {kind}")
        return kind

    def normalize(self, value: Any, name: str = "") -> Any:
        if isinstance(value, dict):
            return {key: self.normalize(item, key) for key, item in sorted(value.items())}
        if isinstance(value, list):
            return [self.normalize(item, name) for item in value]
        if not isinstance(value, str):
            return value
        if name in TIMESTAMP_FIELDS or name in ("request_id", "secret", "next_cursor"):
            return self._kind(name, value)
        if name == "id" or name.endswith("_id"):
            return self.symbol(value) if ID.fullmatch(value) else value
        if name == "instance":
            return self._path(value)
        return value

    def _outcome(self, label: str, response: httpx.Response) -> Step:
        headers: dict[str, Any] = {}
        for name in VALUE_HEADERS:
            value = response.headers.get(name)
            if value is not None:
                headers[name] = value
        for name in PRESENT_HEADERS:
            headers[name] = name in response.headers
        body: Any = json.loads(response.content) if response.content else None
        if response.status_code >= 400 and isinstance(body, dict):
            body.pop("detail", None)
            body["errors"] = sorted(
                (error.get("pointer"), error.get("parameter")) for error in body.get("errors", [])
            )
        body = self.normalize(body)
        if "location" in headers:
            headers["location"] = self._path(headers["location"])
        return Step(len(self.steps) + 1, label, response.status_code, body, headers)


def _is_timestamp(text: str) -> bool:
    try:
        return datetime.fromisoformat(text).tzinfo is not None and text.endswith("Z")
    except ValueError:
        return False


def _instant(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def walk(w: Walker, token: str, phones: list[str]) -> None:
    """The walk: each call is one step; later steps use what earlier ones got back. `token` and
    `phones` make its patients and practitioners unique on a shared server."""
    family = f"Zed{token}"

    def patient(given: str, phone: str, **extra: Any) -> dict[str, Any]:
        return {
            "given_name": given,
            "family_name": family,
            "date_of_birth": "1985-12-10",
            "phone": phone,
            **extra,
        }

    def booking(who: str, doctor: str, at: datetime, minutes: int = 30) -> dict[str, Any]:
        end = at + timedelta(minutes=minutes)
        return {
            "patient_id": who,
            "practitioner_id": doctor,
            "start_at": _instant(at),
            "end_at": _instant(end),
            "reason": "Check-up",
        }

    # Patients: creation, its rules, and validation.
    ada = w.call("create Ada", "POST", "/v1/patients", body=patient("Ada", phones[0])).json()
    w.call("same phone", "POST", "/v1/patients", body=patient("Twin", phones[0]))
    w.call("empty name", "POST", "/v1/patients", body=patient("", phones[1]))
    w.call(
        "two bad fields",
        "POST",
        "/v1/patients",
        body=patient("", phones[1], email=5),
    )
    w.call(
        "missing and unknown fields",
        "POST",
        "/v1/patients",
        body={"family_name": family, "nick": "x", "title": "Ms"},
    )
    w.call(
        "born later",
        "POST",
        "/v1/patients",
        body=patient("Zoe", phones[1], date_of_birth="2999-01-01"),
    )
    w.call("not an object", "POST", "/v1/patients", body=[])
    w.call(
        "malformed JSON",
        "POST",
        "/v1/patients",
        content=b'{"given_name": ',
        headers={"Content-Type": "application/json"},
    )
    w.call(
        "not JSON at all",
        "POST",
        "/v1/patients",
        content=b"given_name=Ada",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    w.call("no key", "GET", "/v1/patients", key=None)
    w.call("wrong key", "GET", "/v1/patients", key="ptk_not_a_key")
    w.call("not bearer", "GET", "/v1/patients", headers={"Authorization": "Basic eDp5"}, key="")

    # Reads, conditional reads and listings.
    read = w.call("get Ada", "GET", f"/v1/patients/{ada['id']}")
    w.call(
        "get Ada, unchanged",
        "GET",
        f"/v1/patients/{ada['id']}",
        headers={"If-None-Match": read.headers["ETag"]},
    )
    w.call(
        "get Ada, weakly unchanged",
        "GET",
        f"/v1/patients/{ada['id']}",
        headers={"If-None-Match": "W/" + read.headers["ETag"]},
    )
    w.call("get unknown", "GET", f"/v1/patients/{UNKNOWN_ID}")
    w.call("get no id", "GET", "/v1/patients/not%20an%20id")
    w.call(
        "bad If-None-Match",
        "GET",
        f"/v1/patients/{ada['id']}",
        headers={"If-None-Match": "x" * 201},
    )
    w.call("list by phone", "GET", "/v1/patients", params={"phone": phones[0]})
    w.call("empty name prefix", "GET", "/v1/patients", params={"name_prefix": ""})
    w.call(
        "three bad parameters",
        "GET",
        "/v1/patients",
        params={"name_prefix": "", "limit": "0", "phon": "1"},
    )
    w.call("repeated parameter", "GET", "/v1/patients", params=[("limit", "1"), ("limit", "2")])
    w.call("foreign cursor", "GET", "/v1/patients", params={"cursor": "bm90LWEtY3Vyc29y"})

    # Changes under If-Match.
    grace = w.call("create Grace", "POST", "/v1/patients", body=patient("Grace", phones[1])).json()
    w.call("list by name", "GET", "/v1/patients", params={"name_prefix": family.lower()})
    paged = w.call(
        "list by name, one a page",
        "GET",
        "/v1/patients",
        params={"name_prefix": family, "limit": "1"},
    ).json()
    w.call(
        "list by name, page 2",
        "GET",
        "/v1/patients",
        params={"name_prefix": family, "limit": "1", "cursor": paged["next_cursor"]},
    )
    w.call(
        "page 2, other filters",
        "GET",
        "/v1/patients",
        params={"phone": phones[0], "limit": "1", "cursor": paged["next_cursor"]},
    )
    merge = {"Content-Type": "application/merge-patch+json"}
    w.call(
        "set email",
        "PATCH",
        f"/v1/patients/{ada['id']}",
        body={"email": "ada@example.com"},
        headers={**merge, "If-Match": '"1"'},
    )
    w.call(
        "stale If-Match",
        "PATCH",
        f"/v1/patients/{ada['id']}",
        body={"email": "old@example.com"},
        headers={**merge, "If-Match": '"1"'},
    )
    w.call(
        "If-Match any",
        "PATCH",
        f"/v1/patients/{ada['id']}",
        body={"email": None},
        headers={**merge, "If-Match": "*"},
    )
    w.call("change nothing", "PATCH", f"/v1/patients/{ada['id']}", body={}, headers=merge)
    w.call(
        "take Ada's phone",
        "PATCH",
        f"/v1/patients/{grace['id']}",
        body={"phone": phones[0]},
        headers=merge,
    )
    w.call(
        "born later, patched",
        "PATCH",
        f"/v1/patients/{grace['id']}",
        body={"date_of_birth": "2999-01-01"},
        headers=merge,
    )
    w.call(
        "patch no id, bad body",
        "PATCH",
        "/v1/patients/not%20an%20id",
        body={"given_name": ""},
        headers=merge,
    )
    w.call(
        "patch no id",
        "PATCH",
        "/v1/patients/not%20an%20id",
        body={"given_name": "A"},
        headers=merge,
    )
    w.call(
        "patch unknown",
        "PATCH",
        f"/v1/patients/{UNKNOWN_ID}",
        body={"given_name": "A"},
        headers=merge,
    )

    # Practitioners.
    specialty = f"specialty {token}"
    doctor = w.call(
        "create doctor",
        "POST",
        "/v1/practitioners",
        body={"display_name": "Dr Walk", "specialty": specialty},
    ).json()
    retired = w.call(
        "create retired doctor",
        "POST",
        "/v1/practitioners",
        body={"display_name": "Dr Gone", "specialty": specialty, "active": False},
    ).json()
    w.call("get doctor", "GET", f"/v1/practitioners/{doctor['id']}")
    w.call("list by specialty", "GET", "/v1/practitioners", params={"specialty": specialty})
    w.call(
        "list inactive",
        "GET",
        "/v1/practitioners",
        params={"specialty": specialty, "active": "false"},
    )
    locum = {"display_name": "Dr Locum", "specialty": specialty}
    keyed = {"Idempotency-Key": f"locum-{token}"}
    w.call("create with a key", "POST", "/v1/practitioners", body=locum, headers=keyed)
    w.call(
        "the same, defaults spelt out",
        "POST",
        "/v1/practitioners",
        body={**locum, "active": True},
        headers=keyed,
    )

    # Bookings and their rules.
    kept = w.call(
        "book", "POST", "/v1/appointments", body=booking(ada["id"], doctor["id"], START)
    ).json()
    w.call(
        "patient busy",
        "POST",
        "/v1/appointments",
        body=booking(ada["id"], doctor["id"], START + timedelta(minutes=15)),
    )
    w.call(
        "doctor busy",
        "POST",
        "/v1/appointments",
        body=booking(grace["id"], doctor["id"], START + timedelta(minutes=15)),
    )
    w.call(
        "retired doctor",
        "POST",
        "/v1/appointments",
        body=booking(ada["id"], retired["id"], START + timedelta(days=1)),
    )
    w.call(
        "unknown patient",
        "POST",
        "/v1/appointments",
        body=booking(UNKNOWN_ID, doctor["id"], START + timedelta(days=1)),
    )
    w.call(
        "unknown doctor",
        "POST",
        "/v1/appointments",
        body=booking(ada["id"], UNKNOWN_ID, START + timedelta(days=1)),
    )
    w.call(
        "ends before it starts",
        "POST",
        "/v1/appointments",
        body=booking(ada["id"], doctor["id"], START + timedelta(days=2), minutes=-30),
    )
    w.call(
        "nine hours",
        "POST",
        "/v1/appointments",
        body=booking(ada["id"], doctor["id"], START + timedelta(days=2), minutes=9 * 60),
    )
    w.call(
        "eight hours",
        "POST",
        "/v1/appointments",
        body=booking(grace["id"], doctor["id"], START + timedelta(days=3), minutes=8 * 60),
    )
    w.call(
        "a leap second",
        "POST",
        "/v1/appointments",
        body={**booking(ada["id"], doctor["id"], START), "start_at": "2033-03-03T09:00:60Z"},
    )
    other = w.call(
        "book later",
        "POST",
        "/v1/appointments",
        body=booking(ada["id"], doctor["id"], START + timedelta(hours=2)),
    ).json()
    w.call("get booking", "GET", f"/v1/appointments/{kept['id']}")

    # Reschedules and the status machine.
    later = START + timedelta(hours=1)
    w.call(
        "reschedule",
        "PATCH",
        f"/v1/appointments/{kept['id']}",
        body={"start_at": _instant(later), "end_at": _instant(later + timedelta(minutes=45))},
        headers={**merge, "If-Match": '"1"'},
    )
    w.call(
        "reschedule, stale",
        "PATCH",
        f"/v1/appointments/{kept['id']}",
        body={"notes": "X-rays."},
        headers={**merge, "If-Match": '"1"'},
    )
    w.call(
        "reschedule onto another",
        "PATCH",
        f"/v1/appointments/{kept['id']}",
        body={
            "start_at": _instant(START + timedelta(minutes=90)),
            "end_at": _instant(START + timedelta(minutes=135)),
        },
        headers=merge,
    )
    w.call(
        "end before start",
        "PATCH",
        f"/v1/appointments/{kept['id']}",
        body={"end_at": _instant(START)},
        headers=merge,
    )
    w.call(
        "no-show, stale",
        "POST",
        f"/v1/appointments/{kept['id']}/no-show",
        headers={"If-Match": '"1"'},
    )
    w.call("complete too early", "POST", f"/v1/appointments/{kept['id']}/complete")
    w.call(
        "check in", "POST", f"/v1/appointments/{kept['id']}/check-in", headers={"If-Match": '"2"'}
    )
    w.call("no-show after check-in", "POST", f"/v1/appointments/{kept['id']}/no-show")
    w.call(
        "reschedule after check-in",
        "PATCH",
        f"/v1/appointments/{kept['id']}",
        body={"notes": "late"},
        headers=merge,
    )
    w.call(
        "complete",
        "POST",
        f"/v1/appointments/{kept['id']}/complete",
        headers={"Idempotency-Key": f"complete-{token}"},
    )
    w.call(
        "complete, replayed",
        "POST",
        f"/v1/appointments/{kept['id']}/complete",
        headers={"Idempotency-Key": f"complete-{token}"},
    )
    cancellation = {"cancellation_reason": "Patient asked."}
    w.call("cancel completed", "POST", f"/v1/appointments/{kept['id']}/cancel", body=cancellation)
    w.call("cancel, no reason", "POST", f"/v1/appointments/{other['id']}/cancel", body={})
    w.call("cancel", "POST", f"/v1/appointments/{other['id']}/cancel", body=cancellation)
    w.call("check in unknown", "POST", f"/v1/appointments/{UNKNOWN_ID}/check-in")
    w.call(
        "book the freed slot",
        "POST",
        "/v1/appointments",
        body=booking(grace["id"], doctor["id"], START + timedelta(hours=2)),
    )
    w.call("list Ada's", "GET", "/v1/appointments", params={"patient_id": ada["id"]})
    w.call(
        "list Ada's cancelled",
        "GET",
        "/v1/appointments",
        params={"patient_id": ada["id"], "status": "cancelled"},
    )
    w.call(
        "list the doctor's morning",
        "GET",
        "/v1/appointments",
        params={
            "practitioner_id": doctor["id"],
            "start_at_from": _instant(START),
            "start_at_before": _instant(START + timedelta(hours=2)),
        },
    )
    w.call(
        "instant out of range",
        "GET",
        "/v1/appointments",
        params={"start_at_from": "0001-01-01T00:00:00+05:00"},
    )
    page = w.call(
        "Ada's, one a page", "GET", f"/v1/patients/{ada['id']}/appointments", params={"limit": "1"}
    ).json()
    w.call(
        "Ada's, page 2",
        "GET",
        f"/v1/patients/{ada['id']}/appointments",
        params={"limit": "1", "cursor": page["next_cursor"]},
    )
    w.call(
        "Grace's, Ada's cursor",
        "GET",
        f"/v1/patients/{grace['id']}/appointments",
        params={"limit": "1", "cursor": page["next_cursor"]},
    )
    w.call("unknown patient's", "GET", f"/v1/patients/{UNKNOWN_ID}/appointments")

    # Deletions.
    w.call("delete Ada", "DELETE", f"/v1/patients/{ada['id']}")
    w.call(
        "delete retired, stale",
        "DELETE",
        f"/v1/practitioners/{retired['id']}",
        headers={"If-Match": '"7"'},
    )
    w.call(
        "delete retired",
        "DELETE",
        f"/v1/practitioners/{retired['id']}",
        headers={"If-Match": '"1"'},
    )
    w.call("get retired", "GET", f"/v1/practitioners/{retired['id']}")
    w.call("delete doctor", "DELETE", f"/v1/practitioners/{doctor['id']}")

    # Idempotency.
    idem = {"Idempotency-Key": f"temp-{token}"}
    temp = w.call(
        "create with a key", "POST", "/v1/patients", body=patient("Temp", phones[2]), headers=idem
    ).json()
    w.call("replayed", "POST", "/v1/patients", body=patient("Temp", phones[2]), headers=idem)
    w.call("key reused", "POST", "/v1/patients", body=patient("Other", phones[3]), headers=idem)
    w.call("delete Temp", "DELETE", f"/v1/patients/{temp['id']}")
    w.call("get Temp", "GET", f"/v1/patients/{temp['id']}")
    w.call(
        "replayed after the delete",
        "POST",
        "/v1/patients",
        body=patient("Temp", phones[2]),
        headers=idem,
    )

    # The event log of what the walk did.
    events = w.call("Ada's events", "GET", "/v1/events", params={"resource_id": ada["id"]}).json()
    w.call(
        "the booking's check-in",
        "GET",
        "/v1/events",
        params={"resource_id": kept["id"], "type": "appointment.checked_in"},
    )
    w.call("Temp's events", "GET", "/v1/events", params={"resource_id": temp["id"]})
    first = events["items"][0]["id"]
    w.call("get an event", "GET", f"/v1/events/{first}")
    w.call("get unknown event", "GET", f"/v1/events/{UNKNOWN_ID}")
    w.call("unknown event type", "GET", "/v1/events", params={"type": "patient.renamed"})

    # A webhook endpoint's life.
    hooks = "/v1/webhook-endpoints"
    subscription = {
        "url": PUBLIC_URL,
        "event_types": ["patient.created", "appointment.booked"],
        "description": "Walk",
    }
    endpoint = w.call("create endpoint", "POST", hooks, body=subscription).json()
    w.call("http endpoint", "POST", hooks, body={"url": "http://93.184.215.14/hooks"})
    w.call("private endpoint", "POST", hooks, body={"url": "https://10.1.2.3/hooks"})
    w.call("credentials in URL", "POST", hooks, body={"url": "https://me:pw@93.184.215.14/hooks"})
    w.call(
        "unknown event type subscribed",
        "POST",
        hooks,
        body={"url": PUBLIC_URL, "event_types": ["patient.renamed"]},
    )
    at = f"{hooks}/{endpoint['id']}"
    w.call("get endpoint", "GET", at)
    w.call("pause endpoint", "PATCH", at, body={"enabled": False}, headers=merge)
    w.call("pause again", "PATCH", at, body={"enabled": False}, headers=merge)
    w.call(
        "all types, stale",
        "PATCH",
        at,
        body={"event_types": []},
        headers={**merge, "If-Match": '"1"'},
    )
    w.call(
        "all types",
        "PATCH",
        at,
        body={"event_types": [], "description": None},
        headers={**merge, "If-Match": '"2"'},
    )
    w.call("rotate secret", "POST", f"{at}/rotate-secret")
    w.call("attempts", "GET", f"{at}/attempts")
    w.call(
        "attempts, foreign cursor", "GET", f"{at}/attempts", params={"cursor": "bm90LWEtY3Vyc29y"}
    )
    w.call("redeliver", "POST", f"{at}/events/{first}/redeliver")
    w.call("redeliver unknown event", "POST", f"{at}/events/{UNKNOWN_ID}/redeliver")
    w.call("delete endpoint", "DELETE", at)
    w.call("get deleted endpoint", "GET", at)
    w.call("redeliver to deleted", "POST", f"{at}/events/{first}/redeliver")


def run_walk(client: httpx.Client, token: str, phones: list[str]) -> Walker:
    walker = Walker(client, bundled_spec())
    walk(walker, token, phones)
    return walker


def test_the_kit_and_the_server_walk_alike(live_server: LiveServer) -> None:
    token = "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))
    phones = [f"+4479{secrets.randbelow(10**9):09d}" for _ in range(4)]
    kit = MockApi()
    with httpx.Client(transport=kit, base_url=kit.base_url) as client:
        fake = run_walk(_keyed(client, kit.api_key), token, phones)
    with httpx.Client(base_url=live_server.base_url) as client:
        real = run_walk(_keyed(client, live_server.api_key), token, phones)
    assert len(real.steps) == len(fake.steps) >= 50
    assert real.malformed == []
    assert fake.malformed == []
    divergences = [
        f"step {ours.number} ({ours.label}): kit {_shown(ours)} != server {_shown(theirs)}"
        for ours, theirs in zip(fake.steps, real.steps, strict=True)
        if ours != theirs
    ]
    assert divergences == [], "\n".join(divergences)
    # The walk met what it is for: successes, the spec's conflicts and refusals.
    statuses = {step.status for step in real.steps}
    assert statuses >= {200, 201, 202, 204, 304, 400, 401, 404, 409, 412, 415, 422}


def _keyed(client: httpx.Client, key: str) -> httpx.Client:
    client.headers["Authorization"] = f"Bearer {key}"
    return client


def _shown(step: Step) -> str:
    return json.dumps({"status": step.status, "body": step.body, "headers": step.headers})
