# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appointment_page import AppointmentPage
from ...models.appointment_status import AppointmentStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    patient_id: str | Unset = UNSET,
    practitioner_id: str | Unset = UNSET,
    status: AppointmentStatus | Unset = UNSET,
    start_at_from: datetime.datetime | Unset = UNSET,
    start_at_before: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["patient_id"] = patient_id

    params["practitioner_id"] = practitioner_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_start_at_from: str | Unset = UNSET
    if not isinstance(start_at_from, Unset):
        json_start_at_from = start_at_from.isoformat()
    params["start_at_from"] = json_start_at_from

    json_start_at_before: str | Unset = UNSET
    if not isinstance(start_at_before, Unset):
        json_start_at_before = start_at_before.isoformat()
    params["start_at_before"] = json_start_at_before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/appointments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppointmentPage | Problem | None:
    if response.status_code == 200:
        response_200 = AppointmentPage.from_dict(response.json())

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
) -> Response[AppointmentPage | Problem]:
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
    patient_id: str | Unset = UNSET,
    practitioner_id: str | Unset = UNSET,
    status: AppointmentStatus | Unset = UNSET,
    start_at_from: datetime.datetime | Unset = UNSET,
    start_at_before: datetime.datetime | Unset = UNSET,
) -> Response[AppointmentPage | Problem]:
    """List appointments

     Lists appointments ordered by `start_at` then `id`, optionally filtered by patient,
    practitioner, status and start window. Requires scope `appointments:read`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        patient_id (str | Unset): An opaque identifier assigned by the server: letters, digits,
            `-` and `_`. Treat it as an
            opaque string; its form may change.
        practitioner_id (str | Unset): An opaque identifier assigned by the server: letters,
            digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        status (AppointmentStatus | Unset): Where the appointment is in its life: `scheduled`
            (booked), `checked_in` (the patient has
            arrived), `completed`, `cancelled` (frees the slot), or `no_show`. An appointment is
            booked
            `scheduled`; each status action moves it as `x-status-machine` says, and from any other
            status
            it is a `409` (`invalid_status_transition`, with `current_status`).
        start_at_from (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an offset
            (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
        start_at_before (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
            offset (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        patient_id=patient_id,
        practitioner_id=practitioner_id,
        status=status,
        start_at_from=start_at_from,
        start_at_before=start_at_before,
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
    patient_id: str | Unset = UNSET,
    practitioner_id: str | Unset = UNSET,
    status: AppointmentStatus | Unset = UNSET,
    start_at_from: datetime.datetime | Unset = UNSET,
    start_at_before: datetime.datetime | Unset = UNSET,
) -> AppointmentPage | Problem | None:
    """List appointments

     Lists appointments ordered by `start_at` then `id`, optionally filtered by patient,
    practitioner, status and start window. Requires scope `appointments:read`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        patient_id (str | Unset): An opaque identifier assigned by the server: letters, digits,
            `-` and `_`. Treat it as an
            opaque string; its form may change.
        practitioner_id (str | Unset): An opaque identifier assigned by the server: letters,
            digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        status (AppointmentStatus | Unset): Where the appointment is in its life: `scheduled`
            (booked), `checked_in` (the patient has
            arrived), `completed`, `cancelled` (frees the slot), or `no_show`. An appointment is
            booked
            `scheduled`; each status action moves it as `x-status-machine` says, and from any other
            status
            it is a `409` (`invalid_status_transition`, with `current_status`).
        start_at_from (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an offset
            (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
        start_at_before (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
            offset (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        patient_id=patient_id,
        practitioner_id=practitioner_id,
        status=status,
        start_at_from=start_at_from,
        start_at_before=start_at_before,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    patient_id: str | Unset = UNSET,
    practitioner_id: str | Unset = UNSET,
    status: AppointmentStatus | Unset = UNSET,
    start_at_from: datetime.datetime | Unset = UNSET,
    start_at_before: datetime.datetime | Unset = UNSET,
) -> Response[AppointmentPage | Problem]:
    """List appointments

     Lists appointments ordered by `start_at` then `id`, optionally filtered by patient,
    practitioner, status and start window. Requires scope `appointments:read`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        patient_id (str | Unset): An opaque identifier assigned by the server: letters, digits,
            `-` and `_`. Treat it as an
            opaque string; its form may change.
        practitioner_id (str | Unset): An opaque identifier assigned by the server: letters,
            digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        status (AppointmentStatus | Unset): Where the appointment is in its life: `scheduled`
            (booked), `checked_in` (the patient has
            arrived), `completed`, `cancelled` (frees the slot), or `no_show`. An appointment is
            booked
            `scheduled`; each status action moves it as `x-status-machine` says, and from any other
            status
            it is a `409` (`invalid_status_transition`, with `current_status`).
        start_at_from (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an offset
            (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
        start_at_before (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
            offset (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        patient_id=patient_id,
        practitioner_id=practitioner_id,
        status=status,
        start_at_from=start_at_from,
        start_at_before=start_at_before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    patient_id: str | Unset = UNSET,
    practitioner_id: str | Unset = UNSET,
    status: AppointmentStatus | Unset = UNSET,
    start_at_from: datetime.datetime | Unset = UNSET,
    start_at_before: datetime.datetime | Unset = UNSET,
) -> AppointmentPage | Problem | None:
    """List appointments

     Lists appointments ordered by `start_at` then `id`, optionally filtered by patient,
    practitioner, status and start window. Requires scope `appointments:read`.

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):
        patient_id (str | Unset): An opaque identifier assigned by the server: letters, digits,
            `-` and `_`. Treat it as an
            opaque string; its form may change.
        practitioner_id (str | Unset): An opaque identifier assigned by the server: letters,
            digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        status (AppointmentStatus | Unset): Where the appointment is in its life: `scheduled`
            (booked), `checked_in` (the patient has
            arrived), `completed`, `cancelled` (frees the slot), or `no_show`. An appointment is
            booked
            `scheduled`; each status action moves it as `x-status-machine` says, and from any other
            status
            it is a `409` (`invalid_status_transition`, with `current_status`).
        start_at_from (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an offset
            (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
        start_at_before (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
            offset (`Z` or `+hh:mm`), such as
            `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            patient_id=patient_id,
            practitioner_id=practitioner_id,
            status=status,
            start_at_from=start_at_from,
            start_at_before=start_at_before,
        )
    ).parsed
