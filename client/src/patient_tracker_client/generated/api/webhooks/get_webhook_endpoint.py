# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_endpoint import WebhookEndpoint
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: str,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/webhook-endpoints/{endpoint_id}".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | WebhookEndpoint | None:
    if response.status_code == 200:
        response_200 = WebhookEndpoint.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | Problem | WebhookEndpoint]:
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
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | WebhookEndpoint]:
    """Get a webhook endpoint

     Returns one webhook endpoint of the key's integration, with its `ETag`, never its secret
    (another integration's endpoint is a `404`, as an unknown `id`). `enabled: false` with
    `disabled_reason: failing` means the server disabled it after 3 days of failed
    deliveries; `access_revoked`, that its integration no longer holds a read scope its
    subscription needs. Requires scope `webhooks:read`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | WebhookEndpoint]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | WebhookEndpoint | None:
    """Get a webhook endpoint

     Returns one webhook endpoint of the key's integration, with its `ETag`, never its secret
    (another integration's endpoint is a `404`, as an unknown `id`). `enabled: false` with
    `disabled_reason: failing` means the server disabled it after 3 days of failed
    deliveries; `access_revoked`, that its integration no longer holds a read scope its
    subscription needs. Requires scope `webhooks:read`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | WebhookEndpoint
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | WebhookEndpoint]:
    """Get a webhook endpoint

     Returns one webhook endpoint of the key's integration, with its `ETag`, never its secret
    (another integration's endpoint is a `404`, as an unknown `id`). `enabled: false` with
    `disabled_reason: failing` means the server disabled it after 3 days of failed
    deliveries; `access_revoked`, that its integration no longer holds a read scope its
    subscription needs. Requires scope `webhooks:read`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | WebhookEndpoint]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | WebhookEndpoint | None:
    """Get a webhook endpoint

     Returns one webhook endpoint of the key's integration, with its `ETag`, never its secret
    (another integration's endpoint is a `404`, as an unknown `id`). `enabled: false` with
    `disabled_reason: failing` means the server disabled it after 3 days of failed
    deliveries; `access_revoked`, that its integration no longer holds a read scope its
    subscription needs. Requires scope `webhooks:read`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | WebhookEndpoint
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
