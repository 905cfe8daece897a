"""The errors particular to appointments.

Each names its problem code; the spec gives its status and title (`problems.ProblemError`).
"""

from __future__ import annotations

from patient_tracker.contract.problems import ProblemError


class AppointmentOverlapError(ProblemError):
    code = "appointment_overlap"


class InvalidStatusTransitionError(ProblemError):
    code = "invalid_status_transition"


class PractitionerInactiveError(ProblemError):
    """A booking with a practitioner who takes no new bookings."""

    code = "practitioner_inactive"
