# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatientUpdate")


@_attrs_define
class PatientUpdate:
    """A JSON merge patch of a patient. Absent fields are unchanged; `email` may be `null` to remove it.

    Attributes:
        given_name (str | Unset): A name as the person writes it, without control characters.
        family_name (str | Unset): A name as the person writes it, without control characters.
        date_of_birth (datetime.date | Unset): A calendar date, RFC 3339 `full-date` (`YYYY-MM-DD`).
        phone (str | Unset): A phone number in E.164 form, `+` then 2 to 15 digits, the first not 0.
        email (None | str | Unset): The new email address, or `null` to remove it.
    """

    given_name: str | Unset = UNSET
    family_name: str | Unset = UNSET
    date_of_birth: datetime.date | Unset = UNSET
    phone: str | Unset = UNSET
    email: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        given_name = self.given_name

        family_name = self.family_name

        date_of_birth: str | Unset = UNSET
        if not isinstance(self.date_of_birth, Unset):
            date_of_birth = self.date_of_birth.isoformat()

        phone = self.phone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        given_name = d.pop("given_name", UNSET)

        family_name = d.pop("family_name", UNSET)

        _date_of_birth = d.pop("date_of_birth", UNSET)
        date_of_birth: datetime.date | Unset
        if isinstance(_date_of_birth, Unset):
            date_of_birth = UNSET
        else:
            date_of_birth = datetime.date.fromisoformat(_date_of_birth)

        phone = d.pop("phone", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        patient_update = cls(
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            phone=phone,
            email=email,
        )

        return patient_update
