"""`parse_rate_limits`: the `RateLimit-Policy` and `RateLimit` headers (structured-field lists,
draft-ietf-httpapi-ratelimit-headers) by policy, on the spec's examples and on odd input; and the
parsed view on responses and errors (`ApiResponse.rate_limits`, `ApiError.rate_limits`)."""

from __future__ import annotations

from http import HTTPStatus

import httpx
import pytest

from patient_tracker_client import ApiError, ApiResponse, RateLimit, parse_rate_limits
from patient_tracker_client._errors import error_from_response

# The spec's examples (components.headers.RateLimitPolicy / RateLimit).
POLICY = '"integration";q=200;w=2, "address";q=400;w=2'
STATE = '"integration";r=117;t=1, "address";r=398;t=1'


def parsed(policy: str | None = None, state: str | None = None) -> dict[str, RateLimit] | None:
    headers = httpx.Headers()
    if policy is not None:
        headers["RateLimit-Policy"] = policy
    if state is not None:
        headers["RateLimit"] = state
    return parse_rate_limits(headers)


def test_the_spec_examples() -> None:
    assert parsed(POLICY, STATE) == {
        "integration": RateLimit("integration", quota=200, window=2, remaining=117, reset=1),
        "address": RateLimit("address", quota=400, window=2, remaining=398, reset=1),
    }
    assert list(parsed(POLICY, STATE) or {}) == ["integration", "address"]  # the header's order


def test_names_come_from_the_headers() -> None:
    # No policy name is built in: a policy the API adds is one more entry.
    limits = parsed('"burst";q=10;w=1, "daily";q=10000;w=86400', '"daily";r=9000;t=3600')
    assert limits == {
        "burst": RateLimit("burst", quota=10, window=1),
        "daily": RateLimit("daily", quota=10000, window=86400, remaining=9000, reset=3600),
    }


def test_one_header_alone() -> None:
    assert parsed(POLICY) == {
        "integration": RateLimit("integration", quota=200, window=2),
        "address": RateLimit("address", quota=400, window=2),
    }
    # A policy only `RateLimit` names: its quota and window unknown.
    assert parsed(state='"address";r=0;t=2') == {
        "address": RateLimit("address", remaining=0, reset=2)
    }


def test_case_insensitive_names_and_a_plain_mapping() -> None:
    raw = {"ratelimit-policy": '"a";q=1;w=1', "ratelimit": '"a";r=0;t=1'}
    assert parse_rate_limits(httpx.Headers(raw)) == {"a": RateLimit("a", 1, 1, 0, 1)}
    assert parse_rate_limits({"RateLimit-Policy": '"a";q=5'}) == {"a": RateLimit("a", quota=5)}


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        # Unknown parameters (the draft's `qu`, `pk`, anything) are skipped.
        ('"a";q=5;w=2;qu="requests";pk=:YWJj:;x=?1;y=1.5;z=tok', RateLimit("a", 5, 2)),
        # Whitespace: around commas (SP or tab) and after `;`, leading and trailing.
        ('  "a" ;q=5', None),  # not after an item: invalid, the header is ignored
        ('"a"; q=5;  w=2', RateLimit("a", 5, 2)),
        ('"x";q=1 ,\t "a";q=5   ', RateLimit("a", 5)),
        # A repeated parameter: the last counts (RFC 9651); a repeated policy: the last too.
        ('"a";q=1;q=5', RateLimit("a", 5)),
        ('"a";q=1, "a";q=5;w=2', RateLimit("a", 5, 2)),
        # Values that are no non-negative integer: unknown, not an error.
        ('"a";q=-1;w=2.5', RateLimit("a")),
        ('"a";q="200";w=tok', RateLimit("a")),
        ('"a";q=?1;w', RateLimit("a")),  # a boolean (`?1`, or a bare key) is no number
        ('"a";q=1234567890123456', None),  # over 15 digits: invalid
        # Escapes in the name.
        (r'"a\"b";q=1', RateLimit('a"b', 1)),
    ],
)
def test_odd_but_parseable(policy: str, expected: RateLimit | None) -> None:
    limits = parsed(policy)
    found = None if limits is None else limits.get(expected.policy if expected else "a")
    assert found == expected


def test_members_that_are_not_names_are_skipped() -> None:
    # Tokens, numbers, byte sequences, inner lists: valid members, but no policy name (a string).
    limits = parsed('integration;q=5, 7;q=1, :YWJj:;q=1, ("a" "b");q=1, "ok";q=3')
    assert limits == {"ok": RateLimit("ok", quota=3)}


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        " ",
        "garbage",  # a token: valid, but no policy is named
        "{'q': 200}",
        '"a";q=1,',  # a trailing comma
        '"a";q=1,,"b"',
        '"a',  # an unterminated string
        '"a\\n"',  # a bad escape
        '"a";Q=1',  # keys are lower case
        '"a";q=',
        '"a" "b"',
        '"a";q=1;',
        "\u00e9",
        '"caf\u00e9";q=1',  # non-ASCII in a string
        '("a" "b"',
        '%"display"',  # a display string (RFC 9651): not supported, ignored
        "q=200, w=2",
        ";;;",
        "\x00",
    ],
)
def test_garbage_is_none_never_an_exception(garbage: str) -> None:
    assert parsed(garbage) is None
    assert parsed(state=garbage) is None
    # One bad header does not spoil the other.
    assert parsed(garbage, '"a";r=1;t=2') == {"a": RateLimit("a", remaining=1, reset=2)}


def test_absent_is_none() -> None:
    assert parsed() is None


def test_on_responses_and_errors() -> None:
    headers = httpx.Headers({"RateLimit-Policy": POLICY, "RateLimit": STATE, "Request-Id": "r1"})
    response: ApiResponse[None] = ApiResponse(
        status_code=HTTPStatus.OK, content=b"{}", headers=headers, parsed=None
    )
    assert response.rate_limits == parsed(POLICY, STATE)
    assert response.typed_headers.ratelimit_policy == POLICY  # the raw string, as generated
    limited = httpx.Response(
        429,
        headers={"RateLimit-Policy": POLICY, "RateLimit": '"integration";r=0;t=1'},
        json={"status": 429, "code": "rate_limited", "title": "Rate limit exceeded"},
    )
    error = error_from_response(limited)
    assert isinstance(error, ApiError)
    assert error.rate_limits is not None
    assert error.rate_limits["integration"].remaining == 0
    assert error_from_response(httpx.Response(500)).rate_limits is None
