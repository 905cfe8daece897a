# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatientCreate")


@_attrs_define
class PatientCreate:
    """A patient to register.

    Attributes:
        given_name (str): A name as the person writes it, without control characters.
        family_name (str): A name as the person writes it, without control characters.
        date_of_birth (datetime.date): A calendar date, RFC 3339 `full-date` (`YYYY-MM-DD`).
        phone (str): A phone number in E.164 form, `+` then 2 to 15 digits, the first not 0.
        email (str | Unset): An email address: a local part, `@`, and a domain, with no ASCII spaces or control
            characters. It is not checked for deliverability.
    """

    given_name: str
    family_name: str
    date_of_birth: datetime.date
    phone: str
    email: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        given_name = self.given_name

        family_name = self.family_name

        date_of_birth = self.date_of_birth.isoformat()

        phone = self.phone

        email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "given_name": given_name,
                "family_name": family_name,
                "date_of_birth": date_of_birth,
                "phone": phone,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        date_of_birth = datetime.date.fromisoformat(d.pop("date_of_birth"))

        phone = d.pop("phone")

        email = d.pop("email", UNSET)

        patient_create = cls(
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            phone=phone,
            email=email,
        )

        return patient_create
