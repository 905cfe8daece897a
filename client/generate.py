"""Regenerate the SDK's generated code from spec/openapi.yaml, or check that it is current.

    python client/generate.py           # rewrite generated/ and the two modules beside it
    python client/generate.py --check   # exit 1 if a fresh generation differs (nox -s sdk)

Both generate into a temporary folder first: openapi-python-client (pinned in pyproject.toml's
`generate-client` group) with --fail-on-warning; three small modules the generator has no
template for (`spec_modules`: the documented response headers, typed, the problem codes of
`x-problem-codes`, and the event union with its `type` table from `Event`'s discriminator); then
the pinned ruff from this same environment with explicit isolated settings, then a header line on
every module. Beside the folder, because they import the hand-written layer (`generated/` is a
leaf that imports nothing hand-written), two more modules: `_problem_errors.py`, one exception
class per problem code, a subclass of its status's class in `_errors.py`; and
`_generated_resources.py`, the resource facade (`tracker.patients.get(...)`: per tag a sync and
an async class on `_resources.Resource`, per operation a method in each with the generated
function's exact parameters and a docstring from the spec, `.raw` the same class in raw mode),
read from the spec and from the functions openapi-python-client just wrote (`Facade`). The write
mode replaces the folder whole, so an operation removed from the spec leaves no stale module
behind; the check mode compares file by file (the modules beside it too) and also fails on
generated files that git does not track yet.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # PyYAML: in the generate and sdk sessions' environments (and typed for mypy)

CLIENT_DIR = Path(__file__).resolve().parent
ROOT = CLIENT_DIR.parent
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = CLIENT_DIR / "openapi-python-client.yaml"
PACKAGE = CLIENT_DIR / "src" / "patient_tracker_client"
TARGET = PACKAGE / "generated"
# The hand-written status classes and their status -> class table, which the per-code classes of
# PROBLEM_ERRORS (generated beside TARGET) subclass.
ERRORS = PACKAGE / "_errors.py"
PROBLEM_ERRORS = PACKAGE / "_problem_errors.py"
# The resource facade (`tracker.patients.get`), generated beside TARGET on the hand-written base in
# `_resources.py`.
FACADE = PACKAGE / "_generated_resources.py"
HEADER = (
    "# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.\n"
)
# The modules written from the spec by this script (`spec_modules`), not by openapi-python-client.
SPEC_MODULES = ("response_headers.py", "problem_codes.py", "events.py")
SPEC_HEADER = (
    "# Generated from spec/openapi.yaml by client/generate.py (nox -s generate). Do not edit.\n"
)
# The project's own ruff settings (pyproject.toml), spelled out so that formatting does not depend
# on which config ruff would discover from the temporary folder.
RUFF_SETTINGS = ("--isolated", "--no-cache", "--line-length", "100", "--target-version", "py311")


def run(*args: str, cwd: Path) -> None:
    """Run a tool from this interpreter's environment; show its output only when it fails.

    `-P`: the working folder must not shadow the standard library (the package has `types.py`).
    """
    result = subprocess.run(  # noqa: S603 - our own interpreter and pinned tools
        [sys.executable, "-P", "-m", *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(args[:2])} failed:\n{result.stdout}{result.stderr}")


def generate_into(work: Path) -> tuple[Path, list[Path]]:
    """Generate under `work`: the package's folder, and the modules beside it (the per-code
    errors, the resource facade)."""
    out = work / "generated"
    beside = work / "beside"
    run(
        "openapi_python_client",
        "generate",
        "--path",
        str(SPEC),
        "--meta",
        "none",
        "--config",
        str(CONFIG),
        "--fail-on-warning",
        "--output-path",
        str(out),
        cwd=work,
    )
    sources = spec_modules(SPEC)
    for name in SPEC_MODULES:
        (out / name).write_text(sources[name], encoding="utf-8")
    beside.mkdir()
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    try:
        sources[FACADE.name] = facade_module(spec, out, StatusClasses.read(ERRORS))
    except SpecError as error:
        sys.exit(f"Cannot generate the resource facade from the spec: {error}")
    modules = [beside / PROBLEM_ERRORS.name, beside / FACADE.name]
    for module in modules:
        module.write_text(sources[module.name], encoding="utf-8")
    # Sorted imports, and the unused ones the templates import unconditionally removed; then the
    # formatter. Only fixes: the generated code must pass the project's full rule set as it is.
    run("ruff", "check", "--fix-only", *RUFF_SETTINGS, "--select", "I,F401", ".", cwd=work)
    run("ruff", "format", *RUFF_SETTINGS, ".", cwd=work)
    for module in sorted(out.rglob("*.py")):
        header = SPEC_HEADER if module.parent == out and module.name in SPEC_MODULES else HEADER
        module.write_text(header + module.read_text(encoding="utf-8"), encoding="utf-8")
    for module in modules:
        module.write_text(SPEC_HEADER + module.read_text(encoding="utf-8"), encoding="utf-8")
    return out, modules


# ---------------------------------------------------------------- modules from the spec itself
#
# openapi-python-client reads neither response headers nor vendor extensions, nor discriminators,
# so these modules are written here, from the spec: the first two as plain data and dataclasses
# that import nothing of the SDK; events.py imports the generated event models; _problem_errors.py
# (beside generated/) subclasses the hand-written status classes.

HEADER_TYPES = {"string": "str", "integer": "int", "number": "float"}


class SpecError(Exception):
    """The spec has something these modules cannot express; the message says what."""


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """`node`, with a local `$ref` (`#/components/...`) followed."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def header_type(name: str, schema: dict[str, Any]) -> str:
    """The Python type of a header's value: `bool` for a string enum of `true` / `false`."""
    if schema.get("type") == "string" and set(schema.get("enum") or ()) & {"true", "false"}:
        if not set(schema["enum"]) <= {"true", "false"}:
            raise SpecError(f"header {name}: an enum mixing true/false with other values")
        return "bool"
    kind = HEADER_TYPES.get(schema.get("type", ""))
    if kind is None:
        raise SpecError(f"header {name}: no Python type for schema {schema}")
    return kind


def documented_headers(
    spec: dict[str, Any],
) -> tuple[dict[str, Any], dict[str, dict[int, list[str]]]]:
    """Every response header (name -> header object), and per operationId, status -> names."""
    headers: dict[str, Any] = {}
    by_operation: dict[str, dict[int, list[str]]] = {}
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for status, response in operation["responses"].items():
                for name, header in (resolve(spec, response).get("headers") or {}).items():
                    header = resolve(spec, header)
                    known = headers.setdefault(name, header)
                    if resolve(spec, known.get("schema")) != resolve(spec, header.get("schema")):
                        raise SpecError(f"header {name}: two schemas in different responses")
                    listed = by_operation.setdefault(operation["operationId"], {})
                    listed.setdefault(int(status), []).append(name)
    return headers, by_operation


def attribute(name: str) -> str:
    """ETag -> etag, Idempotent-Replayed -> idempotent_replayed."""
    return name.lower().replace("-", "_")


def response_headers_module(spec: dict[str, Any]) -> str:
    """The source of response_headers.py."""
    headers, by_operation = documented_headers(spec)
    names = sorted(headers, key=attribute)
    fields, parsed = [], []
    for name in names:
        header = headers[name]
        kind = header_type(name, resolve(spec, header.get("schema") or {}))
        description = header.get("description", "").strip()
        fields += [
            f"    {attribute(name)}: {kind} | None = None",
            f'    """{name}: {description}"""',
        ]
        parsed.append(f"            {attribute(name)}=_as_{kind}(headers.get({name!r})),")
    documented = {
        op: {status: sorted(names) for status, names in sorted(listed.items())}
        for op, listed in sorted(by_operation.items())
    }
    table = ""
    for op, listed in documented.items():
        statuses = ", ".join(f"{status}: {tuple(names)!r}" for status, names in listed.items())
        table += f"    {op!r}: {{{statuses}}},\n"
    return f'''"""The response headers spec/openapi.yaml documents (`responses.*.headers`), typed.

`ResponseHeaders.parse(response.headers)`: one optional attribute per documented header, `None`
when the response does not carry it (or carries a value its schema does not allow).
`DOCUMENTED` lists, per operationId and status, the headers the spec documents there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DOCUMENTED: Mapping[str, Mapping[int, tuple[str, ...]]] = {{
{table}}}


def _as_str(value: str | None) -> str | None:
    return value


def _as_bool(value: str | None) -> bool | None:
    if value is None:
        return None
    return {{"true": True, "false": False}}.get(value.strip().lower())


def _as_int(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip().isdigit() else None


def _as_float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ResponseHeaders:
    """The documented headers of one response."""

{chr(10).join(fields)}

    @classmethod
    def parse(cls, headers: Mapping[str, str]) -> ResponseHeaders:
        """From a response's headers (`httpx.Headers`: names are matched case-insensitively)."""
        return cls(
{chr(10).join(parsed)}
        )
'''


def problem_codes_module(spec: dict[str, Any]) -> str:
    """The source of problem_codes.py."""
    listed = spec["components"]["schemas"]["Problem"].get("x-problem-codes")
    if not listed:
        raise SpecError("components.schemas.Problem has no x-problem-codes")
    codes = [(str(c["code"]), int(c["status"]), str(c["title"])) for c in listed]
    if len({code for code, _, _ in codes}) != len(codes):
        raise SpecError("x-problem-codes lists a code twice")
    entries = "".join(f"    {c!r}: ProblemCode({c!r}, {s}, {t!r}),\n" for c, s, t in codes)
    return f'''"""The problem codes spec/openapi.yaml documents (`Problem`'s `x-problem-codes`).

The API may add codes: treat a code missing here by its status.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemCode:
    """One documented problem code, with the status and title it always comes with."""

    code: str
    status: int
    title: str


PROBLEM_CODES: Mapping[str, ProblemCode] = {{
{entries}}}
'''


@dataclass(frozen=True)
class StatusClasses:
    """What `_errors.py` says about its status classes, read from its source (see `read`)."""

    by_status: dict[int, str]  # `_BY_STATUS`: status -> class name
    other_client_error: str  # `_OTHER_CLIENT_ERROR`: any other status below 500
    other_server_error: str  # `_OTHER_SERVER_ERROR`: any other status from 500
    problem_codes: dict[str, str]  # class name -> its `problem_code`, where it sets one
    names: frozenset[str]  # every class `_errors.py` defines

    def of(self, status: int) -> str:
        """The status class's name for `status`: `_errors.status_class`, on the same table."""
        other = self.other_server_error if status >= 500 else self.other_client_error
        return self.by_status.get(status, other)

    @classmethod
    def read(cls, path: Path) -> StatusClasses:
        """From `_errors.py`'s syntax tree: the generator cannot import the package it writes
        into (the package imports this module's output), so it reads the one table there."""
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned: dict[str, ast.expr] = {}
        problem_codes: dict[str, str] = {}
        names: set[str] = set()
        for node in tree.body:
            if isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        assigned[target.id] = node.value
            elif isinstance(node, ast.ClassDef):
                names.add(node.name)
                for item in node.body:
                    if (
                        isinstance(item, ast.Assign)
                        and [ast.unparse(t) for t in item.targets] == ["problem_code"]
                        and isinstance(item.value, ast.Constant)
                    ):
                        problem_codes[node.name] = str(item.value.value)
        table = assigned.get("_BY_STATUS")
        client, server = assigned.get("_OTHER_CLIENT_ERROR"), assigned.get("_OTHER_SERVER_ERROR")
        if not isinstance(table, ast.Dict) or not isinstance(client, ast.Name):
            raise SpecError(f"{path.name}: no `_BY_STATUS` dict and `_OTHER_CLIENT_ERROR` class")
        if not isinstance(server, ast.Name):
            raise SpecError(f"{path.name}: no `_OTHER_SERVER_ERROR` class")
        by_status = {
            key.value: value.id
            for key, value in zip(table.keys, table.values, strict=True)
            if isinstance(key, ast.Constant)
            and isinstance(key.value, int)
            and isinstance(value, ast.Name)
        }
        if len(by_status) != len(table.keys):
            raise SpecError(f"{path.name}: `_BY_STATUS` must map int literals to class names")
        return cls(by_status, client.id, server.id, problem_codes, frozenset(names))


def error_class_name(code: str) -> str:
    """phone_taken -> PhoneTakenError, internal_error -> InternalError."""
    camel = "".join(word.capitalize() for word in code.split("_"))
    return camel if camel.endswith("Error") else camel + "Error"


def problem_errors_module(spec: dict[str, Any], statuses: StatusClasses) -> str:
    """The source of _problem_errors.py: a class per code, under its status's class."""
    codes = spec["components"]["schemas"]["Problem"]["x-problem-codes"]
    classes, table, parents, exported = [], [], {"ApiError"}, []
    for entry in codes:
        code, status, title = str(entry["code"]), int(entry["status"]), str(entry["title"])
        if not re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", code):
            raise SpecError(f"problem code {code!r}: not snake_case, so no class name")
        if not 400 <= status <= 599 or '"' in title or "\\" in title:
            raise SpecError(f"problem code {code}: status {status} or title {title!r} unusable")
        name, parent = error_class_name(code), statuses.of(status)
        parents.add(parent)
        table.append(f"    {code!r}: {name},")
        if name == parent:  # the status class stands for the code (`not_found`)
            if statuses.problem_codes.get(name) != code:
                raise SpecError(f"{ERRORS.name}: {name} stands for {code!r}; set its problem_code")
            continue
        if name in statuses.names or name in exported:
            raise SpecError(f"problem code {code}: class {name} is already defined")
        # The docstring wrapped to the line length, the class's indent and quotes included.
        doc = "\n    ".join(textwrap.wrap(f"{status} `{code}`: {title}.", width=100 - 10))
        exported.append(name)
        classes.append(f'class {name}({parent}):\n    """{doc}"""\n\n    problem_code = {code!r}\n')
    listed = {str(entry["code"]) for entry in codes}
    for name, code in sorted(statuses.problem_codes.items()):
        if code not in listed:
            raise SpecError(f"{ERRORS.name}: {name} names {code!r}, which the spec does not list")
    names = "".join(f"    {name!r},\n" for name in sorted(exported))
    return f'''"""One exception class per problem code of spec/openapi.yaml (`x-problem-codes`).

Each is a subclass of its status's class in `_errors.py` (`PhoneTakenError(ConflictError)`), so
`except ConflictError` catches it too; a code whose class would be its status's class
(`not_found`) has none here, its status class stands for it. `BY_CODE`: code -> class, for
`error_from_response`; a code not in it raises its status's class.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._errors import {", ".join(sorted(parents))}

__all__ = [
{names}]


{(chr(10) * 3).join(classes)}

BY_CODE: Mapping[str, type[ApiError]] = {{
{chr(10).join(table)}
}}
'''


def events_module(spec: dict[str, Any]) -> str:
    """The source of events.py: `Event` (the union) and `EVENT_MODELS` (type -> model class)."""
    union = spec["components"]["schemas"].get("Event") or {}
    members = [ref["$ref"].rsplit("/", 1)[-1] for ref in union.get("oneOf", ())]
    discriminator = union.get("discriminator") or {}
    listed = discriminator.get("mapping") or {}
    mapping = {str(kind): ref.rsplit("/", 1)[-1] for kind, ref in listed.items()}
    if not members or discriminator.get("propertyName") != "type":
        raise SpecError("components.schemas.Event is not a oneOf with a discriminator on `type`")
    if sorted(mapping.values()) != sorted(members):
        raise SpecError("Event's discriminator mapping does not name each oneOf schema once")
    for kind, name in mapping.items():
        const = spec["components"]["schemas"][name]["properties"]["type"].get("const")
        if const != kind:
            raise SpecError(f"{name}: `type` is const {const!r}, the discriminator says {kind!r}")
    imports = "".join(f"    {name},\n" for name in sorted(members))
    union_source = "\n    | ".join(members)
    table = "".join(f"    {kind!r}: {name},\n" for kind, name in mapping.items())
    return f'''"""The events of spec/openapi.yaml: `Event` (every event schema) and its table.

openapi-python-client makes no type of a `oneOf` schema and ignores `discriminator`; this module
is both, from the spec's `Event`: `EVENT_MODELS[type]` is the generated model of an event `type`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeAlias

from .models import (
{imports})

Event: TypeAlias = (
    {union_source}
)

EVENT_MODELS: Mapping[str, type[Event]] = {{
{table}}}
'''


# ---------------------------------------------------------------- the resource facade
#
# `tracker.patients.get(patient_id)`: per tag of the spec a class for `PatientTracker` and one for
# `AsyncPatientTracker`, per operation a method in each. The parameters, their annotations and
# defaults are read from the function openapi-python-client just wrote (`sync_detailed`, minus
# `client`), so they match it exactly; the names, the docstrings (summary, description, scopes,
# parameters, the documented headers and errors) and the return types come from the spec. The
# module imports the hand-written base (`_resources.py`), as Stainless's resources import their
# base client; `generated/` stays a leaf.

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
WIDTH = 100  # the line length (RUFF_SETTINGS), which docstrings must fit by themselves
BUILTIN_TYPES = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict", "None"})
UNSET_NAMES = frozenset({"UNSET", "Unset", "Response"})  # from generated/types.py


def snake(name: str) -> str:
    """checkInAppointment -> check_in_appointment, If-None-Match -> if_none_match."""
    name = re.sub(r"[^0-9A-Za-z]+", "_", name)
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower().strip("_")


def method_name(operation_id: str, tag: str) -> str:
    """The operationId without its first word naming the tag's resource (the tag, or the tag
    without a final "s"): listPatients -> list, listPatientAppointments -> list_appointments."""
    words = snake(operation_id).split("_")
    for index, word in enumerate(words):
        if word in (tag, tag.removesuffix("s")):
            del words[index]
            break
    return "_".join(words)


def flow(text: str) -> list[str]:
    """The paragraphs of a spec text, each one line (markdown list items their own paragraph)."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        items: list[str] = []
        for line in block.splitlines():
            if line.lstrip().startswith("- ") or not items:
                items.append(line.strip())
            else:
                items[-1] += " " + line.strip()
        paragraphs += items
    return paragraphs


def wrap(text: str, indent: int, hang: int = 0, first: int = 0) -> list[str]:
    """`text` as lines that fit the line length at `indent` columns, continuation lines with
    `hang` spaces; `first`: columns already taken on the first line (an opening triple quote). A
    `...` span is never split."""
    spans = re.split(r"(`[^`]*`)", text)
    glued = "".join(s.replace(" ", "\0") if s.startswith("`") else s for s in spans)
    lines = textwrap.wrap(
        glued,
        width=WIDTH - indent,
        initial_indent=" " * first,
        subsequent_indent=" " * hang,
        break_long_words=False,
        break_on_hyphens=False,
    )
    lines[0] = lines[0][first:]
    return [line.replace("\0", " ") for line in lines]


def block(lines: list[str], indent: int) -> str:
    """`lines` as source text for a place `indent` columns in: every line but the first indented
    (blank lines left empty)."""
    return "\n".join([lines[0], *(" " * indent + line if line else "" for line in lines[1:])])


def first_sentence(text: str) -> str:
    """Up to the first period that ends a sentence (one followed by a capital or a backtick)."""
    return re.split(r"(?<=\.)\s+(?=[A-Z`])", text.strip(), maxsplit=1)[0]


def docstring_text(text: str) -> str:
    """Spec text made safe inside a triple-quoted docstring."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def ends(text: str, suffix: str) -> str:
    """`text` without its final period, then `suffix` (`The patient` + ` (`200`).`)."""
    return text.strip().removesuffix(".") + suffix


@dataclass(frozen=True)
class Parameter:
    """One parameter of a facade method, as the generated function declares it."""

    name: str
    annotation: str
    default: str | None
    keyword_only: bool
    doc: str


@dataclass(frozen=True)
class FacadeOperation:
    """What the templates need of one operation."""

    module: str  # the generated module (`get_patient`), imported from `generated.api.<tag>`
    name: str  # the method (`get`)
    heading: str  # `Get a patient (`GET /v1/patients/{patient_id}`).`
    body: tuple[str, ...]  # the docstring's lines after the heading
    parameters: tuple[Parameter, ...]
    returns: str  # the method's return type (`Patient`, `None`, `Event`)
    narrow: bool  # the generated union is wider than `returns`: cast
    opaque: bool  # a union of many models, more than mypy infers a type parameter from
    item: str | None  # a list operation's item type: it also gets `list_all...`
    names: frozenset[str]  # every name its annotations use

    def signature(self) -> str:
        """`self, patient_id: str, *, if_none_match: str | Unset = UNSET`."""
        parts = ["self"]
        star = False
        for parameter in self.parameters:
            if parameter.keyword_only and not star:
                parts.append("*")
                star = True
            default = "" if parameter.default is None else f" = {parameter.default}"
            parts.append(f"{parameter.name}: {parameter.annotation}{default}")
        return ", ".join(parts)

    def arguments(self, client: str) -> str:
        """`patient_id, client=self._client, if_none_match=if_none_match`."""
        positional = [p.name for p in self.parameters if not p.keyword_only]
        keywords = [f"{p.name}={p.name}" for p in self.parameters if p.keyword_only]
        return ", ".join([*positional, f"client={client}", *keywords])

    def result(self, call: str) -> str:
        """The expression a method returns: the generated call's `_result`, cast if needed."""
        if self.opaque:
            call = f'cast("Response[Any]", {call})'
        value = f"self._result({call})"
        return f'cast("{self.returns}", {value})' if self.narrow or self.opaque else value


@dataclass(frozen=True)
class FacadeTag:
    """One tag: its resource attribute (`patients`), class stem (`Patients`) and operations."""

    attribute: str
    stem: str
    name: str  # as the spec spells it (`Patients`)
    summary: str  # the first paragraph of its description
    operations: tuple[FacadeOperation, ...]


def names_in(source: str) -> set[str]:
    """The names an annotation or default uses (`datetime` of `datetime.datetime`)."""
    tree = ast.parse(source, mode="eval")
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def union_members(node: ast.expr) -> list[str]:
    """`A | B | C` -> ["A", "B", "C"]."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return union_members(node.left) + union_members(node.right)
    return [ast.unparse(node)]


def generated_function(path: Path) -> tuple[list[tuple[str, str, str | None, bool]], list[str]]:
    """`sync_detailed`'s parameters (name, annotation, default, keyword-only), `client` left
    out, and the members of its `Response[...]` union."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "sync_detailed"]
    if len(found) != 1 or found[0].returns is None:
        raise SpecError(f"{path.name}: no annotated sync_detailed")
    args = found[0].args
    positional_defaults = [None] * (len(args.args) - len(args.defaults)) + list(args.defaults)
    listed = [(a, d, False) for a, d in zip(args.args, positional_defaults, strict=True)]
    listed += [(a, d, True) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)]
    parameters = []
    for arg, default, keyword_only in listed:
        if arg.arg == "client":
            continue
        if arg.annotation is None:
            raise SpecError(f"{path.name}: parameter {arg.arg} has no annotation")
        shown = None if default is None else ast.unparse(default)
        parameters.append((arg.arg, ast.unparse(arg.annotation), shown, keyword_only))
    returns = found[0].returns
    if not (isinstance(returns, ast.Subscript) and ast.unparse(returns.value) == "Response"):
        raise SpecError(f"{path.name}: sync_detailed does not return a Response[...]")
    return parameters, union_members(returns.slice)


def schema_name(node: Any) -> str | None:
    """The component name a `$ref` schema names (`#/components/schemas/Patient` -> Patient)."""
    ref = node.get("$ref", "") if isinstance(node, dict) else ""
    return ref.rsplit("/", 1)[-1] if ref.startswith("#/components/schemas/") else None


def first_media(spec: dict[str, Any], holder: dict[str, Any]) -> dict[str, Any]:
    """A request body's or a response's first media type object (empty without content)."""
    content = resolve(spec, holder).get("content") or {}
    media: dict[str, Any] = next(iter(content.values()), {})
    return media


def media_schema(spec: dict[str, Any], holder: dict[str, Any]) -> Any:
    """The schema of a request body's or a response's first media type (None without one)."""
    return first_media(spec, holder).get("schema")


class Facade:
    """Reads what the facade module needs from the spec and the fresh generated package."""

    def __init__(self, spec: dict[str, Any], generated: Path, statuses: StatusClasses) -> None:
        self.spec = spec
        self.generated = generated
        self.statuses = statuses
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.models = self._exported_models()
        union = self.schemas.get("Event") or {}
        self.event_members = sorted(schema_name(ref) or "" for ref in union.get("oneOf", ()))
        self.codes = {
            str(entry["code"]): int(entry["status"])
            for entry in self.schemas["Problem"].get("x-problem-codes", ())
        }
        self.headers = documented_headers(spec)[1]

    def _exported_models(self) -> frozenset[str]:
        tree = ast.parse((self.generated / "models" / "__init__.py").read_text(encoding="utf-8"))
        for node in tree.body:
            targets = [ast.unparse(t) for t in node.targets] if isinstance(node, ast.Assign) else []
            if isinstance(node, ast.Assign) and targets == ["__all__"]:
                return frozenset(ast.literal_eval(node.value))
        raise SpecError("generated/models/__init__.py has no __all__")

    # -- the spec

    def tags(self) -> list[FacadeTag]:
        """Every tag with operations, in the spec's `tags` order (then first use)."""
        by_tag: dict[str, list[FacadeOperation]] = {}
        order = [str(tag["name"]) for tag in self.spec.get("tags", ())]
        for path, item in self.spec["paths"].items():
            for method in HTTP_METHODS:
                operation = item.get(method)
                if operation is None:
                    continue
                tag = str((operation.get("tags") or [""])[0])
                if not tag:
                    raise SpecError(f"{operation['operationId']}: no tag, so no resource")
                shared = item.get("parameters") or []
                by_tag.setdefault(tag, []).append(
                    self.operation(tag, method, path, operation, shared)
                )
                if tag not in order:
                    order.append(tag)
        descriptions = {str(t["name"]): str(t.get("description", "")) for t in self.spec["tags"]}
        tags = []
        for name in order:
            if name not in by_tag:
                continue
            operations = by_tag[name]
            methods = [o.name for o in operations] + [all_name(o) for o in operations if o.item]
            if len(set(methods)) != len(methods) or {"raw"} & set(methods):
                raise SpecError(f"tag {name}: two operations with one method name, or `raw`")
            summary = (flow(descriptions.get(name, "")) or [""])[0]
            stem = "".join(word.capitalize() for word in snake(name).split("_"))
            tags.append(FacadeTag(snake(name), stem, name, summary, tuple(operations)))
        return tags

    def operation(
        self,
        tag: str,
        method: str,
        path: str,
        operation: dict[str, Any],
        shared: list[Any],
    ) -> FacadeOperation:
        """One operation: its generated function read, its docstring written."""
        operation_id = str(operation["operationId"])
        module = snake(operation_id)
        source = self.generated / "api" / snake(tag) / f"{module}.py"
        if not source.is_file():
            raise SpecError(f"{operation_id}: openapi-python-client wrote no {source.name}")
        declared, members = generated_function(source)
        listed = [resolve(self.spec, p) for p in [*shared, *operation.get("parameters", ())]]
        spec_parameters = {snake(str(p["name"])): p for p in listed}
        parameters = []
        for name, annotation, default, keyword_only in declared:
            if name == "body":
                body = operation.get("requestBody") or {}
                schema = resolve(self.spec, media_schema(self.spec, body) or {})
                doc = str(body.get("description") or schema.get("description") or "")
            else:
                found = spec_parameters.get(name) or spec_parameters.get(name.rstrip("_"))
                if found is None:
                    raise SpecError(f"{operation_id}: no spec parameter for `{name}`")
                doc = str(found.get("description") or "")
            parameters.append(Parameter(name, annotation, default, keyword_only, doc))
        status, response = self.success(operation_id, operation)
        returns, narrow, opaque = self.returns(operation_id, response, members)
        item = self.page_item(operation_id, response, [p.name for p in parameters])
        names: set[str] = set()
        for parameter in parameters:
            names |= names_in(parameter.annotation)
            names |= names_in(parameter.default or "None")
        names |= {returns} | ({item} if item else set())
        summary = str(operation.get("summary") or operation_id)
        return FacadeOperation(
            module=module,
            name=method_name(operation_id, snake(tag)),
            heading=f"{summary} (`{method.upper()} {path}`).",
            body=tuple(self.docstring(operation, parameters, returns, status, response)),
            parameters=tuple(parameters),
            returns=returns,
            narrow=narrow,
            opaque=opaque,
            item=item,
            names=frozenset(names - {"None"}),
        )

    def success(self, operation_id: str, operation: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """The first documented 2xx response: its status and its (resolved) response object."""
        for status, response in operation["responses"].items():
            if str(status).startswith("2"):
                return int(status), resolve(self.spec, response)
        raise SpecError(f"{operation_id}: no 2xx response")

    def returns(
        self, operation_id: str, response: dict[str, Any], members: list[str]
    ) -> tuple[str, bool, bool]:
        """The method's return type, whether the generated union must be cast to it (a body-less
        `304` beside the model makes it `Any | Model | Problem`), and whether the union is one
        of many models (an event)."""
        models = sorted(set(members) - {"Problem", "Any"})
        name = schema_name(media_schema(self.spec, response))
        if name is None:
            if models:
                raise SpecError(f"{operation_id}: a body the spec does not name as a schema")
            return "None", True, False
        if name == "Event" and self.event_members:
            if models != self.event_members:
                raise SpecError(f"{operation_id}: returns Event, but the generated union differs")
            return "Event", True, True
        if models != [name] or name not in self.models:
            raise SpecError(f"{operation_id}: returns {name}, generated {members}")
        return name, "Any" in members, False

    def page_item(
        self, operation_id: str, response: dict[str, Any], parameters: list[str]
    ) -> str | None:
        """A list operation's item type (`Patient`): it has `cursor`, its page `items`."""
        if "cursor" not in parameters:
            return None
        page = self.schemas.get(schema_name(media_schema(self.spec, response)) or "", {})
        fields = page.get("properties") or {}
        item = schema_name((fields.get("items") or {}).get("items"))
        if item is None or "next_cursor" not in fields:
            raise SpecError(f"{operation_id}: a `cursor` but no page of `items` / `next_cursor`")
        if item == "Event" and self.event_members:
            return "Event"
        if item not in self.models:
            raise SpecError(f"{operation_id}: page items of {item}, which is no generated model")
        return item

    # -- the docstring

    def docstring(
        self,
        operation: dict[str, Any],
        parameters: list[Parameter],
        returns: str,
        status: int,
        response: dict[str, Any],
    ) -> list[str]:
        """The lines after the heading (relative to the docstring's indent): the description,
        the scopes, the parameters, what it returns and what it raises."""
        lines: list[str] = []
        for paragraph in flow(str(operation.get("description", ""))):
            lines += [*wrap(docstring_text(paragraph), 8), ""]
        lines += [*wrap(self.scopes(operation), 8), ""]
        if parameters:
            lines.append("Args:")
            for p in parameters:
                doc = docstring_text(" ".join(flow(p.doc))) or "(undocumented)"
                lines += ["    " + line for line in wrap(f"{p.name}: {doc}", 12, hang=4)]
            lines.append("")
        description = docstring_text(" ".join(flow(str(response.get("description") or ""))))
        no_body = ", no body" if returns == "None" else ""
        returned = f"{returns}: {ends(description, f' (`{status}`{no_body}).')}"
        returned += " On `.raw`: the whole response (`ApiResponse`)"
        listed = self.headers.get(str(operation["operationId"]), {}).get(status, [])
        if listed:
            names = ", ".join(f"`{attribute(h)}`" for h in sorted(listed, key=attribute))
            returned += f", its documented headers typed in `typed_headers`: {names}"
        lines += ["Returns:", *("    " + line for line in wrap(returned + ".", 12, hang=4)), ""]
        lines.append("Raises:")
        for error in self.errors(operation):
            lines += ["    " + line for line in wrap(error, 12, hang=4)]
        return lines

    def scopes(self, operation: dict[str, Any]) -> str:
        """The security requirement as a sentence: `Scopes: `patients:read`.`"""
        requirements = operation.get("security", self.spec.get("security", []))
        if not requirements or requirements == [{}]:
            return "Scopes: none (no API key needed)."
        alternatives = []
        for requirement in requirements:
            scopes = [f"`{scope}`" for scopes in requirement.values() for scope in scopes]
            alternatives.append(" and ".join(scopes) if scopes else "an API key")
        return "Scopes: " + "; or ".join(alternatives) + "."

    def errors(self, operation: dict[str, Any]) -> list[str]:
        """One `Raises:` entry per documented error status: its class, why, its codes (and the
        class of each that has its own)."""
        entries = []
        for status, reference in sorted(operation["responses"].items(), key=lambda i: int(i[0])):
            code = int(status)
            response = resolve(self.spec, reference)
            why = docstring_text(first_sentence(" ".join(flow(str(response["description"])))))
            if code == 304:
                entries.append(f"NotModifiedError: {ends(why, ' (`304`, for `if_none_match=`).')}")
                continue
            if code < 400:
                continue
            kind = self.statuses.of(code)
            named: dict[str, str] = {}
            for example in (first_media(self.spec, response).get("examples") or {}).values():
                value = resolve(self.spec, example).get("value")
                problem = value.get("code") if isinstance(value, dict) else None
                if not isinstance(problem, str):
                    continue
                subclass = error_class_name(problem)
                own = self.codes.get(problem) == code and subclass != kind
                named[problem] = f"`{problem}` (`{subclass}`)" if own else f"`{problem}`"
            codes = f": {', '.join(named.values())}" if named else ""
            entries.append(f"{kind}: {ends(why, f' (`{code}`{codes}).')}")
        return entries


def all_name(operation: FacadeOperation) -> str:
    """The iterator over every page: a leading `list` becomes `list_all` (`list_all_events`)."""
    return operation.name.replace("list", "list_all", 1)


SYNC_OPERATION = '''
    @operation
    def {name}({signature}) -> {returns}:
        """{heading}

        {body}
        """
        return {result}
'''
ASYNC_OPERATION = '''
    @async_operation
    async def {name}({signature}) -> {returns}:
        """{heading}

        {body}
        """
        return {result}
'''
LIST_ALL = '''
    def {name}({signature}) -> {iterator}[{item}]:
        """{heading}

        {body}
        """
        return {loop}({function}, {arguments})
'''
RESOURCE = '''

class {prefix}{stem}Resource(Resource[Mode]):
    """{heading}

    {body}
    """

    @cached_property
    def raw(self) -> {prefix}{stem}Resource[Raw]:
        """These operations, each returning the whole response: an `ApiResponse`."""
        return {prefix}{stem}Resource(self._client, raw=True)
'''
PROPERTY = '''
    @cached_property
    def {attribute}(self) -> {prefix}{stem}Resource[Parsed]:
        """{heading}"""
        return {prefix}{stem}Resource(self.client)
'''


def list_all_doc(operation: FacadeOperation, asynchronous: bool) -> tuple[str, list[str]]:
    """The heading and body lines of a `list_all...` iterator's docstring."""
    path = operation.heading.rsplit("(", 1)[1].removesuffix(").")
    heading = f"Every item of `{operation.name}`, across all pages ({path})."
    loop = "async for item in ..." if asynchronous else "for item in ..."
    body = wrap(
        f"Follows `next_cursor`, one request per page as the iteration reaches it (`{loop}`); "
        "`limit` is the page size, `cursor` where to start. The parameters and the errors are "
        f"those of `{operation.name}`, an error raised when the iteration reaches its page.",
        8,
    )
    return heading, body


def qualified(source: str, shadowed: set[str]) -> str:
    """An annotation with the builtins a method of its class shadows written `builtins.list`."""
    for name in sorted(shadowed):
        source = re.sub(rf"(?<![\w.]){name}\b", f"builtins.{name}", source)
    return source


def resource_class(tag: FacadeTag, asynchronous: bool) -> str:
    """The source of one tag's sync or async resource class."""
    prefix = "Async" if asynchronous else ""
    summary = docstring_text(tag.summary)
    heading = wrap(f"The operations tagged `{tag.name}`: {summary}", 4, first=3)
    kind = "each a coroutine" if asynchronous else "each"
    iterator = "an async iterator" if asynchronous else "an iterator"
    body = wrap(
        f"`{prefix}PatientTracker(...).{tag.attribute}`: one method per operation, {kind} "
        "returning the success response's model or raising an `ApiError` subclass "
        "(`ApiConnectionError` when the network fails, after the client's retries), and per "
        f"list operation `list_all...`, {iterator} over its pages. `.raw` has the same methods, "
        "each returning the whole response (`ApiResponse`: `status_code`, `headers`, `parsed`, "
        "`typed_headers`, `request_id`), for `etag()` and `modify()`; an error status still "
        "raises.",
        4,
    )
    source = RESOURCE.format(
        prefix=prefix, stem=tag.stem, heading=block(heading, 4), body=block(body, 4)
    )
    methods = {o.name for o in tag.operations} | {all_name(o) for o in tag.operations if o.item}
    shadowed = methods & BUILTIN_TYPES
    template = ASYNC_OPERATION if asynchronous else SYNC_OPERATION
    detailed = "asyncio_detailed" if asynchronous else "sync_detailed"
    for operation in tag.operations:
        parameters = tuple(
            dataclasses.replace(p, annotation=qualified(p.annotation, shadowed))
            for p in operation.parameters
        )
        shown = dataclasses.replace(operation, parameters=parameters)
        call = f"{'await ' if asynchronous else ''}{operation.module}.{detailed}"
        source += template.format(
            name=operation.name,
            signature=shown.signature(),
            returns=qualified(operation.returns, shadowed),
            heading=block(wrap(operation.heading, 8, first=3), 8),
            body=block(list(operation.body), 8),
            result=shown.result(f"{call}({shown.arguments('self._client')})"),
        )
        if operation.item is not None:
            heading_text, body_lines = list_all_doc(operation, asynchronous)
            source += LIST_ALL.format(
                name=all_name(operation),
                signature=shown.signature(),
                iterator="AsyncIterator" if asynchronous else "Iterator",
                item=qualified(operation.item, shadowed),
                heading=block(wrap(heading_text, 8, first=3), 8),
                body=block(body_lines, 8),
                loop="aeach_item" if asynchronous else "each_item",
                function=f"{operation.module}.{detailed}",
                arguments=shown.arguments("self._client"),
            )
    return source


def facade_module(spec: dict[str, Any], generated: Path, statuses: StatusClasses) -> str:
    """The source of _generated_resources.py."""
    facade = Facade(spec, generated, statuses)
    tags, models = facade.tags(), facade.models
    names: set[str] = set()
    modules: dict[str, list[str]] = {}
    for tag in tags:
        for operation in tag.operations:
            names |= operation.names
            modules.setdefault(tag.attribute, []).append(operation.module)
    classes = "".join(resource_class(tag, a) for tag in tags for a in (False, True))
    imports = ["import builtins"] if "builtins." in classes else []
    imports += ["import datetime"] if "datetime" in names else []
    for tag_module, listed in sorted(modules.items()):
        imports.append(f"from .generated.api.{tag_module} import {', '.join(sorted(listed))}")
    unknown = names - models - BUILTIN_TYPES - UNSET_NAMES - {"Any", "Event", "datetime"}
    if unknown:
        raise SpecError(f"the facade's annotations use names it cannot import: {sorted(unknown)}")
    clashes = {m for listed in modules.values() for m in listed} & (names | {"cast", "operation"})
    if clashes:
        raise SpecError(f"generated modules named like other imports: {sorted(clashes)}")
    imports.append(f"from .generated.models import {', '.join(sorted(names & models))}")
    imports.append(f"from .generated.types import {', '.join(sorted(UNSET_NAMES))}")
    mixins = ""
    for prefix, tracker in (("", "PatientTracker"), ("Async", "AsyncPatientTracker")):
        mixins += f'''

class {prefix}Resources:
    """The API's operations by tag, as properties of `{tracker}` (which sets `client`)."""

    client: AuthenticatedClient
'''
        for tag in tags:
            heading = f"The operations tagged `{tag.name}`: `{prefix}{tag.stem}Resource`."
            mixins += PROPERTY.format(
                attribute=tag.attribute, prefix=prefix, stem=tag.stem, heading=heading
            )
    return f'''"""The resource facade, `tracker.patients.get(patient_id)`: the spec's operations.

Per tag a class for `PatientTracker` (`PatientsResource`) and one for `AsyncPatientTracker`
(`AsyncPatientsResource`), on the hand-written `Resource` (`_resources.py`): per operation a
method in each, with the parameters of the generated `sync_detailed` minus `client`, and per list
operation a `list_all...` iterator over every page. `Resources` / `AsyncResources` carry them as
properties. A method's name is the operation's snake_case operationId without its first word
naming the tag's resource (the tag, or the tag without a final "s"): listPatients ->
patients.list, checkInAppointment -> appointments.check_in; the iterator turns a leading "list"
into "list_all".
"""

from __future__ import annotations

{chr(10).join(imports)}
from collections.abc import AsyncIterator, Iterator
from functools import cached_property
from typing import Any, cast

from ._pagination import aeach_item, each_item
from ._resources import Mode, Parsed, Raw, Resource, async_operation, operation
from .generated.client import AuthenticatedClient
from .generated.events import Event
{classes}{mixins}'''


def spec_modules(spec_path: Path) -> dict[str, str]:
    """File name -> source, for the modules written from the spec itself."""
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    try:
        sources = (response_headers_module(spec), problem_codes_module(spec), events_module(spec))
        problem_errors = problem_errors_module(spec, StatusClasses.read(ERRORS))
    except SpecError as error:
        sys.exit(f"Cannot generate from the spec: {error}")
    return dict(zip(SPEC_MODULES, sources, strict=True)) | {PROBLEM_ERRORS.name: problem_errors}


def relative_files(folder: Path) -> set[str]:
    """Every file under `folder`, as a POSIX path relative to it (caches excluded)."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def untracked(folder: Path) -> list[str]:
    """Files under `folder` that git does not track (empty when this is not a git checkout)."""
    try:
        result = subprocess.run(  # noqa: S603 - fixed arguments
            ["git", "ls-files", "--others", "--exclude-standard", "--", str(folder)],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return []
    return result.stdout.split()


def differences(fresh: Path, committed: Path) -> list[str]:
    """What differs between a fresh generation and the committed one, one line each."""
    new, old = relative_files(fresh), relative_files(committed)
    found = [f"missing (generate would add it): {name}" for name in sorted(new - old)]
    found += [f"stale (generate would delete it): {name}" for name in sorted(old - new)]
    found += [
        f"differs: {name}"
        for name in sorted(new & old)
        if not filecmp.cmp(fresh / name, committed / name, shallow=False)
    ]
    found += [f"not tracked by git: {name}" for name in untracked(committed)]
    return found


def module_differences(fresh: Path, committed: Path) -> list[str]:
    """What differs between a freshly generated single module and the committed one."""
    name = committed.relative_to(PACKAGE).as_posix()
    if not committed.is_file():
        return [f"missing (generate would add it): {name}"]
    if not filecmp.cmp(fresh, committed, shallow=False):
        return [f"differs: {name}"]
    return [f"not tracked by git: {name}" for _ in untracked(committed)]


def main() -> None:
    """Write or check the generated package."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on drift")
    check = parser.parse_args().check
    with tempfile.TemporaryDirectory(prefix="sdk-generate-") as work:
        fresh, beside = generate_into(Path(work))
        if check:
            found = differences(fresh, TARGET)
            for module in beside:
                found += module_differences(module, PACKAGE / module.name)
            if found:
                sys.exit(
                    "The committed SDK differs from a fresh generation; run `nox -s generate` "
                    "and commit the result:\n  " + "\n  ".join(found)
                )
            names = ", ".join(module.name for module in beside)
            print(f"{TARGET.relative_to(ROOT)}, {names} match a fresh generation.")
            return
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(fresh, TARGET)
        for module in beside:
            shutil.copyfile(module, PACKAGE / module.name)
        print(f"Regenerated {TARGET.relative_to(ROOT)}, {', '.join(m.name for m in beside)}.")


if __name__ == "__main__":
    main()
