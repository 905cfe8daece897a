"""Project tasks. `nox` runs every check (lint, typecheck, lint-spec, docs, tests, sdk; the tests
include the contract run of `nox -s contract`).

`nox -l` lists all sessions, including the ones that rewrite files or take long (generate,
release-spec, serve, cli, bench, bench-webhooks, bench-sdk, contract).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2026.10.20"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
SPEC = "spec/openapi.yaml"
API_MODELS = "server/patient_tracker/contract/api_models.py"
CLIENT_PYPROJECT = "client/pyproject.toml"
TYPED_PATHS = (
    "server",
    "contract_tests",
    "bench",
    "client",
    "tools",
    "noxfile.py",
    "conftest.py",
    "live_server.py",
)
TEST_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def install_groups(session: nox.Session, *groups: str, project: bool = False) -> None:
    """Install the named [dependency-groups], and the project (editable) if asked."""
    args = [arg for group in groups for arg in nox.project.dependency_groups(PYPROJECT, group)]
    if project:
        args += ["-e", "."]
    session.install(*args)


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff."""
    install_groups(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check with mypy --strict (config in pyproject.toml)."""
    install_groups(session, "typecheck", project=True)
    paths = [p for p in TYPED_PATHS if p.endswith(".py") or any(Path(p).rglob("*.py"))]
    session.run("mypy", *paths)


@nox.session(name="lint-spec")
def lint_spec(session: nox.Session) -> None:
    """Validate and lint the spec: openapi-spec-validator, Redocly, Spectral (+ chosen OWASP)."""
    install_groups(session, "spec")
    session.run("openapi-spec-validator", SPEC)
    # No breaking change since the last release (spec/released/; README "Releasing the spec"),
    # and the SDK's version is the spec's info.version.
    session.run(
        "python",
        "-m",
        "spec_compat",
        "--client-pyproject",
        CLIENT_PYPROJECT,
        "check",
        env={"PYTHONPATH": "tools"},
    )
    session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
    session.run(
        "node_modules/.bin/redocly",
        "lint",
        "--extends",
        "recommended",
        SPEC,
        env={"REDOCLY_TELEMETRY": "off"},
        external=True,
    )
    # Rules and the reasons for them: .spectral.yaml. A warning fails too.
    session.run(
        "node_modules/.bin/spectral",
        "lint",
        "--ruleset",
        ".spectral.yaml",
        "--fail-severity",
        "warn",
        SPEC,
        external=True,
    )


@nox.session(name="release-spec", default=False)
def release_spec(session: nox.Session) -> None:
    """Release spec/openapi.yaml: `nox -s release-spec -- 1.1.0` (see README, "Compatibility").

    Refuses a version below what the changes since the last release need (a breaking change a
    major, an addition a minor, documentation a patch); sets the spec's info.version and the SDK's
    version, adds the CHANGELOG.md entry, makes the spec the released baseline, and refreshes the
    copy of the spec the SDK ships.
    """
    if len(session.posargs) != 1:
        session.error("give the version: nox -s release-spec -- 1.1.0")
    install_groups(session, "spec")
    session.run(
        "python",
        "-m",
        "spec_compat",
        "--client-pyproject",
        CLIENT_PYPROJECT,
        "release",
        *session.posargs,
        "--changelog",
        "CHANGELOG.md",
        env={"PYTHONPATH": "tools"},
    )
    session.run("python", "client/bundle_spec.py")


# An asset a page would fetch from another host: a tag's src/href, a CSS url() or @import.
EXTERNAL_ASSET = re.compile(
    r"<(?:script|link|img|iframe|source|object|embed)\b[^>]*\b(?:src|href)\s*=\s*[\"']?"
    r"(?:https?:)?//[^\"'\s>]+"
    r"|url\(\s*[\"']?(?:https?:)?//[^)]+\)"
    r"|@import\s+(?:url\()?\s*[\"'](?:https?:)?//[^\"']+",
    re.IGNORECASE,
)


@nox.session
def docs(session: nox.Session) -> None:
    """Build build/docs/index.html, the reviewers' reference (ReDoc and the spec in one file)."""
    install_chromium_if_missing(session)
    # The project brings fastapi-offline, whose ReDoc script /redoc serves and the page inlines.
    install_groups(session, "spec", project=True)
    output = Path("build/docs/index.html")
    session.run("python", "tools/build_docs_page.py", SPEC, str(output))
    # Tags that would load from elsewhere (inline scripts may hold URL strings: not searched).
    markup = re.sub(r"<script\b.*?</script>", "", output.read_text(encoding="utf-8"), flags=re.S)
    external = EXTERNAL_ASSET.findall(markup)
    if external:
        session.error(f"{output} loads assets from other hosts: {external}")
    if shutil.which("chromium") is None:
        if in_ci():
            session.error("chromium is required in CI to check the rendered page")
        session.warn("chromium is missing: the rendered page is not checked")
        return
    # Rendered offline, the page must show every operation and ask nothing of other hosts.
    session.run("python", "tools/check_docs_page.py", str(output), SPEC)


def in_ci() -> bool:
    """Whether this runs in CI (`CI` set), where optional parts become required."""
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


def apt_install_if_missing(session: nox.Session, program: str) -> bool:
    """Install Debian's package `program` with apt-get when it is missing and we are root.

    Returns whether `program` is on PATH afterwards.
    """
    if shutil.which(program) is not None:
        return True
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        apt_env = {"DEBIAN_FRONTEND": "noninteractive"}
        session.run("apt-get", "update", env=apt_env, external=True)
        session.run("apt-get", "install", "-y", program, env=apt_env, external=True)
    return shutil.which(program) is not None


def install_chromium_if_missing(session: nox.Session) -> None:
    """apt-get install chromium (for the /docs and /redoc browser test) when missing and root."""
    if not apt_install_if_missing(session, "chromium"):
        session.warn("chromium is missing: the browser tests of /docs and /redoc will skip")


@nox.session
def tests(session: nox.Session) -> None:
    """Run pytest; in CI (CI set) PostgreSQL, Redis and Chromium tests fail instead of being
    skipped."""
    install_chromium_if_missing(session)
    install_groups(session, "test", project=True)
    # The webhook delivery tests verify what the server sends with the SDK's `verify_webhook`;
    # the contract gate runs against the SDK's test kit too (its extra: `[testing]`).
    session.install("-e", "client[testing]")
    env = {
        "PATIENT_TRACKER_TEST_POSTGRES_URL": os.environ.get(
            "PATIENT_TRACKER_TEST_POSTGRES_URL", TEST_POSTGRES_URL
        )
    }
    if in_ci():
        env["PATIENT_TRACKER_REQUIRE_POSTGRES"] = "1"
        env["PATIENT_TRACKER_REQUIRE_CHROMIUM"] = "1"
        # The shared rate-limit store's tests (server/tests/test_rate_limits.py).
        env["PATIENT_TRACKER_REQUIRE_REDIS"] = "1"
    # One worker per core, a test file per worker at a time (its module-scoped servers stay
    # with it), in collection order (`testpaths` starts with the longest files; xdist's default
    # would start with the files of most tests, and leave the long contract runs for the end).
    # `-- -n0` runs them one after the other, e.g. to read a failure's output in order.
    session.run(
        "pytest",
        "-n",
        "auto",
        "--dist",
        "loadfile",
        "--no-loadscope-reorder",
        *session.posargs,
        env=env,
    )


@nox.session(default=False)
def contract(session: nox.Session) -> None:
    """Schemathesis CLI (all checks, all phases) on a fresh server; contract coverage table; the
    untuned pass on another fresh server and on the SDK's test kit.

    The test session runs the same as one test (`contract_tests/test_contract_run.py`); this
    session runs it alone, with its coverage table printed.
    """
    install_groups(session, "test", project=True)
    # The last pass runs against the SDK's test kit, in process (contract_tests/kit_gate.py).
    session.install("-e", "client[testing]")
    # Reports go to reports/contract/; `-- --threshold 0.95` or Schemathesis options pass through.
    session.run("python", "-m", "contract_tests.run_contract", *session.posargs)


@nox.session(default=False)
def generate(session: nox.Session) -> None:
    """Regenerate api_models.py and the SDK's generated package from the spec."""
    install_groups(session, "generate", "generate-client")
    session.run("datamodel-codegen", "--input", SPEC, "--output", API_MODELS, *session.posargs)
    session.run("python", "client/generate.py")
    session.run("python", "client/bundle_spec.py")  # the spec the SDK's test kit reads


@nox.session(reuse_venv=False)
def sdk(session: nox.Session) -> None:
    """SDK: fail on drift from a fresh generation, build the wheel, test it on a live server."""
    # A fresh venv each run. The live-server fixtures (conftest.py) run the server from it: the
    # project and the test group. The SDK goes in as its built wheel, not editable, so the tests
    # see exactly what integrators install.
    install_groups(session, "test", "generate-client", project=True)
    session.run("python", "client/generate.py", "--check")
    session.run("python", "client/bundle_spec.py", "--check")
    dist = Path(session.create_tmp()) / "sdk-dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("uv", "build", "--wheel", "--out-dir", str(dist), "client", external=True)
    (wheel,) = dist.glob("patient_tracker_client-*.whl")
    session.install(f"{wheel}[testing]")  # with the test kit's extra: its tests run too
    session.run("pytest", "client/tests", *session.posargs)


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Run the API server: `nox -s serve -- [options]`."""
    install_groups(session, project=True)
    session.run("patient-tracker", "serve", *session.posargs)


@nox.session(default=False)
def cli(session: nox.Session) -> None:
    """Run the command-line tool: `nox -s cli -- keys create --name me`."""
    install_groups(session, project=True)
    session.run("patient-tracker", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Run the load benchmark (bench/run.py) with wrk."""
    if not apt_install_if_missing(session, "wrk"):
        session.error("wrk is not installed: install it (Debian/Ubuntu: apt-get install wrk)")
    install_groups(session, "bench", project=True)
    # The repository root on the path: bench/run.py runs its servers with live_server.py.
    session.run("python", "bench/run.py", *session.posargs, env={"PYTHONPATH": "."})


@nox.session(name="bench-webhooks", default=False)
def bench_webhooks(session: nox.Session) -> None:
    """Webhook delivery (bench/webhooks.py): latency from the API's answer to the receiver, a dead
    endpoint's cost to the others, and a 10,000-delivery backlog's drain against its floor."""
    install_groups(session, "bench", project=True)
    # The repository root on the path: the benchmark runs its servers with live_server.py.
    session.run("python", "bench/webhooks.py", *session.posargs, env={"PYTHONPATH": "."})


@nox.session(name="bench-sdk", default=False)
def bench_sdk(session: nox.Session) -> None:
    """Time get_patient through the SDK against bare httpx + json (bench/sdk_vs_httpx.py)."""
    install_groups(session, "bench", project=True)
    session.install("./client")
    session.run("python", "bench/sdk_vs_httpx.py", *session.posargs, env={"PYTHONPATH": "."})
