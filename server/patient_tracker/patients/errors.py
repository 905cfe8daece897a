"""The errors particular to patients.

Each names its problem code; the spec gives its status and title (`problems.ProblemError`).
"""

from __future__ import annotations

from patient_tracker.contract.problems import ProblemError


class PhoneTakenError(ProblemError):
    code = "phone_taken"


class PatientHasAppointmentsError(ProblemError):
    code = "patient_has_appointments"
