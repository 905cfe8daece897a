"""The one shape a successful response takes before it is sent (and, for POSTs, stored)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel
from starlette.responses import Response

from patient_tracker.kit.etags import etag_for

JSON = "application/json"


@dataclass(frozen=True, slots=True)
class ApiResponse:
    """A serialised success response; kept whole so an idempotent retry can replay it exactly."""

    status: int
    body: str
    location: str | None = None
    etag: str | None = None

    def to_response(self, *, replayed: bool = False) -> Response:
        headers: dict[str, str] = {}
        if self.location is not None:
            headers["location"] = self.location
        if self.etag is not None:
            headers["etag"] = self.etag
        if replayed:
            headers["idempotent-replayed"] = "true"
        return Response(self.body, status_code=self.status, headers=headers, media_type=JSON)


def resource_response(
    model: BaseModel, version: int, *, status: int, location: str | None = None
) -> ApiResponse:
    """A single resource with its `ETag` (and `Location` when it was just created)."""
    return ApiResponse(status, model.model_dump_json(), location=location, etag=etag_for(version))


def page_response(model: BaseModel, status: int) -> Response:
    """A page of a list (or an immutable thing): no `ETag`, never stored."""
    return Response(model.model_dump_json(), status_code=status, media_type=JSON)


def not_modified(version: int) -> Response:
    """`304 Not Modified`: no body, the `ETag` the client holds (RFC 9110 section 15.4.5)."""
    return Response(status_code=304, headers={"etag": etag_for(version)})
