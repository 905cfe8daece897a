"""Start each stateful scenario on a known clinic: emptied, then the spec's examples registered.

Hypothesis replays a scenario from its recorded choices and requires the API to answer the same
way; a scenario that starts on what earlier ones left behind (a taken phone, a page that now has
items) does not, and the run fails with `FlakyStrategyDefinition`. Each scenario therefore starts
on an empty clinic, as a fresh server would, emptied through the database itself (the public API
gains no reset endpoint), with API keys (and their integrations) kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import httpx
from sqlalchemy import Connection

from patient_tracker.db import tables
from patient_tracker.db.database import Database

# Who may call: the keys and the integrations they belong to.
_KEPT = (tables.api_keys, tables.integrations)


def _delete_all_but_keys(conn: Connection) -> None:
    # Children before parents (appointments before patients), so foreign keys always hold.
    for table in reversed(tables.metadata.sorted_tables):
        if table not in _KEPT:
            conn.execute(table.delete())


def empty_clinic(database: Database) -> None:
    """Delete every patient, practitioner, appointment and idempotency record in one transaction."""
    database.write_sync(_delete_all_but_keys)


def register_example_resources(
    raw_spec: dict[str, Any], base_url: str, headers: dict[str, str], creators: Iterable[str]
) -> dict[str, list[str]]:
    """Create one resource through each creating operation, from its first request example.

    A scenario that registers a patient then books needs a practitioner too; a clinic with the
    spec's example practitioner and patient on its books lets it book. Returns the ids created,
    by operation label (`"POST /v1/patients"`).
    """
    created: dict[str, list[str]] = {}
    for label in creators:
        method, path = label.split(" ", 1)
        content = raw_spec["paths"][path][method.lower()]["requestBody"]["content"]
        example = next(iter(content["application/json"]["examples"].values()))["value"]
        response = httpx.request(method, f"{base_url}{path}", json=example, headers=headers)
        assert response.status_code == 201, response.text
        created[label] = [response.json()["id"]]
    return created
