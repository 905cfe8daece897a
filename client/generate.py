"""Regenerate the SDK's generated package from spec/openapi.yaml, or check that it is current.

    python client/generate.py           # rewrite client/src/patient_tracker_client/generated/
    python client/generate.py --check   # exit 1 if a fresh generation differs (nox -s sdk)

Both generate into a temporary folder first: openapi-python-client (pinned in pyproject.toml's
`generate-client` group) with --fail-on-warning, then the pinned ruff from this same environment
with explicit isolated settings, then a header line on every module. The write mode replaces the
folder whole, so an operation removed from the spec leaves no stale module behind; the check mode
compares file by file and also fails on generated files that git does not track yet.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import copy
import filecmp
import keyword
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

CLIENT_DIR = Path(__file__).resolve().parent
ROOT = CLIENT_DIR.parent
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = CLIENT_DIR / "openapi-python-client.yaml"
TARGET = CLIENT_DIR / "src" / "patient_tracker_client" / "generated"
HEADER = (
    "# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.\n"
)
# The resource facade is written by this script (`write_resources`), from the generated operations.
RESOURCES = "resources.py"
RESOURCES_HEADER = (
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


def generate_into(work: Path) -> Path:
    """Generate the package under `work`; returns its folder."""
    out = work / "generated"
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
    (out / RESOURCES).write_text(resources_module(out), encoding="utf-8")
    # Sorted imports, and the unused ones the templates import unconditionally removed; then the
    # formatter. Only fixes: the generated code must pass the project's full rule set as it is.
    run("ruff", "check", "--fix-only", *RUFF_SETTINGS, "--select", "I,F401", ".", cwd=out)
    run("ruff", "format", *RUFF_SETTINGS, ".", cwd=out)
    for module in sorted(out.rglob("*.py")):
        header = RESOURCES_HEADER if module == out / RESOURCES else HEADER
        module.write_text(header + module.read_text(encoding="utf-8"), encoding="utf-8")
    return out


# ---------------------------------------------------------------- the resource facade
#
# `resources.py` is written from the generated operation modules (read with `ast`, never imported):
# one class per tag (the folder `api/<tag>/`), one method per operation (module), with the
# parameters, annotations and defaults of its `sync_detailed` / `asyncio_detailed` copied as they
# are, minus `client`. So nothing about an operation is restated here, and a spec change reaches the
# facade with the next generation.
#
# The naming rule: a method is named after the operation's module (openapi-python-client's
# snake_case of the operationId) with its first word that names the tag's resource (the tag, or
# the tag without a final "s") removed: listPatients -> list, getPatient -> get,
# checkInAppointment -> check_in, markAppointmentNoShow -> mark_no_show, listPatientAppointments
# (tag patients) -> list_appointments, getReadiness (tag health) -> get_readiness. A list operation
# (one with a `cursor` parameter whose page has `items` and `next_cursor`) also gets an iterator
# over every item of every page, named by turning its leading "list" into "list_all" (list ->
# list_all, list_appointments -> list_all_appointments; another name gets "_all" appended).
# Generation fails, rather than guess, on a name that is empty, a keyword, or taken twice.


class FacadeError(Exception):
    """The generated operations do not fit the facade's rules; the message says where."""


@dataclass(frozen=True)
class Param:
    """One parameter of a generated operation function, `client` excepted."""

    name: str
    annotation: ast.expr
    default: ast.expr | None
    keyword_only: bool


@dataclass(frozen=True)
class Operation:
    """What the facade needs to know of one generated operation module."""

    module: str  # get_patient
    method: str  # get
    params: tuple[Param, ...]
    returns: ast.expr  # the generated return annotation: Response[Patient | Problem]
    success: ast.expr | None  # Patient; None when the response has no body
    item: ast.expr | None  # for a list operation, the type of its page's items
    http: str  # GET /v1/patients/{patient_id}
    doc: str  # the generated docstring's summary, description and Args


class Imports:
    """The import statements of resources.py, by the name each binds; one name, one meaning."""

    def __init__(self) -> None:
        self.by_name: dict[str, str] = {}

    def add(self, name: str, statement: str) -> None:
        known = self.by_name.setdefault(name, statement)
        if known != statement:
            raise FacadeError(f"the name {name!r} would mean both `{known}` and `{statement}`")

    def lines(self) -> list[str]:
        return sorted(set(self.by_name.values()))


def module_imports(tree: ast.Module, package: tuple[str, ...]) -> dict[str, str]:
    """Each name a generated module imports -> that import, restated for resources.py.

    `package` is the module's folder under the generated package (("api", "patients")); relative
    imports are rewritten relative to the generated package's root, where resources.py lives.
    """
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                found[bound] = f"import {alias.name}" + (
                    f" as {alias.asname}" if alias.asname else ""
                )
        elif isinstance(node, ast.ImportFrom):
            source = node.module or ""
            if node.level:
                up = node.level - 1
                if up > len(package):
                    raise FacadeError(f"an import above the generated package: {ast.unparse(node)}")
                parts = [*package[: len(package) - up], *filter(None, source.split("."))]
                source = "." + ".".join(parts)
            for alias in node.names:
                renamed = f" as {alias.asname}" if alias.asname else ""
                found[alias.asname or alias.name] = f"from {source} import {alias.name}{renamed}"
    return found


def names_in(*nodes: ast.expr | None) -> set[str]:
    """The bare names an expression reads (`datetime` for `datetime.datetime`)."""
    return {
        n.id
        for node in nodes
        if node is not None
        for n in ast.walk(node)
        if isinstance(n, ast.Name)
    }


def resolve(names: set[str], known: dict[str, str], imports: Imports, where: str) -> None:
    """Import each of `names` into resources.py the way the module at `where` imports it."""
    for name in sorted(names):
        if name in known:
            imports.add(name, known[name])
        elif not hasattr(builtins, name):
            raise FacadeError(f"{where}: cannot tell where {name!r} comes from")


def function(tree: ast.Module, name: str, where: str) -> ast.FunctionDef | ast.AsyncFunctionDef:
    """The module-level function `name` of a generated module."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
            return node
    raise FacadeError(f"{where}: no function {name}()")


def parameters(func: ast.FunctionDef | ast.AsyncFunctionDef, where: str) -> tuple[Param, ...]:
    """The function's parameters, `client` left out, with their annotations and defaults."""
    args = func.args
    if args.posonlyargs or args.vararg or args.kwarg:
        raise FacadeError(f"{where}: unexpected parameter kinds")
    positional_defaults: list[ast.expr | None] = [None] * (len(args.args) - len(args.defaults))
    positional_defaults += args.defaults
    listed = [(a, d, False) for a, d in zip(args.args, positional_defaults, strict=True)]
    listed += [(a, d, True) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)]
    found = []
    for arg, default, keyword_only in listed:
        if arg.arg == "client":
            continue
        if arg.annotation is None or arg.arg == "self":
            raise FacadeError(f"{where}: parameter {arg.arg!r} cannot be copied")
        found.append(Param(arg.arg, arg.annotation, default, keyword_only))
    return tuple(found)


def union_members(node: ast.expr) -> list[ast.expr]:
    """`A | B | C` as [A, B, C]."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return union_members(node.left) + union_members(node.right)
    return [node]


def success_type(returns: ast.expr | None, where: str) -> ast.expr | None:
    """`Patient` from `Response[Patient | Problem]`; None for a body-less `Response[Any | ...]`."""
    if not (
        isinstance(returns, ast.Subscript)
        and isinstance(returns.value, ast.Name)
        and returns.value.id == "Response"
    ):
        raise FacadeError(f"{where}: sync_detailed does not return Response[...]")
    members = [m for m in union_members(returns.slice) if ast.unparse(m) != "Problem"]
    if not members:
        raise FacadeError(f"{where}: no success type")
    if [ast.unparse(m) for m in members] == ["Any"]:
        return None
    union = members[0]
    for member in members[1:]:
        union = ast.BinOp(union, ast.BitOr(), member)
    return union


def http_line(tree: ast.Module, where: str) -> str:
    """`METHOD /path`, read from the module's `_get_kwargs`."""
    for node in ast.walk(function(tree, "_get_kwargs", where)):
        if isinstance(node, ast.Dict):
            entries = {
                key.value: value
                for key, value in zip(node.keys, node.values, strict=True)
                if isinstance(key, ast.Constant)
            }
            method, url = entries.get("method"), entries.get("url")
            if isinstance(url, ast.Call) and isinstance(url.func, ast.Attribute):
                url = url.func.value  # "/v1/patients/{patient_id}".format(...)
            if (
                isinstance(method, ast.Constant)
                and isinstance(method.value, str)
                and isinstance(url, ast.Constant)
                and isinstance(url.value, str)
            ):
                return f"{method.value.upper()} {url.value}"
    raise FacadeError(f"{where}: no method and url in _get_kwargs")


def docstring(func: ast.FunctionDef | ast.AsyncFunctionDef, where: str) -> str:
    """The generated docstring up to its `Raises:` (which names the generator's own errors)."""
    text = ast.get_docstring(func) or ""
    if not text.strip():
        raise FacadeError(f"{where}: no docstring")
    text = text.split("\nRaises:")[0]
    prose, _, args = text.partition("\nArgs:")
    kept = "\n".join(line.strip() for line in prose.strip().splitlines())
    if args.strip():
        kept += "\n\nArgs:" + "\n".join(line.rstrip() for line in args.rstrip().splitlines())
    return kept


def method_name(module: str, tag: str) -> str:
    """The naming rule (see above): the module name without its resource word."""
    words = module.split("_")
    resource = {tag, tag.removesuffix("s")}
    for index, word in enumerate(words):
        if word in resource:
            return "_".join(words[:index] + words[index + 1 :])
    return module


def list_all_name(method: str) -> str:
    """list -> list_all, list_appointments -> list_all_appointments, search -> search_all."""
    if method == "list" or method.startswith("list_"):
        return "list_all" + method.removeprefix("list")
    return method + "_all"


def page_item(out: Path, statement: str | None, page: str, where: str) -> ast.expr | None:
    """The item type of a page model (`items: list[X]` beside `next_cursor`), or None."""
    if statement is None or not statement.startswith("from ."):
        return None
    dotted = statement.removeprefix("from .").split(" import ")[0]
    path = out.joinpath(*dotted.split(".")).with_suffix(".py")
    if not path.is_file():
        return None
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == page:
            fields = {
                item.target.id: item.annotation
                for item in node.body
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
            }
            items = fields.get("items")
            if (
                "next_cursor" in fields
                and isinstance(items, ast.Subscript)
                and isinstance(items.value, ast.Name)
                and items.value.id == "list"
            ):
                return items.slice
    raise FacadeError(f"{where}: page model {page} has no items and next_cursor")


def read_operation(out: Path, path: Path, tag: str, imports: Imports) -> Operation:
    """Read one generated operation module; add what its signature needs to `imports`."""
    where = path.relative_to(out).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    known = module_imports(tree, ("api", tag))
    sync = function(tree, "sync_detailed", where)
    params = parameters(sync, where)
    if ast.dump(sync.args) != ast.dump(function(tree, "asyncio_detailed", where).args):
        raise FacadeError(f"{where}: sync_detailed and asyncio_detailed differ in parameters")
    success = success_type(sync.returns, where)
    assert sync.returns is not None  # success_type checked it
    item = None
    if any(p.name == "cursor" for p in params) and isinstance(success, ast.Name):
        item = page_item(out, known.get(success.id), success.id, where)
        if item is not None:
            page_module = known[success.id].removeprefix("from .").split(" import ")[0].split(".")
            page_path = out.joinpath(*page_module).with_suffix(".py")
            page_tree = ast.parse(page_path.read_text(encoding="utf-8"))
            page_known = module_imports(page_tree, tuple(page_module[:-1]))
            resolve(names_in(item), page_known, imports, f"{where} ({success.id})")
    resolve(
        names_in(sync.returns, *(p.annotation for p in params), *(p.default for p in params)),
        known,
        imports,
        where,
    )
    imports.add(path.stem, f"from .api.{tag} import {path.stem}")
    method = method_name(path.stem, tag)
    return Operation(
        module=path.stem,
        method=method,
        params=params,
        returns=sync.returns,
        success=success,
        item=item,
        http=http_line(tree, where),
        doc=docstring(sync, where),
    )


class Shadowed(ast.NodeTransformer):
    """In a class body a method named like a builtin (`list`) hides it from annotations and
    defaults: those names become `builtins.<name>`."""

    def __init__(self, methods: set[str]) -> None:
        self.methods = methods

    def text(self, node: ast.expr) -> str:
        """`node` as source, with shadowed builtins qualified (`node` itself is left as it is)."""
        fixed = self.visit(copy.deepcopy(node))
        assert isinstance(fixed, ast.expr)
        return ast.unparse(fixed)

    def visit_Name(self, node: ast.Name) -> ast.expr:
        if node.id not in self.methods:
            return node
        if not hasattr(builtins, node.id):
            raise FacadeError(f"a method named {node.id!r} would hide the type {node.id!r}")
        return ast.Attribute(ast.Name("builtins", ast.Load()), node.id, ast.Load())


def wrapped(text: str, indent: str) -> str:
    """Our own docstring prose, each paragraph filled to the line length at `indent`."""
    width = 100 - len(indent)
    return "\n\n".join(textwrap.fill(part, width) for part in text.split("\n\n"))


def docstring_block(text: str, indent: str) -> list[str]:
    """A docstring as source lines at `indent`."""
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = text.splitlines()
    body = [f"{indent}{line}" if line.strip() else "" for line in lines[1:]]
    if not body:
        return [f'{indent}"""{lines[0]}"""']
    return [f'{indent}"""{lines[0]}', *body, f'{indent}"""']


def camel(tag: str) -> str:
    """patients -> Patients."""
    return "".join(part.capitalize() for part in tag.split("_"))


def resource_class(
    tag: str, operations: list[Operation], *, asynchronous: bool, raw: bool, shadow: Shadowed
) -> list[str]:
    """One resource class (sync or async, facade or raw) as source lines."""
    prefix = "Async" if asynchronous else ""
    name = f"{prefix}{camel(tag)}{'Raw' if raw else ''}Resource"
    detailed = "asyncio_detailed" if asynchronous else "sync_detailed"
    await_ = "await " if asynchronous else ""
    async_ = "async " if asynchronous else ""
    owner = "AsyncPatientTracker" if asynchronous else "PatientTracker"
    if raw:
        summary = (
            f"The operations tagged `{tag}`, each returning the whole response.\n\n"
            f"`{owner}(...).{tag}.raw`: the methods of `{prefix}{camel(tag)}Resource` (list_all"
            " excepted), returning the generated `Response` (`status_code`, `headers` such as"
            " `ETag`, `parsed`), for `etag()` and `modify()`. An error status still raises"
            " `ApiError`."
        )
    else:
        summary = (
            f"The operations tagged `{tag}`: `{owner}(...).{tag}`.\n\nEach returns the success"
            " response's model, or raises an `ApiError` subclass; `.raw` has the same methods"
            " returning the whole response."
        )
    lines = [f"class {name}:", *docstring_block(wrapped(summary, "    "), "    "), ""]
    lines += ["    def __init__(self, client: AuthenticatedClient) -> None:"]
    lines += ["        self._client = client"]
    if not raw:
        lines += [f"        self.raw = {prefix}{camel(tag)}RawResource(client)"]
    lines += [""]
    for op in operations:
        params = ["self"]
        for index, p in enumerate(op.params):
            if p.keyword_only and not any(q.keyword_only for q in op.params[:index]):
                params.append("*")
            text = f"{p.name}: {shadow.text(p.annotation)}"
            if p.default is not None:
                text += f" = {shadow.text(p.default)}"
            params.append(text)
        args = [p.name if not p.keyword_only else f"{p.name}={p.name}" for p in op.params]
        first_keyword = next((i for i, p in enumerate(op.params) if p.keyword_only), len(args))
        args.insert(first_keyword, "client=self._client")
        call = f"{op.module}.{detailed}({', '.join(args)})"
        signature = ", ".join(params)
        http = f"`{op.http}`"
        summary_line, _, rest = op.doc.partition("\n")
        if raw:
            returns = shadow.text(op.returns)
            doc = f"{summary_line} ({http}), returning the whole response."
            lines += [f"    {async_}def {op.method}({signature}) -> {returns}:"]
            lines += docstring_block(wrapped(doc, "        "), "        ")
            lines += [f"        return {await_}{call}", ""]
            continue
        if op.success is None:
            returns, result = "None", "None (the response has no body)."
            body = [f"        unwrap({await_}{call})"]
        else:
            returns = shadow.text(op.success)
            result = f"{returns}: the success response's body."
            body = [f"        return unwrap({await_}{call})"]
        rest = f"\n\n{rest.strip()}" if rest.strip() else ""
        doc = (
            f"{summary_line} ({http}).{rest}\n\nReturns:\n    {result}\n\nRaises:\n"
            "    ApiError: for an error response, as its subclass (`NotFoundError`, ...)."
        )
        lines += [f"    {async_}def {op.method}({signature}) -> {returns}:"]
        lines += docstring_block(doc, "        ")
        lines += [*body, ""]
        if op.item is not None:
            item = shadow.text(op.item)
            iterator = "AsyncIterator" if asynchronous else "Iterator"
            helper = "apaginate" if asynchronous else "paginate"
            loop = "async for" if asynchronous else "for"
            doc = (
                f"Every item of `{op.method}`, across all pages ({http}).\n\n"
                f"Follows `next_cursor`, one request per page as the iteration reaches it"
                f" (`{loop} item in ...`); `limit` is the page size, `cursor` where to start."
                f" The parameters are those of `{op.method}`."
            )
            paginated = ", ".join([f"{op.module}.{detailed}", *args])
            lines += [f"    def {list_all_name(op.method)}({signature}) -> {iterator}[{item}]:"]
            lines += docstring_block(wrapped(doc, "        "), "        ")
            lines += [f"        return {helper}({paginated})", ""]
    return lines


def container_class(tags: list[str], *, asynchronous: bool) -> list[str]:
    """The mixin that gives a tracker one property per tag."""
    prefix = "Async" if asynchronous else ""
    owner = "AsyncPatientTracker" if asynchronous else "PatientTracker"
    doc = f"The API's operations by tag, as properties of `{owner}` (which sets `client`)."
    lines = [f"class {prefix}Resources:", *docstring_block(wrapped(doc, "    "), "    "), ""]
    lines += ["    client: AuthenticatedClient", ""]
    for tag in tags:
        lines += ["    @cached_property", f"    def {tag}(self) -> {prefix}{camel(tag)}Resource:"]
        lines += docstring_block(f"The operations tagged `{tag}`.", "        ")
        lines += [f"        return {prefix}{camel(tag)}Resource(self.client)", ""]
    return lines


MODULE_DOC = """\
Resource-style access to the operations: `tracker.patients.get(patient_id)`.

Written by client/generate.py from the generated operation modules: one class per tag, one method
per operation, with the operation's own parameters (minus `client`), returning its success model
(`unwrap`) or raising an `ApiError` subclass; list operations also get `list_all...` iterators
over every page (`paginate` / `apaginate`). `PatientTracker` and `AsyncPatientTracker` carry them
as properties (`Resources`, `AsyncResources`).

Method names: the operation's snake_case operationId without its first word naming the tag's
resource (the tag, or the tag without a final "s"): listPatients -> patients.list, getPatient ->
patients.get, checkInAppointment -> appointments.check_in, listPatientAppointments ->
patients.list_appointments. A list method's iterator turns its leading "list" into "list_all".
"""


def resources_module(out: Path) -> str:
    """The source of resources.py, before ruff and the header."""
    try:
        return build_resources(out)
    except FacadeError as error:
        sys.exit(f"Cannot generate {RESOURCES}: {error}")


def build_resources(out: Path) -> str:
    imports = Imports()
    fixed = {
        "AsyncIterator": "from collections.abc import AsyncIterator",
        "Iterator": "from collections.abc import Iterator",
        "cached_property": "from functools import cached_property",
        "unwrap": "from .._calls import unwrap",
        "paginate": "from .._pagination import paginate",
        "apaginate": "from .._pagination import apaginate",
        "AuthenticatedClient": "from .client import AuthenticatedClient",
        "builtins": "import builtins",
    }
    for name, statement in fixed.items():
        imports.add(name, statement)
    by_tag: dict[str, list[Operation]] = {}
    for folder in sorted(p for p in (out / "api").iterdir() if p.is_dir()):
        tag = folder.name
        if not tag.isidentifier() or keyword.iskeyword(tag):
            raise FacadeError(f"the tag {tag!r} is no Python name")
        operations = sorted(
            (
                read_operation(out, path, tag, imports)
                for path in folder.glob("*.py")
                if path.name != "__init__.py"
            ),
            key=lambda op: op.method,
        )
        methods = [op.method for op in operations]
        methods += [list_all_name(op.method) for op in operations if op.item is not None]
        for method in methods:
            if not method.isidentifier() or keyword.iskeyword(method) or method == "raw":
                raise FacadeError(f"tag {tag}: the method name {method!r} is not usable")
            if methods.count(method) > 1:
                raise FacadeError(f"tag {tag}: two methods named {method!r}")
        by_tag[tag] = operations
    body: list[str] = []
    for tag, operations in by_tag.items():
        names = {op.method for op in operations}
        names |= {list_all_name(op.method) for op in operations if op.item is not None}
        shadow = Shadowed(names)
        for asynchronous, raw in ((False, False), (False, True), (True, False), (True, True)):
            kind = {"asynchronous": asynchronous, "raw": raw}
            body += ["", *resource_class(tag, operations, shadow=shadow, **kind)]
    for asynchronous in (False, True):
        body += ["", *container_class(list(by_tag), asynchronous=asynchronous)]
    for tag in by_tag:  # a class name must not be an imported name too
        for prefix in ("", "Async"):
            for raw_word in ("", "Raw"):
                imports.add(f"{prefix}{camel(tag)}{raw_word}Resource", f"class {tag}")
    statements = [line for line in imports.lines() if not line.startswith("class ")]
    head = [f'"""{MODULE_DOC}"""', "", "from __future__ import annotations", "", *statements, ""]
    return "\n".join([*head, *body]).rstrip() + "\n"


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


def main() -> None:
    """Write or check the generated package."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on drift")
    check = parser.parse_args().check
    with tempfile.TemporaryDirectory(prefix="sdk-generate-") as work:
        fresh = generate_into(Path(work))
        if check:
            found = differences(fresh, TARGET)
            if found:
                sys.exit(
                    "The committed SDK differs from a fresh generation; run `nox -s generate` "
                    "and commit the result:\n  " + "\n  ".join(found)
                )
            print(f"{TARGET.relative_to(ROOT)} matches a fresh generation.")
            return
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(fresh, TARGET)
        print(f"Regenerated {TARGET.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
