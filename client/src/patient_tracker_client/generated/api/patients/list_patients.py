# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.patient_page import PatientPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    name_prefix: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["phone"] = phone

    params["name_prefix"] = name_prefix

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/patients",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PatientPage | Problem | None:
    if response.status_code == 200:
        response_200 = PatientPage.from_dict(response.json())

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
) -> Response[PatientPage | Problem]:
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
    phone: str | Unset = UNSET,
    name_prefix: str | Unset = UNSET,
) -> Response[PatientPage | Problem]:
    """List patients

     Lists patients in the order they were registered (oldest first), optionally filtered by exact
    phone number or by a name prefix. Requires scope `patients:read`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        phone (str | Unset): A phone number in E.164 form, `+` then 2 to 15 digits, the first not
            0.
        name_prefix (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PatientPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        phone=phone,
        name_prefix=name_prefix,
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
    phone: str | Unset = UNSET,
    name_prefix: str | Unset = UNSET,
) -> PatientPage | Problem | None:
    """List patients

     Lists patients in the order they were registered (oldest first), optionally filtered by exact
    phone number or by a name prefix. Requires scope `patients:read`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        phone (str | Unset): A phone number in E.164 form, `+` then 2 to 15 digits, the first not
            0.
        name_prefix (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PatientPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        phone=phone,
        name_prefix=name_prefix,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    name_prefix: str | Unset = UNSET,
) -> Response[PatientPage | Problem]:
    """List patients

     Lists patients in the order they were registered (oldest first), optionally filtered by exact
    phone number or by a name prefix. Requires scope `patients:read`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        phone (str | Unset): A phone number in E.164 form, `+` then 2 to 15 digits, the first not
            0.
        name_prefix (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PatientPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        phone=phone,
        name_prefix=name_prefix,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    phone: str | Unset = UNSET,
    name_prefix: str | Unset = UNSET,
) -> PatientPage | Problem | None:
    """List patients

     Lists patients in the order they were registered (oldest first), optionally filtered by exact
    phone number or by a name prefix. Requires scope `patients:read`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        phone (str | Unset): A phone number in E.164 form, `+` then 2 to 15 digits, the first not
            0.
        name_prefix (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PatientPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            phone=phone,
            name_prefix=name_prefix,
        )
    ).parsed
