# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.patient import Patient
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    patient_id: str,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/patients/{patient_id}".format(
            patient_id=quote(str(patient_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Patient | Problem | None:
    if response.status_code == 200:
        response_200 = Patient.from_dict(response.json())

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
) -> Response[Any | Patient | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    patient_id: str,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Patient | Problem]:
    """Get a patient

     Returns one patient, with its `ETag`. Requires scope `patients:read`.

    Args:
        patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Patient | Problem]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    patient_id: str,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Any | Patient | Problem | None:
    """Get a patient

     Returns one patient, with its `ETag`. Requires scope `patients:read`.

    Args:
        patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Patient | Problem
    """

    return sync_detailed(
        patient_id=patient_id,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    patient_id: str,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Patient | Problem]:
    """Get a patient

     Returns one patient, with its `ETag`. Requires scope `patients:read`.

    Args:
        patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Patient | Problem]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: str,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
) -> Any | Patient | Problem | None:
    """Get a patient

     Returns one patient, with its `ETag`. Requires scope `patients:read`.

    Args:
        patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
            `_`. Treat it as an
            opaque string; its form may change.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Patient | Problem
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
