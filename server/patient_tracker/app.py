"""`create_app(settings)`: the FastAPI application; its lifespan owns the database engine."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from patient_tracker import docs, health, spec_document
from patient_tracker.access_log import AccessLogMiddleware
from patient_tracker.appointments.router import router as appointments_router
from patient_tracker.cursor_secret import provide_cursor_codec
from patient_tracker.db.database import Database
from patient_tracker.db.engine import create_engine_from_url
from patient_tracker.patients.router import router as patients_router
from patient_tracker.practitioners.router import router as practitioners_router
from patient_tracker.problem_handlers import UnexpectedErrorMiddleware, install_problem_handlers
from patient_tracker.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application; the engine is created on startup and disposed of on shutdown."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = Database(create_engine_from_url(settings.database_url))
        app.state.db = database
        # Once per process: the secret is immutable while the process runs.
        retrying = await provide_cursor_codec(app.state, settings, database)
        try:
            yield
        finally:
            if retrying is not None:
                retrying.cancel()
            database.dispose()

    app = FastAPI(
        title="Patient Appointment Tracker API",
        lifespan=lifespan,
        # The contract is spec/openapi.yaml, served by `spec_document`; FastAPI's generated
        # document and its CDN-loading doc pages are switched off.
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        # A trailing slash names no operation: a 404 problem, not a redirect to a guessed URL.
        redirect_slashes=False,
        # FastAPI's built-in OpenTelemetry is off: its logs record exception messages, which can
        # quote patient data (we log only types and tracebacks, see problem_handlers), and even
        # with no exporter configured it checks for one on every request (~3 us).
        telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False},
    )
    app.state.settings = settings
    install_problem_handlers(app)
    for router in (
        health.router,
        patients_router,
        practitioners_router,
        appointments_router,
        spec_document.router,
    ):
        _add_routes(app, router)
    docs.mount_docs(app)
    app.add_middleware(UnexpectedErrorMiddleware)
    if settings.access_log:
        app.add_middleware(AccessLogMiddleware)
    return app


def _add_routes(app: FastAPI, router: APIRouter) -> None:
    """Put `router`'s routes on the app's own router, instead of `app.include_router(router)`.

    Since FastAPI 0.137, `include_router` keeps each router as a nested node that every request
    walks through (fastapi/fastapi#16159 has the open fix): measured here at ~17 us of the
    ~127 us an authenticated GET costs in-process. Our routers set their prefix and tags where
    they are declared, so each `APIRoute` is already complete and can be listed directly.
    """
    app.router.routes.extend(router.routes)
