"""The hand-written contract, served as the app's OpenAPI document.

FastAPI would generate its own document from the routes; we serve `spec/openapi.yaml` instead,
since it is the source of truth (the conformance test keeps the routes in line with it).
`walk_operations` is the one walk over a document's operations, for the server and for the
tools and tests that read the spec.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import yaml

# In a built wheel the spec is packaged beside this module (see `force-include` in
# pyproject.toml); in a source checkout or an editable install it is read from `spec/`.
_PACKAGED = "openapi.yaml"
_SOURCE_TREE = Path(__file__).resolve().parents[3] / "spec" / "openapi.yaml"


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


# The HTTP methods an OpenAPI path item may hold operations under, in the order they are walked.
HTTP_METHODS = ("get", "put", "post", "patch", "delete", "options", "head", "trace")


class DocumentOperation(NamedTuple):
    """One operation of an OpenAPI document, as `walk_operations` yields it."""

    method: str  # upper case, e.g. "GET"
    path: str  # the path template, e.g. "/v1/patients/{patient_id}"
    operation: Mapping[str, Any]  # the operation object as written
    # The path item's parameters, then the operation's, each `$ref` resolved.
    parameters: tuple[Mapping[str, Any], ...]


def resolve_parameter(
    document: Mapping[str, Any], parameter: Mapping[str, Any]
) -> Mapping[str, Any]:
    """`parameter`, or the `components/parameters` entry its `$ref` names."""
    ref = parameter.get("$ref")
    if ref is None:
        return parameter
    resolved: Mapping[str, Any] = document["components"]["parameters"][ref.rsplit("/", 1)[-1]]
    return resolved


def walk_operations(document: Mapping[str, Any] | None = None) -> Iterator[DocumentOperation]:
    """Every operation of `document` (by default the server's spec), in document order."""
    document = spec_dict() if document is None else document
    for path, path_item in (document.get("paths") or {}).items():
        shared = path_item.get("parameters", [])
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if operation is None:
                continue
            parameters = [*shared, *operation.get("parameters", [])]
            resolved = tuple(resolve_parameter(document, each) for each in parameters)
            yield DocumentOperation(method.upper(), path, operation, resolved)
