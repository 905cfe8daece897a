"""`asgi_app(kit)`: the kit as an ASGI application answers as the kit does (the contract gate
serves it this way, `contract_tests/kit_gate.py`), records what it answered, serves its spec at
`/openapi.json`, and takes part in the ASGI lifespan."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from patient_tracker_client.testing import MockApi, asgi_app


def test_the_kit_served_over_asgi() -> None:
    kit = MockApi()
    app = asgi_app(kit)

    async def exchange() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            key = {"Authorization": f"Bearer {kit.api_key}"}
            body = {
                "given_name": "Ada",
                "family_name": "Lovelace",
                "date_of_birth": "1985-12-10",
                "phone": "+447700900001",
            }
            created = await client.post("/v1/patients", json=body, headers=key)
            location = created.headers["Location"]
            return [
                created,
                await client.get(location, headers=key),
                await client.get(f"{location}%20x", headers=key),  # no id: a 404
                await client.get("/v1/patients", params={"name_prefix": "a"}),  # no key
                await client.get("/openapi.json"),
            ]

    created, read, no_id, anonymous, spec = asyncio.run(exchange())
    assert (created.status_code, read.status_code) == (201, 200)
    assert read.json() == created.json()
    assert read.headers["ETag"] == '"1"'
    assert read.headers["Request-Id"].startswith("req_")
    assert (no_id.status_code, no_id.json()["instance"]) == (
        404,
        f"{created.headers['Location']}%20x",
    )
    assert (anonymous.status_code, anonymous.headers["Content-Type"]) == (
        401,
        "application/problem+json",
    )
    assert spec.json() == kit.spec.document
    assert [(call.operation, call.status) for call in kit.calls] == [
        ("createPatient", 201),
        ("getPatient", 200),
        ("getPatient", 404),
        ("listPatients", 401),
    ]


def test_the_lifespan() -> None:
    app = asgi_app(MockApi())
    sent: list[dict[str, Any]] = []
    messages = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: Any) -> None:
        sent.append(dict(message))

    async def serve() -> None:
        await app({"type": "lifespan"}, receive, send)

    asyncio.run(serve())
    assert [message["type"] for message in sent] == [
        "lifespan.startup.complete",
        "lifespan.shutdown.complete",
    ]
