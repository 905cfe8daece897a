# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.webhook_endpoint_disabled_reason_type_0 import WebhookEndpointDisabledReasonType0

T = TypeVar("T", bound="WebhookEndpoint")


@_attrs_define
class WebhookEndpoint:
    """A URL that receives events. Its secret is never shown here.

    Attributes:
        id (str): An opaque identifier assigned by the server: letters, digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        url (str): Where events are posted: an absolute `https` URL without credentials, whose host does not
            resolve to a private, loopback or link-local address (checked when it is set and before
            every delivery). `http` and private addresses are accepted only when the server's operator
            allows them, for development.
        event_types (list[str]): The event types delivered; empty means every type.
        description (None | str): What the endpoint is for, or `null`.
        enabled (bool): Whether events are delivered to it.
        disabled_reason (None | WebhookEndpointDisabledReasonType0): Why the server disabled it: `failing` after 3 days
            of failed deliveries;
            `access_revoked` when its integration's last key holding a read scope that its
            subscription needs was revoked (re-enable it with a key that holds them); `null` when
            enabled or disabled by you. More reasons may be added: treat an unknown one as
            disabled.
        disabled_at (datetime.datetime | None): When the server disabled it, or `null`.
        secret_rotated_at (datetime.datetime | None): When the secret was last rotated, or `null`.
        created_at (datetime.datetime): An instant, RFC 3339, in UTC.
        updated_at (datetime.datetime): An instant, RFC 3339, in UTC.
    """

    id: str
    url: str
    event_types: list[str]
    description: None | str
    enabled: bool
    disabled_reason: None | WebhookEndpointDisabledReasonType0
    disabled_at: datetime.datetime | None
    secret_rotated_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        event_types = self.event_types

        description: None | str
        description = self.description

        enabled = self.enabled

        disabled_reason: None | str
        if isinstance(self.disabled_reason, WebhookEndpointDisabledReasonType0):
            disabled_reason = self.disabled_reason.value
        else:
            disabled_reason = self.disabled_reason

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        secret_rotated_at: None | str
        if isinstance(self.secret_rotated_at, datetime.datetime):
            secret_rotated_at = self.secret_rotated_at.isoformat()
        else:
            secret_rotated_at = self.secret_rotated_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "url": url,
                "event_types": event_types,
                "description": description,
                "enabled": enabled,
                "disabled_reason": disabled_reason,
                "disabled_at": disabled_at,
                "secret_rotated_at": secret_rotated_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        event_types = cast(list[str], d.pop("event_types"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        enabled = d.pop("enabled")

        def _parse_disabled_reason(data: object) -> None | WebhookEndpointDisabledReasonType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_reason_type_0 = WebhookEndpointDisabledReasonType0(data)

                return disabled_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WebhookEndpointDisabledReasonType0, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))

        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        def _parse_secret_rotated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                secret_rotated_at_type_0 = datetime.datetime.fromisoformat(data)

                return secret_rotated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        secret_rotated_at = _parse_secret_rotated_at(d.pop("secret_rotated_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        webhook_endpoint = cls(
            id=id,
            url=url,
            event_types=event_types,
            description=description,
            enabled=enabled,
            disabled_reason=disabled_reason,
            disabled_at=disabled_at,
            secret_rotated_at=secret_rotated_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        return webhook_endpoint
