"""The spec document (`/openapi.json`, `/openapi.yaml`) and interactive API docs that work
offline: Swagger UI 5 and ReDoc served by the app itself.

FastAPI's `/docs` and `/redoc` load their scripts from a CDN, so they are blank without internet.
The `fastapi-offline` package ships the same assets (Swagger UI 5, which renders OpenAPI 3.1, and
ReDoc 2); we serve its files and point FastAPI's page builders at them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from starlette.responses import HTMLResponse, Response

from patient_tracker.contract.spec_document import spec_dict, spec_text

STATIC_PATH = "/docs-static"
_TITLE = "Patient Appointment Tracker API"

# The pages may load images only from this server (and inline data: icons). ReDoc 2.5 hard-codes
# its "API docs by Redocly" badge as an image on its CDN: the browser now never asks for it, so
# the docs make no request elsewhere, online or off. Scripts and styles stay unrestricted here:
# both pages use inline ones, and all of theirs are served from STATIC_PATH anyway.
_DOCS_HEADERS = {"Content-Security-Policy": "img-src 'self' data:"}

router = APIRouter(include_in_schema=False)


@router.get("/docs")
async def swagger_ui() -> HTMLResponse:
    """Swagger UI over `/openapi.json`."""
    page = get_swagger_ui_html(
        openapi_url="/openapi.json",
        title=f"{_TITLE} - Swagger UI",
        swagger_js_url=f"{STATIC_PATH}/swagger-ui-bundle.js",
        swagger_css_url=f"{STATIC_PATH}/swagger-ui.css",
        swagger_favicon_url=f"{STATIC_PATH}/favicon.png",
    )
    page.headers.update(_DOCS_HEADERS)
    return page


@router.get("/redoc")
async def redoc() -> HTMLResponse:
    """ReDoc over `/openapi.json`."""
    page = get_redoc_html(
        openapi_url="/openapi.json",
        title=f"{_TITLE} - ReDoc",
        redoc_js_url=f"{STATIC_PATH}/redoc.standalone.js",
        redoc_favicon_url=f"{STATIC_PATH}/favicon.png",
        with_google_fonts=False,
    )
    page.headers.update(_DOCS_HEADERS)
    return page


def mount_docs(app: FastAPI) -> None:
    """Add `/docs`, `/redoc` and the static assets they load."""
    assets = resources.files("fastapi_offline") / "static"
    app.mount(STATIC_PATH, StaticFiles(directory=str(assets)), name="docs-static")
    app.include_router(router)


@lru_cache(maxsize=1)
def _spec_json() -> bytes:
    return json.dumps(spec_dict(), ensure_ascii=False).encode()


spec_router = APIRouter(include_in_schema=False)


@spec_router.get("/openapi.json")
async def openapi_json() -> Response:
    """The spec as JSON."""
    return Response(_spec_json(), media_type="application/json")


@spec_router.get("/openapi.yaml")
async def openapi_yaml() -> Response:
    """The spec as written."""
    return Response(spec_text(), media_type="application/yaml")
