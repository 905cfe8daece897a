"""The hand-written contract, served as the app's OpenAPI document.

FastAPI would generate its own document from the routes; we serve `spec/openapi.yaml` instead,
since it is the source of truth (the conformance test keeps the routes in line with it).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from fastapi import APIRouter
from starlette.responses import Response

# In a built wheel the spec is packaged beside this module (see `force-include` in
# pyproject.toml); in a source checkout or an editable install it is read from `spec/`.
_PACKAGED = "openapi.yaml"
_SOURCE_TREE = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"


@lru_cache(maxsize=1)
def spec_text() -> str:
    """The spec as written (YAML). Read once: it is part of the installed code, not data."""
    packaged = resources.files("patient_tracker") / _PACKAGED
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return _SOURCE_TREE.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def spec_dict() -> dict[str, Any]:
    """The spec as a dictionary."""
    document: dict[str, Any] = yaml.safe_load(spec_text())
    return document


@lru_cache(maxsize=1)
def _spec_json() -> bytes:
    return json.dumps(spec_dict(), ensure_ascii=False).encode()


router = APIRouter(include_in_schema=False)


@router.get("/openapi.json")
async def openapi_json() -> Response:
    """The spec as JSON."""
    return Response(_spec_json(), media_type="application/json")


@router.get("/openapi.yaml")
async def openapi_yaml() -> Response:
    """The spec as written."""
    return Response(spec_text(), media_type="application/yaml")
