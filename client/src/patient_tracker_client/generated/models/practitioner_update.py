# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PractitionerUpdate")


@_attrs_define
class PractitionerUpdate:
    """A JSON merge patch of a practitioner. Absent fields are unchanged.

    Attributes:
        display_name (str | Unset): The name shown to patients.
        specialty (str | Unset): The practitioner's field, free text such as `general practice` or `dermatology`.
        active (bool | Unset): Whether the practitioner takes new bookings.
    """

    display_name: str | Unset = UNSET
    specialty: str | Unset = UNSET
    active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        specialty = self.specialty

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if specialty is not UNSET:
            field_dict["specialty"] = specialty
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name", UNSET)

        specialty = d.pop("specialty", UNSET)

        active = d.pop("active", UNSET)

        practitioner_update = cls(
            display_name=display_name,
            specialty=specialty,
            active=active,
        )

        return practitioner_update
