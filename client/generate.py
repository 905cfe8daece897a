"""Regenerate the SDK's generated package from spec/openapi.yaml, or check that it is current.

    python client/generate.py           # rewrite client/src/patient_tracker_client/generated/
    python client/generate.py --check   # exit 1 if a fresh generation differs (nox -s sdk)

Both generate into a temporary folder first: openapi-python-client (pinned in pyproject.toml's
`generate-client` group) with --fail-on-warning; three small modules the generator has no
template for (`spec_modules`: the documented response headers, typed, the problem codes of
`x-problem-codes`, and the event union with its `type` table from `Event`'s discriminator); then
the pinned ruff from this same environment with explicit isolated settings, then a header line on
every module. Beside the folder, `_problem_errors.py`: one exception class per problem code, a
subclass of its status's class in the hand-written `_errors.py` (which is why it is not inside
`generated/`, a leaf that imports nothing hand-written). The write mode replaces the folder whole,
so an operation removed from the spec leaves no stale module behind; the check mode compares file
by file (`_problem_errors.py` too) and also fails on generated files that git does not track yet.
"""

from __future__ import annotations

import argparse
import ast
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


def generate_into(work: Path) -> tuple[Path, Path]:
    """Generate under `work`: the package's folder and the per-code errors module beside it."""
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
    problem_errors = beside / PROBLEM_ERRORS.name
    problem_errors.write_text(sources[PROBLEM_ERRORS.name], encoding="utf-8")
    # Sorted imports, and the unused ones the templates import unconditionally removed; then the
    # formatter. Only fixes: the generated code must pass the project's full rule set as it is.
    run("ruff", "check", "--fix-only", *RUFF_SETTINGS, "--select", "I,F401", ".", cwd=work)
    run("ruff", "format", *RUFF_SETTINGS, ".", cwd=work)
    for module in sorted(out.rglob("*.py")):
        header = SPEC_HEADER if module.parent == out and module.name in SPEC_MODULES else HEADER
        module.write_text(header + module.read_text(encoding="utf-8"), encoding="utf-8")
    problem_errors.write_text(
        SPEC_HEADER + problem_errors.read_text(encoding="utf-8"), encoding="utf-8"
    )
    return out, problem_errors


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
        fresh, problem_errors = generate_into(Path(work))
        if check:
            found = differences(fresh, TARGET) + module_differences(problem_errors, PROBLEM_ERRORS)
            if found:
                sys.exit(
                    "The committed SDK differs from a fresh generation; run `nox -s generate` "
                    "and commit the result:\n  " + "\n  ".join(found)
                )
            print(f"{TARGET.relative_to(ROOT)} and {PROBLEM_ERRORS.name} match a fresh generation.")
            return
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(fresh, TARGET)
        shutil.copyfile(problem_errors, PROBLEM_ERRORS)
        print(f"Regenerated {TARGET.relative_to(ROOT)} and {PROBLEM_ERRORS.name}.")


if __name__ == "__main__":
    main()
