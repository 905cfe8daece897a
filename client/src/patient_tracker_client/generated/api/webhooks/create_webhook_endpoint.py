# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_endpoint_create import WebhookEndpointCreate
from ...models.webhook_endpoint_with_secret import WebhookEndpointWithSecret
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WebhookEndpointCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhook-endpoints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookEndpointWithSecret | None:
    if response.status_code == 201:
        response_201 = WebhookEndpointWithSecret.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[Problem | WebhookEndpointWithSecret]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookEndpointWithSecret]:
    """Create a webhook endpoint

     Subscribes a URL to events: every event of the listed types (all types when
    `event_types` is absent or empty) is delivered to it from now on. The answer carries the
    signing `secret`, once: store it. The URL must be `https` and must not resolve to a
    private, loopback or link-local address (a `422` `validation_failed` pointing at `/url`),
    unless the server's operator allows them for development. The endpoint receives resource
    data, so the key needs the read scope of every subscribed type's resource too (the
    type's `x-read-scope`: `patients:read` for `patient.*`, ...; else `403`
    `insufficient_scope`). The endpoint belongs to the key's integration. Requires scope
    `webhooks:write`.

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointCreate): A webhook endpoint to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpointWithSecret]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookEndpointWithSecret | None:
    """Create a webhook endpoint

     Subscribes a URL to events: every event of the listed types (all types when
    `event_types` is absent or empty) is delivered to it from now on. The answer carries the
    signing `secret`, once: store it. The URL must be `https` and must not resolve to a
    private, loopback or link-local address (a `422` `validation_failed` pointing at `/url`),
    unless the server's operator allows them for development. The endpoint receives resource
    data, so the key needs the read scope of every subscribed type's resource too (the
    type's `x-read-scope`: `patients:read` for `patient.*`, ...; else `403`
    `insufficient_scope`). The endpoint belongs to the key's integration. Requires scope
    `webhooks:write`.

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointCreate): A webhook endpoint to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpointWithSecret
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | WebhookEndpointWithSecret]:
    """Create a webhook endpoint

     Subscribes a URL to events: every event of the listed types (all types when
    `event_types` is absent or empty) is delivered to it from now on. The answer carries the
    signing `secret`, once: store it. The URL must be `https` and must not resolve to a
    private, loopback or link-local address (a `422` `validation_failed` pointing at `/url`),
    unless the server's operator allows them for development. The endpoint receives resource
    data, so the key needs the read scope of every subscribed type's resource too (the
    type's `x-read-scope`: `patients:read` for `patient.*`, ...; else `403`
    `insufficient_scope`). The endpoint belongs to the key's integration. Requires scope
    `webhooks:write`.

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointCreate): A webhook endpoint to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookEndpointWithSecret]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | WebhookEndpointWithSecret | None:
    """Create a webhook endpoint

     Subscribes a URL to events: every event of the listed types (all types when
    `event_types` is absent or empty) is delivered to it from now on. The answer carries the
    signing `secret`, once: store it. The URL must be `https` and must not resolve to a
    private, loopback or link-local address (a `422` `validation_failed` pointing at `/url`),
    unless the server's operator allows them for development. The endpoint receives resource
    data, so the key needs the read scope of every subscribed type's resource too (the
    type's `x-read-scope`: `patients:read` for `patient.*`, ...; else `403`
    `insufficient_scope`). The endpoint belongs to the key's integration. Requires scope
    `webhooks:write`.

    Args:
        idempotency_key (str | Unset):
        body (WebhookEndpointCreate): A webhook endpoint to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookEndpointWithSecret
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
