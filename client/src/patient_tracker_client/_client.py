"""`PatientTracker` / `AsyncPatientTracker`: the generated client, configured once with auth,
timeouts and retries, carrying the resources (`tracker.patients.get(...)`).

Nothing is opened until it is used: the sync httpx client on the first sync call, the async one on
the first async call, each over one network transport (the connection pool) that a tracker and its
`with_options` views share. Closing the tracker closes what was opened, and only that.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType
from typing import Self

import httpx

from ._errors import araise_for_problem, raise_for_problem
from ._generated_resources import AsyncResources, Resources
from ._retry import AsyncRetryTransport, RetryPolicy, RetryTransport
from .generated.client import AuthenticatedClient

# Connecting should be quick on any sane network; a booking may wait on a busy database.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
MERGE_PATCH = "application/merge-patch+json"

try:
    _VERSION = version("patient-tracker-client")
except PackageNotFoundError:  # imported from a source tree, not installed
    _VERSION = "0+unknown"


def _send_merge_patch(request: httpx.Request) -> None:
    # The spec lists `application/merge-patch+json` first for PATCH bodies (the preferred type;
    # `application/json` is accepted too). openapi-python-client 0.29 writes one `if` per listed
    # type, and with the same model under both the last one wins, so the generated code labels
    # every PATCH body `application/json`. The JSON is the same; only the label is put right here.
    if request.method == "PATCH" and request.headers.get("Content-Type") == "application/json":
        request.headers["Content-Type"] = MERGE_PATCH


async def _asend_merge_patch(request: httpx.Request) -> None:
    _send_merge_patch(request)


@dataclasses.dataclass(frozen=True)
class _Settings:
    """What a tracker (or a `with_options` view) sends with every request."""

    base_url: str
    api_key: str
    headers: Mapping[str, str]
    timeout: httpx.Timeout
    retry: RetryPolicy


class _Network:
    """The network transports (connection pools) under the retries, made on first use and shared
    by a tracker and its `with_options` views; the tracker that made them closes them."""

    def __init__(
        self, sync: httpx.BaseTransport | None, async_: httpx.AsyncBaseTransport | None
    ) -> None:
        self._sync_given, self._async_given = sync, async_
        self.sync: httpx.BaseTransport | None = None
        self.async_: httpx.AsyncBaseTransport | None = None

    def sync_transport(self) -> httpx.BaseTransport:
        if self.sync is None:
            self.sync = self._sync_given or httpx.HTTPTransport()
        return self.sync

    def async_transport(self) -> httpx.AsyncBaseTransport:
        if self.async_ is None:
            self.async_ = self._async_given or httpx.AsyncHTTPTransport()
        return self.async_


class _Shared(httpx.BaseTransport):
    """A view's handle on the shared sync transport: closing a view's client leaves it open."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self._inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._inner.handle_request(request)


class _AsyncShared(httpx.AsyncBaseTransport):
    """`_Shared` for the async transport."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._inner.handle_async_request(request)


class _LazyClient(AuthenticatedClient):
    """The generated client, whose httpx clients are built by the tracker when first asked for
    (the generated operations ask through `get_httpx_client` / `get_async_httpx_client`).

    `connect` sets the tracker after construction, so that attrs' `evolve` (the generated
    `with_headers` & co.) can still make copies: those are plain generated clients, as before.
    """

    _connection: _Connection | None = None

    def connect(self, connection: _Connection) -> Self:
        self._connection = connection
        return self

    def get_httpx_client(self) -> httpx.Client:
        if self._client is None and self._connection is not None:
            self._client = self._connection._new_client()
        return super().get_httpx_client()

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None and self._connection is not None:
            self._async_client = self._connection._new_async_client()
        return super().get_async_httpx_client()

    def opened(self) -> tuple[httpx.Client | None, httpx.AsyncClient | None]:
        """The httpx clients built so far."""
        return self._client, self._async_client


def _check_api_key(api_key: str) -> None:
    """Refuse a key no server can accept, when the client is built rather than at the first call.

    An empty or blank key makes `Authorization: Bearer `, a header value httpx refuses before
    sending: the caller would see a connection error (`LocalProtocolError`), not the cause.
    """
    if not api_key.strip():
        raise ValueError("api_key is empty: pass the API key the server gave you (ptk_...)")
    if not all("\x21" <= char <= "\x7e" for char in api_key):
        raise ValueError(
            "api_key has spaces or characters a header cannot carry: pass the key as it was "
            "printed, without quotes or line breaks"
        )


class _Connection:
    """The configured generated client (`.client`), for `PatientTracker` and its async twin.

    `transport` and `async_transport` replace the network layer under the retries (for proxies or
    tests); `headers` are added to every request.
    """

    client: AuthenticatedClient

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
        _check_api_key(api_key)
        self._settings = _Settings(
            base_url=base_url,
            api_key=api_key,
            headers={
                "Authorization": f"Bearer {api_key}",
                "User-Agent": f"patient-tracker-client/{_VERSION}",
                **(headers or {}),
            },
            timeout=timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout),
            retry=retry if retry is not None else RetryPolicy(),
        )
        self._network = _Network(transport, async_transport)
        self._owns_network = True
        self._lazy = _LazyClient(base_url=base_url, token=api_key).connect(self)
        self.client = self._lazy

    @property
    def retry(self) -> RetryPolicy:
        """The retry policy of this tracker's calls."""
        return self._settings.retry

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        retries: int | RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A view of this tracker with other options, for one call or a few.

        `tracker.with_options(timeout=2.0).patients.get(patient_id)`. `timeout` replaces the
        timeouts; `retries` is a `RetryPolicy`, or a number of retries (0: none) applied to the
        current policy; `headers` are added to (or replace) this tracker's. The view shares this
        tracker's connections (so it is cheap, and closing it is a no-op): close the tracker.
        """
        settings = self._settings
        if timeout is not None:
            timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
            settings = dataclasses.replace(settings, timeout=timeout)
        if retries is not None:
            if isinstance(retries, int):
                retries = dataclasses.replace(settings.retry, max_attempts=retries + 1)
            settings = dataclasses.replace(settings, retry=retries)
        if headers:
            settings = dataclasses.replace(settings, headers={**settings.headers, **headers})
        view = object.__new__(type(self))
        view._settings = settings
        view._network = self._network
        view._owns_network = False
        view._lazy = _LazyClient(base_url=settings.base_url, token=settings.api_key).connect(view)
        view.client = view._lazy
        return view

    def _new_client(self) -> httpx.Client:
        inner = self._network.sync_transport()
        settings = self._settings
        return httpx.Client(
            base_url=settings.base_url,
            headers=dict(settings.headers),
            timeout=settings.timeout,
            transport=RetryTransport(
                inner if self._owns_network else _Shared(inner), settings.retry
            ),
            event_hooks={"request": [_send_merge_patch], "response": [raise_for_problem]},
        )

    def _new_async_client(self) -> httpx.AsyncClient:
        inner = self._network.async_transport()
        settings = self._settings
        return httpx.AsyncClient(
            base_url=settings.base_url,
            headers=dict(settings.headers),
            timeout=settings.timeout,
            transport=AsyncRetryTransport(
                inner if self._owns_network else _AsyncShared(inner), settings.retry
            ),
            event_hooks={"request": [_asend_merge_patch], "response": [araise_for_problem]},
        )

    def close(self) -> None:
        """Close the sync connections (use `aclose()` when async calls were made).

        On a `with_options` view this closes nothing: the connections are the tracker's.
        """
        client, _ = self._lazy.opened()
        if client is not None:
            client.close()
        if self._owns_network and self._network.sync is not None:
            self._network.sync.close()  # also when only views used it

    async def aclose(self) -> None:
        """Close the sync and async connections."""
        self.close()
        _, async_client = self._lazy.opened()
        if async_client is not None:
            await async_client.aclose()
        if self._owns_network and self._network.async_ is not None:
            await self._network.async_.aclose()

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

    One property per tag of the API (`tracker.patients`, ...), one method per operation (generated
    from the spec into `._generated_resources`): each returns the success model or raises an
    `ApiError` subclass. Use one instance for many calls (it keeps connections open) and close it
    (`with`, or `close()`).
    `with_options(timeout=..., retries=..., headers=...)` gives a view for a call or a few.

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

    The same constructor, properties, methods and `with_options`, each method a coroutine, and
    `list_all...` async iterators. Close it with `async with` or `await aclose()`.
    """
