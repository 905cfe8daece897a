"""Comparing two specs operation by operation: parameters, request bodies, responses.

Webhooks (OpenAPI 3.1's `webhooks`) are compared too, the other way round: a webhook is a request
the API sends, so its receivers read its headers and body as a client reads a response (a field
or a header no longer sent, a new enum value, a changed type break them), and what a receiver
answers is the API's to accept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ._document import Json, Resolver
from ._findings import Finding, Rule
from ._schemas import Change, Direction, SchemaComparer

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REF = "$ref"  # kept on a resolved parameter: the shared parameter it came from, or ""


def _token(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _describe(alternatives: list[dict[str, frozenset[str]]]) -> str:
    """`bearer['a', 'b'] or other[]`; `nothing` for anonymous access."""
    return " or ".join(
        "+".join(f"{scheme}{sorted(scopes)}" for scheme, scopes in alternative.items()) or "nothing"
        for alternative in alternatives
    )


def _is_success(status: str) -> bool:
    return status.startswith("2")


class SpecComparer:
    """Finds the changes from `old` to `new` that break a client written against `old`."""

    def __init__(self, old: Json, new: Json) -> None:
        self.old = Resolver(old)
        self.new = Resolver(new)
        self.schemas = SchemaComparer(self.old, self.new)

    def findings(self) -> list[Finding]:
        return sorted(self._findings())

    @staticmethod
    def _operations(
        resolver: Resolver, section: str = "paths"
    ) -> dict[tuple[str, str], tuple[Json, Json]]:
        """(METHOD, path or webhook name) -> (path item, operation), both resolved."""
        operations = {}
        for path, item in (resolver.document.get(section) or {}).items():
            path_item = resolver.resolve(item)
            for method in METHODS:
                if isinstance(path_item.get(method), dict):
                    operations[(method.upper(), path)] = (path_item, path_item[method])
        return operations

    def _findings(self) -> Iterator[Finding]:
        yield from self._compared("paths", "operation", Rule.REMOVED_OPERATION, self._operation)
        yield from self._compared("webhooks", "webhook", Rule.REMOVED_WEBHOOK, self._webhook)

    def _compared(
        self,
        section: str,
        kind: str,
        removed: Rule,
        compare: Callable[[Json, Json, Json, Json], Iterator[Change]],
    ) -> Iterator[Finding]:
        """`compare` each operation of `section` (paths or webhooks) with its namesake."""
        new_operations = self._operations(self.new, section)
        for key, (old_item, old_operation) in self._operations(self.old, section).items():
            # `POST /v1/things (createThing)`, `POST webhook thing.created (thingCreatedWebhook)`
            name = f"{key[0]} {key[1]}" if section == "paths" else f"{key[0]} {kind} {key[1]}"
            if old_operation.get("operationId"):
                name += f" ({old_operation['operationId']})"
            if key not in new_operations:
                yield Finding(name, "", removed, f"the {kind} was removed")
                continue
            new_item, new_operation = new_operations[key]
            for change in compare(old_item, old_operation, new_item, new_operation):
                yield Finding(name, change.location, change.rule, change.detail, change.source)

    @staticmethod
    def _operation_id(old: Json, new: Json) -> Iterator[Change]:
        # The operationId names the SDK function (and the docs' anchor): renaming it breaks
        # every caller.
        if old.get("operationId") != new.get("operationId"):
            yield Change(
                "/operationId",
                Rule.CHANGED_OPERATION_ID,
                f"{old.get('operationId')!r} -> {new.get('operationId')!r}",
            )

    def _operation(self, old_item: Json, old: Json, new_item: Json, new: Json) -> Iterator[Change]:
        yield from self._operation_id(old, new)
        yield from self._security(old, new)
        yield from self._parameters(old_item, old, new_item, new)
        yield from self._request_body(old.get("requestBody"), new.get("requestBody"))
        yield from self._responses(old.get("responses") or {}, new.get("responses") or {})

    def _webhook(self, old_item: Json, old: Json, new_item: Json, new: Json) -> Iterator[Change]:
        yield from self._operation_id(old, new)
        yield from self._sent_headers(old_item, old, new_item, new)
        yield from self._sent_body(old.get("requestBody"), new.get("requestBody"))

    def _sent_headers(
        self, old_item: Json, old: Json, new_item: Json, new: Json
    ) -> Iterator[Change]:
        """A webhook's headers, which its receivers read (a new one they may ignore)."""
        old_parameters = self._parameter_map(self.old, old_item, old)
        new_parameters = self._parameter_map(self.new, new_item, new)
        for key, old_parameter in old_parameters.items():
            if not key.startswith("header:"):
                continue
            where = f"/parameters/{_token(key)}"
            new_parameter = new_parameters.get(key)
            if new_parameter is None:
                yield Change(
                    where,
                    Rule.REMOVED_RESPONSE_HEADER,
                    f"header {old_parameter['name']} is no longer sent",
                )
                continue
            yield from self._parameter_schema(
                where, old_parameter, new_parameter, Direction.RESPONSE
            )

    def _sent_body(self, old_raw: Any, new_raw: Any) -> Iterator[Change]:
        """A webhook's body, which its receivers parse as a client parses a response."""
        if old_raw is None:
            return
        new = self.new.resolve(new_raw) if new_raw is not None else {}
        yield from self._content(
            "/requestBody",
            self.old.resolve(old_raw).get("content") or {},
            new.get("content") or {},
            Direction.RESPONSE,
            "bodies of {} are no longer sent",
        )

    # -- security

    @staticmethod
    def _requirements(document: Json, operation: Json) -> list[dict[str, frozenset[str]]]:
        """The operation's alternatives (any one suffices), each scheme -> scopes it needs."""
        raw = operation.get("security", document.get("security"))
        if not raw:
            return [{}]  # no security: anyone may call
        return [{scheme: frozenset(scopes) for scheme, scopes in alt.items()} for alt in raw]

    def _security(self, old: Json, new: Json) -> Iterator[Change]:
        # A key that satisfied an old alternative must still satisfy a new one: a new required
        # scope (or authentication where there was none) makes existing keys get 403 (or 401).
        new_alternatives = self._requirements(self.new.document, new)
        for old_alternative in self._requirements(self.old.document, old):
            if not any(
                alternative.keys() <= old_alternative.keys()
                and all(scopes <= old_alternative[s] for s, scopes in alternative.items())
                for alternative in new_alternatives
            ):
                yield Change(
                    "/security",
                    Rule.NARROWED_SECURITY,
                    f"a caller that had {_describe([old_alternative])} "
                    f"now needs {_describe(new_alternatives)}",
                )

    # -- parameters

    def _parameter_map(self, resolver: Resolver, item: Json, operation: Json) -> dict[str, Json]:
        """`in:name` -> parameter; the operation's override the path item's (as in OpenAPI)."""
        result: dict[str, Json] = {}
        for raw in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
            parameter = resolver.resolve(raw)
            name = str(parameter["name"])
            # Header names are case-insensitive (RFC 9110).
            key = f"{parameter['in']}:{name.lower() if parameter['in'] == 'header' else name}"
            # Remember a shared parameter's name, so a change in it is reported once.
            result[key] = {**parameter, REF: raw.get("$ref", "")}
        return result

    def _parameters(self, old_item: Json, old: Json, new_item: Json, new: Json) -> Iterator[Change]:
        old_parameters = self._parameter_map(self.old, old_item, old)
        new_parameters = self._parameter_map(self.new, new_item, new)
        for key, old_parameter in old_parameters.items():
            where = f"/parameters/{_token(key)}"
            new_parameter = new_parameters.get(key)
            if new_parameter is None:
                yield Change(where, Rule.REMOVED_PARAMETER, f"parameter {key} was removed")
                continue
            if new_parameter.get("required") and not old_parameter.get("required"):
                yield Change(
                    f"{where}/required",
                    Rule.NEW_REQUIRED_PARAMETER,
                    f"parameter {key} is now required",
                )
            yield from self._parameter_schema(
                where, old_parameter, new_parameter, Direction.REQUEST
            )
        for key in new_parameters.keys() - old_parameters.keys():
            if new_parameters[key].get("required"):
                yield Change(
                    f"/parameters/{_token(key)}",
                    Rule.NEW_REQUIRED_PARAMETER,
                    f"new parameter {key} is required",
                )

    def _parameter_schema(
        self, where: str, old: Json, new: Json, direction: Direction
    ) -> Iterator[Change]:
        shared = new[REF]
        for change in self._schema(old.get("schema"), new.get("schema"), direction, ""):
            source = change.source or (f"{shared}/schema{change.location}" if shared else "")
            yield Change(f"{where}/schema{change.location}", change.rule, change.detail, source)

    # -- bodies

    def _schema(self, old: Any, new: Any, direction: Direction, at: str) -> Iterator[Change]:
        if old is None or new is None:
            return
        for change in self.schemas.compare(old, new, direction):
            yield Change(at + change.location, change.rule, change.detail, change.source)

    def _content(
        self, at: str, old: Json, new: Json, direction: Direction, removed: str
    ) -> Iterator[Change]:
        """A body's media types at `at`: each old one still there, with a compatible schema;
        `removed` describes a missing one (`{}` is its name)."""
        for media_type, old_media in old.items():
            where = f"{at}/content/{_token(media_type)}"
            if media_type not in new:
                yield Change(where, Rule.REMOVED_MEDIA_TYPE, removed.format(media_type))
                continue
            yield from self._schema(
                self.old.resolve(old_media).get("schema"),
                self.new.resolve(new[media_type]).get("schema"),
                direction,
                f"{where}/schema",
            )

    def _request_body(self, old_raw: Any, new_raw: Any) -> Iterator[Change]:
        if new_raw is None:
            return  # a body no longer read: what old clients send is ignored
        new = self.new.resolve(new_raw)
        old = self.old.resolve(old_raw) if old_raw is not None else {}
        if new.get("required") and not old.get("required"):
            yield Change(
                "/requestBody/required",
                Rule.NEW_REQUIRED_REQUEST_FIELD,
                "the request body is now required",
            )
        yield from self._content(
            "/requestBody",
            old.get("content") or {},
            new.get("content") or {},
            Direction.REQUEST,
            "request bodies of {} are refused",
        )

    def _responses(self, old_responses: Json, new_responses: Json) -> Iterator[Change]:
        for status, old_raw in old_responses.items():
            where = f"/responses/{status}"
            if status not in new_responses:
                if _is_success(str(status)):
                    yield Change(
                        where, Rule.REMOVED_SUCCESS_STATUS, f"success status {status} was removed"
                    )
                continue
            old = self.old.resolve(old_raw)
            new = self.new.resolve(new_responses[status])
            new_headers = {name.lower() for name in new.get("headers") or {}}
            for header in old.get("headers") or {}:
                if header.lower() not in new_headers:
                    yield Change(
                        f"{where}/headers/{_token(header)}",
                        Rule.REMOVED_RESPONSE_HEADER,
                        f"header {header} is no longer sent",
                    )
            yield from self._content(
                where,
                old.get("content") or {},
                new.get("content") or {},
                Direction.RESPONSE,
                f"{status} responses are no longer {{}}",
            )
            # `links`, examples and descriptions are documentation: never compared.
