"""`GET /healthz` and `GET /readyz`: probes for orchestrators, without authentication."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from patient_tracker.api_models import Health, Readiness, Status, Status1
from patient_tracker.auth.route import SecuredRoute
from patient_tracker.deps import DatabaseDep
from patient_tracker.http.responses import documented
from patient_tracker.problems import DatabaseUnavailableError

router = APIRouter(tags=["Health"], route_class=SecuredRoute)

_ALIVE = Health(status=Status.ok).model_dump_json()
_READY = Readiness(status=Status1.ready).model_dump_json()


@router.get("/healthz", operation_id="getHealth", responses=documented(500))
async def get_health() -> Response:
    """The process is alive; the database is not touched."""
    return Response(_ALIVE, media_type="application/json")


@router.get("/readyz", operation_id="getReadiness", responses=documented(500, 503))
async def get_readiness(request: Request, db: DatabaseDep) -> Response:
    """The database answers a trivial query, and this process has its cursor secret."""
    if request.app.state.cursors is None or not await db.ping():
        raise DatabaseUnavailableError("The database did not answer.")
    return Response(_READY, media_type="application/json")
