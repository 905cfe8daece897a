# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.appointment_booked_event import AppointmentBookedEvent
    from ..models.appointment_cancelled_event import AppointmentCancelledEvent
    from ..models.appointment_checked_in_event import AppointmentCheckedInEvent
    from ..models.appointment_completed_event import AppointmentCompletedEvent
    from ..models.appointment_no_show_event import AppointmentNoShowEvent
    from ..models.appointment_rescheduled_event import AppointmentRescheduledEvent
    from ..models.patient_created_event import PatientCreatedEvent
    from ..models.patient_deleted_event import PatientDeletedEvent
    from ..models.patient_updated_event import PatientUpdatedEvent
    from ..models.practitioner_created_event import PractitionerCreatedEvent
    from ..models.practitioner_deleted_event import PractitionerDeletedEvent
    from ..models.practitioner_updated_event import PractitionerUpdatedEvent


T = TypeVar("T", bound="EventPage")


@_attrs_define
class EventPage:
    """One page of events, oldest first (by `created_at`, then `id`).

    Attributes:
        items (list[AppointmentBookedEvent | AppointmentCancelledEvent | AppointmentCheckedInEvent |
            AppointmentCompletedEvent | AppointmentNoShowEvent | AppointmentRescheduledEvent | PatientCreatedEvent |
            PatientDeletedEvent | PatientUpdatedEvent | PractitionerCreatedEvent | PractitionerDeletedEvent |
            PractitionerUpdatedEvent]): The events on this page.
        next_cursor (None | str): Pass as `cursor` to get the next page. `null` when this is the last page.
    """

    items: list[
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
    ]
    next_cursor: None | str

    def to_dict(self) -> dict[str, Any]:
        from ..models.appointment_booked_event import AppointmentBookedEvent  # noqa: PLC0415
        from ..models.appointment_cancelled_event import AppointmentCancelledEvent  # noqa: PLC0415
        from ..models.appointment_checked_in_event import AppointmentCheckedInEvent  # noqa: PLC0415
        from ..models.appointment_completed_event import AppointmentCompletedEvent  # noqa: PLC0415
        from ..models.appointment_no_show_event import AppointmentNoShowEvent  # noqa: PLC0415
        from ..models.appointment_rescheduled_event import AppointmentRescheduledEvent  # noqa: PLC0415
        from ..models.patient_created_event import PatientCreatedEvent  # noqa: PLC0415
        from ..models.patient_deleted_event import PatientDeletedEvent  # noqa: PLC0415
        from ..models.patient_updated_event import PatientUpdatedEvent  # noqa: PLC0415
        from ..models.practitioner_created_event import PractitionerCreatedEvent  # noqa: PLC0415
        from ..models.practitioner_updated_event import PractitionerUpdatedEvent  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item: dict[str, Any]
            if isinstance(items_item_data, AppointmentBookedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, AppointmentRescheduledEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, AppointmentCancelledEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, AppointmentCheckedInEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, AppointmentCompletedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, AppointmentNoShowEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, PatientCreatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, PatientUpdatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, PatientDeletedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, PractitionerCreatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, PractitionerUpdatedEvent):
                items_item = items_item_data.to_dict()
            else:
                items_item = items_item_data.to_dict()

            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appointment_booked_event import AppointmentBookedEvent  # noqa: PLC0415
        from ..models.appointment_cancelled_event import AppointmentCancelledEvent  # noqa: PLC0415
        from ..models.appointment_checked_in_event import AppointmentCheckedInEvent  # noqa: PLC0415
        from ..models.appointment_completed_event import AppointmentCompletedEvent  # noqa: PLC0415
        from ..models.appointment_no_show_event import AppointmentNoShowEvent  # noqa: PLC0415
        from ..models.appointment_rescheduled_event import AppointmentRescheduledEvent  # noqa: PLC0415
        from ..models.patient_created_event import PatientCreatedEvent  # noqa: PLC0415
        from ..models.patient_deleted_event import PatientDeletedEvent  # noqa: PLC0415
        from ..models.patient_updated_event import PatientUpdatedEvent  # noqa: PLC0415
        from ..models.practitioner_created_event import PractitionerCreatedEvent  # noqa: PLC0415
        from ..models.practitioner_deleted_event import PractitionerDeletedEvent  # noqa: PLC0415
        from ..models.practitioner_updated_event import PractitionerUpdatedEvent  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:

            def _parse_items_item(
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

            items_item = _parse_items_item(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        event_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return event_page
