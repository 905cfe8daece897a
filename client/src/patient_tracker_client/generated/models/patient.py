# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Patient")


@_attrs_define
class Patient:
    """A registered patient.

    Attributes:
        id (str): An opaque identifier assigned by the server: letters, digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        given_name (str): A name as the person writes it, without control characters.
        family_name (str): A name as the person writes it, without control characters.
        date_of_birth (datetime.date): A calendar date, RFC 3339 `full-date` (`YYYY-MM-DD`).
        phone (str): A phone number in E.164 form, `+` then 2 to 15 digits, the first not 0.
        email (None | str): The email address, or `null` when none is known.
        created_at (datetime.datetime): An instant, RFC 3339, in UTC.
        updated_at (datetime.datetime): An instant, RFC 3339, in UTC.
    """

    id: str
    given_name: str
    family_name: str
    date_of_birth: datetime.date
    phone: str
    email: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        given_name = self.given_name

        family_name = self.family_name

        date_of_birth = self.date_of_birth.isoformat()

        phone = self.phone

        email: None | str
        email = self.email

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "given_name": given_name,
                "family_name": family_name,
                "date_of_birth": date_of_birth,
                "phone": phone,
                "email": email,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        date_of_birth = datetime.date.fromisoformat(d.pop("date_of_birth"))

        phone = d.pop("phone")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        patient = cls(
            id=id,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            phone=phone,
            email=email,
            created_at=created_at,
            updated_at=updated_at,
        )

        return patient
