"""What the checker reports: one `Finding` per breaking change, named by its `Rule`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Rule(StrEnum):
    """Each way a spec change can break a client built against the released spec."""

    REMOVED_OPERATION = "removed-operation"
    REMOVED_WEBHOOK = "removed-webhook"
    CHANGED_OPERATION_ID = "changed-operation-id"
    REMOVED_PARAMETER = "removed-parameter"
    NEW_REQUIRED_PARAMETER = "new-required-parameter"
    NEW_REQUIRED_REQUEST_FIELD = "new-required-request-field"
    REMOVED_REQUEST_FIELD = "removed-request-field"
    NARROWED_REQUEST = "narrowed-request"
    CHANGED_TYPE = "changed-type"
    REMOVED_RESPONSE_FIELD = "removed-response-field"
    NEW_RESPONSE_ENUM_VALUE = "new-response-enum-value"
    REMOVED_SUCCESS_STATUS = "removed-success-status"
    REMOVED_RESPONSE_HEADER = "removed-response-header"
    REMOVED_MEDIA_TYPE = "removed-media-type"
    NARROWED_SECURITY = "narrowed-security"


@dataclass(frozen=True, order=True)
class Finding:
    """A breaking change: the operation, where in it (a JSON pointer within the operation; a
    parameter is addressed as `parameters/<in>:<name>`), which rule, and what changed."""

    operation: str
    location: str
    rule: Rule
    detail: str
    # The named schema the change is in (`#/components/schemas/X/...`), or "" when inline.
    source: str = ""

    def __str__(self) -> str:
        return f"[{self.rule.value}] {self.operation} at {self.location or '/'}: {self.detail}"
