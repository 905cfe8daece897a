# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appointment_booked_event import AppointmentBookedEvent
from ...models.appointment_cancelled_event import AppointmentCancelledEvent
from ...models.appointment_checked_in_event import AppointmentCheckedInEvent
from ...models.appointment_completed_event import AppointmentCompletedEvent
from ...models.appointment_no_show_event import AppointmentNoShowEvent
from ...models.appointment_rescheduled_event import AppointmentRescheduledEvent
from ...models.patient_created_event import PatientCreatedEvent
from ...models.patient_deleted_event import PatientDeletedEvent
from ...models.patient_updated_event import PatientUpdatedEvent
from ...models.practitioner_created_event import PractitionerCreatedEvent
from ...models.practitioner_deleted_event import PractitionerDeletedEvent
from ...models.practitioner_updated_event import PractitionerUpdatedEvent
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    event_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events/{event_id}".format(
            event_id=quote(str(event_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AppointmentBookedEvent
    | AppointmentCancelledEvent
    | AppointmentCheckedInEvent
    | AppointmentCompletedEvent
    | AppointmentNoShowEvent
    | AppointmentRescheduledEvent
    | PatientCreatedEvent
    | PatientDeletedEvent
    | PatientUpdatedEvent
    | PractitionerCreatedEvent
    | PractitionerDeletedEvent
    | PractitionerUpdatedEvent
    | Problem
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> (
            AppointmentBookedEvent
            | AppointmentCancelledEvent
            | AppointmentCheckedInEvent
            | AppointmentCompletedEvent
            | AppointmentNoShowEvent
            | AppointmentRescheduledEvent
            | PatientCreatedEvent
            | PatientDeletedEvent
            | PatientUpdatedEvent
            | PractitionerCreatedEvent
            | PractitionerDeletedEvent
            | PractitionerUpdatedEvent
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_0 = AppointmentBookedEvent.from_dict(data)

                return componentsschemas_event_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_1 = AppointmentRescheduledEvent.from_dict(data)

                return componentsschemas_event_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_2 = AppointmentCancelledEvent.from_dict(data)

                return componentsschemas_event_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_3 = AppointmentCheckedInEvent.from_dict(data)

                return componentsschemas_event_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_4 = AppointmentCompletedEvent.from_dict(data)

                return componentsschemas_event_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_5 = AppointmentNoShowEvent.from_dict(data)

                return componentsschemas_event_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_6 = PatientCreatedEvent.from_dict(data)

                return componentsschemas_event_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_7 = PatientUpdatedEvent.from_dict(data)

                return componentsschemas_event_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_8 = PatientDeletedEvent.from_dict(data)

                return componentsschemas_event_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_9 = PractitionerCreatedEvent.from_dict(data)

                return componentsschemas_event_type_9
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_type_10 = PractitionerUpdatedEvent.from_dict(data)

                return componentsschemas_event_type_10
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_event_type_11 = PractitionerDeletedEvent.from_dict(data)

            return componentsschemas_event_type_11

        response_200 = _parse_response_200(response.json())

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
) -> Response[
    AppointmentBookedEvent
    | AppointmentCancelledEvent
    | AppointmentCheckedInEvent
    | AppointmentCompletedEvent
    | AppointmentNoShowEvent
    | AppointmentRescheduledEvent
    | PatientCreatedEvent
    | PatientDeletedEvent
    | PatientUpdatedEvent
    | PractitionerCreatedEvent
    | PractitionerDeletedEvent
    | PractitionerUpdatedEvent
    | Problem
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[
    AppointmentBookedEvent
    | AppointmentCancelledEvent
    | AppointmentCheckedInEvent
    | AppointmentCompletedEvent
    | AppointmentNoShowEvent
    | AppointmentRescheduledEvent
    | PatientCreatedEvent
    | PatientDeletedEvent
    | PatientUpdatedEvent
    | PractitionerCreatedEvent
    | PractitionerDeletedEvent
    | PractitionerUpdatedEvent
    | Problem
]:
    """Get an event

     Returns one event. Events are kept 30 days; after that, and for an event whose resource
    the key may not read (see `listEvents`), the answer is `404`. Requires scope
    `webhooks:read`.

    Args:
        event_id (str): The event's opaque id, unique across events. A delivery carries it as the
            `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentBookedEvent | AppointmentCancelledEvent | AppointmentCheckedInEvent | AppointmentCompletedEvent | AppointmentNoShowEvent | AppointmentRescheduledEvent | PatientCreatedEvent | PatientDeletedEvent | PatientUpdatedEvent | PractitionerCreatedEvent | PractitionerDeletedEvent | PractitionerUpdatedEvent | Problem]
    """

    kwargs = _get_kwargs(
        event_id=event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event_id: str,
    *,
    client: AuthenticatedClient,
) -> (
    AppointmentBookedEvent
    | AppointmentCancelledEvent
    | AppointmentCheckedInEvent
    | AppointmentCompletedEvent
    | AppointmentNoShowEvent
    | AppointmentRescheduledEvent
    | PatientCreatedEvent
    | PatientDeletedEvent
    | PatientUpdatedEvent
    | PractitionerCreatedEvent
    | PractitionerDeletedEvent
    | PractitionerUpdatedEvent
    | Problem
    | None
):
    """Get an event

     Returns one event. Events are kept 30 days; after that, and for an event whose resource
    the key may not read (see `listEvents`), the answer is `404`. Requires scope
    `webhooks:read`.

    Args:
        event_id (str): The event's opaque id, unique across events. A delivery carries it as the
            `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentBookedEvent | AppointmentCancelledEvent | AppointmentCheckedInEvent | AppointmentCompletedEvent | AppointmentNoShowEvent | AppointmentRescheduledEvent | PatientCreatedEvent | PatientDeletedEvent | PatientUpdatedEvent | PractitionerCreatedEvent | PractitionerDeletedEvent | PractitionerUpdatedEvent | Problem
    """

    return sync_detailed(
        event_id=event_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    event_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[
    AppointmentBookedEvent
    | AppointmentCancelledEvent
    | AppointmentCheckedInEvent
    | AppointmentCompletedEvent
    | AppointmentNoShowEvent
    | AppointmentRescheduledEvent
    | PatientCreatedEvent
    | PatientDeletedEvent
    | PatientUpdatedEvent
    | PractitionerCreatedEvent
    | PractitionerDeletedEvent
    | PractitionerUpdatedEvent
    | Problem
]:
    """Get an event

     Returns one event. Events are kept 30 days; after that, and for an event whose resource
    the key may not read (see `listEvents`), the answer is `404`. Requires scope
    `webhooks:read`.

    Args:
        event_id (str): The event's opaque id, unique across events. A delivery carries it as the
            `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentBookedEvent | AppointmentCancelledEvent | AppointmentCheckedInEvent | AppointmentCompletedEvent | AppointmentNoShowEvent | AppointmentRescheduledEvent | PatientCreatedEvent | PatientDeletedEvent | PatientUpdatedEvent | PractitionerCreatedEvent | PractitionerDeletedEvent | PractitionerUpdatedEvent | Problem]
    """

    kwargs = _get_kwargs(
        event_id=event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_id: str,
    *,
    client: AuthenticatedClient,
) -> (
    AppointmentBookedEvent
    | AppointmentCancelledEvent
    | AppointmentCheckedInEvent
    | AppointmentCompletedEvent
    | AppointmentNoShowEvent
    | AppointmentRescheduledEvent
    | PatientCreatedEvent
    | PatientDeletedEvent
    | PatientUpdatedEvent
    | PractitionerCreatedEvent
    | PractitionerDeletedEvent
    | PractitionerUpdatedEvent
    | Problem
    | None
):
    """Get an event

     Returns one event. Events are kept 30 days; after that, and for an event whose resource
    the key may not read (see `listEvents`), the answer is `404`. Requires scope
    `webhooks:read`.

    Args:
        event_id (str): The event's opaque id, unique across events. A delivery carries it as the
            `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentBookedEvent | AppointmentCancelledEvent | AppointmentCheckedInEvent | AppointmentCompletedEvent | AppointmentNoShowEvent | AppointmentRescheduledEvent | PatientCreatedEvent | PatientDeletedEvent | PatientUpdatedEvent | PractitionerCreatedEvent | PractitionerDeletedEvent | PractitionerUpdatedEvent | Problem
    """

    return (
        await asyncio_detailed(
            event_id=event_id,
            client=client,
        )
    ).parsed
