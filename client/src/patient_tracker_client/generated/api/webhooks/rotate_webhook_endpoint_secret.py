# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_endpoint_with_secret import WebhookEndpointWithSecret
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhook-endpoints/{endpoint_id}/rotate-secret".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookEndpointWithSecret | None:
    if response.status_code == 200:
        response_200 = WebhookEndpointWithSecret.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Problem | WebhookEndpointWithSecret]:
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
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Problem | WebhookEndpointWithSecret]:
    """Rotate a webhook endpoint's secret

     Replaces the signing secret with a new one, shown in the answer, once. For 24 hours the
    old secret keeps signing too (deliveries carry both signatures), so receivers can switch
    without losing deliveries. Like a change, it needs the read scope of every type the
    endpoint subscribes to (else `403` `insufficient_scope`); another integration's endpoint
    is a `404`. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpointWithSecret]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Problem | WebhookEndpointWithSecret | None:
    """Rotate a webhook endpoint's secret

     Replaces the signing secret with a new one, shown in the answer, once. For 24 hours the
    old secret keeps signing too (deliveries carry both signatures), so receivers can switch
    without losing deliveries. Like a change, it needs the read scope of every type the
    endpoint subscribes to (else `403` `insufficient_scope`); another integration's endpoint
    is a `404`. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpointWithSecret
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Problem | WebhookEndpointWithSecret]:
    """Rotate a webhook endpoint's secret

     Replaces the signing secret with a new one, shown in the answer, once. For 24 hours the
    old secret keeps signing too (deliveries carry both signatures), so receivers can switch
    without losing deliveries. Like a change, it needs the read scope of every type the
    endpoint subscribes to (else `403` `insufficient_scope`); another integration's endpoint
    is a `404`. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpointWithSecret]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Problem | WebhookEndpointWithSecret | None:
    """Rotate a webhook endpoint's secret

     Replaces the signing secret with a new one, shown in the answer, once. For 24 hours the
    old secret keeps signing too (deliveries carry both signatures), so receivers can switch
    without losing deliveries. Like a change, it needs the read scope of every type the
    endpoint subscribes to (else `403` `insufficient_scope`); another integration's endpoint
    is a `404`. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpointWithSecret
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
