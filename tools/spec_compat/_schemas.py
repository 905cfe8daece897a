"""Comparing two JSON Schemas in the direction data flows.

A *request* schema may accept more than before, never less: an old client's request must stay
valid. A *response* schema may promise more than before, never less, and may not produce a value
an old client cannot read: a new type, a new enum value (the generated SDK rejects values it does
not know), a field that is gone or no longer always present. Length and number bounds on a response
are not compared: the generated SDK does not check them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ._document import Json, Resolver
from ._findings import Rule

ANY = "any"
# The range an integer `format` allows; it is one more bound on the value.
INTEGER_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


class Direction(Enum):
    REQUEST = "request"
    RESPONSE = "response"


@dataclass(frozen=True)
class Change:
    """A breaking change found inside a schema; `location` is relative to the schema."""

    location: str
    rule: Rule
    detail: str
    # Where the changed keyword lives in the new document (`#/components/schemas/X/...`) when it
    # is inside a named schema: one change there shows up at every place that uses it.
    source: str = ""


def _types(schema: Json) -> set[str]:
    """The JSON types a schema (or one variant of it) allows; `integer` is part of `number`."""
    declared = schema.get("type")
    if declared is None:
        types = {ANY}
    elif isinstance(declared, list):
        types = set(map(str, declared))
    else:
        types = {str(declared)}
    if _enum(schema) == [None]:  # `const: null` (or `enum: [null]`) is the null type
        types = {"null"}
    if "number" in types:
        types.add("integer")
    return types


def _pointer_token(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _variant_for(variants: list[Json], type_name: str) -> Json | None:
    """The first variant allowing `type_name`, else the first that allows any type."""
    for wanted in (type_name, ANY):
        for variant in variants:
            if wanted in _types(variant):
                return variant
    return None


def _enum(schema: Json) -> list[Any] | None:
    if "const" in schema:
        return [schema["const"]]
    enum = schema.get("enum")
    return list(enum) if isinstance(enum, list) else None


def _lower(schema: Json) -> tuple[float, bool]:
    """The effective lower bound (value, exclusive) of a number, format included."""
    bound: tuple[float, bool] = (-math.inf, False)
    if isinstance(schema.get("minimum"), int | float):
        bound = max(bound, (float(schema["minimum"]), False))
    if isinstance(schema.get("exclusiveMinimum"), int | float):
        bound = max(bound, (float(schema["exclusiveMinimum"]), True))
    if schema.get("format") in INTEGER_FORMATS:
        bound = max(bound, (float(INTEGER_FORMATS[schema["format"]][0]), False))
    return bound


def _upper(schema: Json) -> tuple[float, bool]:
    """The effective upper bound (value, exclusive) of a number, format included; a smaller tuple
    (-value, exclusive) is a looser bound, so the same `max` logic as `_lower` applies."""
    bound: tuple[float, bool] = (-math.inf, False)
    if isinstance(schema.get("maximum"), int | float):
        bound = max(bound, (-float(schema["maximum"]), False))
    if isinstance(schema.get("exclusiveMaximum"), int | float):
        bound = max(bound, (-float(schema["exclusiveMaximum"]), True))
    if schema.get("format") in INTEGER_FORMATS:
        bound = max(bound, (-float(INTEGER_FORMATS[schema["format"]][1]), False))
    return bound


def _bound_text(bound: tuple[float, bool], *, negate: bool = False) -> str:
    value = -bound[0] if negate else bound[0]
    if math.isinf(value):
        return "none"
    shown = int(value) if value.is_integer() else value
    return f"{shown} (exclusive)" if bound[1] else str(shown)


class SchemaComparer:
    """Compares schemas of the old and the new document (each with its own resolver)."""

    def __init__(self, old: Resolver, new: Resolver) -> None:
        self.old = old
        self.new = new

    def compare(self, old: Any, new: Any, direction: Direction) -> list[Change]:
        return list(self._compare(old, new, direction, "", frozenset()))

    # -- variants: `oneOf`/`anyOf` branches, and `type` lists, seen as one set of types

    def _variants(self, resolver: Resolver, schema: Json) -> list[Json]:
        branches = schema.get("oneOf") or schema.get("anyOf")
        if not isinstance(branches, list):
            return [schema]
        variants: list[Json] = []
        for branch in branches:
            resolved = resolver.resolve(branch)
            if isinstance(resolved, dict):
                variants.extend(self._variants(resolver, resolved))
        return variants

    def _compare(
        self, old: Any, new: Any, direction: Direction, at: str, seen: frozenset[tuple[str, str]]
    ) -> Iterator[Change]:
        if isinstance(old, dict) and isinstance(new, dict) and ("$ref" in old or "$ref" in new):
            refs = (str(old.get("$ref", "")), str(new.get("$ref", "")))
            if refs in seen:
                return  # a recursive schema, already being compared further up
            seen = seen | {refs}
            if refs[1]:
                # Inside a named schema: record where, so that a change there can be reported
                # once however many operations use it. The innermost name wins.
                for change in self._compare_resolved(old, new, direction, "", seen):
                    yield Change(
                        at + change.location,
                        change.rule,
                        change.detail,
                        change.source or refs[1] + change.location,
                    )
                return
        yield from self._compare_resolved(old, new, direction, at, seen)

    def _compare_resolved(
        self, old: Any, new: Any, direction: Direction, at: str, seen: frozenset[tuple[str, str]]
    ) -> Iterator[Change]:
        old_schema = self.old.resolve(old)
        new_schema = self.new.resolve(new)
        if not isinstance(old_schema, dict) or not isinstance(new_schema, dict):
            return
        old_variants = self._variants(self.old, old_schema)
        new_variants = self._variants(self.new, new_schema)
        old_types: set[str] = set().union(*map(_types, old_variants))
        new_types: set[str] = set().union(*map(_types, new_variants))
        yield from self._type_change(old_types, new_types, direction, at)
        # Compare constraints type by type, between the variants that allow it (a variant with
        # no `type` allows every type, and its keywords apply to each). `integer` is compared
        # on its own only where `number` is not (`number` already covers it).
        for type_name in sorted((old_types | new_types) - {ANY}):
            if type_name == "integer" and "number" in old_types | new_types:
                continue
            old_variant = _variant_for(old_variants, type_name)
            new_variant = _variant_for(new_variants, type_name)
            if old_variant is not None and new_variant is not None:
                yield from self._constraints(
                    old_variant, new_variant, type_name, direction, at, seen
                )
        if ANY in old_types and ANY in new_types:
            old_variant = _variant_for(old_variants, ANY)
            new_variant = _variant_for(new_variants, ANY)
            assert old_variant is not None
            assert new_variant is not None
            yield from self._constraints(old_variant, new_variant, ANY, direction, at, seen)

    def _type_change(
        self, old_types: set[str], new_types: set[str], direction: Direction, at: str
    ) -> Iterator[Change]:
        if direction is Direction.REQUEST:
            if ANY in new_types:
                return
            lost = (old_types - new_types) if ANY not in old_types else {ANY}
            if lost:
                yield Change(
                    at,
                    Rule.CHANGED_TYPE,
                    f"type {sorted(old_types)} -> {sorted(new_types)}: requests of type "
                    f"{sorted(lost)} are no longer accepted",
                )
        else:
            if ANY in old_types:
                return
            gained = (new_types - old_types) if ANY not in new_types else {ANY}
            if gained:
                yield Change(
                    at,
                    Rule.CHANGED_TYPE,
                    f"type {sorted(old_types)} -> {sorted(new_types)}: responses may now be of "
                    f"type {sorted(gained)}",
                )

    def _constraints(
        self,
        old: Json,
        new: Json,
        type_name: str,
        direction: Direction,
        at: str,
        seen: frozenset[tuple[str, str]],
    ) -> Iterator[Change]:
        def applies(*names: str) -> bool:
            return type_name in names or type_name == ANY

        yield from self._enum(old, new, direction, at)
        if direction is Direction.REQUEST:
            if applies("string"):
                yield from self._string_request(old, new, at)
            if applies("number", "integer"):
                yield from self._number_request(old, new, at)
            if applies("array"):
                yield from self._narrowed_count(old, new, at, "minItems", "maxItems")
        elif applies("string"):
            yield from self._string_response(old, new, at)
        if applies("array") and "items" in old and "items" in new:
            yield from self._compare(old["items"], new["items"], direction, f"{at}/items", seen)
        if applies("object"):
            yield from self._object(old, new, direction, at, seen)

    # -- the rules

    def _enum(self, old: Json, new: Json, direction: Direction, at: str) -> Iterator[Change]:
        old_enum, new_enum = _enum(old), _enum(new)
        if direction is Direction.REQUEST and new_enum is not None:
            if old_enum is None:
                yield Change(at, Rule.NARROWED_REQUEST, f"now restricted to {new_enum}")
            elif removed := [v for v in old_enum if v not in new_enum]:
                yield Change(at, Rule.NARROWED_REQUEST, f"no longer accepts {removed}")
        if direction is Direction.RESPONSE and old_enum is not None:
            if new_enum is None:
                yield Change(at, Rule.NEW_RESPONSE_ENUM_VALUE, f"no longer limited to {old_enum}")
            elif added := [v for v in new_enum if v not in old_enum]:
                yield Change(at, Rule.NEW_RESPONSE_ENUM_VALUE, f"may now return {added}")

    def _narrowed_count(
        self, old: Json, new: Json, at: str, minimum: str, maximum: str
    ) -> Iterator[Change]:
        if new.get(minimum, 0) > old.get(minimum, 0):
            yield Change(
                f"{at}/{minimum}",
                Rule.NARROWED_REQUEST,
                f"{minimum} {old.get(minimum, 'none')} -> {new[minimum]}",
            )
        if new.get(maximum, math.inf) < old.get(maximum, math.inf):
            yield Change(
                f"{at}/{maximum}",
                Rule.NARROWED_REQUEST,
                f"{maximum} {old.get(maximum, 'none')} -> {new[maximum]}",
            )

    def _string_request(self, old: Json, new: Json, at: str) -> Iterator[Change]:
        yield from self._narrowed_count(old, new, at, "minLength", "maxLength")
        # Whether one regular expression accepts all another does is undecidable in practice:
        # any new or changed pattern counts as narrowing. So does a new or changed format.
        for keyword in ("pattern", "format"):
            if keyword in new and new.get(keyword) != old.get(keyword):
                yield Change(
                    f"{at}/{keyword}",
                    Rule.NARROWED_REQUEST,
                    f"{keyword} {old.get(keyword, 'none')!r} -> {new[keyword]!r}",
                )

    def _string_response(self, old: Json, new: Json, at: str) -> Iterator[Change]:
        # A generated SDK parses a response string by its format (`date`, `date-time`, `uuid`,
        # ...): another format, or none, breaks the parsing in clients already built. A format
        # where there was none passes: old clients keep reading a plain string.
        if "format" in old and new.get("format") != old["format"]:
            yield Change(
                f"{at}/format",
                Rule.CHANGED_TYPE,
                f"format {old['format']!r} -> {new.get('format', 'none')!r}: clients built "
                f"against the release parse this value as {old['format']!r}",
            )

    def _number_request(self, old: Json, new: Json, at: str) -> Iterator[Change]:
        if _lower(new) > _lower(old):
            yield Change(
                f"{at}/minimum",
                Rule.NARROWED_REQUEST,
                f"lower bound {_bound_text(_lower(old))} -> {_bound_text(_lower(new))}",
            )
        if _upper(new) > _upper(old):
            yield Change(
                f"{at}/maximum",
                Rule.NARROWED_REQUEST,
                f"upper bound {_bound_text(_upper(old), negate=True)} -> "
                f"{_bound_text(_upper(new), negate=True)}",
            )
        old_step, new_step = old.get("multipleOf"), new.get("multipleOf")
        if new_step is not None and (old_step is None or (old_step / new_step) % 1 != 0):
            yield Change(
                f"{at}/multipleOf",
                Rule.NARROWED_REQUEST,
                f"multipleOf {old_step if old_step is not None else 'none'} -> {new_step}",
            )

    def _object(
        self, old: Json, new: Json, direction: Direction, at: str, seen: frozenset[tuple[str, str]]
    ) -> Iterator[Change]:
        old_properties: Json = old.get("properties") or {}
        new_properties: Json = new.get("properties") or {}
        old_required = set(old.get("required") or [])
        new_required = set(new.get("required") or [])
        closed = new.get("additionalProperties") is False
        for name in sorted(old_properties.keys() - new_properties.keys()):
            where = f"{at}/properties/{_pointer_token(name)}"
            if direction is Direction.RESPONSE:
                yield Change(where, Rule.REMOVED_RESPONSE_FIELD, f"field {name!r} was removed")
            elif closed:
                yield Change(
                    where,
                    Rule.REMOVED_REQUEST_FIELD,
                    f"field {name!r} was removed and the object is closed: sending it is rejected",
                )
        if direction is Direction.REQUEST:
            for name in sorted(new_required - old_required):
                yield Change(
                    f"{at}/required",
                    Rule.NEW_REQUIRED_REQUEST_FIELD,
                    f"field {name!r} is now required",
                )
            if closed and old.get("additionalProperties") is not False:
                yield Change(
                    f"{at}/additionalProperties",
                    Rule.NARROWED_REQUEST,
                    "unknown fields are now rejected",
                )
        else:
            for name in sorted((old_required - new_required) & new_properties.keys()):
                yield Change(
                    f"{at}/required",
                    Rule.REMOVED_RESPONSE_FIELD,
                    f"field {name!r} is no longer always present",
                )
        for name in sorted(old_properties.keys() & new_properties.keys()):
            yield from self._compare(
                old_properties[name],
                new_properties[name],
                direction,
                f"{at}/properties/{_pointer_token(name)}",
                seen,
            )
