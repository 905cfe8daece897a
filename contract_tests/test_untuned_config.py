"""The untuned pass's configuration names real operations and only documented statuses, and its
server runs production's webhook URL rules.

Schemathesis applies an `[[operations]]` entry to the operations it matches and silently to none
when an operation id is misspelt; and a status added to `expected-statuses` that the operation does
not document would hide an undocumented answer. A server with the tests' hermetic URL rules (names
not resolved) hid a 500 that production met.
"""

from __future__ import annotations

import tomllib
from typing import Any

import yaml

from contract_tests.run_contract import CONFIG, SPEC, UNTUNED_CONFIG, UNTUNED_SERVER_ENV
from patient_tracker.settings import Settings

# Schemathesis' own expected statuses for `positive_data_acceptance`, which every list repeats.
SCHEMATHESIS_DEFAULTS = {"2xx", "3xx", "401", "403", "404", "409", "429", "5xx"}


def documented_statuses() -> dict[str, set[str]]:
    spec = yaml.safe_load(SPEC.read_text())
    return {
        definition["operationId"]: set(definition["responses"])
        for item in spec["paths"].values()
        for definition in item.values()
        if isinstance(definition, dict) and "operationId" in definition
    }


def operation_entries() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = tomllib.loads(UNTUNED_CONFIG.read_text())["operations"]
    return entries


def test_no_hooks_another_seed_every_check_and_phase() -> None:
    config = tomllib.loads(UNTUNED_CONFIG.read_text())
    assert "hooks" not in config
    assert config["seed"] != tomllib.loads(CONFIG.read_text())["seed"]
    assert config["checks"]["enabled"] is True
    assert all(
        config["phases"][phase]["enabled"]
        for phase in ("examples", "coverage", "fuzzing", "stateful")
    )


def test_no_check_narrowed_globally() -> None:
    config = tomllib.loads(UNTUNED_CONFIG.read_text())
    narrowed = {
        name: value
        for name, value in config["checks"].items()
        if isinstance(value, dict) and set(value) & {"enabled", "expected-statuses"}
    }
    assert narrowed == {}


def test_operations_exist_and_added_statuses_are_documented() -> None:
    documented = documented_statuses()
    for entry in operation_entries():
        ids = entry["include-operation-id"]
        for operation_id in [ids] if isinstance(ids, str) else ids:
            assert operation_id in documented, operation_id
        acceptance = entry["checks"].get("positive_data_acceptance")
        if acceptance is None:
            continue
        expected = set(acceptance["expected-statuses"])
        assert expected >= SCHEMATHESIS_DEFAULTS
        for operation_id in [ids] if isinstance(ids, str) else ids:
            assert expected - SCHEMATHESIS_DEFAULTS <= documented[operation_id], operation_id


def test_the_untuned_server_has_production_url_rules_and_no_worker() -> None:
    """Every webhook URL rule as production's default (names resolved), the worker off."""
    prefix = "PATIENT_TRACKER_"
    production = {
        prefix + name.upper(): str(Settings.model_fields[name].default).lower()
        for name in (
            "webhook_resolve_names",
            "webhook_allow_http",
            "webhook_allow_private_addresses",
        )
    }
    assert production[prefix + "WEBHOOK_RESOLVE_NAMES"] == "true"
    expected = {**production, prefix + "WEBHOOK_WORKER": "false"}
    assert expected == UNTUNED_SERVER_ENV
