"""Auto-pagination follows `next_cursor` over real pages of the live server, sync and async."""

from __future__ import annotations

import asyncio
import secrets
import string
from collections.abc import Callable

import pytest

from live_server import LiveServer
from patient_tracker_client import PatientTracker, apaginate, paginate, unwrap
from patient_tracker_client.generated.api.patients import list_patients
from patient_tracker_client.generated.api.practitioners import (
    create_practitioner,
    list_practitioners,
)
from patient_tracker_client.generated.models import Patient, PractitionerCreate

from .conftest import AsyncCountingTransport, CountingTransport

COUNT, LIMIT = 7, 3  # three pages: 3 + 3 + 1


@pytest.fixture
def family(make_patient: Callable[..., Patient]) -> tuple[str, list[Patient]]:
    """COUNT patients whose given name shares a prefix no other test uses."""
    prefix = "Pg" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))
    return prefix, [make_patient(f"{prefix}{i}") for i in range(COUNT)]


def test_paginate_patients_over_three_pages(
    server: LiveServer, family: tuple[str, list[Patient]]
) -> None:
    prefix, patients = family
    counting = CountingTransport()
    with PatientTracker(server.base_url, api_key=server.api_key, transport=counting) as api:
        found = list(
            paginate(
                list_patients.sync_detailed, client=api.client, name_prefix=prefix, limit=LIMIT
            )
        )
    assert [p.id for p in found] == [p.id for p in patients]  # registration order, none twice
    assert counting.paths == ["/v1/patients"] * 3


def test_paginate_is_lazy(server: LiveServer, family: tuple[str, list[Patient]]) -> None:
    prefix, patients = family
    counting = CountingTransport()
    with PatientTracker(server.base_url, api_key=server.api_key, transport=counting) as api:
        items = paginate(
            list_patients.sync_detailed, client=api.client, name_prefix=prefix, limit=LIMIT
        )
        assert counting.paths == []
        assert next(items).id == patients[0].id
        assert len(counting.paths) == 1


def test_apaginate_patients_over_three_pages(
    server: LiveServer, family: tuple[str, list[Patient]]
) -> None:
    prefix, patients = family
    counting = AsyncCountingTransport()

    async def collect() -> list[Patient]:
        async with PatientTracker(
            server.base_url, api_key=server.api_key, async_transport=counting
        ) as api:
            return [
                p
                async for p in apaginate(
                    list_patients.asyncio_detailed,
                    client=api.client,
                    name_prefix=prefix,
                    limit=LIMIT,
                )
            ]

    found = asyncio.run(collect())
    assert [p.id for p in found] == [p.id for p in patients]
    assert counting.paths == ["/v1/patients"] * 3


def test_paginate_practitioners_with_a_filter(tracker: PatientTracker) -> None:
    specialty = "paging-" + secrets.token_hex(6)
    made = [
        unwrap(
            create_practitioner.sync_detailed(
                client=tracker.client,
                body=PractitionerCreate(
                    display_name=f"Dr {i}", specialty=specialty, active=i % 2 == 0
                ),
            )
        )
        for i in range(8)
    ]
    active = list(
        paginate(
            list_practitioners.sync_detailed,
            client=tracker.client,
            specialty=specialty,
            active=True,
            limit=2,
        )
    )
    assert [p.id for p in active] == [p.id for p in made[::2]]
    assert all(p.active for p in active)
