"""The errors particular to practitioners.

The class is still defined in `problems` (with every other problem type) and re-exported here,
so that this package names its own errors; moving its definition here is left for after the
parallel changes to `problems.py` are merged.
"""

from __future__ import annotations

from patient_tracker.problems import PractitionerHasAppointmentsError

__all__ = ["PractitionerHasAppointmentsError"]
