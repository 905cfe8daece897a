"""`python -m patient_tracker`: the same as the `patient-tracker` command."""

from __future__ import annotations

import sys

from patient_tracker.cli import main

sys.exit(main())
