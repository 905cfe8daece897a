# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_page import EventPage
from ...models.event_type import EventType
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    type_: EventType | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params["resource_id"] = resource_id

    json_created_after: str | Unset = UNSET
    if not isinstance(created_after, Unset):
        json_created_after = created_after.isoformat()
    params["created_after"] = json_created_after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EventPage | Problem | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    type_: EventType | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """List events

     Lists the events of the last 30 days, oldest first (by `created_at`, then `id`),
    optionally filtered by type, resource and time. Requires scope `webhooks:read`; an event
    is listed only if the key may also read its resource (`patients:read` for `patient.*`,
    `practitioners:read` for `practitioner.*`, `appointments:read` for `appointment.*`).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        type_ (EventType | Unset): An event type, in requests (filters, subscriptions). Responses
            carry the type as a plain
            string, so that a type added later does not break an older client.
        resource_id (str | Unset): An opaque identifier assigned by the server: letters, digits,
            `-` and `_`. Treat it as an
            opaque string; its form may change.
        created_after (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an offset
            (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        type_=type_,
        resource_id=resource_id,
        created_after=created_after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    type_: EventType | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
) -> EventPage | Problem | None:
    """List events

     Lists the events of the last 30 days, oldest first (by `created_at`, then `id`),
    optionally filtered by type, resource and time. Requires scope `webhooks:read`; an event
    is listed only if the key may also read its resource (`patients:read` for `patient.*`,
    `practitioners:read` for `practitioner.*`, `appointments:read` for `appointment.*`).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        type_ (EventType | Unset): An event type, in requests (filters, subscriptions). Responses
            carry the type as a plain
            string, so that a type added later does not break an older client.
        resource_id (str | Unset): An opaque identifier assigned by the server: letters, digits,
            `-` and `_`. Treat it as an
            opaque string; its form may change.
        created_after (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an offset
            (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        type_=type_,
        resource_id=resource_id,
        created_after=created_after,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    type_: EventType | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
) -> Response[EventPage | Problem]:
    """List events

     Lists the events of the last 30 days, oldest first (by `created_at`, then `id`),
    optionally filtered by type, resource and time. Requires scope `webhooks:read`; an event
    is listed only if the key may also read its resource (`patients:read` for `patient.*`,
    `practitioners:read` for `practitioner.*`, `appointments:read` for `appointment.*`).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        type_ (EventType | Unset): An event type, in requests (filters, subscriptions). Responses
            carry the type as a plain
            string, so that a type added later does not break an older client.
        resource_id (str | Unset): An opaque identifier assigned by the server: letters, digits,
            `-` and `_`. Treat it as an
            opaque string; its form may change.
        created_after (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an offset
            (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        type_=type_,
        resource_id=resource_id,
        created_after=created_after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    type_: EventType | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
) -> EventPage | Problem | None:
    """List events

     Lists the events of the last 30 days, oldest first (by `created_at`, then `id`),
    optionally filtered by type, resource and time. Requires scope `webhooks:read`; an event
    is listed only if the key may also read its resource (`patients:read` for `patient.*`,
    `practitioners:read` for `practitioner.*`, `appointments:read` for `appointment.*`).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        type_ (EventType | Unset): An event type, in requests (filters, subscriptions). Responses
            carry the type as a plain
            string, so that a type added later does not break an older client.
        resource_id (str | Unset): An opaque identifier assigned by the server: letters, digits,
            `-` and `_`. Treat it as an
            opaque string; its form may change.
        created_after (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an offset
            (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            type_=type_,
            resource_id=resource_id,
            created_after=created_after,
        )
    ).parsed
