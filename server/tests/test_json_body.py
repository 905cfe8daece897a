"""Request bodies (`http/json_body.py`): the size limit, the media type, malformed JSON and bodies
the schema refuses; over a real socket.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.api_client import (
    Api,
    assert_problem,
    patient_body,
    pointers,
)

MAX_BODY = 65536


def test_body_over_the_limit_is_413(api: Api) -> None:
    body = patient_body(given_name="A" * MAX_BODY)

    response = api.post("/v1/patients", json=body)

    assert_problem(response, 413, "payload_too_large")


def test_chunked_body_over_the_limit_is_413(api: Api) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"given_name": "'
        for _ in range(MAX_BODY // 1024 + 1):
            yield b"A" * 1024
        yield b'"}'

    response = api.post(
        "/v1/patients", content=chunks(), headers={"Content-Type": "application/json"}
    )

    assert "content-length" not in response.request.headers
    assert response.request.headers["transfer-encoding"] == "chunked"
    assert_problem(response, 413, "payload_too_large")


def test_body_of_exactly_the_limit_is_accepted(api: Api) -> None:
    text = httpx.Request("POST", "/", json=patient_body()).content
    padded = text[:-1] + b" " * (MAX_BODY - len(text)) + b"}"
    assert len(padded) == MAX_BODY

    response = api.post(
        "/v1/patients", content=padded, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/xml", "application/merge-patch+json", None]
)
def test_wrong_media_type_is_415(api: Api, content_type: str | None) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    content = httpx.Request("POST", "/", json=patient_body()).content

    response = api.post("/v1/patients", content=content, headers=headers)

    assert_problem(response, 415, "unsupported_media_type")


def test_media_type_parameters_are_accepted(api: Api) -> None:
    content = httpx.Request("POST", "/", json=patient_body()).content

    response = api.post(
        "/v1/patients", content=content, headers={"Content-Type": "application/json; charset=utf-8"}
    )

    assert response.status_code == 201, response.text


@pytest.mark.parametrize("content", [b"{", b"", b"{'a': 1}", b'{"given_name": "A",}'])
def test_malformed_json_is_400(api: Api, content: bytes) -> None:
    response = api.post(
        "/v1/patients", content=content, headers={"Content-Type": "application/json"}
    )

    assert_problem(response, 400, "malformed_json")


def test_malformed_json_in_a_patch_is_400(api: Api) -> None:
    path = f"/v1/patients/{api.create_patient()['id']}"

    response = api.request(
        "PATCH", path, content=b"{nope", headers={"Content-Type": "application/merge-patch+json"}
    )

    assert_problem(response, 400, "malformed_json")


def test_unknown_body_field_is_422_pointing_at_it(api: Api) -> None:
    response = api.post("/v1/patients", json=patient_body(nickname="Ada"))

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/nickname"]


def test_body_that_is_not_an_object_is_422(api: Api) -> None:
    response = api.post("/v1/patients", json=[patient_body()])

    assert_problem(response, 422, "validation_failed")
