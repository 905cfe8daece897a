"""The retry rules on their own: which requests may be retried, how long to wait, when to stop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from patient_tracker_client import ApiConnectionError, ApiTimeoutError, RetryPolicy
from patient_tracker_client._retry import RetryTransport
from patient_tracker_client._retry_after import retry_after_seconds


def test_retry_after_in_seconds_and_as_a_date() -> None:
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25.0 < (retry_after_seconds(later) or 0.0) <= 30.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: now


def test_at_least_one_attempt() -> None:
    with pytest.raises(ValueError, match="max_attempts"):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError, match="max_elapsed"):
        RetryPolicy(max_elapsed=0)
    with pytest.raises(ValueError, match="min_attempt_time"):
        RetryPolicy(min_attempt_time=-1)


class Script(httpx.BaseTransport):
    """Answers from a list of statuses (or raises what is in it), recording each request."""

    def __init__(self, *outcomes: int | Exception) -> None:
        self.outcomes = list(outcomes)
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return httpx.Response(outcome)


def send(
    method: str, policy: RetryPolicy, *outcomes: int | Exception
) -> tuple[int, Script, list[float]]:
    """Send one request through a RetryTransport over `outcomes`; no real sleeping.

    The status is 0 when the last attempt raised (the Script keeps what was sent).
    """
    inner, waits = Script(*outcomes), list[float]()
    transport = RetryTransport(inner, policy, sleep=waits.append)
    with httpx.Client(transport=transport, base_url="http://test") as client:
        try:
            status = client.request(method, "/x").status_code
        except ApiConnectionError:
            status = 0
    return status, inner, waits


def test_backoff_is_jittered_exponential_and_bounded() -> None:
    policy = RetryPolicy(max_attempts=6, initial_backoff=1.0, max_backoff=4.0, max_elapsed=1000)
    status, inner, waits = send("GET", policy, 503, 503, 503, 503, 503, 200)
    assert (status, len(inner.requests)) == (200, 6)
    ceilings = [1.0, 2.0, 4.0, 4.0, 4.0]
    assert all(0.0 <= w <= c for w, c in zip(waits, ceilings, strict=True))


def test_attempts_are_bounded() -> None:
    status, inner, waits = send("GET", RetryPolicy(max_attempts=2), 429, 429, 200)
    assert (status, len(inner.requests), len(waits)) == (429, 2, 1)


@pytest.mark.parametrize(
    ("method", "tries"), [("GET", 3), ("PUT", 3), ("DELETE", 3), ("POST", 3), ("PATCH", 1)]
)
def test_which_methods_retry_a_lost_connection(method: str, tries: int) -> None:
    lost = httpx.RemoteProtocolError("Server disconnected without sending a response.")
    status, inner, _ = send(method, RetryPolicy(initial_backoff=0.0), lost, lost, lost)
    assert (status, len(inner.requests)) == (0, tries)


def test_every_post_carries_one_key_across_attempts() -> None:
    status, inner, _ = send("POST", RetryPolicy(initial_backoff=0.0), 503, 503, 201)
    keys = {r.headers["Idempotency-Key"] for r in inner.requests}
    assert status == 201
    assert len(keys) == 1
    assert len(next(iter(keys))) == 36  # a UUID


def test_get_carries_no_idempotency_key() -> None:
    _, inner, _ = send("GET", RetryPolicy(), 200)
    assert "Idempotency-Key" not in inner.requests[0].headers


class SlowNetwork(httpx.BaseTransport):
    """Every attempt times out after using its whole read timeout, on a made-up clock."""

    def __init__(self) -> None:
        self.now = 0.0
        self.attempts: list[tuple[float, dict[str, float | None]]] = []  # (start, timeouts)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        timeout = dict(request.extensions["timeout"])
        self.attempts.append((self.now, timeout))
        self.now += timeout["read"] or 0.0
        raise httpx.ReadTimeout("too slow", request=request)


def test_each_attempt_gets_at_most_what_is_left_of_max_elapsed() -> None:
    network = SlowNetwork()

    def sleep(seconds: float) -> None:
        network.now += seconds

    policy = RetryPolicy(max_attempts=5, initial_backoff=0.25, max_backoff=0.25, max_elapsed=2.0)
    transport = RetryTransport(network, policy, sleep=sleep, clock=lambda: network.now)
    timeout = httpx.Timeout(1.0, connect=5.0, pool=None)
    with (
        httpx.Client(transport=transport, base_url="http://test", timeout=timeout) as client,
        pytest.raises(ApiTimeoutError),
    ):
        client.get("/x")

    assert network.now <= policy.max_elapsed  # every wait and every attempt's timeout, in all
    assert len(network.attempts) >= 2  # a retry was made, in what was left
    for start, each in network.attempts:
        left = policy.max_elapsed - start
        assert left >= policy.min_attempt_time  # none started with less than that left
        # The caller's timeout when it fits, else what is left; no limit (pool) becomes the rest.
        assert each == pytest.approx(
            {"connect": left, "read": min(1.0, left), "write": min(1.0, left), "pool": left}
        )
    assert network.attempts[0][1] == {"connect": 2.0, "read": 1.0, "write": 1.0, "pool": 2.0}
