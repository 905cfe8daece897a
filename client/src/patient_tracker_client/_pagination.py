"""Auto-pagination over the generated list operations, following `next_cursor`.

    for patient in paginate(list_patients.sync_detailed, client=tracker.client, name_prefix="Ad"):
        ...

The arguments are the list operation's own (type-checked against it); `cursor`, if given, is where
to start. Pages are fetched lazily, one request per page, as the iteration reaches them, each with
`unwrap`, so `request_id_of(item)` is the `Request-Id` of the page that brought the item. The
overloads name each page type of the spec; the loop itself (`each_item` / `aeach_item`, which the
generated `list_all...` methods call, declaring the item type the spec gives) only needs `items`
and `next_cursor`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, ParamSpec, overload

from ._calls import unwrap
from .generated.models import (
    Appointment,
    AppointmentPage,
    Patient,
    PatientPage,
    Practitioner,
    PractitionerPage,
    Problem,
    WebhookAttempt,
    WebhookAttemptPage,
    WebhookEndpoint,
    WebhookEndpointPage,
)
from .generated.types import Response

P = ParamSpec("P")

# mypy reports the overloads as overlapping because a ParamSpec callable could in principle
# match several; the page types are distinct (Response is invariant), so the first match is right.


@overload
def paginate(  # type: ignore[overload-overlap]
    op: Callable[P, Response[WebhookEndpointPage | Problem]], *args: P.args, **kwargs: P.kwargs
) -> Iterator[WebhookEndpoint]: ...
@overload
def paginate(  # type: ignore[overload-overlap]
    op: Callable[P, Response[WebhookAttemptPage | Problem]], *args: P.args, **kwargs: P.kwargs
) -> Iterator[WebhookAttempt]: ...
@overload
def paginate(  # type: ignore[overload-overlap]
    op: Callable[P, Response[PatientPage | Problem]], *args: P.args, **kwargs: P.kwargs
) -> Iterator[Patient]: ...
@overload
def paginate(  # type: ignore[overload-overlap]
    op: Callable[P, Response[PractitionerPage | Problem]], *args: P.args, **kwargs: P.kwargs
) -> Iterator[Practitioner]: ...
@overload
def paginate(
    op: Callable[P, Response[AppointmentPage | Problem]], *args: P.args, **kwargs: P.kwargs
) -> Iterator[Appointment]: ...
def paginate(op: Callable[P, Response[Any]], *args: P.args, **kwargs: P.kwargs) -> Iterator[Any]:
    """Every item of a list operation, across all pages."""
    return each_item(op, *args, **kwargs)


def each_item(op: Callable[P, Response[Any]], *args: P.args, **kwargs: P.kwargs) -> Iterator[Any]:
    """`paginate` for any list operation, its items untyped: the arguments are still checked."""
    while True:
        page = unwrap(op(*args, **kwargs))
        yield from page.items
        if page.next_cursor is None:
            return
        kwargs["cursor"] = page.next_cursor


@overload
def apaginate(  # type: ignore[overload-overlap]
    op: Callable[P, Awaitable[Response[WebhookEndpointPage | Problem]]],
    *args: P.args,
    **kwargs: P.kwargs,
) -> AsyncIterator[WebhookEndpoint]: ...
@overload
def apaginate(  # type: ignore[overload-overlap]
    op: Callable[P, Awaitable[Response[WebhookAttemptPage | Problem]]],
    *args: P.args,
    **kwargs: P.kwargs,
) -> AsyncIterator[WebhookAttempt]: ...
@overload
def apaginate(  # type: ignore[overload-overlap]
    op: Callable[P, Awaitable[Response[PatientPage | Problem]]], *args: P.args, **kwargs: P.kwargs
) -> AsyncIterator[Patient]: ...
@overload
def apaginate(  # type: ignore[overload-overlap]
    op: Callable[P, Awaitable[Response[PractitionerPage | Problem]]],
    *args: P.args,
    **kwargs: P.kwargs,
) -> AsyncIterator[Practitioner]: ...
@overload
def apaginate(
    op: Callable[P, Awaitable[Response[AppointmentPage | Problem]]],
    *args: P.args,
    **kwargs: P.kwargs,
) -> AsyncIterator[Appointment]: ...
def apaginate(
    op: Callable[P, Awaitable[Response[Any]]], *args: P.args, **kwargs: P.kwargs
) -> AsyncIterator[Any]:
    """`paginate` for the generated `asyncio_detailed` list operations."""
    return aeach_item(op, *args, **kwargs)


async def aeach_item(
    op: Callable[P, Awaitable[Response[Any]]], *args: P.args, **kwargs: P.kwargs
) -> AsyncIterator[Any]:
    """`each_item` for the generated `asyncio_detailed` list operations."""
    while True:
        page = unwrap(await op(*args, **kwargs))
        for item in page.items:
            yield item
        if page.next_cursor is None:
            return
        kwargs["cursor"] = page.next_cursor
