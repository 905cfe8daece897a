# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.appointment_status import AppointmentStatus

T = TypeVar("T", bound="Appointment")


@_attrs_define
class Appointment:
    """A booking of one patient with one practitioner.

    Attributes:
        id (str): An opaque identifier assigned by the server: letters, digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        start_at (datetime.datetime): An instant, RFC 3339, in UTC.
        end_at (datetime.datetime): An instant, RFC 3339, in UTC.
        status (AppointmentStatus): Where the appointment is in its life: `scheduled` (booked), `checked_in` (the
            patient has
            arrived), `completed`, `cancelled` (frees the slot), or `no_show`. An appointment is booked
            `scheduled`; each status action moves it as `x-status-machine` says, and from any other status
            it is a `409` (`invalid_status_transition`, with `current_status`).
        reason (None | str): Why it was booked, or `null`.
        notes (None | str): Notes, or `null`.
        cancellation_reason (None | str): Why it was cancelled; `null` unless `status` is `cancelled`.
        created_at (datetime.datetime): An instant, RFC 3339, in UTC.
        updated_at (datetime.datetime): An instant, RFC 3339, in UTC.
    """

    id: str
    patient_id: str
    practitioner_id: str
    start_at: datetime.datetime
    end_at: datetime.datetime
    status: AppointmentStatus
    reason: None | str
    notes: None | str
    cancellation_reason: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        patient_id = self.patient_id

        practitioner_id = self.practitioner_id

        start_at = self.start_at.isoformat()

        end_at = self.end_at.isoformat()

        status = self.status.value

        reason: None | str
        reason = self.reason

        notes: None | str
        notes = self.notes

        cancellation_reason: None | str
        cancellation_reason = self.cancellation_reason

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "patient_id": patient_id,
                "practitioner_id": practitioner_id,
                "start_at": start_at,
                "end_at": end_at,
                "status": status,
                "reason": reason,
                "notes": notes,
                "cancellation_reason": cancellation_reason,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        patient_id = d.pop("patient_id")

        practitioner_id = d.pop("practitioner_id")

        start_at = datetime.datetime.fromisoformat(d.pop("start_at"))

        end_at = datetime.datetime.fromisoformat(d.pop("end_at"))

        status = AppointmentStatus(d.pop("status"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        appointment = cls(
            id=id,
            patient_id=patient_id,
            practitioner_id=practitioner_id,
            start_at=start_at,
            end_at=end_at,
            status=status,
            reason=reason,
            notes=notes,
            cancellation_reason=cancellation_reason,
            created_at=created_at,
            updated_at=updated_at,
        )

        return appointment
