# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.appointment_status import AppointmentStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """An RFC 9457 problem. `code` is stable and machine-readable: `malformed_json`,
    `unauthenticated`, `invalid_api_key`, `insufficient_scope`, `not_found`,
    `method_not_allowed`, `phone_taken`, `patient_has_appointments`,
    `practitioner_has_appointments`, `appointment_overlap`, `practitioner_inactive`,
    `invalid_status_transition`, `precondition_failed`, `payload_too_large`,
    `request_header_too_large`, `unsupported_media_type`, `validation_failed`, `invalid_cursor`,
    `idempotency_key_reused`,
    `internal_error`, `database_unavailable`, `server_busy`, `rate_limited`, `malformed_request`,
    `method_not_implemented`. New codes may be added, so treat an unknown code by its `status`. A `4xx` without a code
    of its own has its reason phrase in snake case as code
    (e.g. `bad_request`). A text field that would exceed its `maxLength` (it may quote the
    request) is cut: its start, ending in `…` (U+2026) within the bound. `x-problem-codes` lists
    the same codes, each with its status and title, for tools (the SDK generates from it).
    `request_header_too_large` (431) is answered by the server's HTTP layer, before any
    operation, to a request whose line and headers exceed the server's limit; so are
    `malformed_request` (400), to bytes that are not an HTTP/1.1 request, and
    `method_not_implemented` (501), to a method token HTTP does not know. Every problem carries
    the request's `request_id`.

        Attributes:
            type_ (str): A URI naming the kind of problem, `urn:patient-tracker:problem:<code>`.
            title (str): A short human summary of the kind of problem; the same for every occurrence.
            status (int): The HTTP status code.
            detail (str): A human explanation of this occurrence (cut to `maxLength`, ending in `…`, if longer).
            code (str): The stable machine-readable kind of problem (see the schema description).
            instance (str | Unset): The path of the request that failed. A longer path is cut to `maxLength`, ending in
                `%E2%80%A6` (the percent-encoded `…`) so that it stays a URI reference.
            request_id (str | Unset): A request's id, as its `Request-Id` header gives it (`req_` and 32 hex digits when the
                server
                made it; a proxy's id may take other forms).
            current_status (AppointmentStatus | Unset): Where the appointment is in its life: `scheduled` (booked),
                `checked_in` (the patient has
                arrived), `completed`, `cancelled` (frees the slot), or `no_show`. An appointment is booked
                `scheduled`; each status action moves it as `x-status-machine` says, and from any other status
                it is a `409` (`invalid_status_transition`, with `current_status`).
            errors (list[FieldError] | Unset): What is wrong, one entry per field or parameter (for `validation_failed`,
                `invalid_cursor`, and a `not_found` caused by an id in the body).
    """

    type_: str
    title: str
    status: int
    detail: str
    code: str
    instance: str | Unset = UNSET
    request_id: str | Unset = UNSET
    current_status: AppointmentStatus | Unset = UNSET
    errors: list[FieldError] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        code = self.code

        instance = self.instance

        request_id = self.request_id

        current_status: str | Unset = UNSET
        if not isinstance(self.current_status, Unset):
            current_status = self.current_status.value

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
                "code": code,
            }
        )
        if instance is not UNSET:
            field_dict["instance"] = instance
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if current_status is not UNSET:
            field_dict["current_status"] = current_status
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        code = d.pop("code")

        instance = d.pop("instance", UNSET)

        request_id = d.pop("request_id", UNSET)

        _current_status = d.pop("current_status", UNSET)
        current_status: AppointmentStatus | Unset
        if isinstance(_current_status, Unset):
            current_status = UNSET
        else:
            current_status = AppointmentStatus(_current_status)

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)

                errors.append(errors_item)

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            code=code,
            instance=instance,
            request_id=request_id,
            current_status=current_status,
            errors=errors,
        )

        return problem
