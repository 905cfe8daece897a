"""The errors particular to patients.

The classes are still defined in `problems` (with every other problem type) and re-exported
here, so that this package names its own errors; moving their definitions here is left for
after the parallel changes to `problems.py` are merged.
"""

from __future__ import annotations

from patient_tracker.problems import PatientHasAppointmentsError, PhoneTakenError

__all__ = ["PatientHasAppointmentsError", "PhoneTakenError"]
