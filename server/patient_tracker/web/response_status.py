"""`ResponseStatus`: the status the app answered a request with, for the layers that report it.

The access log, the request metrics and the request spans each run the app and then report its
status; this is what they share, so that the three agree on the status of a request the app never
answered: 500 when an exception escaped before any response (uvicorn then answers 500), 499
("client closed request", nginx's convention) when the client went away first
(`problem_handlers` swallows the `ClientDisconnect`), never a 500 for that.
"""

from __future__ import annotations

from starlette.types import Message, Send

__all__ = ["CLIENT_CLOSED_REQUEST", "ResponseStatus"]

CLIENT_CLOSED_REQUEST = 499
"""The status reported for a request whose client went away before any response was sent."""


class ResponseStatus:
    """Wraps a layer's `send`: pass `observed.send` to the app, then ask `final`."""

    __slots__ = ("_send", "sent")

    def __init__(self, send: Send) -> None:
        self._send = send
        self.sent = 0  # the status of the response started, 0 until one is

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.sent = message["status"]
        await self._send(message)

    def final(self, raised: bool) -> int:
        """The status to report once the app has returned (`raised`: by an exception)."""
        if self.sent:
            return self.sent
        return 500 if raised else CLIENT_CLOSED_REQUEST
