# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
"""Contains endpoint functions for accessing the API"""
