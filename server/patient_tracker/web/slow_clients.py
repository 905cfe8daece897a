"""uvicorn's httptools protocol plus the limits it lacks: a header size and two read timeouts.

uvicorn (pinned in pyproject.toml) bounds header size only with h11
(`h11_max_incomplete_event_size`) and has no header- or body-read timeout with either parser:
`timeout_keep_alive` covers only the idle time between requests. So a client can hold a connection
forever by never finishing its headers or body, and can make the server buffer a 10 MB header.
We run httptools (uvicorn's faster parser), and no library adds these limits to uvicorn, so
this small subclass does, from the settings `max_header_bytes`, `header_timeout` and
`body_timeout`:

- a request line plus headers larger than `max_header_bytes` gets a 431 problem and the
  connection is closed (counted per read, so at most one read's worth is buffered beyond it);
- a connection whose first request has not sent its headers `header_timeout` seconds after it
  opened, or a later request whose headers are still incomplete `header_timeout` seconds after
  their first bytes, is closed;
- a request whose body is incomplete `body_timeout` seconds after its headers is closed (the app
  then sees a disconnect, logged at INFO, access-logged as 499). Nothing is answered: an HTTP
  status would have to be documented for every operation with a body.

Hot path: a request that arrives whole in one read starts no timer; the cost is three extra
method calls and a few comparisons, ~0.5 us per request in-process (parsing a typical GET and
starting its task: 6.1 us with uvicorn's class, 6.6 us with this one; docs/design.md). Timers are
armed only when a read ends inside a request, and cancelled when it completes; each connection
arms and cancels one for its first request.
"""

from __future__ import annotations

import asyncio
import logging
from http import HTTPStatus
from typing import Any

import httptools
from starlette.types import Receive, Scope, Send
from uvicorn._types import ASGI3Application
from uvicorn.config import Config
from uvicorn.protocols.http.flow_control import service_unavailable
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol, RequestResponseCycle
from uvicorn.server import ServerState

from patient_tracker.contract.api_models import Problem, RequestId
from patient_tracker.contract.problems import (
    PROBLEM_MEDIA_TYPE,
    PROBLEM_TYPE_PREFIX,
    MalformedRequestError,
    MethodNotImplementedError,
    ProblemError,
    RequestHeaderTooLargeError,
    ServerBusyError,
    problem_response,
)
from patient_tracker.kit.request_ids import new_request_id
from patient_tracker.settings import get_settings
from patient_tracker.web.problem_handlers import request_path

__all__ = ["GuardedHttpToolsProtocol"]

logger = logging.getLogger("patient_tracker.connections")

# Where the connection is in its current request.
_BETWEEN_REQUESTS, _IN_HEAD, _IN_BODY = 0, 1, 2


class _HeadTooLargeError(Exception):
    """Raised from a parser callback to stop parsing; httptools re-raises it wrapped."""


def _protocol_problem(error: ProblemError, default_headers: list[tuple[bytes, bytes]]) -> bytes:
    """`error` as raw HTTP/1.1 bytes, for answers the protocol gives before any app runs: the
    spec's problem body with a request id of its own (the app's middleware never sees these
    requests), and `Connection: close` (the connection's byte stream cannot be trusted any more).
    """
    request_id = new_request_id()
    body = Problem(
        type=PROBLEM_TYPE_PREFIX + error.code,
        title=error.title,
        status=error.status,
        detail=error.detail,
        code=error.code,
        request_id=RequestId(request_id),
    ).model_dump_json(exclude_none=True)
    head = [f"HTTP/1.1 {error.status} {HTTPStatus(error.status).phrase}\r\n".encode()]
    head += [name + b": " + value + b"\r\n" for name, value in default_headers]
    return b"".join(
        [
            *head,
            b"content-type: " + PROBLEM_MEDIA_TYPE.encode() + b"\r\n",
            b"content-length: " + str(len(body)).encode() + b"\r\n",
            b"request-id: " + request_id.encode() + b"\r\n",
            b"connection: close\r\n\r\n",
            body.encode(),
        ]
    )


async def _server_busy(scope: Scope, receive: Receive, send: Send) -> None:
    """The spec's 503 `server_busy` problem, in place of uvicorn's text/plain answer to its
    `limit_concurrency` (a request over it is refused before the app runs)."""
    request_id = new_request_id()
    error = ServerBusyError(
        "The server is at its limit of connections and requests in flight.",
        headers={"Retry-After": "1", "Connection": "close", "Request-Id": request_id},
    )
    await problem_response(error, request_path(scope), request_id)(scope, receive, send)


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """Passed to uvicorn as `http=` by `patient-tracker serve` (an import string, so that
    worker processes import it)."""

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        settings = get_settings()
        self._max_head_bytes = settings.max_header_bytes
        self._header_timeout = settings.header_timeout
        self._body_timeout = settings.body_timeout
        self._phase = _BETWEEN_REQUESTS
        # Bytes read since the current request's head began: an upper bound on the head's size
        # (a read that completes the head may carry body bytes too).
        self._head_bytes = 0
        self._read_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # A connection that never sends a request is closed like one that never finishes it.
        self._read_timer = self.loop.call_later(self._header_timeout, self._on_read_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_read_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._phase != _IN_BODY:
            self._head_bytes += len(data)
        # uvicorn's data_received, except that our parser-callback error gets a 431 instead of
        # being reported as an invalid request.
        self._unset_keepalive_if_required()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserCallbackError as exc:
            if isinstance(exc.__context__, _HeadTooLargeError):
                self._reject_large_head()
                return
            self._reject_invalid_request()
            return
        except httptools.HttpParserInvalidMethodError:
            self._reject_unknown_method()
            return
        except httptools.HttpParserError:
            self._reject_invalid_request()
            return
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
            return
        if self._phase == _IN_HEAD and self._head_bytes > self._max_head_bytes:
            self._reject_large_head()
        elif self._phase != _BETWEEN_REQUESTS and self._read_timer is None:
            # The read ended inside a request: give the rest of it a deadline (not renewed by
            # later reads, so trickling a byte at a time does not keep the connection).
            timeout = self._header_timeout if self._phase == _IN_HEAD else self._body_timeout
            self._read_timer = self.loop.call_later(timeout, self._on_read_timeout)

    # Parser callbacks (httptools calls them from feed_data above). They call the base class
    # directly rather than through super(): ~0.1 us less each, on every request.

    def on_message_begin(self) -> None:
        HttpToolsProtocol.on_message_begin(self)
        self._phase = _IN_HEAD

    def on_headers_complete(self) -> None:
        if self._head_bytes > self._max_head_bytes and self._head_size() > self._max_head_bytes:
            raise _HeadTooLargeError
        self._phase = _IN_BODY
        self._head_bytes = 0
        if self._read_timer is not None:  # the head's deadline is over; the body's starts when
            self._cancel_read_timer()  # a read ends inside it
        HttpToolsProtocol.on_headers_complete(self)

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: ASGI3Application) -> None:
        # uvicorn picks its own `service_unavailable` app for a request over `limit_concurrency`
        # (also for a pipelined one, started later through here); ours answers problem+json.
        if app is service_unavailable:
            app = _server_busy  # type: ignore[assignment]
        HttpToolsProtocol._start_asgi_task(self, cycle, app)

    def on_message_complete(self) -> None:
        HttpToolsProtocol.on_message_complete(self)
        self._phase = _BETWEEN_REQUESTS
        self._head_bytes = 0
        if self._read_timer is not None:
            self._cancel_read_timer()

    def _head_size(self) -> int:
        """The exact size of the parsed head (only computed when the cheap bound is exceeded)."""
        return len(self.url) + sum(len(name) + len(value) + 4 for name, value in self.headers)

    def _cancel_read_timer(self) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _on_read_timeout(self) -> None:
        self._read_timer = None
        if self.transport.is_closing():
            return
        if self.flow.read_paused:
            # The server stopped reading (the app is behind, or requests are pipelined): the
            # client is not the slow one. Check again later.
            self._read_timer = self.loop.call_later(self._body_timeout, self._on_read_timeout)
            return
        if self._phase == _BETWEEN_REQUESTS:
            # Browsers open spare connections they may never use; that is not worth an INFO line.
            logger.debug("closed a connection that sent no request in %ss", self._header_timeout)
        elif self._phase == _IN_HEAD:
            logger.info(
                "closed a connection: request headers incomplete after %ss", self._header_timeout
            )
        else:
            logger.info(
                "closed a connection: request body incomplete after %ss", self._body_timeout
            )
        self.transport.close()

    def _reject_large_head(self) -> None:
        logger.info("answered 431: request headers larger than %d bytes", self._max_head_bytes)
        error = RequestHeaderTooLargeError(
            f"The request line and headers exceed the limit of {self._max_head_bytes} bytes."
        )
        self._answer_and_close(error)

    def _reject_invalid_request(self) -> None:
        # As uvicorn does: its message names no request data.
        message = "Invalid HTTP request received."
        self.logger.warning(message)
        self.send_400_response(message)

    def _reject_unknown_method(self) -> None:
        # RFC 9110, 9.1: a method the server does not recognise is a 501, not a 400.
        self.logger.info("answered 501: a method HTTP does not know")
        error = MethodNotImplementedError("The request's method is not an HTTP method.")
        self._answer_and_close(error)

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to bytes that are not an HTTP request: problem+json, not text/plain."""
        self._answer_and_close(MalformedRequestError(msg))

    def _answer_and_close(self, error: ProblemError) -> None:
        self._cancel_read_timer()
        self._phase = _BETWEEN_REQUESTS
        self.transport.write(_protocol_problem(error, self.server_state.default_headers))
        self.transport.close()
