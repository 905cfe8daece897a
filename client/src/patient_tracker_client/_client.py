"""`PatientTracker` / `AsyncPatientTracker`: the generated client, configured once with auth,
timeouts and retries, carrying the generated resources (`tracker.patients.get(...)`)."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType
from typing import Self

import httpx

from ._errors import error_from_response
from ._resources import AsyncResources, Resources
from ._retry import AsyncRetryTransport, RetryPolicy, RetryTransport
from .generated.client import AuthenticatedClient

# Connecting should be quick on any sane network; a booking may wait on a busy database.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)

try:
    _VERSION = version("patient-tracker-client")
except PackageNotFoundError:  # imported from a source tree, not installed
    _VERSION = "0+unknown"


def _raise_for_problem(response: httpx.Response) -> None:
    # Runs before generated code sees the response: an error never reaches its parser (which
    # raises KeyError on a body that is not a problem) and every operation raises instead of
    # returning a union.
    if response.status_code >= 400:
        response.read()
        raise error_from_response(response)


async def _araise_for_problem(response: httpx.Response) -> None:
    if response.status_code >= 400:
        await response.aread()
        raise error_from_response(response)


class _Connection:
    """The configured generated client (`.client`), for `PatientTracker` and its async twin.

    `transport` and `async_transport` replace the network layer under the retries (for proxies or
    tests); `headers` are added to every request.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        policy = retry if retry is not None else RetryPolicy()
        all_headers = {
            "Authorization": f"Bearer {api_key}",
            "User-Agent": f"patient-tracker-client/{_VERSION}",
            **(headers or {}),
        }
        timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.retry = policy
        self.client = AuthenticatedClient(base_url=base_url, token=api_key, timeout=timeout)
        self.client.set_httpx_client(
            httpx.Client(
                base_url=base_url,
                headers=all_headers,
                timeout=timeout,
                transport=RetryTransport(transport or httpx.HTTPTransport(), policy),
                event_hooks={"response": [_raise_for_problem]},
            )
        )
        self.client.set_async_httpx_client(
            httpx.AsyncClient(
                base_url=base_url,
                headers=all_headers,
                timeout=timeout,
                transport=AsyncRetryTransport(
                    async_transport or httpx.AsyncHTTPTransport(), policy
                ),
                event_hooks={"response": [_araise_for_problem]},
            )
        )

    def close(self) -> None:
        """Close the sync connections (use `aclose()` when async calls were made)."""
        self.client.get_httpx_client().close()

    async def aclose(self) -> None:
        """Close the sync and async connections."""
        self.close()
        await self.client.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()


class PatientTracker(_Connection, Resources):
    """A configured connection to the API: `tracker.patients.get(patient_id)`.

    One property per tag of the API (`tracker.patients`, ...), one method per operation (generated,
    `.generated.resources`): each returns the success model or raises an `ApiError` subclass. Use
    one instance for many calls (it keeps connections open) and close it (`with`, or `close()`).

    `tracker.client` is the generated `AuthenticatedClient`, for the generated functions in
    `.generated.api` (sync and async alike, then closed with `async with` / `aclose()`).
    """

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncPatientTracker(_Connection, AsyncResources):
    """`PatientTracker` for asyncio: `await atracker.patients.get(patient_id)`.

    The same constructor, properties and methods, each a coroutine, and `list_all...` async
    iterators. Close it with `async with` or `await aclose()`.
    """
