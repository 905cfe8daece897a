"""The access log (`access_log.py`) never holds patient data, over a real socket."""

from __future__ import annotations

from live_server import LiveServer
from tests.api_client import (
    Api,
    patient_body,
    unique_phone,
    unique_word,
)


def test_patient_data_in_bodies_never_reaches_the_log(api: Api, server: LiveServer) -> None:
    given, family = unique_word("Logname").title(), unique_word("Logfamily").title()
    phone = unique_phone()
    patient = api.create_patient(given_name=given, family_name=family, phone=phone)
    api.post("/v1/patients", json=patient_body(given_name=given, phone=phone))  # 409 phone_taken
    api.post("/v1/patients", json=patient_body(given_name=given, phone="bad " + phone))  # 422
    api.patch(f"/v1/patients/{patient['id']}", {"family_name": family + "x"})

    log = server.log()

    assert "POST /v1/patients" in log  # requests are logged, only without patient data
    for secret in (given, family, phone[1:]):
        assert secret not in log


def test_patient_data_in_query_strings_never_reaches_the_log(api: Api, server: LiveServer) -> None:
    given = unique_word("Queryname").title()
    phone = unique_phone()
    api.create_patient(given_name=given, phone=phone)
    assert len(api.get("/v1/patients", params={"phone": phone}).json()["items"]) == 1
    assert len(api.get("/v1/patients", params={"name_prefix": given}).json()["items"]) == 1

    log = server.log()

    assert "GET /v1/patients" in log  # requests are logged, only without their query
    for secret in (given, phone[1:]):
        assert secret not in log
