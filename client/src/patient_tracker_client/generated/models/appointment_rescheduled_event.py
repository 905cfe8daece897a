# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.appointment import Appointment


T = TypeVar("T", bound="AppointmentRescheduledEvent")


@_attrs_define
class AppointmentRescheduledEvent:
    """`appointment.rescheduled`: A scheduled appointment was changed (`updateAppointment`): new times, reason or notes.
    `data` is the appointment after the change.

        Attributes:
            id (str): The event's opaque id, unique across events. A delivery carries it as the `webhook-id`
                header too, and every retry or redelivery of the event carries the same id: receivers
                deduplicate by it.
            type_ (Literal['appointment.rescheduled']): The event type, always `appointment.rescheduled` for this schema.
            created_at (datetime.datetime): An instant, RFC 3339, in UTC.
            data (Appointment): A booking of one patient with one practitioner.
            request_id (str | Unset): A request's id, as its `Request-Id` header gives it (`req_` and 32 hex digits when the
                server
                made it; a proxy's id may take other forms).
    """

    id: str
    type_: Literal["appointment.rescheduled"]
    created_at: datetime.datetime
    data: Appointment
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        created_at = self.created_at.isoformat()

        data = self.data.to_dict()

        request_id = self.request_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "type": type_,
                "created_at": created_at,
                "data": data,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appointment import Appointment  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = cast(Literal["appointment.rescheduled"], d.pop("type"))
        if type_ != "appointment.rescheduled":
            raise ValueError(f"type must match const 'appointment.rescheduled', got '{type_}'")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        data = Appointment.from_dict(d.pop("data"))

        request_id = d.pop("request_id", UNSET)

        appointment_rescheduled_event = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            data=data,
            request_id=request_id,
        )

        return appointment_rescheduled_event
