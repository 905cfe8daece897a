# Generated from spec/openapi.yaml by client/generate.py (nox -s generate). Do not edit.
"""The problem codes spec/openapi.yaml documents (`Problem`'s `x-problem-codes`).

The API may add codes: treat a code missing here by its status.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemCode:
    """One documented problem code, with the status and title it always comes with."""

    code: str
    status: int
    title: str


PROBLEM_CODES: Mapping[str, ProblemCode] = {
    "malformed_json": ProblemCode("malformed_json", 400, "Malformed JSON"),
    "unauthenticated": ProblemCode("unauthenticated", 401, "Authentication required"),
    "invalid_api_key": ProblemCode("invalid_api_key", 401, "Invalid API key"),
    "insufficient_scope": ProblemCode("insufficient_scope", 403, "Insufficient scope"),
    "not_found": ProblemCode("not_found", 404, "Not found"),
    "method_not_allowed": ProblemCode("method_not_allowed", 405, "Method not allowed"),
    "phone_taken": ProblemCode("phone_taken", 409, "Phone number already registered"),
    "patient_has_appointments": ProblemCode(
        "patient_has_appointments", 409, "Patient has appointments"
    ),
    "practitioner_has_appointments": ProblemCode(
        "practitioner_has_appointments", 409, "Practitioner has appointments"
    ),
    "appointment_overlap": ProblemCode("appointment_overlap", 409, "Appointment overlaps another"),
    "practitioner_inactive": ProblemCode("practitioner_inactive", 409, "Practitioner inactive"),
    "invalid_status_transition": ProblemCode(
        "invalid_status_transition", 409, "Invalid status transition"
    ),
    "precondition_failed": ProblemCode("precondition_failed", 412, "Precondition failed"),
    "payload_too_large": ProblemCode("payload_too_large", 413, "Payload too large"),
    "request_header_too_large": ProblemCode(
        "request_header_too_large", 431, "Request header too large"
    ),
    "rate_limited": ProblemCode("rate_limited", 429, "Rate limit exceeded"),
    "malformed_request": ProblemCode("malformed_request", 400, "Malformed request"),
    "method_not_implemented": ProblemCode("method_not_implemented", 501, "Method not implemented"),
    "unsupported_media_type": ProblemCode("unsupported_media_type", 415, "Unsupported media type"),
    "validation_failed": ProblemCode("validation_failed", 422, "Validation failed"),
    "invalid_cursor": ProblemCode("invalid_cursor", 422, "Invalid cursor"),
    "idempotency_key_reused": ProblemCode("idempotency_key_reused", 422, "Idempotency key reused"),
    "internal_error": ProblemCode("internal_error", 500, "Internal server error"),
    "database_unavailable": ProblemCode("database_unavailable", 503, "Database unavailable"),
    "server_busy": ProblemCode("server_busy", 503, "Server busy"),
}
