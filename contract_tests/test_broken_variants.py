"""The gate can fail: the contract checks catch each deliberately broken server.

Each variant (`broken_variants.py`) runs as a real uvicorn process on a fresh database, and the
Schemathesis CLI runs against it with the CI configuration (`schemathesis-ci.toml`: every check,
the same client rules), limited to the operations the variant breaks and a few examples, so the
whole test takes seconds. Each run must fail, and fail on the check that guards that promise;
the same run against the intact application (`broken_variants.intact`) must pass. The two
breaks only a sequence of calls reveals are also run through the pytest stateful client.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.openapi.checks import (
    IgnoredAuth,
    JsonSchemaError,
    UndefinedContentType,
    UndefinedStatusCode,
    UseAfterFree,
)

from contract_tests.broken_variants import VARIANT_KEY_VARIABLE
from contract_tests.run_contract import KEY_VARIABLE
from contract_tests.stateful_client import run_stateful
from live_server import ROOT, free_port, prepare_database, schemathesis_command, serving
from patient_tracker.db.database import Database


@dataclass(frozen=True)
class Variant:
    factory: str
    operations: tuple[str, ...]  # operationIds the run is limited to
    phases: str
    max_examples: int
    caught_as: type[Failure]  # the failure that must be reported (its code names the check)


# Failure -> check: UndefinedStatusCode (ST103) status_code_conformance; JsonSchemaError (ST108)
# response_schema_conformance; UndefinedContentType (ST105) content_type_conformance; UseAfterFree
# (ST301) use_after_free; IgnoredAuth (ST401) ignored_auth.
VARIANTS = [
    Variant("undocumented_status", ("getHealth",), "fuzzing", 5, UndefinedStatusCode),
    Variant("field_out_of_bounds", ("createPatient",), "examples", 5, JsonSchemaError),
    Variant("problem_as_plain_json", ("getPatient",), "fuzzing", 5, UndefinedContentType),
    Variant(
        "deleted_still_served",
        ("createPatient", "getPatient", "deletePatient"),
        "stateful",
        30,
        UseAfterFree,
    ),
    Variant("auth_ignored", ("listPractitioners",), "fuzzing", 5, IgnoredAuth),
]


# Also run through the pytest stateful client (`test_stateful.py`), with the operations taking
# part: a deleted patient needs the patient flows; ignored auth shows on any flow.
STATEFUL_VARIANTS = [
    (
        next(v for v in VARIANTS if v.caught_as is UseAfterFree),
        ("createPatient", "getPatient", "deletePatient"),
    ),
    (next(v for v in VARIANTS if v.caught_as is IgnoredAuth), ()),
]


@contextmanager
def running(factory: str, directory: Path) -> Iterator[tuple[str, str]]:
    """Run a `broken_variants` factory with uvicorn on a fresh SQLite file; yield URL and key."""
    database_url = f"sqlite:///{directory / 'variant.db'}"
    key = prepare_database(database_url)
    port = free_port()
    env = {
        **os.environ,
        "PATIENT_TRACKER_DATABASE_URL": database_url,
        "PATIENT_TRACKER_ACCESS_LOG": "false",
        VARIANT_KEY_VARIABLE: key,
    }
    log_path = directory / "server.log"
    target = f"contract_tests.broken_variants:{factory}"
    command = [sys.executable, "-m", "uvicorn", "--factory", target, "--port", str(port)]
    with serving(command, port, log_path, env, cwd=ROOT) as (base_url, _process):
        yield base_url, key


def failure_codes(junit: Path) -> set[str]:
    """The failure codes (`ST103`, ...) a Schemathesis JUnit report lists."""
    return {
        code
        # Our own run's report, not untrusted input.
        for failure in ET.parse(junit).getroot().iter("failure")  # noqa: S314
        for code in re.findall(r"\bST\d{3}\b", f"{failure.get('message')} {failure.text}")
    }


def run_gate(factory: str, variant: Variant, directory: Path) -> tuple[int, set[str], str]:
    """Run `variant`'s targeted contract run against `factory`: exit code, failure codes, output."""
    with running(factory, directory) as (base_url, key):
        junit = directory / "junit.xml"
        filters = [arg for op in variant.operations for arg in ("--include-operation-id", op)]
        command = schemathesis_command(
            base_url,
            "--phases",
            variant.phases,
            "--max-examples",
            str(variant.max_examples),
            *filters,
            "--report-dir",
            str(directory),
            "--report-junit-path",
            str(junit),
            "--report-har-path",
            str(directory / "requests.har"),
        )
        result = subprocess.run(  # noqa: S603 - the Schemathesis CLI of this environment
            command,
            cwd=ROOT,
            env={**os.environ, KEY_VARIABLE: key},
            capture_output=True,
            text=True,
            check=False,
        )
    return result.returncode, failure_codes(junit), result.stdout


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda variant: variant.factory)
def test_the_gate_catches(variant: Variant, tmp_path: Path) -> None:
    exit_code, caught, output = run_gate(variant.factory, variant, tmp_path)
    print(f"{variant.factory}: {sorted(caught)} ({', '.join(variant.caught_as.checks)})")
    assert exit_code != 0, output
    assert variant.caught_as.code in caught, output


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda variant: variant.factory)
def test_the_same_run_passes_on_the_intact_server(variant: Variant, tmp_path: Path) -> None:
    """The control: what fails above is the break, not the run."""
    exit_code, caught, output = run_gate("intact", variant, tmp_path)
    assert (exit_code, caught) == (0, set()), output


@pytest.mark.parametrize(
    ("variant", "operation_ids"), STATEFUL_VARIANTS, ids=[v.factory for v, _ in STATEFUL_VARIANTS]
)
def test_the_stateful_pytest_run_catches(
    variant: Variant, operation_ids: tuple[str, ...], tmp_path: Path
) -> None:
    with running(variant.factory, tmp_path) as (base_url, key):
        database = Database.from_url(f"sqlite:///{tmp_path / 'variant.db'}")
        try:
            with pytest.raises(FailureGroup) as raised:
                run_stateful(
                    base_url,
                    key,
                    database,
                    scenarios=30,
                    steps=10,
                    operation_ids=operation_ids,
                )
        finally:
            database.dispose()
    assert any(isinstance(failure, variant.caught_as) for failure in raised.value.exceptions)
