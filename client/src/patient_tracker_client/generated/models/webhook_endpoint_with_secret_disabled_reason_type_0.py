# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from enum import StrEnum


class WebhookEndpointWithSecretDisabledReasonType0(StrEnum):
    ACCESS_REVOKED = "access_revoked"
    FAILING = "failing"

    def __str__(self) -> str:
        return str(self.value)
