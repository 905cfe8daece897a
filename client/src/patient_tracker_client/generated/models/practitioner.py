# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Practitioner")


@_attrs_define
class Practitioner:
    """A clinician who sees patients.

    Attributes:
        id (str): An opaque identifier assigned by the server: letters, digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        display_name (str): The name shown to patients, such as `Dr Grace Hopper`.
        specialty (str): The practitioner's field, free text such as `general practice` or `dermatology`.
        active (bool): Whether the practitioner takes new bookings.
        created_at (datetime.datetime): An instant, RFC 3339, in UTC.
        updated_at (datetime.datetime): An instant, RFC 3339, in UTC.
    """

    id: str
    display_name: str
    specialty: str
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        display_name = self.display_name

        specialty = self.specialty

        active = self.active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "display_name": display_name,
                "specialty": specialty,
                "active": active,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        display_name = d.pop("display_name")

        specialty = d.pop("specialty")

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        practitioner = cls(
            id=id,
            display_name=display_name,
            specialty=specialty,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
        )

        return practitioner
