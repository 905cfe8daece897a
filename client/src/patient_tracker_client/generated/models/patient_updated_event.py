# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.patient import Patient


T = TypeVar("T", bound="PatientUpdatedEvent")


@_attrs_define
class PatientUpdatedEvent:
    """`patient.updated`: A patient was changed (`updatePatient`). `data` is the patient after the change.

    Attributes:
        id (str): The event's opaque id, unique across events. A delivery carries it as the `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.
        type_ (Literal['patient.updated']): The event type, always `patient.updated` for this schema.
        created_at (datetime.datetime): An instant, RFC 3339, in UTC.
        data (Patient): A registered patient.
        request_id (str | Unset): A request's id, as its `Request-Id` header gives it (`req_` and 32 hex digits when the
            server
            made it; a proxy's id may take other forms).
    """

    id: str
    type_: Literal["patient.updated"]
    created_at: datetime.datetime
    data: Patient
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
        from ..models.patient import Patient  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = cast(Literal["patient.updated"], d.pop("type"))
        if type_ != "patient.updated":
            raise ValueError(f"type must match const 'patient.updated', got '{type_}'")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        data = Patient.from_dict(d.pop("data"))

        request_id = d.pop("request_id", UNSET)

        patient_updated_event = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            data=data,
            request_id=request_id,
        )

        return patient_updated_event
