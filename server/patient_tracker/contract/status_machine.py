"""The appointment status machine, as the spec declares it (`AppointmentStatus`'s
`x-status-machine`): per status action, where it may start, where it leads, what it records.

Read once, checked at import: every status and event type named must be one the spec's enums
list, so a typo in the spec stops the server from starting rather than from moving appointments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from patient_tracker.contract.api_models import AppointmentStatus, EventType
from patient_tracker.contract.spec_document import spec_dict

__all__ = ["MOVES", "Move"]


@dataclass(frozen=True, slots=True)
class Move:
    """One status action: from any of `starts`, to `target`, recording `event`."""

    starts: frozenset[AppointmentStatus]
    target: AppointmentStatus
    event: EventType


def _moves(declared: dict[str, dict[str, Any]]) -> dict[str, Move]:
    return {
        operation_id: Move(
            frozenset(AppointmentStatus(status) for status in move["from"]),
            AppointmentStatus(move["to"]),
            EventType(move["event"]),
        )
        for operation_id, move in declared.items()
    }


MOVES: dict[str, Move] = _moves(
    spec_dict()["components"]["schemas"]["AppointmentStatus"]["x-status-machine"]
)
"""Per status action's operationId (`cancelAppointment`, ...), its move."""
