# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppointmentUpdate")


@_attrs_define
class AppointmentUpdate:
    """A JSON merge patch of a scheduled appointment. Absent fields are unchanged; `reason` and
    `notes` may be `null` to remove them. The resulting times follow the booking rules.

        Attributes:
            start_at (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an offset (`Z` or `+hh:mm`), such as
                `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
            end_at (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an offset (`Z` or `+hh:mm`), such as
                `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
            reason (None | str | Unset): The new reason, or `null` to remove it.
            notes (None | str | Unset): The new notes, or `null` to remove them.
    """

    start_at: datetime.datetime | Unset = UNSET
    end_at: datetime.datetime | Unset = UNSET
    reason: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        start_at: str | Unset = UNSET
        if not isinstance(self.start_at, Unset):
            start_at = self.start_at.isoformat()

        end_at: str | Unset = UNSET
        if not isinstance(self.end_at, Unset):
            end_at = self.end_at.isoformat()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if start_at is not UNSET:
            field_dict["start_at"] = start_at
        if end_at is not UNSET:
            field_dict["end_at"] = end_at
        if reason is not UNSET:
            field_dict["reason"] = reason
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _start_at = d.pop("start_at", UNSET)
        start_at: datetime.datetime | Unset
        if isinstance(_start_at, Unset):
            start_at = UNSET
        else:
            start_at = datetime.datetime.fromisoformat(_start_at)

        _end_at = d.pop("end_at", UNSET)
        end_at: datetime.datetime | Unset
        if isinstance(_end_at, Unset):
            end_at = UNSET
        else:
            end_at = datetime.datetime.fromisoformat(_end_at)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        appointment_update = cls(
            start_at=start_at,
            end_at=end_at,
            reason=reason,
            notes=notes,
        )

        return appointment_update
