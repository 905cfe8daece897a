"""The API's spec as the kit reads it: operations by path and method, and JSON Schema checks.

The spec comes from the SDK's own wheel (`patient_tracker_client/_spec/openapi.json`, copied from
spec/openapi.yaml when the SDK is generated), so the kit describes exactly the API this SDK was
built for, offline. Schemas are checked with `jsonschema` (JSON Schema 2020-12, the dialect of
OpenAPI 3.1), with formats (`date`, `date-time`, ...) checked too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from http import HTTPStatus
from importlib import resources
from typing import Any

try:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError as error:  # pragma: no cover - depends on how the SDK was installed
    raise ImportError(
        "patient_tracker_client.testing needs jsonschema:"
        " pip install 'patient-tracker-client[testing]'"
    ) from error

Json = dict[str, Any]
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# The document's URI inside the schema registry: every `$ref` (`#/components/...`) resolves in it.
BASE_URI = "urn:patient-tracker:openapi"


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class Parameter:
    """A parameter of an operation: where it goes, its name, whether required, its schema."""

    location: str  # "path", "query" or "header"
    name: str
    required: bool
    schema_pointer: str
    schema: Json


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, with what the kit needs to check requests and shape answers."""

    operation_id: str
    method: str
    path: str
    pattern: re.Pattern[str]
    scopes: frozenset[str]
    parameters: tuple[Parameter, ...]
    body_required: bool
    # media type -> JSON pointer of its request schema
    body_schemas: dict[str, str]
    # status -> (JSON pointer of the response, the response resolved)
    responses: dict[str, tuple[str, Json]] = field(default_factory=dict)

    def match(self, path: str) -> dict[str, str] | None:
        found = self.pattern.fullmatch(path)
        return None if found is None else found.groupdict()


class Spec:
    """The loaded spec: its operations, validators for any schema in it, problem titles."""

    def __init__(self, document: Json) -> None:
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(BASE_URI, resource)
        self._validators: dict[str, Draft202012Validator] = {}
        self.operations: list[Operation] = list(self._operations())
        self.by_id = {operation.operation_id: operation for operation in self.operations}
        self.titles = self._problem_titles()

    # -- references

    def resolve(self, pointer: str) -> tuple[str, Any]:
        """The node at `pointer`, following its own `$ref` chain; returns (final pointer, node)."""
        node: Any = self.document
        for token in filter(None, pointer.split("/")):
            key = token.replace("~1", "/").replace("~0", "~")
            node = node[int(key)] if isinstance(node, list) else node[key]
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref: str = node["$ref"]
            if not ref.startswith("#/"):
                raise ValueError(f"only local references are supported, not {ref!r}")
            return self.resolve(ref[1:])
        return pointer, node

    # -- operations

    def _operations(self) -> Any:
        for path, _raw_item in (self.document.get("paths") or {}).items():
            item_pointer, item = self.resolve(f"/paths/{_escape(path)}")
            for method in METHODS:
                if not isinstance(item.get(method), dict):
                    continue
                pointer = f"{item_pointer}/{method}"
                operation = item[method]
                yield Operation(
                    operation_id=operation["operationId"],
                    method=method.upper(),
                    path=path,
                    pattern=re.compile(re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(path))),
                    scopes=self._scopes(operation),
                    parameters=tuple(self._parameters(item_pointer, pointer, item, operation)),
                    body_required=bool(self._body(pointer, operation)[0]),
                    body_schemas=self._body(pointer, operation)[1],
                    responses={
                        status: self.resolve(f"{pointer}/responses/{_escape(status)}")
                        for status in operation.get("responses") or {}
                    },
                )

    def _scopes(self, operation: Json) -> frozenset[str]:
        # This API has one scheme and one alternative per operation: the scopes all needed.
        requirements = operation.get("security", self.document.get("security")) or [{}]
        return frozenset(scope for scopes in requirements[0].values() for scope in scopes)

    def _parameters(
        self, item_pointer: str, pointer: str, item: Json, operation: Json
    ) -> list[Parameter]:
        found: dict[tuple[str, str], Parameter] = {}
        for base, raws in ((item_pointer, item), (pointer, operation)):
            for index, _raw in enumerate(raws.get("parameters") or []):
                at, parameter = self.resolve(f"{base}/parameters/{index}")
                location, name = parameter["in"], parameter["name"]
                key = (location, name.lower() if location == "header" else name)
                found[key] = Parameter(
                    location,
                    name,
                    bool(parameter.get("required")),
                    f"{at}/schema",
                    self.resolve(f"{at}/schema")[1],
                )
        return list(found.values())

    def _body(self, pointer: str, operation: Json) -> tuple[bool, dict[str, str]]:
        if "requestBody" not in operation:
            return False, {}
        at, body = self.resolve(f"{pointer}/requestBody")
        schemas = {
            media_type: f"{at}/content/{_escape(media_type)}/schema"
            for media_type in body.get("content") or {}
        }
        return bool(body.get("required")), schemas

    def find(self, method: str, path: str) -> tuple[Operation | None, dict[str, str], list[str]]:
        """The operation for `method path` and its path parameters; else the path's methods."""
        allowed = []
        for operation in self.operations:
            parameters = operation.match(path)
            if parameters is None:
                continue
            if operation.method == method:
                return operation, parameters, []
            allowed.append(operation.method)
        return None, {}, allowed

    # -- schemas

    def errors(self, schema_pointer: str, instance: Any) -> list[tuple[str, str]]:
        """(JSON pointer into `instance`, message) for each way it breaks the schema."""
        validator = self._validators.get(schema_pointer)
        if validator is None:
            validator = Draft202012Validator(
                {"$ref": f"{BASE_URI}#{schema_pointer}"},
                registry=self._registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
            self._validators[schema_pointer] = validator
        found = []
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.path)):
            # A oneOf/anyOf failure: its most specific cause says more than "is not valid under".
            leaf = max(error.context or [error], key=lambda e: len(e.path))
            where = "".join(f"/{_escape(str(part))}" for part in leaf.absolute_path)
            found.append((where, leaf.message))
        return found

    # -- problems

    def _problem_titles(self) -> dict[str, str]:
        """Each problem `code` the spec's examples show -> its `title`."""
        titles: dict[str, str] = {}

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                if isinstance(node.get("code"), str) and isinstance(node.get("title"), str):
                    titles.setdefault(node["code"], node["title"])
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(self.document)
        return titles

    def title(self, code: str, status: int) -> str:
        return self.titles.get(code) or HTTPStatus(status).phrase

    def response_headers(self, operation: Operation, status: int) -> frozenset[str]:
        """The headers (lower-case names) the spec documents for the operation's `status`."""
        for key in (str(status), f"{str(status)[0]}XX"):
            if key in operation.responses:
                _at, response = operation.responses[key]
                return frozenset(name.lower() for name in response.get("headers") or {})
        return frozenset()

    def example_code(self, operation: Operation, status: int) -> str | None:
        """The `code` of the first problem example of the operation's `status` response."""
        for key in (str(status), f"{str(status)[0]}XX"):
            if key in operation.responses:
                _at, response = operation.responses[key]
                for media in (response.get("content") or {}).values():
                    for raw in (media.get("examples") or {}).values():
                        example = raw
                        if isinstance(raw, dict) and "$ref" in raw:
                            example = self.resolve(raw["$ref"][1:])[1]
                        value = example.get("value") if isinstance(example, dict) else None
                        if isinstance(value, dict) and isinstance(value.get("code"), str):
                            return str(value["code"])
        return None


@cache
def bundled_spec() -> Spec:
    """The spec the SDK was generated from (shipped in the wheel)."""
    text = (
        resources.files("patient_tracker_client")
        .joinpath("_spec", "openapi.json")
        .read_text(encoding="utf-8")
    )
    return Spec(json.loads(text))
