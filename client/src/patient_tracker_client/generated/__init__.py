# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
"""A client library for accessing Patient Appointment Tracker API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
