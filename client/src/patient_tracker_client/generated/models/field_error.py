# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FieldError")


@_attrs_define
class FieldError:
    """One invalid field of the body (`pointer`) or one invalid parameter (`parameter`).

    Attributes:
        detail (str): What is wrong with it (cut to `maxLength`, ending in `…`, if longer).
        pointer (str | Unset): A JSON Pointer (RFC 6901) to the field in the request body; `""` is the whole body. A
            longer pointer (an unknown property's long name) is cut to `maxLength`, ending in `…`.
        parameter (str | Unset): The name of the query, path or header parameter, percent-decoded. A longer name (an
            unknown parameter's) is cut to `maxLength`, ending in `…`.
    """

    detail: str
    pointer: str | Unset = UNSET
    parameter: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        pointer = self.pointer

        parameter = self.parameter

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "detail": detail,
            }
        )
        if pointer is not UNSET:
            field_dict["pointer"] = pointer
        if parameter is not UNSET:
            field_dict["parameter"] = parameter

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        pointer = d.pop("pointer", UNSET)

        parameter = d.pop("parameter", UNSET)

        field_error = cls(
            detail=detail,
            pointer=pointer,
            parameter=parameter,
        )

        return field_error
