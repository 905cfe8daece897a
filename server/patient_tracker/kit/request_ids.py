"""Request ids: made here, checked here, and the one a running request has.

A request id is what an integrator quotes in a support ticket and an operator searches the logs
for. The server makes one per request, `req_` and 32 hex digits (128 random bits: unguessable,
so one integrator cannot name another's request, and unique without coordination between
processes). Behind a trusted proxy an inbound `X-Request-Id` is adopted instead, if it is
well formed: valid as the spec's `RequestId` schema (checked with its generated model), which
keeps it safe to echo in a header, a JSON body and a log line.

`current_request_id` holds the id of the request being served, set by the web layer's
`RequestIdMiddleware` for the request's task. It is read where passing the id down explicitly
would thread one value through every service signature: the event log (an event records the
request that caused it). SQLite units of work run inline on that task and PostgreSQL's in
SQLAlchemy's greenlets, which carry the task's context (`sqlalchemy.util.greenlet_spawn`).
"""

from __future__ import annotations

import os
from contextvars import ContextVar

from pydantic import ValidationError

from patient_tracker.contract.api_models import RequestId

__all__ = ["current_request_id", "is_well_formed", "new_request_id"]

current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)
"""The id of the request this task serves; `None` outside a request (the CLI, the worker)."""


def new_request_id() -> str:
    """A fresh id: `req_` and 32 lowercase hex digits (~0.4 us)."""
    return "req_" + os.urandom(16).hex()


def is_well_formed(value: str) -> bool:
    """Whether an inbound id may be adopted as it is (only behind a trusted proxy: a rare path)."""
    try:
        RequestId.model_validate(value)
    except ValidationError:
        return False
    return True
