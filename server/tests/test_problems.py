"""Problem responses for requests no route takes (`problem_handlers.py`): unknown routes, a
trailing slash, a method the path does not allow; over a real socket.
"""

from __future__ import annotations

import pytest

from tests.api_client import (
    UNKNOWN_ID,
    Api,
    assert_problem,
)


def test_unknown_route_is_404_problem(api: Api) -> None:
    assert_problem(api.get("/v1/nothing-here"), 404, "not_found")


def test_trailing_slash_is_404_problem(api: Api) -> None:
    assert_problem(api.get("/v1/patients/"), 404, "not_found")


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", f"/v1/patients/{UNKNOWN_ID}", {"GET", "HEAD", "PATCH", "DELETE", "OPTIONS"}),
        ("DELETE", "/v1/patients", {"GET", "HEAD", "POST", "OPTIONS"}),
        ("PUT", "/v1/practitioners", {"GET", "HEAD", "POST", "OPTIONS"}),
        ("POST", f"/v1/appointments/{UNKNOWN_ID}", {"GET", "HEAD", "PATCH", "OPTIONS"}),
        ("GET", f"/v1/appointments/{UNKNOWN_ID}/cancel", {"POST", "OPTIONS"}),
        ("DELETE", f"/v1/patients/{UNKNOWN_ID}/appointments", {"GET", "HEAD", "OPTIONS"}),
        ("POST", "/healthz", {"GET", "HEAD", "OPTIONS"}),
    ],
)
def test_wrong_method_is_405_with_allow_listing_every_method(
    api: Api, method: str, path: str, allowed: set[str]
) -> None:
    response = api.request(method, path)

    assert_problem(response, 405, "method_not_allowed")
    assert {m.strip() for m in response.headers["allow"].split(",")} == allowed
