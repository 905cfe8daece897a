"""The errors particular to practitioners.

Each names its problem code; the spec gives its status and title (`problems.ProblemError`).
"""

from __future__ import annotations

from patient_tracker.contract.problems import ProblemError


class PractitionerHasAppointmentsError(ProblemError):
    code = "practitioner_has_appointments"
