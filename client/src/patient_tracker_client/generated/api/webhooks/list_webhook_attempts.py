# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_attempt_page import WebhookAttemptPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: str,
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["event_id"] = event_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/webhook-endpoints/{endpoint_id}/attempts".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookAttemptPage | None:
    if response.status_code == 200:
        response_200 = WebhookAttemptPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | WebhookAttemptPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
) -> Response[Problem | WebhookAttemptPage]:
    """List an endpoint's delivery attempts

     Lists the delivery attempts made to one endpoint, newest first, optionally for one event:
    when, the answer's status or the error, how long it took, and when the next attempt is due.
    Another integration's endpoint is a `404`. Requires scope `webhooks:read`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        event_id (str | Unset): The event's opaque id, unique across events. A delivery carries it
            as the `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookAttemptPage]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        limit=limit,
        cursor=cursor,
        event_id=event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
) -> Problem | WebhookAttemptPage | None:
    """List an endpoint's delivery attempts

     Lists the delivery attempts made to one endpoint, newest first, optionally for one event:
    when, the answer's status or the error, how long it took, and when the next attempt is due.
    Another integration's endpoint is a `404`. Requires scope `webhooks:read`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        event_id (str | Unset): The event's opaque id, unique across events. A delivery carries it
            as the `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookAttemptPage
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        limit=limit,
        cursor=cursor,
        event_id=event_id,
    ).parsed


async def asyncio_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
) -> Response[Problem | WebhookAttemptPage]:
    """List an endpoint's delivery attempts

     Lists the delivery attempts made to one endpoint, newest first, optionally for one event:
    when, the answer's status or the error, how long it took, and when the next attempt is due.
    Another integration's endpoint is a `404`. Requires scope `webhooks:read`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        event_id (str | Unset): The event's opaque id, unique across events. A delivery carries it
            as the `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookAttemptPage]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        limit=limit,
        cursor=cursor,
        event_id=event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
) -> Problem | WebhookAttemptPage | None:
    """List an endpoint's delivery attempts

     Lists the delivery attempts made to one endpoint, newest first, optionally for one event:
    when, the answer's status or the error, how long it took, and when the next attempt is due.
    Another integration's endpoint is a `404`. Requires scope `webhooks:read`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        event_id (str | Unset): The event's opaque id, unique across events. A delivery carries it
            as the `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookAttemptPage
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            limit=limit,
            cursor=cursor,
            event_id=event_id,
        )
    ).parsed
