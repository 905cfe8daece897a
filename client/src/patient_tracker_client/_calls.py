"""Typed results from generated operations: `unwrap`, `etag`, and read-modify-write helpers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any, TypeVar, cast

import httpx

from ._errors import error_from_response
from .generated.models.problem import Problem
from .generated.types import Response

T = TypeVar("T")
U = TypeVar("U")


def unwrap(response: Response[T | Problem]) -> T:
    """The success value of a generated `*_detailed` call; raises `ApiError` for an error.

    With a `PatientTracker` an error has already raised before this runs; this narrows the
    declared `Model | Problem` union to `Model`, and raises too for a client without that hook.
    """
    if response.status_code >= HTTPStatus.BAD_REQUEST or isinstance(response.parsed, Problem):
        raise error_from_response(
            httpx.Response(response.status_code, headers=response.headers, content=response.content)
        )
    # A 204 parses to None, which is the declared success value (Any) of such operations.
    return cast(T, response.parsed)


def etag(response: Response[Any]) -> str:
    """The `ETag` of a single-resource response, for `If-Match`."""
    value = response.headers.get("ETag")
    if value is None:
        raise ValueError(f"the response ({response.status_code}) carries no ETag")
    return value


def modify(
    read: Callable[[], Response[T | Problem]],
    write: Callable[[T, str], Response[U | Problem]],
) -> U:
    """Read a resource, then write it with `If-Match` set to the ETag just read.

    `write(current, etag)` must pass `if_match=etag`. If someone else changed the resource in
    between, the write fails with `PreconditionFailedError` and changes nothing: read again and
    decide again (or give up).
    """
    response = read()
    return unwrap(write(unwrap(response), etag(response)))


async def amodify(
    read: Callable[[], Awaitable[Response[T | Problem]]],
    write: Callable[[T, str], Awaitable[Response[U | Problem]]],
) -> U:
    """`modify` for the generated `asyncio_detailed` functions."""
    response = await read()
    return unwrap(await write(unwrap(response), etag(response)))
