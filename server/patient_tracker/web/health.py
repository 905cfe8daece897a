"""`getHealth` and `getReadiness`: probes for orchestrators, public in the spec."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.contract.api_models import Health, Readiness, Status, Status1
from patient_tracker.contract.problems import DatabaseUnavailableError
from patient_tracker.web.deps import DatabaseDep
from patient_tracker.web.operations import operation

_ALIVE = Health(status=Status.ok).model_dump_json()
_READY = Readiness(status=Status1.ready).model_dump_json()


@operation("getHealth")
async def get_health() -> Response:
    """The process is alive; the database is not touched."""
    return Response(_ALIVE, media_type="application/json")


@operation("getReadiness")
async def get_readiness(request: Request, db: DatabaseDep) -> Response:
    """The database answers a trivial query, and this process has its cursor secret."""
    if request.app.state.cursors is None or not await db.ping():
        raise DatabaseUnavailableError("The database did not answer.")
    return Response(_READY, media_type="application/json")
