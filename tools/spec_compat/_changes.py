"""What changed between two specs, for the version number and the changelog.

`classify` turns the breaking-change findings and the rest of the diff into the semantic-version
bump a release needs: a breaking change is a major, an addition (or any other change to the
contract, such as a deprecation) a minor, a change of documentation only a patch. `summarize`
lists what an integrator reads in the changelog: added operations, fields, parameters and enum
values, and deprecations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from ._document import Json, Resolver
from ._findings import Finding
from ._operations import METHODS, SpecComparer
from ._report import render

# Keys whose string values only document: changing them changes no client's behaviour.
DOC_TEXT_KEYS = frozenset({"description", "summary", "title"})
# Keys whose values, whatever they are, only document.
DOC_KEYS = frozenset({"example", "examples", "externalDocs"})
# Mappings whose keys are names chosen by the spec's author (a property may be called `title`).
NAME_MAPS = frozenset({"properties", "patternProperties", "$defs"})


class Bump(IntEnum):
    """The part of the version a release must raise at least."""

    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3


def _contract(node: Any, parent: str = "") -> Any:
    """`node` without documentation: what remains is what clients and servers act on."""
    if isinstance(node, dict):
        return {
            key: _contract(value, key)
            for key, value in node.items()
            if parent in NAME_MAPS
            or not (key in DOC_KEYS or (key in DOC_TEXT_KEYS and isinstance(value, str)))
        }
    if isinstance(node, list):
        return [_contract(value) for value in node]
    return node


def _without_version(document: Json) -> Json:
    info = {key: value for key, value in (document.get("info") or {}).items() if key != "version"}
    return {**document, "info": info}


def classify(old: Json, new: Json, findings: list[Finding] | None = None) -> Bump:
    """The smallest version bump that releasing `new` after `old` needs."""
    if findings is None:
        findings = SpecComparer(old, new).findings()
    if findings:
        return Bump.MAJOR
    old, new = _without_version(old), _without_version(new)
    if _contract(old) != _contract(new):
        return Bump.MINOR
    if old != new:
        return Bump.PATCH
    return Bump.NONE


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@dataclass
class Summary:
    """A release's changes, as changelog lines (Markdown, without the bullet)."""

    breaking: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    deprecated: list[str] = field(default_factory=list)
    sdk: list[str] = field(default_factory=list)


def _operations(resolver: Resolver) -> dict[str, Json]:
    """`METHOD /path` -> the operation (resolved)."""
    found = {}
    for path, raw in (resolver.document.get("paths") or {}).items():
        item = resolver.resolve(raw)
        for method in METHODS:
            if isinstance(item.get(method), dict):
                found[f"{method.upper()} {path}"] = item[method]
    return found


def _parameters(resolver: Resolver, document: Json, key: str, operation: Json) -> dict[str, Json]:
    path = key.split(" ", 1)[1]
    item = resolver.resolve(document["paths"][path])
    found = {}
    for raw in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
        parameter = resolver.resolve(raw)
        found[f"{parameter['in']} parameter `{parameter['name']}`"] = parameter
    return found


def _properties(resolver: Resolver, schema: Any) -> dict[str, Json]:
    resolved = resolver.resolve(schema)
    if not isinstance(resolved, dict):
        return {}
    properties = resolved.get("properties") or {}
    return {name: resolver.resolve(value) for name, value in properties.items()}


def _enum(resolver: Resolver, schema: Any) -> list[Any]:
    """The enum values of a schema, looking through `oneOf`/`anyOf` alternatives (nullables)."""
    resolved = resolver.resolve(schema)
    if not isinstance(resolved, dict):
        return []
    values = list(resolved.get("enum") or [])
    for alternative in [*(resolved.get("oneOf") or []), *(resolved.get("anyOf") or [])]:
        values += _enum(resolver, alternative)
    return values


def summarize(old: Json, new: Json, findings: list[Finding]) -> Summary:
    """The changelog lines for releasing `new` after `old`; breaking changes from `findings`."""
    summary = Summary(breaking=render(findings))
    old_r, new_r = Resolver(old), Resolver(new)
    old_ops, new_ops = _operations(old_r), _operations(new_r)
    for key, operation in new_ops.items():
        name = operation.get("operationId", "")
        label = f"`{key}` (`{name}`)" if name else f"`{key}`"
        if key not in old_ops:
            about = f": {operation['summary']}" if operation.get("summary") else ""
            summary.added.append(f"Operation {label}{about}")
            if name:
                tag = _snake(str((operation.get("tags") or ["default"])[0]))
                summary.sdk.append(
                    f"`patient_tracker_client.generated.api.{tag}.{_snake(name)}` ({key})"
                )
            continue
        before = old_ops[key]
        if operation.get("deprecated") and not before.get("deprecated"):
            summary.deprecated.append(f"Operation {label}")
        old_responses = before.get("responses") or {}
        for status, raw in (operation.get("responses") or {}).items():
            response = new_r.resolve(raw)
            if status not in old_responses:
                summary.added.append(f"Response `{status}` of {label}")
                continue
            old_response = old_r.resolve(old_responses[status])
            for kind, what in (("headers", "Header"), ("links", "Link")):
                known = old_response.get(kind) or {}
                added = sorted(name for name in response.get(kind) or {} if name not in known)
                if added:
                    names = ", ".join(f"`{name}`" for name in added)
                    plural = "s" if len(added) > 1 else ""
                    summary.added.append(f"{what}{plural} {names} on the `{status}` of {label}")
        old_params = _parameters(old_r, old, key, before)
        for pname, parameter in _parameters(new_r, new, key, operation).items():
            if pname not in old_params:
                summary.added.append(f"{pname.capitalize()} of {label}")
            elif parameter.get("deprecated") and not old_params[pname].get("deprecated"):
                summary.deprecated.append(f"{pname.capitalize()} of {label}")
    old_webhooks = old.get("webhooks") or {}
    for hook, item in (new.get("webhooks") or {}).items():
        if hook not in old_webhooks:
            about = next(
                (f": {o['summary']}" for o in new_r.resolve(item).values() if "summary" in o), ""
            )
            summary.added.append(f"Webhook `{hook}`{about}")
    old_schemas = (old.get("components") or {}).get("schemas") or {}
    for sname, schema in ((new.get("components") or {}).get("schemas") or {}).items():
        if sname not in old_schemas:
            summary.added.append(f"Schema `{sname}`")
            continue
        old_props = _properties(old_r, old_schemas[sname])
        for pname, prop in _properties(new_r, schema).items():
            if pname not in old_props:
                summary.added.append(f"Field `{sname}.{pname}`")
                continue
            if prop.get("deprecated") and not old_props[pname].get("deprecated"):
                summary.deprecated.append(f"Field `{sname}.{pname}`")
            added_values = [
                v for v in _enum(new_r, prop) if v not in _enum(old_r, old_props[pname])
            ]
            if added_values and "$ref" not in schema.get("properties", {}).get(pname, {}):
                listed = ", ".join(f"`{value}`" for value in added_values)
                summary.added.append(f"Enum value(s) {listed} of `{sname}.{pname}`")
        new_values = [v for v in _enum(new_r, schema) if v not in _enum(old_r, old_schemas[sname])]
        if new_values:
            listed = ", ".join(f"`{value}`" for value in new_values)
            summary.added.append(f"Enum value(s) {listed} of `{sname}`")
        if schema.get("deprecated") and not old_schemas[sname].get("deprecated"):
            summary.deprecated.append(f"Schema `{sname}`")
    return summary


def changelog_entry(version: str, day: str, bump: Bump, summary: Summary) -> str:
    """The Markdown entry for release `version` on `day`, breaking changes first."""
    kind = {
        Bump.MAJOR: "a major release (breaking changes)",
        Bump.MINOR: "a minor release (additions)",
        Bump.PATCH: "a patch release (documentation only)",
        Bump.NONE: "no change to the spec",
    }[bump]
    lines = [
        f"## {version} ({day})",
        "",
        f"The API (the spec's `info.version`) and the SDK (`patient-tracker-client`) {version},"
        f" {kind}.",
    ]
    sections = (
        ("Breaking changes", summary.breaking),
        ("Added", summary.added),
        ("Deprecated", summary.deprecated),
        ("SDK: new generated functions", summary.sdk),
    )
    for title, entries in sections:
        if entries:
            lines += ["", f"### {title}", ""]
            lines += ["- " + entry.replace("\n", "\n  ") for entry in entries]
    if bump is Bump.PATCH:
        lines += ["", "Descriptions, summaries and examples changed; the contract did not."]
    elif bump is Bump.MINOR and not (summary.added or summary.deprecated):
        lines += ["", "The contract changed compatibly (see the spec's diff for details)."]
    return "\n".join(lines) + "\n"
