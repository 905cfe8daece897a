"""One delivery attempt: the event POSTed, signed, to the endpoint's vetted address; its record.

The record (`Attempt`) keeps what the attempts listing shows: when, how long, the status or
a fixed error code. Never the response body (a receiver may echo anything) nor the payload
(patient data); the log line (DEBUG) carries the event id, the outcome and the duration only.

The whole attempt, DNS and TLS included, is bounded by one deadline (15 s by default): httpx's
timeouts apply per phase and per read, so a receiver trickling a byte every few seconds would
otherwise hold an attempt open for as long as it likes.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import httpx

from patient_tracker.db.outbox import Attempt

from .signing import signature_headers
from .ssrf import DestinationPolicy, Resolver, UnsafeDestinationError, resolve_destination
from .ssrf import system_resolver as default_resolver

logger = logging.getLogger("patient_tracker.webhooks")

DELIVERY_TIMEOUT = 15.0
"""Seconds an attempt may take in all, from resolving the host to the response's status line."""

USER_AGENT = "patient-tracker-webhooks/1"

# Fixed error codes of a failed attempt (besides UnsafeDestinationError's reasons).
TIMEOUT = "timeout"
CONNECTION_FAILED = "connection_failed"
TLS_FAILED = "tls_failed"
PROTOCOL_ERROR = "protocol_error"


def new_delivery_client(verify: ssl.SSLContext | bool = True) -> httpx.AsyncClient:
    """The client deliveries go through.

    No proxy from the environment (it would connect to the host by name, around the address
    check); no redirects (a 3xx is a failed attempt, not a hop to an unchecked URL); no kept-alive
    connections: connections are pooled by address, and a TLS connection opened for one endpoint
    must not carry a request for another endpoint that resolves to the same address.
    """
    return httpx.AsyncClient(
        verify=verify,
        trust_env=False,
        follow_redirects=False,
        limits=httpx.Limits(max_keepalive_connections=0),
        timeout=httpx.Timeout(DELIVERY_TIMEOUT),
    )


async def deliver(
    client: httpx.AsyncClient,
    url: str,
    *,
    event_id: str,
    payload: str,
    secrets_in_use: Sequence[str],
    policy: DestinationPolicy,
    resolver: Resolver = default_resolver,
    deadline: float = DELIVERY_TIMEOUT,
) -> Attempt:
    """POST `payload` (the event's JSON) to `url` once; never raises for the endpoint's failures.

    The host is resolved and vetted now (DNS rebinding), and the request goes to that address
    with the registered host as `Host` and as the TLS server name (`sni_hostname`). `deadline`
    (seconds) bounds the whole attempt.
    """
    started_at = datetime.now(UTC)
    clock = time.perf_counter()
    status_code: int | None = None
    error: str | None = None
    try:
        async with asyncio.timeout(deadline):
            destination = await resolve_destination(url, policy, resolver)
            headers = signature_headers(event_id, started_at, payload, secrets_in_use)
            request = client.build_request(
                "POST",
                destination.connect_url,
                content=payload.encode(),
                headers={
                    **headers,
                    "host": destination.host_header,
                    "content-type": "application/json",
                    "user-agent": USER_AGENT,
                },
                extensions={"sni_hostname": destination.server_name},
            )
            response = await client.send(request, stream=True)
            status_code = response.status_code
            await response.aclose()  # the body is never read
    except UnsafeDestinationError as refused:
        error = refused.reason
    except (TimeoutError, httpx.TimeoutException):
        error = TIMEOUT
    except httpx.ConnectError as failed:
        error = TLS_FAILED if _caused_by_tls(failed) else CONNECTION_FAILED
    except httpx.TransportError:  # read/write errors, a malformed or cut response
        error = PROTOCOL_ERROR
    record = Attempt(
        started_at=started_at,
        duration=timedelta(seconds=time.perf_counter() - clock),
        status_code=status_code,
        error=error,
    )
    # DEBUG: the worker logs each attempt it records at INFO, with the endpoint and the attempt
    # number too (one line per delivery rather than two, at volume).
    logger.debug(
        "webhook attempt event=%s outcome=%s duration_ms=%d",
        event_id,
        status_code if status_code is not None else error,
        record.duration / timedelta(milliseconds=1),
    )
    return record


def _caused_by_tls(error: BaseException) -> bool:
    """Whether an `ssl.SSLError` is in the chain (httpx wraps httpcore's, which wraps ssl's)."""
    seen: BaseException | None = error
    for _ in range(10):  # a chain is a few links long; the bound guards against a cycle
        if seen is None:
            break
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
