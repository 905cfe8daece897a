"""Reading a JSON request body: media type (415), size (413), syntax (400) and schema (422).

FastAPI's own body handling answers these cases with `{"detail": ...}` JSON, decodes with the lax
`json` module and then validates Python objects; we read the bytes ourselves so every case gets its
documented problem, and validate straight from JSON with pydantic in strict mode (no `"30"` for an
int, no `0` for a date), which is also faster.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError
from pydantic_core import from_json

from patient_tracker.contract.api_models import FieldError
from patient_tracker.contract.problems import (
    MalformedJsonError,
    PayloadTooLargeError,
    UnsupportedMediaTypeError,
    ValidationFailedError,
    field_error,
    field_errors_detail,
)

ModelT = TypeVar("ModelT", bound=BaseModel)

JSON = "application/json"
# The limit the spec documents (info.description and every 413 response). A constant, not a
# setting: a deployment that changed it would no longer honour its own contract.
MAX_BODY_BYTES = 65_536


def json_pointer(location: Iterable[int | str]) -> str:
    """RFC 6901 pointer for a pydantic error location: `("items", 0)` -> `/items/0`."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in location)


def body_field_errors(error: ValidationError) -> list[FieldError]:
    """One `FieldError` per pydantic error, pointing into the body; the input is never echoed."""
    return [
        field_error(pointer=json_pointer(item["loc"]), detail=item["msg"])
        for item in error.errors(include_url=False, include_input=False, include_context=False)
    ]


def _media_type(request: Request) -> str:
    raw = request.headers.get("content-type", "")
    return raw.split(";", 1)[0].strip().lower()


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLargeError(f"The request body exceeds the limit of {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    # Count while streaming: Content-Length may be absent (chunked) or wrong.
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLargeError(f"The request body exceeds the limit of {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def _reject_non_json_numbers(raw: bytes) -> None:
    """400 for `NaN`, `Infinity` and `-Infinity`, which are not JSON (RFC 8259, section 6).

    pydantic's JSON parser accepts them, and no field of ours takes a float, so they only ever
    surface as a validation error; only then do we parse again, strictly, to tell the two apart
    (no cost on valid requests). Duplicate keys stay accepted, the last one winning, as RFC 8259
    permits and as most parsers do.
    """
    try:
        from_json(raw, allow_inf_nan=False)
    except ValueError as error:
        raise MalformedJsonError(f"The request body is not valid JSON: {error}.") from None


def json_body(
    model: type[ModelT], *, media_types: tuple[str, ...] = (JSON,)
) -> Callable[[Request], Awaitable[ModelT]]:
    """A FastAPI dependency that returns the request body parsed and validated as `model`."""

    async def dependency(request: Request) -> ModelT:
        media_type = _media_type(request)
        if media_type not in media_types:
            accepted = " or ".join(f"'{m}'" for m in media_types)
            given = f"'{media_type}'" if media_type else "no media type"
            raise UnsupportedMediaTypeError(f"The body must be {accepted}, not {given}.")
        raw = await _read_limited(request, MAX_BODY_BYTES)
        try:
            return model.model_validate_json(raw, strict=True)
        except ValidationError as error:
            first = error.errors(include_url=False, include_input=False)[0]
            if first["type"] == "json_invalid":
                reason = first.get("ctx", {}).get("error", "")
                raise MalformedJsonError(f"The request body is not valid JSON: {reason}.") from None
            _reject_non_json_numbers(raw)
            errors = body_field_errors(error)
            raise ValidationFailedError(
                field_errors_detail(errors, "field"), errors=errors
            ) from None

    return dependency
