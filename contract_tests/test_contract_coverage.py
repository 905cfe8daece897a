"""Unit tests of the contract coverage table (`contract_coverage.py`) and the CI config."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import yaml

from contract_tests.checks import POSITIVE_DATA_STATUSES
from contract_tests.contract_coverage import Operation, OperationMatcher, measure, render
from contract_tests.run_contract import CONFIG, SPEC, single_scope_keys

SPEC_FIXTURE: dict[str, Any] = {
    "paths": {
        "/things": {
            "get": {"responses": {"200": {}, "401": {}, "500": {}}},
            "post": {"responses": {"201": {}, "422": {}, "500": {}}},
        },
        "/things/{id}": {"parameters": [], "get": {"responses": {"200": {}, "404": {}}}},
        "/things/mine": {"get": {"responses": {"200": {}}}},
    }
}


def har(*requests: tuple[str, str, int]) -> dict[str, Any]:
    return {
        "log": {
            "entries": [
                {"request": {"method": method, "url": url}, "response": {"status": status}}
                for method, url, status in requests
            ]
        }
    }


def test_a_literal_segment_wins_over_a_template() -> None:
    matcher = OperationMatcher([Operation("/things/{id}", "GET"), Operation("/things/mine", "GET")])
    assert matcher.match("GET", "/things/mine") == Operation("/things/mine", "GET")
    assert matcher.match("GET", "/things/42") == Operation("/things/{id}", "GET")
    assert matcher.match("GET", "/things/42/parts") is None
    assert matcher.match("DELETE", "/things/42") is None


def test_pairs_observed_count_and_500_is_not_a_target() -> None:
    coverage = measure(
        SPEC_FIXTURE,
        har(
            ("GET", "http://h/things?limit=1", 200),
            ("GET", "http://h/things", 401),
            ("POST", "http://h/things", 201),
            ("GET", "http://h/things/a%2Fb", 404),
            ("GET", "http://h/things/mine", 200),
            ("PUT", "http://h/things", 405),
        ),
    )
    # Targets: GET /things 200 401, POST /things 201 422, GET /things/{id} 200 404, mine 200.
    assert (coverage.covered_pairs, coverage.target_pairs) == (5, 7)
    assert coverage.requests == 6
    assert coverage.unmatched_requests == 1
    assert coverage.shortfalls(0.7) == []
    assert coverage.shortfalls(0.9) == [
        "5/7 documented (operation, status) pairs observed (71.4%), below the threshold of 90%"
    ]


def test_an_unexercised_operation_fails_whatever_the_ratio() -> None:
    coverage = measure(SPEC_FIXTURE, har(("GET", "http://h/things", 200)))
    assert "POST /things was never exercised" in coverage.shortfalls(0.0)


def test_undocumented_statuses_and_missing_ones_are_shown() -> None:
    coverage = measure(SPEC_FIXTURE, har(("GET", "http://h/things", 418)))
    row = next(line for line in render(coverage).splitlines() if line.startswith("GET /things "))
    assert row.split() == ["GET", "/things", "1", "0/2", "200", "401", "418"]


def test_two_single_scope_keys_leave_every_operation_forbidden_to_one_of_them() -> None:
    spec = yaml.safe_load(SPEC.read_text())
    keys = single_scope_keys(spec)
    for item in spec["paths"].values():
        for definition in item.values():
            for requirement in (
                definition.get("security", [{}]) if isinstance(definition, dict) else []
            ):
                for needed in requirement.values():
                    assert any(not set(needed) <= set(key) for key in keys)


def test_the_cli_config_accepts_what_the_pytest_runs_accept() -> None:
    config = tomllib.loads(Path(CONFIG).read_text())
    statuses = config["checks"]["positive_data_acceptance"]["expected-statuses"]
    assert statuses == POSITIVE_DATA_STATUSES
