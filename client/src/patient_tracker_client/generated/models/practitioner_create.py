# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PractitionerCreate")


@_attrs_define
class PractitionerCreate:
    """A practitioner to create.

    Attributes:
        display_name (str): The name shown to patients, such as `Dr Grace Hopper`.
        specialty (str): The practitioner's field, free text such as `general practice` or `dermatology`.
        active (bool | Unset): Whether the practitioner takes new bookings. Defaults to `true`. Default: True.
    """

    display_name: str
    specialty: str
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        specialty = self.specialty

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "display_name": display_name,
                "specialty": specialty,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        specialty = d.pop("specialty")

        active = d.pop("active", UNSET)

        practitioner_create = cls(
            display_name=display_name,
            specialty=specialty,
            active=active,
        )

        return practitioner_create
