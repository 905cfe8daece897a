# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppointmentCreate")


@_attrs_define
class AppointmentCreate:
    """An appointment to book, at most 8 hours long (`x-max-duration`).

    Attributes:
        patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        start_at (datetime.datetime): An instant, RFC 3339 `date-time` with an offset (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
        end_at (datetime.datetime): An instant, RFC 3339 `date-time` with an offset (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
        reason (str | Unset): Why the appointment was booked, in a line.
        notes (str | Unset): Free-text notes about the appointment; may span lines.
    """

    patient_id: str
    practitioner_id: str
    start_at: datetime.datetime
    end_at: datetime.datetime
    reason: str | Unset = UNSET
    notes: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        patient_id = self.patient_id

        practitioner_id = self.practitioner_id

        start_at = self.start_at.isoformat()

        end_at = self.end_at.isoformat()

        reason = self.reason

        notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "patient_id": patient_id,
                "practitioner_id": practitioner_id,
                "start_at": start_at,
                "end_at": end_at,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        patient_id = d.pop("patient_id")

        practitioner_id = d.pop("practitioner_id")

        start_at = datetime.datetime.fromisoformat(d.pop("start_at"))

        end_at = datetime.datetime.fromisoformat(d.pop("end_at"))

        reason = d.pop("reason", UNSET)

        notes = d.pop("notes", UNSET)

        appointment_create = cls(
            patient_id=patient_id,
            practitioner_id=practitioner_id,
            start_at=start_at,
            end_at=end_at,
            reason=reason,
            notes=notes,
        )

        return appointment_create
