"""Typed results from generated operations: `unwrap`, `etag`, `ApiResponse` (the whole response
with its documented headers typed), `request_id_of`, and read-modify-write helpers. Which error an
answer raises is `_errors.py`'s business (`raise_for_result`)."""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeVar, cast

from attrs import define

from ._errors import raise_for_result
from ._rate_limits import RateLimit, parse_rate_limits
from .generated.models.problem import Problem
from .generated.response_headers import ResponseHeaders
from .generated.types import Response

T = TypeVar("T")
U = TypeVar("U")
T_contra = TypeVar("T_contra", contravariant=True)


class Write(Protocol[T_contra, U]):
    """The write of `modify`: called as `write(current, if_match=etag)`, it sends the change with
    that `if_match`. A `def write(current: Patient, *, if_match: str)` is type-checked whole; in a
    lambda mypy leaves `current` unchecked (it does not infer lambda types from a protocol)."""

    def __call__(self, current: T_contra, /, *, if_match: str) -> Response[U | Problem]: ...


class AsyncWrite(Protocol[T_contra, U]):
    """The write of `amodify`: called as `await write(current, if_match=etag)` (see `Write`)."""

    def __call__(
        self, current: T_contra, /, *, if_match: str
    ) -> Awaitable[Response[U | Problem]]: ...


@define
class ApiResponse(Response[T]):
    """A generated `Response` (`status_code`, `headers`, `content`, `parsed`) whose documented
    headers are typed: `response.typed_headers.etag`, `.location`, `.idempotent_replayed`, and
    `response.request_id`, `response.rate_limits`.

    What the `.raw` methods return. `typed_headers` parses on each access (a handful of lookups).
    """

    @property
    def typed_headers(self) -> ResponseHeaders:
        """The headers the spec documents for responses, typed; `None` where absent."""
        return ResponseHeaders.parse(self.headers)

    @property
    def request_id(self) -> str | None:
        """The response's `Request-Id`: quote it when you ask about this call."""
        return self.headers.get("Request-Id")

    @property
    def rate_limits(self) -> dict[str, RateLimit] | None:
        """`RateLimit-Policy` and `RateLimit`, parsed by policy (`parse_rate_limits`)."""
        return parse_rate_limits(self.headers)


def typed(response: Response[T]) -> ApiResponse[T]:
    """`response` as an `ApiResponse` (the same fields)."""
    return ApiResponse(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=response.parsed,
    )


def unwrap(response: Response[T | Problem]) -> T:
    """The success value of a generated `*_detailed` call; raises `ApiError` for an error, and
    `NotModifiedError` for a `304` (a read with `if_none_match=` whose ETag still matches).

    With a `PatientTracker` an error has already raised before this runs; this narrows the
    declared `Model | Problem` union to `Model`, and raises too for a client without that hook.
    The value (and each item of a page) is remembered with the response's `Request-Id`, for
    `request_id_of`.
    """
    raise_for_result(response)
    value = response.parsed
    request_id = response.headers.get("Request-Id")
    if request_id is not None:
        _remember(value, request_id)
        items = getattr(value, "items", None)
        if isinstance(items, list):  # a page (`PatientPage`, ...): its items came with it
            for item in items:
                _remember(item, request_id)
    # A 204 parses to None, which is the declared success value (Any) of such operations.
    return cast(T, value)


# ---------------------------------------------------------------- request ids of returned values
#
# The generated models are attrs classes with slots: no attribute can be added to them (as
# openai-python adds `_request_id` to its pydantic models), and they are unhashable (eq without
# frozen), so no WeakKeyDictionary either. The table is keyed by `id()`, each entry holding a weak
# reference whose callback removes it when the value is collected (before its id can be reused);
# the value's identity is checked on lookup all the same.

_REQUEST_IDS: dict[int, tuple[weakref.ref[Any], str]] = {}


def _remember(value: object, request_id: str) -> None:
    key = id(value)

    def forget(_: object, key: int = key, table: dict[Any, Any] = _REQUEST_IDS) -> None:
        table.pop(key, None)

    try:
        reference = weakref.ref(value, forget)
    except TypeError:  # None (a 204), or a value no weak reference can point to: nothing to tag
        return
    _REQUEST_IDS[key] = (reference, request_id)


def request_id_of(value: object) -> str | None:
    """The `Request-Id` of the response that returned `value`, a model (or a page, or an item of
    a page) that a `tracker` method, `unwrap`, `paginate` or `modify` returned; else `None`.

    `tracker.patients.get(patient_id)` returns the generated `Patient`, to which no attribute can
    be added: `request_id_of(patient)` is its request id (`req_...`). It stays with that object
    only: a copy (`attrs.evolve`) has none. A call without a body to return (`delete`, `304`)
    has its id on its `.raw` response (`ApiResponse.request_id`) or on the error it raises.
    """
    entry = _REQUEST_IDS.get(id(value))
    if entry is None or entry[0]() is not value:
        return None
    return entry[1]


def etag(response: Response[Any]) -> str:
    """The `ETag` of a single-resource response, for `If-Match`."""
    value = response.headers.get("ETag")
    if value is None:
        raise ValueError(f"the response ({response.status_code}) carries no ETag")
    return value


def modify(read: Callable[[], Response[T | Problem]], write: Write[T, U]) -> U:
    """Read a resource, then write it with `If-Match` set to the ETag just read.

    `read()` returns the whole response (a `.raw` method, or a generated `sync_detailed`);
    `modify` calls `write(current, if_match=etag)`, always with the ETag it read, and `write`
    must forward it as the operation's `if_match=`: `lambda current, if_match:
    tracker.patients.raw.update(current.id, body=..., if_match=if_match)`. If someone else
    changed the resource in between, the write fails with `PreconditionFailedError` and changes
    nothing: read again and decide again (or give up).
    """
    response = read()
    return unwrap(write(unwrap(response), if_match=etag(response)))


async def amodify(
    read: Callable[[], Awaitable[Response[T | Problem]]], write: AsyncWrite[T, U]
) -> U:
    """`modify` for coroutines: `.raw` methods of `AsyncPatientTracker`, `asyncio_detailed`."""
    response = await read()
    return unwrap(await write(unwrap(response), if_match=etag(response)))
