"""`Caller`: the authenticated party of a request, as `SecuredRoute` leaves it for the handler."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from patient_tracker.auth.keys import Principal
from patient_tracker.db.database import Database

__all__ = ["CALLER_SCOPE_KEY", "Caller"]

# Where `auth.route.SecuredRoute` leaves the authenticated caller in the ASGI scope.
CALLER_SCOPE_KEY = "patient_tracker.caller"


@dataclass(frozen=True, slots=True)
class Caller:
    """An authenticated request: whose key it carries, and the database to work in."""

    principal: Principal
    db: Database

    @staticmethod
    def of(request: Request) -> Caller:
        """The caller that `SecuredRoute` authenticated for this request.

        Raises `RuntimeError` on a route that did not authenticate: a programming error (the
        route is public in the spec, or was not bound by `operations.bind_operations`).
        """
        caller = request.scope.get(CALLER_SCOPE_KEY)
        if not isinstance(caller, Caller):
            raise RuntimeError("this route did not authenticate its caller (see SecuredRoute)")
        return caller
