"""The API's spec as the kit reads it: operations by path and method, JSON Schema checks, and the
rules the spec declares for tools (problem codes, the status machine, duration limits, read
scopes).

The spec comes from the SDK's own wheel (`patient_tracker_client/_spec/openapi.json`, copied from
spec/openapi.yaml when the SDK is generated), so the kit describes exactly the API this SDK was
built for, offline. Schemas are checked with `jsonschema` (JSON Schema 2020-12, the dialect of
OpenAPI 3.1), formats included, as the server reads them: a `date-time` is an RFC 3339 instant
with an offset that UTC can hold, a `date` an RFC 3339 full-date, and a `pattern`'s `$` ends the
text (as in ECMA-262 and the server's validator; Python's `$` also matches before a final newline).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from http import HTTPStatus
from importlib import resources
from typing import Any

try:
    from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
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
# The spec's extensions the kit reads (see `Spec`).
PROBLEM_CODES = "x-problem-codes"
STATUS_MACHINE = "x-status-machine"
DURATION_LIMIT = "x-max-duration"
READ_SCOPE = "x-read-scope"

_RFC3339_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})"
)
_RFC3339_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO8601_TIME_DURATION = re.compile(r"PT(?=[0-9])(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def parse_instant(value: str) -> datetime:
    """An RFC 3339 `date-time` with an offset, in UTC; `ValueError` for any other spelling, an
    impossible date or time, and an instant UTC cannot hold (year 1 at `+05:00`)."""
    if not _RFC3339_DATE_TIME.fullmatch(value):
        raise ValueError("not an RFC 3339 date-time with an offset")
    try:
        return datetime.fromisoformat(value.upper()).astimezone(UTC)
    except OverflowError:
        raise ValueError("the instant is out of range") from None


def parse_date(value: str) -> date:
    """An RFC 3339 `full-date`; `ValueError` otherwise."""
    if not _RFC3339_FULL_DATE.fullmatch(value):
        raise ValueError("not an RFC 3339 full-date")
    return date.fromisoformat(value)


def parse_duration(text: str) -> timedelta:
    """An ISO 8601 duration of hours, minutes and seconds (`PT8H`, `PT1H30M`), as the spec states
    a limit; `ValueError` for any other spelling (days and months vary in length)."""
    match = _ISO8601_TIME_DURATION.fullmatch(text)
    if match is None:
        raise ValueError(f"not an ISO 8601 duration of hours, minutes and seconds: {text!r}")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


def in_words(length: timedelta) -> str:
    """A duration as a message says it: `8 hours`, `90 minutes`, `1 second`."""
    total = int(length.total_seconds())
    for unit, seconds in (("hour", 3600), ("minute", 60), ("second", 1)):
        if total % seconds == 0:
            count = total // seconds
            return f"{count} {unit}{'' if count == 1 else 's'}"
    raise AssertionError("unreachable: every whole number of seconds is a number of seconds")


def _checks(parse: Any) -> Any:
    def check(instance: object) -> bool:
        if not isinstance(instance, str):
            return True
        try:
            parse(instance)
        except ValueError:
            return False
        return True

    return check


def _formats() -> FormatChecker:
    """The 2020-12 format checks, with `date-time` and `date` as the server reads them."""
    checker = FormatChecker()
    for name, function in Draft202012Validator.FORMAT_CHECKER.checkers.items():
        checker.checkers[name] = function
    checker.checks("date-time", raises=())(_checks(parse_instant))
    checker.checks("date", raises=())(_checks(parse_date))
    return checker


@cache
def _ecma_pattern(pattern: str) -> re.Pattern[str]:
    # A final unescaped `$` ends the text, as in ECMA-262 (not "or before a final newline").
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: Json
) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _ecma_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator: Any = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator, {"pattern": _pattern}
)
_FORMATS = _formats()


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

    def path_with(self, **values: str) -> str:
        """This operation's path with its parameters filled in (a `Location`, say)."""
        return self.path.format(**values)

    @property
    def success_status(self) -> int:
        """The one 2xx status the spec documents for the operation."""
        (status,) = [int(s) for s in self.responses if s.isdigit() and 200 <= int(s) < 300]
        return status

    def documented(self, status: int) -> bool:
        """Whether the spec documents `status` (exactly or by its range) for the operation."""
        return str(status) in self.responses or f"{str(status)[0]}XX" in self.responses


@dataclass(frozen=True)
class Move:
    """One status action of the spec's status machine (`x-status-machine`): from any of
    `starts`, to `target`, recording an event of type `event`."""

    starts: frozenset[str]
    target: str
    event: str


class Spec:
    """The loaded spec: its operations, validators for any schema in it, and its declared rules."""

    def __init__(self, document: Json) -> None:
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(BASE_URI, resource)
        self._validators: dict[str, Any] = {}
        self.operations: list[Operation] = list(self._operations())
        self.by_id = {operation.operation_id: operation for operation in self.operations}
        # code -> (status, title): the spec's `x-problem-codes`.
        self.problem_codes: dict[str, tuple[int, str]] = self._problem_codes()
        self.titles = self._problem_titles()
        # status action (operationId) -> its move: the `x-status-machine` of the one schema
        # that declares one (the appointments' status).
        self.status_machine: dict[str, Move] = self._status_machine()
        # event type -> the read scope its data needs (`x-read-scope` under `webhooks`), in the
        # spec's order.
        self.read_scopes: dict[str, str] = {
            event_type: item["post"][READ_SCOPE]
            for event_type, item in (document.get("webhooks") or {}).items()
        }

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

    def path_of(self, operation_id: str, **values: str) -> str:
        """The path of `operation_id` with its parameters filled in (e.g. a `Location`)."""
        return self.by_id[operation_id].path_with(**values)

    def success_status(self, operation_id: str) -> int:
        """The one 2xx status the spec documents for `operation_id`."""
        return self.by_id[operation_id].success_status

    # -- schemas

    def errors(self, schema_pointer: str, instance: Any) -> list[tuple[str, str]]:
        """(JSON pointer into `instance`, message) for each way it breaks the schema."""
        validator = self._validators.get(schema_pointer)
        if validator is None:
            validator = _Validator(
                {"$ref": f"{BASE_URI}#{schema_pointer}"},
                registry=self._registry,
                format_checker=_FORMATS,
            )
            self._validators[schema_pointer] = validator
        found = []
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.path)):
            # A oneOf/anyOf failure: its most specific cause says more than "is not valid under".
            leaf = max(error.context or [error], key=lambda e: len(e.path))
            where = "".join(f"/{_escape(str(part))}" for part in leaf.absolute_path)
            # A missing or unknown property is the fault of that field, not of its object: one
            # entry per field, as the server reports them.
            if leaf.validator == "required" and isinstance(leaf.instance, dict):
                found += [
                    (f"{where}/{_escape(name)}", "Field required.")
                    for name in leaf.validator_value
                    if name not in leaf.instance
                ]
            elif leaf.validator == "additionalProperties" and isinstance(leaf.instance, dict):
                known = leaf.schema.get("properties") or {}
                found += [
                    (f"{where}/{_escape(name)}", f"Extra inputs are not permitted ({name!r}).")
                    for name in leaf.instance
                    if name not in known
                ]
            else:
                found.append((where, leaf.message))
        return found

    def body_schema(self, operation_id: str) -> Json:
        """The JSON request body schema of `operation_id`, resolved (`{}` when it has none)."""
        pointer = self.by_id[operation_id].body_schemas.get("application/json")
        return self.resolve(pointer)[1] if pointer else {}

    def defaults(self, schema_pointer: str) -> Json:
        """The `default` of each property of the object schema at `schema_pointer` that has one
        (what a creation fills in for a field the request leaves out)."""
        _at, schema = self.resolve(schema_pointer)
        found: Json = {}
        for name in schema.get("properties") or {}:
            _where, declared = self.resolve(f"{_at}/properties/{_escape(name)}")
            if isinstance(declared, dict) and "default" in declared:
                found[name] = declared["default"]
        return found

    # -- declared rules

    def max_duration(self, operation_id: str) -> timedelta | None:
        """The longest span the operation's body may book (`x-max-duration` on its schema)."""
        declared = self.body_schema(operation_id).get(DURATION_LIMIT)
        return None if declared is None else parse_duration(declared)

    def _status_machine(self) -> dict[str, Move]:
        schemas = (self.document.get("components") or {}).get("schemas") or {}
        for schema in schemas.values():
            declared = schema.get(STATUS_MACHINE) if isinstance(schema, dict) else None
            if declared:
                statuses = set(schema.get("enum") or ())
                moves = {
                    operation_id: Move(frozenset(move["from"]), move["to"], move["event"])
                    for operation_id, move in declared.items()
                }
                for operation_id, move in moves.items():
                    unknown = (move.starts | {move.target}) - statuses
                    if unknown or operation_id not in self.by_id:
                        raise ValueError(f"{STATUS_MACHINE}: {operation_id} names {unknown}")
                return moves
        return {}

    @property
    def initial_status(self) -> str:
        """The status a new resource of the status machine starts in: the one its moves start
        from and none leads to."""
        starts = {status for move in self.status_machine.values() for status in move.starts}
        targets = {move.target for move in self.status_machine.values()}
        (initial,) = starts - targets
        return initial

    def may_read(self, scopes: frozenset[str], event_type: str) -> bool:
        """Whether a key holding `scopes` may read events of `event_type` (its `x-read-scope`)."""
        needed = self.read_scopes.get(event_type)
        return needed is not None and needed in scopes

    # -- problems

    def _problem_codes(self) -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        schemas = (self.document.get("components") or {}).get("schemas") or {}
        for schema in schemas.values():
            for entry in (schema.get(PROBLEM_CODES) or []) if isinstance(schema, dict) else []:
                found.setdefault(entry["code"], (int(entry["status"]), entry["title"]))
        return found

    def _problem_titles(self) -> dict[str, str]:
        """Each problem `code` -> its `title`: `x-problem-codes`', else the spec's examples'."""
        titles = {code: title for code, (_status, title) in self.problem_codes.items()}

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

    def problem_status(self, code: str) -> int:
        """The status the spec gives problem `code` (`x-problem-codes`)."""
        return self.problem_codes[code][0]

    def code_for(self, status: int) -> str:
        """The first code `x-problem-codes` lists for `status`, else the status' reason phrase in
        snake case (the spec's rule for a 4xx without a code of its own)."""
        for code, (declared, _title) in self.problem_codes.items():
            if declared == status:
                return code
        return re.sub(r"[^a-z0-9]+", "_", HTTPStatus(status).phrase.lower()).strip("_")

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
