# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.practitioner import Practitioner
from ...models.practitioner_update import PractitionerUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    practitioner_id: str,
    *,
    body: PractitionerUpdate | PractitionerUpdate | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/practitioners/{practitioner_id}".format(
            practitioner_id=quote(str(practitioner_id), safe=""),
        ),
    }

    if isinstance(body, PractitionerUpdate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/merge-patch+json"
    if isinstance(body, PractitionerUpdate):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Practitioner | Problem | None:
    if response.status_code == 200:
        response_200 = Practitioner.from_dict(response.json())

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
) -> Response[Practitioner | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    practitioner_id: str,
    *,
    client: AuthenticatedClient,
    body: PractitionerUpdate | PractitionerUpdate | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Practitioner | Problem]:
    """Update a practitioner

     Changes a practitioner with a JSON merge patch (RFC 7396). Setting `active` to `false` stops
    new bookings; existing appointments are kept. Requires scope `practitioners:write`.

    Args:
        practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-`
            and `_`. Treat it as an
            opaque string; its form may change.
        if_match (str | Unset):
        body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
            unchanged.
        body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
            unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Practitioner | Problem]
    """

    kwargs = _get_kwargs(
        practitioner_id=practitioner_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    practitioner_id: str,
    *,
    client: AuthenticatedClient,
    body: PractitionerUpdate | PractitionerUpdate | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Practitioner | Problem | None:
    """Update a practitioner

     Changes a practitioner with a JSON merge patch (RFC 7396). Setting `active` to `false` stops
    new bookings; existing appointments are kept. Requires scope `practitioners:write`.

    Args:
        practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-`
            and `_`. Treat it as an
            opaque string; its form may change.
        if_match (str | Unset):
        body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
            unchanged.
        body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
            unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Practitioner | Problem
    """

    return sync_detailed(
        practitioner_id=practitioner_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    practitioner_id: str,
    *,
    client: AuthenticatedClient,
    body: PractitionerUpdate | PractitionerUpdate | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Practitioner | Problem]:
    """Update a practitioner

     Changes a practitioner with a JSON merge patch (RFC 7396). Setting `active` to `false` stops
    new bookings; existing appointments are kept. Requires scope `practitioners:write`.

    Args:
        practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-`
            and `_`. Treat it as an
            opaque string; its form may change.
        if_match (str | Unset):
        body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
            unchanged.
        body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
            unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Practitioner | Problem]
    """

    kwargs = _get_kwargs(
        practitioner_id=practitioner_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    practitioner_id: str,
    *,
    client: AuthenticatedClient,
    body: PractitionerUpdate | PractitionerUpdate | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Practitioner | Problem | None:
    """Update a practitioner

     Changes a practitioner with a JSON merge patch (RFC 7396). Setting `active` to `false` stops
    new bookings; existing appointments are kept. Requires scope `practitioners:write`.

    Args:
        practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-`
            and `_`. Treat it as an
            opaque string; its form may change.
        if_match (str | Unset):
        body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
            unchanged.
        body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
            unchanged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Practitioner | Problem
    """

    return (
        await asyncio_detailed(
            practitioner_id=practitioner_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
