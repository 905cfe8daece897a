"""Project tasks. `nox` runs the checks (lint, typecheck, lint-spec, tests); `nox -l` lists all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2026.10.20"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
SPEC = "spec/openapi.yaml"
API_MODELS = "server/patient_tracker/api_models.py"
TYPED_PATHS = ("server", "contract_tests", "bench", "noxfile.py")
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


@nox.session
def tests(session: nox.Session) -> None:
    """Run pytest; in CI (CI set) PostgreSQL tests fail instead of being skipped."""
    install_groups(session, "test", project=True)
    env = {
        "PATIENT_TRACKER_TEST_POSTGRES_URL": os.environ.get(
            "PATIENT_TRACKER_TEST_POSTGRES_URL", TEST_POSTGRES_URL
        )
    }
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        env["PATIENT_TRACKER_REQUIRE_POSTGRES"] = "1"
    session.run("pytest", *session.posargs, env=env)


@nox.session(default=False)
def generate(session: nox.Session) -> None:
    """Regenerate api_models.py and the SDK's generated package from the spec."""
    install_groups(session, "generate", "generate-client")
    session.run("datamodel-codegen", "--input", SPEC, "--output", API_MODELS, *session.posargs)
    session.run("python", "client/generate.py")


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
    if shutil.which("wrk") is None:
        if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
            apt_env = {"DEBIAN_FRONTEND": "noninteractive"}
            session.run("apt-get", "update", env=apt_env, external=True)
            session.run("apt-get", "install", "-y", "wrk", env=apt_env, external=True)
        else:
            session.error("wrk is not installed: install it (Debian/Ubuntu: apt-get install wrk)")
    install_groups(session, "bench", project=True)
    session.run("python", "bench/run.py", *session.posargs)
