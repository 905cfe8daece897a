"""The errors particular to webhook endpoints: an unsafe URL, a subscription beyond the key's reach.

Both are problem types every operation already has (`validation_failed`, `insufficient_scope`);
what is particular is how they are worded, here.
"""

from __future__ import annotations

from collections.abc import Iterable

from patient_tracker.contract.api_models import FieldError
from patient_tracker.contract.problems import InsufficientScopeError, ValidationFailedError
from patient_tracker.webhooks.delivery.ssrf import UnsafeDestinationError

__all__ = ["scope_missing", "unsafe_url"]


def unsafe_url(error: UnsafeDestinationError) -> ValidationFailedError:
    """422 pointing at `/url`; the detail names the rule (not the URL, which may carry data)."""
    detail = f"The URL is not allowed ({error.reason}): {error}."
    return ValidationFailedError(
        "1 field is invalid.", errors=[FieldError(pointer="/url", detail=detail)]
    )


def scope_missing(scopes: Iterable[str]) -> InsufficientScopeError:
    """403: the endpoint would receive data the key may not read."""
    return InsufficientScopeError(
        "The subscribed event types carry data this key may not read; it also needs: "
        + ", ".join(sorted(scopes))
        + "."
    )
