# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AppointmentCancellation")


@_attrs_define
class AppointmentCancellation:
    """Why an appointment is being cancelled.

    Attributes:
        cancellation_reason (str): Why the appointment was cancelled, in a line.
    """

    cancellation_reason: str

    def to_dict(self) -> dict[str, Any]:
        cancellation_reason = self.cancellation_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cancellation_reason": cancellation_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancellation_reason = d.pop("cancellation_reason")

        appointment_cancellation = cls(
            cancellation_reason=cancellation_reason,
        )

        return appointment_cancellation
