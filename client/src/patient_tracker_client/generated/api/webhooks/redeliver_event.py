# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: str,
    event_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhook-endpoints/{endpoint_id}/events/{event_id}/redeliver".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
            event_id=quote(str(event_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

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
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Redeliver an event to an endpoint

     Starts a new series of delivery attempts of one event (of the last 30 days) to one
    endpoint, now, with the same `webhook-id`: receivers that deduplicate by it are not
    affected by a redelivery of an event they handled. Also for a disabled endpoint (how one
    tests a fix). The key needs the event's read scope (its type's `x-read-scope`), and the
    endpoint must be subscribed to the event's type: a redelivery sends only what the
    endpoint would have received. An event the key may not read, one the endpoint is not
    subscribed to and an unknown one are the same `404`, and so is another integration's
    endpoint. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        event_id (str): The event's opaque id, unique across events. A delivery carries it as the
            `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        event_id=event_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Any | Problem | None:
    """Redeliver an event to an endpoint

     Starts a new series of delivery attempts of one event (of the last 30 days) to one
    endpoint, now, with the same `webhook-id`: receivers that deduplicate by it are not
    affected by a redelivery of an event they handled. Also for a disabled endpoint (how one
    tests a fix). The key needs the event's read scope (its type's `x-read-scope`), and the
    endpoint must be subscribed to the event's type: a redelivery sends only what the
    endpoint would have received. An event the key may not read, one the endpoint is not
    subscribed to and an unknown one are the same `404`, and so is another integration's
    endpoint. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        event_id (str): The event's opaque id, unique across events. A delivery carries it as the
            `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        event_id=event_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    endpoint_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Redeliver an event to an endpoint

     Starts a new series of delivery attempts of one event (of the last 30 days) to one
    endpoint, now, with the same `webhook-id`: receivers that deduplicate by it are not
    affected by a redelivery of an event they handled. Also for a disabled endpoint (how one
    tests a fix). The key needs the event's read scope (its type's `x-read-scope`), and the
    endpoint must be subscribed to the event's type: a redelivery sends only what the
    endpoint would have received. An event the key may not read, one the endpoint is not
    subscribed to and an unknown one are the same `404`, and so is another integration's
    endpoint. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        event_id (str): The event's opaque id, unique across events. A delivery carries it as the
            `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        event_id=event_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Any | Problem | None:
    """Redeliver an event to an endpoint

     Starts a new series of delivery attempts of one event (of the last 30 days) to one
    endpoint, now, with the same `webhook-id`: receivers that deduplicate by it are not
    affected by a redelivery of an event they handled. Also for a disabled endpoint (how one
    tests a fix). The key needs the event's read scope (its type's `x-read-scope`), and the
    endpoint must be subscribed to the event's type: a redelivery sends only what the
    endpoint would have received. An event the key may not read, one the endpoint is not
    subscribed to and an unknown one are the same `404`, and so is another integration's
    endpoint. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        event_id (str): The event's opaque id, unique across events. A delivery carries it as the
            `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            event_id=event_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
