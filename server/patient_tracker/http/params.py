"""Helpers for the generated query-parameter models (`<OperationId>ParametersQuery`)."""

from __future__ import annotations

from typing import TypeVar

from pydantic import MISSING, RootModel

T = TypeVar("T")


def given(value: T | MISSING) -> T | None:
    """The parameter's value, or `None` when the request did not send it."""
    return None if value is MISSING else value


def given_root(value: RootModel[T] | MISSING) -> T | None:
    """Like `given`, unwrapping a schema that the generator made a `RootModel` (`Phone`, `Id`)."""
    return None if value is MISSING else value.root
