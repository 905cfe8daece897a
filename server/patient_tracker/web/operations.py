"""The operation binder: a handler names the spec operation it implements; the spec says the rest.

A handler is an `async def` marked `@operation("getPatient")`. `bind_operations` reads
`spec/openapi.yaml` (loaded once, `spec_document.spec_dict`) and, for every operation, puts one
route on the app's own route table with what the spec says: method and path, success status,
documented responses, tags; `SecuredRoute` adds the scopes the operation requires. FastAPI still
routes, parses parameters and bodies, and serves the docs pages.

The app refuses to start (`OperationBindingError`, listing every disagreement) when:

- an operation of the spec has no handler, or two;
- a handler names an operation the spec does not have, or names none (every public coroutine
  function of a handler module must be a handler);
- a handler's parameters disagree with the spec: its path parameter names, its header names, its
  query model (the generated `<OperationId>ParametersQuery` with the spec's query names) or its
  body model (the `requestBody` schema).

A handler declares its body as the plain generated model (`body: PatientCreate`) and its query
as the plain generated query model (`query: ListPatientsParametersQuery`); the binder wraps them
with `json_body(...)` (accepting the media types the spec lists) and `Query()`. Path and header
parameters come from `deps` (their bounds are read from `components/parameters`).

The model is Connexion's operationId binding, with the direction turned round: there the spec
names the handler; here the handler names the operation, so a handler module can be read alone.

Why routes go straight onto `app.router.routes` rather than through `include_router`: since
FastAPI 0.137 an included router stays a nested node every request walks through
(fastapi/fastapi#16159), measured at ~17 us of an authenticated GET; see docs/design.md.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType
from typing import Annotated, Any, TypeVar, get_args, get_origin, get_type_hints

from fastapi import Depends, FastAPI, Query, params
from pydantic import BaseModel
from starlette.requests import Request

from patient_tracker.auth.route import SecuredRoute
from patient_tracker.contract.spec_document import spec_dict, walk_operations
from patient_tracker.web.json_body import json_body
from patient_tracker.web.params import unambiguous_query

__all__ = [
    "OperationBindingError",
    "SpecOperation",
    "bind_operations",
    "handlers_in",
    "operation",
    "spec_operations",
    "success_status",
]

Handler = Callable[..., Coroutine[Any, Any, Any]]
HandlerT = TypeVar("HandlerT", bound=Handler)

_METHODS = ("get", "put", "post", "patch", "delete")
_MARK = "__spec_operation_id__"
_QUERY_MODEL_SUFFIX = "ParametersQuery"


class OperationBindingError(Exception):
    """The handlers and the spec disagree: the app must not start."""


@dataclass(frozen=True, slots=True)
class SpecOperation:
    """What the spec says about one operation, in the terms the binder needs."""

    operation_id: str
    method: str
    path: str
    success_status: int
    error_statuses: tuple[int, ...]
    tags: tuple[str, ...]
    path_parameters: frozenset[str]
    query_parameters: frozenset[str]
    header_parameters: frozenset[str]  # lower case: header names are case-insensitive
    body_schema: str | None
    body_media_types: tuple[str, ...]

    def location(self, **path_values: str) -> str:
        """This operation's path with its parameters filled in, e.g. for a `Location` header."""
        return self.path.format(**path_values)


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _success_status(operation_id: str, statuses: Iterable[int]) -> int:
    successes = [status for status in statuses if 200 <= status < 300]
    if len(successes) != 1:
        raise OperationBindingError(
            f"{operation_id}: the spec must document exactly one 2xx response, not {successes}"
        )
    return successes[0]


def _body(operation: Mapping[str, Any]) -> tuple[str | None, tuple[str, ...]]:
    content: Mapping[str, Any] = operation.get("requestBody", {}).get("content", {})
    if not content:
        return None, ()
    schemas = {_ref_name(media["schema"].get("$ref", "")) for media in content.values()}
    if len(schemas) != 1 or "" in schemas:
        raise OperationBindingError(
            f"{operation['operationId']}: every body media type must name one schema by $ref"
        )
    return schemas.pop(), tuple(content)


def operations_in(document: Mapping[str, Any]) -> dict[str, SpecOperation]:
    """Every operation of an OpenAPI document, by operationId, in document order."""
    found: dict[str, SpecOperation] = {}
    for method, path, operation, parameters in walk_operations(document):
        if method.lower() not in _METHODS:
            continue
        operation_id = operation["operationId"]

        def names(location: str, parameters: Sequence[Mapping[str, Any]] = parameters) -> set[str]:
            return {p["name"] for p in parameters if p["in"] == location}

        statuses = sorted(int(status) for status in operation["responses"])
        success = _success_status(operation_id, statuses)
        body_schema, media_types = _body(operation)
        found[operation_id] = SpecOperation(
            operation_id=operation_id,
            method=method,
            path=path,
            success_status=success,
            error_statuses=tuple(s for s in statuses if s != success),
            tags=tuple(operation.get("tags", ())),
            path_parameters=frozenset(names("path")),
            query_parameters=frozenset(names("query")),
            header_parameters=frozenset(name.lower() for name in names("header")),
            body_schema=body_schema,
            body_media_types=media_types,
        )
    return found


@lru_cache(maxsize=1)
def spec_operations() -> dict[str, SpecOperation]:
    """The operations of `spec/openapi.yaml`, read once."""
    return operations_in(spec_dict())


def success_status(request: Request) -> int:
    """The one 2xx the spec documents for the operation `request` was routed to.

    `bind_operations` gives each route its operation's success status (`status_code`), and the
    router leaves the matched route in the request's scope: a lookup, no walk of the spec.
    """
    status: int | None = request.scope["route"].status_code
    if status is None:  # a route the binder did not put there
        raise LookupError(f"route {request.scope['route'].path} has no bound success status")
    return status


def operation(operation_id: str) -> Callable[[HandlerT], HandlerT]:
    """Mark a handler as the implementation of the spec operation `operation_id`."""

    def mark(handler: HandlerT) -> HandlerT:
        setattr(handler, _MARK, operation_id)
        return handler

    return mark


def handlers_in(*modules: ModuleType) -> list[Handler]:
    """The public coroutine functions defined in `modules`: each must be a marked handler."""
    return [
        member
        for module in modules
        for name, member in vars(module).items()
        if not name.startswith("_")
        and inspect.iscoroutinefunction(member)
        and member.__module__ == module.__name__
    ]


@dataclass(slots=True)
class _Declared:
    """What a handler's signature declares, and the signature FastAPI is to see."""

    path: set[str]
    headers: set[str]
    query_model: type[BaseModel] | None
    body_model: type[BaseModel] | None
    signature: inspect.Signature
    # Query parameters declared one by one, outside the generated query model.
    loose_query: set[str] = field(default_factory=set)


def _fastapi_param(metadata: Iterable[object]) -> params.Param | params.Depends | None:
    for item in metadata:
        if isinstance(item, params.Param | params.Depends):
            return item
    return None


def _declared(handler: Handler, spec: SpecOperation) -> _Declared:
    """Read the handler's parameters; wrap a plain body or query model for FastAPI."""
    hints = get_type_hints(handler, include_extras=True)
    signature = inspect.signature(handler)
    declared = _Declared(set(), set(), None, None, signature)
    parameters = []
    for parameter in signature.parameters.values():
        annotation = hints.get(parameter.name, parameter.annotation)
        if get_origin(annotation) is Annotated:
            base, *metadata = get_args(annotation)
            param = _fastapi_param(metadata)
            if isinstance(param, params.Path):
                declared.path.add(param.alias or parameter.name)
            elif isinstance(param, params.Header):
                declared.headers.add((param.alias or parameter.name).lower())
            elif isinstance(param, params.Query):
                if isinstance(base, type) and issubclass(base, BaseModel):
                    declared.query_model = base
                else:
                    declared.loose_query.add(param.alias or parameter.name)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation.__name__.endswith(_QUERY_MODEL_SUFFIX):
                declared.query_model = annotation
                annotation = Annotated[annotation, Query()]
            else:
                declared.body_model = annotation
                media_types = spec.body_media_types or ("application/json",)
                dependency = json_body(annotation, media_types=media_types)
                annotation = Annotated[annotation, Depends(dependency)]
        elif annotation is not Request:
            declared.path.add(parameter.name)  # a plain parameter: FastAPI reads it from the path
        parameters.append(parameter.replace(annotation=annotation))
    declared.signature = signature.replace(
        parameters=parameters, return_annotation=hints.get("return", signature.empty)
    )
    return declared


def _query_model_name(operation_id: str) -> str:
    return operation_id[0].upper() + operation_id[1:] + _QUERY_MODEL_SUFFIX


def _query_names(model: type[BaseModel]) -> set[str]:
    return {field.alias or name for name, field in model.model_fields.items()}


def _disagreements(spec: SpecOperation, declared: _Declared) -> list[str]:
    """How the handler's parameters differ from the spec's, one sentence each."""
    found = []
    if declared.path != spec.path_parameters:
        found.append(f"path parameters {sorted(declared.path)} != {sorted(spec.path_parameters)}")
    if declared.headers != spec.header_parameters:
        found.append(f"headers {sorted(declared.headers)} != {sorted(spec.header_parameters)}")
    if declared.loose_query:
        found.append(f"query parameters {sorted(declared.loose_query)} outside a query model")
    model = declared.query_model
    if spec.query_parameters and model is None:
        found.append(f"no query model, expected {_query_model_name(spec.operation_id)}")
    elif not spec.query_parameters and model is not None:
        found.append(f"query model {model.__name__}, but the spec has no query parameters")
    elif model is not None:
        if model.__name__ != _query_model_name(spec.operation_id):
            found.append(f"query model {model.__name__} != {_query_model_name(spec.operation_id)}")
        if _query_names(model) != spec.query_parameters:
            found.append(
                f"query parameters {sorted(_query_names(model))} != {sorted(spec.query_parameters)}"
            )
    body = declared.body_model.__name__ if declared.body_model else None
    if body != spec.body_schema:
        found.append(f"body model {body} != {spec.body_schema}")
    return found


def bind_operations(app: FastAPI, handlers: Iterable[Handler]) -> None:
    """Route every spec operation to its handler; or raise `OperationBindingError`, saying why."""
    operations = spec_operations()
    bound: dict[str, Handler] = {}
    errors: list[str] = []
    for handler in handlers:
        name = f"{handler.__module__}.{handler.__qualname__}"
        operation_id = getattr(handler, _MARK, None)
        if operation_id is None:
            errors.append(f"handler {name} names no operation (mark it with @operation(...))")
        elif operation_id not in operations:
            errors.append(f"handler {name} names {operation_id!r}, which the spec does not have")
        elif operation_id in bound:
            errors.append(f"{operation_id} has two handlers: {name} and another")
        else:
            bound[operation_id] = handler
    errors += [f"{op} (spec) has no handler" for op in operations if op not in bound]
    signatures: dict[str, inspect.Signature] = {}
    for operation_id, handler in bound.items():
        spec = operations[operation_id]
        declared = _declared(handler, spec)
        errors += [f"{operation_id}: {d}" for d in _disagreements(spec, declared)]
        signatures[operation_id] = declared.signature
    if errors:
        raise OperationBindingError("handlers and spec disagree:\n  " + "\n  ".join(errors))
    for operation_id, spec in operations.items():  # in spec order
        handler = bound[operation_id]
        # FastAPI reads `__signature__` (inspect.signature does): the wrapped body and query.
        handler.__signature__ = signatures[operation_id]  # type: ignore[attr-defined]
        app.router.add_api_route(
            spec.path,
            handler,
            methods=[spec.method],
            status_code=spec.success_status,
            responses={status: {} for status in spec.error_statuses},
            tags=list(spec.tags),
            operation_id=spec.operation_id,
            name=spec.operation_id,
            route_class_override=SecuredRoute,
            # A query string the framework would read silently wrong (a repeated parameter,
            # percent-escapes that are not UTF-8) is a 422, after authentication.
            dependencies=[Depends(unambiguous_query)] if spec.query_parameters else None,
        )
