# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
"""Contains all the data models used in inputs/outputs"""

from .appointment import Appointment
from .appointment_booked_event import AppointmentBookedEvent
from .appointment_cancellation import AppointmentCancellation
from .appointment_cancelled_event import AppointmentCancelledEvent
from .appointment_checked_in_event import AppointmentCheckedInEvent
from .appointment_completed_event import AppointmentCompletedEvent
from .appointment_create import AppointmentCreate
from .appointment_no_show_event import AppointmentNoShowEvent
from .appointment_page import AppointmentPage
from .appointment_rescheduled_event import AppointmentRescheduledEvent
from .appointment_status import AppointmentStatus
from .appointment_update import AppointmentUpdate
from .deleted_resource import DeletedResource
from .event_page import EventPage
from .event_type import EventType
from .field_error import FieldError
from .health import Health
from .health_status import HealthStatus
from .patient import Patient
from .patient_create import PatientCreate
from .patient_created_event import PatientCreatedEvent
from .patient_deleted_event import PatientDeletedEvent
from .patient_page import PatientPage
from .patient_update import PatientUpdate
from .patient_updated_event import PatientUpdatedEvent
from .practitioner import Practitioner
from .practitioner_create import PractitionerCreate
from .practitioner_created_event import PractitionerCreatedEvent
from .practitioner_deleted_event import PractitionerDeletedEvent
from .practitioner_page import PractitionerPage
from .practitioner_update import PractitionerUpdate
from .practitioner_updated_event import PractitionerUpdatedEvent
from .problem import Problem
from .readiness import Readiness
from .readiness_status import ReadinessStatus
from .webhook_attempt import WebhookAttempt
from .webhook_attempt_page import WebhookAttemptPage
from .webhook_endpoint import WebhookEndpoint
from .webhook_endpoint_create import WebhookEndpointCreate
from .webhook_endpoint_disabled_reason_type_0 import WebhookEndpointDisabledReasonType0
from .webhook_endpoint_page import WebhookEndpointPage
from .webhook_endpoint_update import WebhookEndpointUpdate
from .webhook_endpoint_with_secret import WebhookEndpointWithSecret
from .webhook_endpoint_with_secret_disabled_reason_type_0 import (
    WebhookEndpointWithSecretDisabledReasonType0,
)

__all__ = (
    "Appointment",
    "AppointmentBookedEvent",
    "AppointmentCancellation",
    "AppointmentCancelledEvent",
    "AppointmentCheckedInEvent",
    "AppointmentCompletedEvent",
    "AppointmentCreate",
    "AppointmentNoShowEvent",
    "AppointmentPage",
    "AppointmentRescheduledEvent",
    "AppointmentStatus",
    "AppointmentUpdate",
    "DeletedResource",
    "EventPage",
    "EventType",
    "FieldError",
    "Health",
    "HealthStatus",
    "Patient",
    "PatientCreate",
    "PatientCreatedEvent",
    "PatientDeletedEvent",
    "PatientPage",
    "PatientUpdate",
    "PatientUpdatedEvent",
    "Practitioner",
    "PractitionerCreate",
    "PractitionerCreatedEvent",
    "PractitionerDeletedEvent",
    "PractitionerPage",
    "PractitionerUpdate",
    "PractitionerUpdatedEvent",
    "Problem",
    "Readiness",
    "ReadinessStatus",
    "WebhookAttempt",
    "WebhookAttemptPage",
    "WebhookEndpoint",
    "WebhookEndpointCreate",
    "WebhookEndpointDisabledReasonType0",
    "WebhookEndpointPage",
    "WebhookEndpointUpdate",
    "WebhookEndpointWithSecret",
    "WebhookEndpointWithSecretDisabledReasonType0",
)
