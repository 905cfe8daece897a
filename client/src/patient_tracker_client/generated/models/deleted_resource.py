# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DeletedResource")


@_attrs_define
class DeletedResource:
    """What a delete event carries of the deleted resource, its id and nothing else.

    Attributes:
        id (str): An opaque identifier assigned by the server: letters, digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
    """

    id: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        deleted_resource = cls(
            id=id,
        )

        return deleted_resource
