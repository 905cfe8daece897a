# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_endpoint import WebhookEndpoint
from ...models.webhook_endpoint_update import WebhookEndpointUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: str,
    *,
    body: WebhookEndpointUpdate | WebhookEndpointUpdate | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/webhook-endpoints/{endpoint_id}".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    if isinstance(body, WebhookEndpointUpdate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/merge-patch+json"
    if isinstance(body, WebhookEndpointUpdate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookEndpoint | None:
    if response.status_code == 200:
        response_200 = WebhookEndpoint.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | WebhookEndpoint]:
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
    body: WebhookEndpointUpdate | WebhookEndpointUpdate | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Problem | WebhookEndpoint]:
    """Update a webhook endpoint

     Changes a webhook endpoint with a JSON merge patch (RFC 7396): `url`, `event_types`,
    `description` (`null` removes it) and `enabled`. A patch of `url`, `event_types` or
    `enabled: true` meets the rules of creation for the resulting endpoint: a safe URL, and the
    read scope of every type it then subscribes to (else `403` `insufficient_scope`); pausing
    (`enabled: false`) needs no read scope.
    `enabled: true` re-enables an endpoint the server disabled and clears `disabled_reason`;
    deliveries resume with events recorded from then on. Another integration's endpoint is a
    `404`. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_match (str | Unset):
        body (WebhookEndpointUpdate): A JSON merge patch of a webhook endpoint. Absent fields are
            unchanged.
        body (WebhookEndpointUpdate): A JSON merge patch of a webhook endpoint. Absent fields are
            unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpoint]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
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
    body: WebhookEndpointUpdate | WebhookEndpointUpdate | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Problem | WebhookEndpoint | None:
    """Update a webhook endpoint

     Changes a webhook endpoint with a JSON merge patch (RFC 7396): `url`, `event_types`,
    `description` (`null` removes it) and `enabled`. A patch of `url`, `event_types` or
    `enabled: true` meets the rules of creation for the resulting endpoint: a safe URL, and the
    read scope of every type it then subscribes to (else `403` `insufficient_scope`); pausing
    (`enabled: false`) needs no read scope.
    `enabled: true` re-enables an endpoint the server disabled and clears `disabled_reason`;
    deliveries resume with events recorded from then on. Another integration's endpoint is a
    `404`. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_match (str | Unset):
        body (WebhookEndpointUpdate): A JSON merge patch of a webhook endpoint. Absent fields are
            unchanged.
        body (WebhookEndpointUpdate): A JSON merge patch of a webhook endpoint. Absent fields are
            unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpoint
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointUpdate | WebhookEndpointUpdate | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Problem | WebhookEndpoint]:
    """Update a webhook endpoint

     Changes a webhook endpoint with a JSON merge patch (RFC 7396): `url`, `event_types`,
    `description` (`null` removes it) and `enabled`. A patch of `url`, `event_types` or
    `enabled: true` meets the rules of creation for the resulting endpoint: a safe URL, and the
    read scope of every type it then subscribes to (else `403` `insufficient_scope`); pausing
    (`enabled: false`) needs no read scope.
    `enabled: true` re-enables an endpoint the server disabled and clears `disabled_reason`;
    deliveries resume with events recorded from then on. Another integration's endpoint is a
    `404`. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_match (str | Unset):
        body (WebhookEndpointUpdate): A JSON merge patch of a webhook endpoint. Absent fields are
            unchanged.
        body (WebhookEndpointUpdate): A JSON merge patch of a webhook endpoint. Absent fields are
            unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpoint]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointUpdate | WebhookEndpointUpdate | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Problem | WebhookEndpoint | None:
    """Update a webhook endpoint

     Changes a webhook endpoint with a JSON merge patch (RFC 7396): `url`, `event_types`,
    `description` (`null` removes it) and `enabled`. A patch of `url`, `event_types` or
    `enabled: true` meets the rules of creation for the resulting endpoint: a safe URL, and the
    read scope of every type it then subscribes to (else `403` `insufficient_scope`); pausing
    (`enabled: false`) needs no read scope.
    `enabled: true` re-enables an endpoint the server disabled and clears `disabled_reason`;
    deliveries resume with events recorded from then on. Another integration's endpoint is a
    `404`. Requires scope `webhooks:write`.

    Args:
        endpoint_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_match (str | Unset):
        body (WebhookEndpointUpdate): A JSON merge patch of a webhook endpoint. Absent fields are
            unchanged.
        body (WebhookEndpointUpdate): A JSON merge patch of a webhook endpoint. Absent fields are
            unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpoint
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
