"""Helpers for the generated query-parameter models (`<OperationId>ParametersQuery`)."""

from __future__ import annotations

from typing import TypeVar
from urllib.parse import unquote_to_bytes

from fastapi import Request
from pydantic import MISSING, RootModel

from patient_tracker.contract.api_models import FieldError
from patient_tracker.contract.problems import (
    MAX_ERRORS,
    ValidationFailedError,
    field_error,
    invalid_count_detail,
)

T = TypeVar("T")


def given(value: T | MISSING) -> T | None:
    """The parameter's value, or `None` when the request did not send it."""
    return None if value is MISSING else value


def given_root(value: RootModel[T] | MISSING) -> T | None:
    """Like `given`, unwrapping a schema that the generator made a `RootModel` (`Phone`, `Id`)."""
    return None if value is MISSING else value.root


def _decoded(raw: bytes) -> bytes:
    return unquote_to_bytes(raw.replace(b"+", b" "))


def unambiguous_query(request: Request) -> None:
    """422 for a query string the framework would read silently wrong.

    Starlette decodes percent-escapes that are not UTF-8 (`%ff`, an encoded surrogate) to U+FFFD,
    and a repeated parameter to its last value; either way the operation would answer 200 for
    something the client did not ask. Every query parameter of the spec is a single value, so a
    repeated one is an error. A route dependency, so it runs after authentication.
    """
    raw = request.scope.get("query_string", b"")
    if not raw:
        return
    seen: set[str] = set()
    errors: list[FieldError] = []
    invalid = 0  # all are counted, but only the first MAX_ERRORS built: a 64 KiB query has 32,000
    for pair in raw.split(b"&"):
        if not pair:
            continue
        raw_name, _, raw_value = pair.partition(b"=")
        name_bytes, value_bytes = _decoded(raw_name), _decoded(raw_value)
        name = name_bytes.decode("utf-8", "replace")
        try:
            name_bytes.decode("utf-8")
            value_bytes.decode("utf-8")
        except UnicodeDecodeError:
            problem = "Percent-encoding must be UTF-8."
        else:
            problem = "Give this parameter at most once." if name in seen else ""
            seen.add(name)
        if problem:
            invalid += 1
            if len(errors) < MAX_ERRORS:
                errors.append(field_error(parameter=name, detail=problem))
    if errors:
        raise ValidationFailedError(invalid_count_detail(invalid, "parameter"), errors=errors)
