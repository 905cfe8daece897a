"""The hand-written base of the resource facade (`tracker.patients.get(...)`).

client/generate.py writes the facade itself from the spec into `_generated_resources.py`: per tag
a class for `PatientTracker` and one for `AsyncPatientTracker`, per operation one method in each,
with the generated function's parameters (minus `client`) and a docstring from the spec. What
those classes share is here, and names no operation:

- `Resource`: a tag's operations over the generated client. A method returns its success model,
  or raises (`_result`, which is `unwrap`); `.raw` is the same class in raw mode, whose methods
  return the whole response (`typed`: an `ApiResponse`, for `etag()` and `modify()`). One
  generic raw-response wrapper, not a raw class per tag: the mode is the class's type parameter
  (`Resource[Parsed]`, `Resource[Raw]`), and the decorator on each method (`operation`,
  `async_operation`) tells type checkers what a method returns in each mode.
- `operation` / `async_operation`: for type checkers only. At runtime the decorated function is
  put back in the class as it was (`__set_name__`), so a method is a plain function: no wrapper
  call, and `inspect`, `help()` and docstrings see the method as written.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, cast, overload

from ._calls import ApiResponse, typed, unwrap
from .generated.client import AuthenticatedClient
from .generated.models.problem import Problem
from .generated.types import Response

P = ParamSpec("P")
T = TypeVar("T")
Mode = TypeVar("Mode")


class Parsed:
    """The mode of `tracker.patients`: each method returns the success response's model."""


class Raw:
    """The mode of `tracker.patients.raw`: each method returns the whole response."""


class Resource(Generic[Mode]):
    """The operations of one tag, over the generated client; `raw=True` for `.raw`."""

    def __init__(self, client: AuthenticatedClient, *, raw: bool = False) -> None:
        self._client = client
        self._raw = raw

    def _result(self, response: Response[T | Problem]) -> T:
        """What a method returns for a generated `*_detailed` result: `unwrap(response)` (the
        model; an error or a `304` raises), or on `.raw` the whole response, `typed(response)`.

        Typed as `unwrap` is: `operation` / `async_operation` give `.raw` its own return type.
        """
        if self._raw:
            return cast(T, typed(response))
        return unwrap(response)


class _Operation(Generic[P, T]):
    """A sync method returning `T`; on a `Resource[Raw]`, `ApiResponse[T | Problem]`."""

    def __init__(self, method: Callable[Concatenate[Any, P], T]) -> None:
        self.method = method

    def __set_name__(self, owner: type[Any], name: str) -> None:
        setattr(owner, name, self.method)  # the plain function again, once the class exists

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Callable[Concatenate[Any, P], T]: ...
    @overload
    def __get__(
        self, obj: Resource[Raw], owner: type[Any]
    ) -> Callable[P, ApiResponse[T | Problem]]: ...
    @overload
    def __get__(self, obj: Resource[Parsed], owner: type[Any]) -> Callable[P, T]: ...
    def __get__(self, obj: object, owner: type[Any]) -> Any:
        # Only reached where `__set_name__` did not run (an `operation` outside a class body).
        return self.method if obj is None else self.method.__get__(obj, owner)


class _AsyncOperation(Generic[P, T]):
    """An async method returning `T`; on a `Resource[Raw]`, `ApiResponse[T | Problem]`."""

    def __init__(self, method: Callable[Concatenate[Any, P], Coroutine[Any, Any, T]]) -> None:
        self.method = method

    def __set_name__(self, owner: type[Any], name: str) -> None:
        setattr(owner, name, self.method)

    @overload
    def __get__(
        self, obj: None, owner: type[Any]
    ) -> Callable[Concatenate[Any, P], Coroutine[Any, Any, T]]: ...
    @overload
    def __get__(
        self, obj: Resource[Raw], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, ApiResponse[T | Problem]]]: ...
    @overload
    def __get__(
        self, obj: Resource[Parsed], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, T]]: ...
    def __get__(self, obj: object, owner: type[Any]) -> Any:
        return self.method if obj is None else self.method.__get__(obj, owner)


def operation(method: Callable[Concatenate[Any, P], T]) -> _Operation[P, T]:
    """Mark a sync `Resource` method that returns `self._result(...)`: see `_Operation`."""
    return _Operation(method)


def async_operation(
    method: Callable[Concatenate[Any, P], Coroutine[Any, Any, T]],
) -> _AsyncOperation[P, T]:
    """Mark an async `Resource` method that returns `self._result(...)`: see `_AsyncOperation`."""
    return _AsyncOperation(method)
