# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from enum import StrEnum


class AppointmentStatus(StrEnum):
    CANCELLED = "cancelled"
    CHECKED_IN = "checked_in"
    COMPLETED = "completed"
    NO_SHOW = "no_show"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
