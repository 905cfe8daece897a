# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
"""Contains all the data models used in inputs/outputs"""

from .appointment import Appointment
from .appointment_cancellation import AppointmentCancellation
from .appointment_create import AppointmentCreate
from .appointment_page import AppointmentPage
from .appointment_status import AppointmentStatus
from .appointment_update import AppointmentUpdate
from .field_error import FieldError
from .health import Health
from .health_status import HealthStatus
from .patient import Patient
from .patient_create import PatientCreate
from .patient_page import PatientPage
from .patient_update import PatientUpdate
from .practitioner import Practitioner
from .practitioner_create import PractitionerCreate
from .practitioner_page import PractitionerPage
from .practitioner_update import PractitionerUpdate
from .problem import Problem
from .readiness import Readiness
from .readiness_status import ReadinessStatus

__all__ = (
    "Appointment",
    "AppointmentCancellation",
    "AppointmentCreate",
    "AppointmentPage",
    "AppointmentStatus",
    "AppointmentUpdate",
    "FieldError",
    "Health",
    "HealthStatus",
    "Patient",
    "PatientCreate",
    "PatientPage",
    "PatientUpdate",
    "Practitioner",
    "PractitionerCreate",
    "PractitionerPage",
    "PractitionerUpdate",
    "Problem",
    "Readiness",
    "ReadinessStatus",
)
