"""The resource facade (`tracker.patients.get(...)`, generated into `_generated_resources.py`), sync
and async, on the live server: the booking flow, every error kind raised through it, `list_all`
over several pages, `If-Match` through `.raw`; and that it mirrors every generated operation,
parameter for parameter.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
import secrets
import string
import typing
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from types import ModuleType

import pytest

from live_server import LiveServer, prepare_database
from patient_tracker_client import (
    AsyncPatientTracker,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    PatientTracker,
    PreconditionFailedError,
    RateLimitedError,
    RetryPolicy,
    ServerError,
    UnauthorizedError,
    ValidationError,
    amodify,
    etag,
    modify,
)
from patient_tracker_client import _generated_resources as resources
from patient_tracker_client.generated import api
from patient_tracker_client.generated.models import (
    Appointment,
    AppointmentCancellation,
    AppointmentCreate,
    AppointmentStatus,
    AppointmentUpdate,
    Patient,
    PatientCreate,
    PatientUpdate,
    Practitioner,
    PractitionerCreate,
)

from .conftest import AsyncCountingTransport, CountingTransport, Scripted, StubServer, new_phone

COUNT, LIMIT = 7, 3  # three pages: 3 + 3 + 1


def slot(day: int, hour: int) -> datetime:
    """A start time no other test uses (each test books its own practitioner anyway)."""
    return datetime(2033, 1, 1, hour, 0, tzinfo=UTC) + timedelta(days=day)


def new_patient_body(given_name: str = "Ada", phone: str | None = None) -> PatientCreate:
    return PatientCreate(
        given_name=given_name,
        family_name="Lovelace",
        date_of_birth=date(1985, 12, 10),
        phone=phone or new_phone(),
    )


def booking(patient: Patient, doctor: Practitioner, start: datetime) -> AppointmentCreate:
    return AppointmentCreate(
        patient_id=patient.id,
        practitioner_id=doctor.id,
        start_at=start,
        end_at=start + timedelta(minutes=30),
        reason="Check-up",
    )


# ---------------------------------------------------------------- the facade mirrors the operations


def operation_modules() -> list[tuple[str, ModuleType]]:
    """(tag, module) for every generated operation."""
    found = []
    for tag in pkgutil.iter_modules(api.__path__):
        package = importlib.import_module(f"{api.__name__}.{tag.name}")
        for operation in pkgutil.iter_modules(package.__path__):
            found.append(
                (tag.name, importlib.import_module(f"{package.__name__}.{operation.name}"))
            )
    return found


def rule(operation: str, tag: str) -> str:
    """The documented naming rule, restated independently of the generator."""
    words = operation.split("_")
    for word in words:
        if word in (tag, tag.removesuffix("s")):
            words.remove(word)
            break
    return "_".join(words)


def test_naming_rule_examples() -> None:
    examples = {
        ("patients", "list_patients"): "list",
        ("patients", "get_patient"): "get",
        ("appointments", "check_in_appointment"): "check_in",
        ("appointments", "mark_appointment_no_show"): "mark_no_show",
        ("patients", "list_patient_appointments"): "list_appointments",
        ("health", "get_readiness"): "get_readiness",
    }
    with PatientTracker("http://127.0.0.1:1", api_key="k") as tracker:
        for (tag, operation), name in examples.items():
            assert rule(operation, tag) == name
            assert callable(getattr(getattr(tracker, tag), name))
        assert callable(tracker.patients.list_all)
        assert callable(tracker.patients.list_all_appointments)


def parameters_of(function: Callable[..., object]) -> list[tuple[str, object, object, object]]:
    hints = typing.get_type_hints(function)
    return [
        (p.name, p.kind, p.default, hints[p.name])
        for p in inspect.signature(function).parameters.values()
        if p.name not in ("self", "client")
    ]


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_every_operation_has_a_method_with_its_parameters(asynchronous: bool) -> None:
    tracker = (AsyncPatientTracker if asynchronous else PatientTracker)(
        "http://127.0.0.1:1", api_key="k"
    )
    detailed = "asyncio_detailed" if asynchronous else "sync_detailed"
    modules = operation_modules()
    assert len(modules) == 31
    for tag, module in modules:
        resource = getattr(tracker, tag)
        name = rule(module.__name__.rsplit(".", 1)[1], tag)
        generated = getattr(module, detailed)
        summary = (generated.__doc__ or "").splitlines()[0]
        for owner in (resource, resource.raw):
            assert hasattr(owner, name), (
                f"the spec's operation {module.__name__.rsplit('.', 1)[1]} (tag {tag}) has no"
                f" method {type(owner).__name__}.{name}: regenerate (nox -s generate)"
            )
        for method in (getattr(resource, name), getattr(resource.raw, name)):
            assert parameters_of(method) == parameters_of(generated), (tag, name)
            assert inspect.iscoroutinefunction(method) is asynchronous
            assert summary in (method.__doc__ or ""), (tag, name)  # the right operation
        if "cursor" in inspect.signature(generated).parameters:
            every = getattr(resource, name.replace("list", "list_all", 1))
            assert parameters_of(every) == parameters_of(generated)
    asyncio.run(tracker.aclose())


def test_resources_are_made_once_per_tracker() -> None:
    with PatientTracker("http://127.0.0.1:1", api_key="k") as tracker:
        assert tracker.patients is tracker.patients
        assert isinstance(tracker.patients, resources.PatientsResource)


# ---------------------------------------------------------------- the booking flow


def test_booking_flow_sync(tracker: PatientTracker) -> None:
    patient = tracker.patients.create(body=new_patient_body("Grace"))
    doctor = tracker.practitioners.create(
        body=PractitionerCreate(display_name="Dr Facade", specialty="general practice")
    )
    assert tracker.practitioners.get(doctor.id).display_name == "Dr Facade"
    start = slot(0, 9)
    kept = tracker.appointments.book(body=booking(patient, doctor, start))
    other = tracker.appointments.book(body=booking(patient, doctor, start + timedelta(hours=2)))
    assert kept.status is AppointmentStatus.SCHEDULED

    listed = tracker.appointments.list_all(patient_id=patient.id)
    assert [a.id for a in listed] == [kept.id, other.id]

    later = start + timedelta(hours=1)
    moved = tracker.appointments.update(
        kept.id, body=AppointmentUpdate(start_at=later, end_at=later + timedelta(minutes=45))
    )
    assert (moved.start_at, moved.end_at) == (later, later + timedelta(minutes=45))
    assert tracker.appointments.check_in(kept.id).status is AppointmentStatus.CHECKED_IN
    assert tracker.appointments.complete(kept.id).status is AppointmentStatus.COMPLETED
    cancelled = tracker.appointments.cancel(
        other.id, body=AppointmentCancellation(cancellation_reason="Asked to.")
    )
    assert cancelled.status is AppointmentStatus.CANCELLED

    assert tracker.appointments.get(kept.id).status is AppointmentStatus.COMPLETED
    statuses = {a.id: a.status for a in tracker.patients.list_all_appointments(patient.id)}
    assert statuses == {kept.id: AppointmentStatus.COMPLETED, other.id: AppointmentStatus.CANCELLED}
    page = tracker.patients.list(phone=patient.phone)
    assert ([p.id for p in page.items], page.next_cursor) == ([patient.id], None)
    assert tracker.health.get().status.value == "ok"


def test_delete_returns_none_and_the_patient_is_gone(tracker: PatientTracker) -> None:
    patient = tracker.patients.create(body=new_patient_body())
    tracker.patients.delete(patient.id)  # a 204: returns None
    with pytest.raises(NotFoundError):
        tracker.patients.get(patient.id)


def test_booking_flow_async(server: LiveServer) -> None:
    async def flow() -> tuple[Appointment, list[Appointment], Appointment]:
        async with AsyncPatientTracker(server.base_url, api_key=server.api_key) as atracker:
            patient, doctor = await asyncio.gather(
                atracker.patients.create(body=new_patient_body("Alan")),
                atracker.practitioners.create(
                    body=PractitionerCreate(display_name="Dr Async", specialty="cardiology")
                ),
            )
            start = slot(1, 14)
            booked = await atracker.appointments.book(body=booking(patient, doctor, start))
            other = await atracker.appointments.book(
                body=booking(patient, doctor, start + timedelta(hours=1))
            )
            later = start + timedelta(hours=3)
            await atracker.appointments.update(
                booked.id, body=AppointmentUpdate(start_at=later, end_at=later + timedelta(hours=1))
            )
            await atracker.appointments.check_in(booked.id)
            done = await atracker.appointments.complete(booked.id)
            gone = await atracker.appointments.cancel(
                other.id, body=AppointmentCancellation(cancellation_reason="Clash.")
            )
            mine = [a async for a in atracker.appointments.list_all(patient_id=patient.id)]
            return done, mine, gone

    done, mine, gone = asyncio.run(flow())
    assert done.status is AppointmentStatus.COMPLETED
    assert gone.status is AppointmentStatus.CANCELLED
    assert [a.id for a in mine] == [gone.id, done.id]  # by start_at: the cancelled one is earlier


# ---------------------------------------------------------------- errors, raised through the facade


def test_error_kinds_sync(tracker: PatientTracker, server: LiveServer) -> None:
    with pytest.raises(ValidationError) as invalid:
        tracker.patients.create(body=new_patient_body(phone="12345"))
    assert [e.pointer for e in invalid.value.errors] == ["/phone"]
    with pytest.raises(ValidationError) as bad_query:
        tracker.patients.list(limit=1000)
    assert [e.parameter for e in bad_query.value.errors] == ["limit"]

    with pytest.raises(NotFoundError) as missing:
        tracker.appointments.get("no-such-appointment")
    assert missing.value.code == "not_found"

    patient = tracker.patients.create(body=new_patient_body())
    with pytest.raises(ConflictError) as taken:
        tracker.patients.create(body=new_patient_body(phone=patient.phone))
    assert taken.value.code == "phone_taken"

    doctor = tracker.practitioners.create(
        body=PractitionerCreate(display_name="Dr E", specialty="e")
    )
    booked = tracker.appointments.book(body=booking(patient, doctor, slot(2, 10)))
    tracker.appointments.cancel(booked.id, body=AppointmentCancellation(cancellation_reason="x"))
    with pytest.raises(ConflictError) as transition:
        tracker.appointments.check_in(booked.id)
    assert (transition.value.code, transition.value.current_status) == (
        "invalid_status_transition",
        "cancelled",
    )

    with (
        PatientTracker(
            server.base_url, api_key="ptk_nope", retry=RetryPolicy(max_attempts=1)
        ) as bad,
        pytest.raises(UnauthorizedError),
    ):
        bad.patients.list()
    read_only = prepare_database(server.database_url, scopes=("patients:read",))
    with PatientTracker(server.base_url, api_key=read_only) as limited:
        assert limited.patients.get(patient.id).id == patient.id
        with pytest.raises(ForbiddenError):
            limited.appointments.list()


def test_error_kinds_async(server: LiveServer) -> None:
    async def errors() -> list[str]:
        async with AsyncPatientTracker(server.base_url, api_key=server.api_key) as atracker:
            seen = []
            patient = await atracker.patients.create(body=new_patient_body())
            for call in (
                atracker.patients.get("no-such-patient"),
                atracker.patients.create(body=new_patient_body(phone=patient.phone)),
                atracker.patients.create(body=new_patient_body(phone="nope")),
                atracker.appointments.complete("no-such-appointment"),
            ):
                try:
                    await call
                except (NotFoundError, ConflictError, ValidationError) as error:
                    seen.append(f"{type(error).__name__} {error.code}")
            return seen

    assert asyncio.run(errors()) == [
        "NotFoundError not_found",
        "PhoneTakenError phone_taken",
        "ValidationFailedError validation_failed",
        "NotFoundError not_found",
    ]


def test_rate_limited_and_server_errors(stub: StubServer) -> None:
    stub.script = [Scripted(429, {"code": "rate_limited", "status": 429}, {"Retry-After": "0"})]
    with (
        PatientTracker(stub.base_url, api_key="k", retry=RetryPolicy(max_attempts=2)) as api,
        pytest.raises(RateLimitedError) as limited,
    ):
        api.patients.get("p1")
    assert (len(stub.seen), limited.value.retry_after) == (2, 0.0)

    stub.script = [Scripted(500, None)]

    async def fail() -> None:
        async with AsyncPatientTracker(stub.base_url, api_key="k") as atracker:
            await atracker.practitioners.list()

    with pytest.raises(ServerError) as failed:
        asyncio.run(fail())
    assert failed.value.status == 500


# ---------------------------------------------------------------- If-Match through .raw


def test_if_match_through_raw(tracker: PatientTracker) -> None:
    patient = tracker.patients.create(body=new_patient_body())
    updated = modify(
        lambda: tracker.patients.raw.get(patient.id),
        lambda current, if_match: tracker.patients.raw.update(
            current.id, body=PatientUpdate(email="ada@example.com"), if_match=if_match
        ),
    )
    assert updated.email == "ada@example.com"

    stale = etag(tracker.patients.raw.get(patient.id))
    tracker.patients.update(patient.id, body=PatientUpdate(family_name="Byron"))
    with pytest.raises(PreconditionFailedError):
        tracker.patients.update(patient.id, body=PatientUpdate(given_name="X"), if_match=stale)

    doctor = tracker.practitioners.create(
        body=PractitionerCreate(display_name="Dr M", specialty="m")
    )
    booked = tracker.appointments.raw.book(body=booking(patient, doctor, slot(3, 8)))
    assert booked.status_code == 201
    appointment = booked.parsed
    assert isinstance(appointment, Appointment)
    checked_in = tracker.appointments.check_in(appointment.id, if_match=etag(booked))
    assert checked_in.status is AppointmentStatus.CHECKED_IN


def test_amodify_through_async_raw(server: LiveServer) -> None:
    async def change() -> Patient:
        async with AsyncPatientTracker(server.base_url, api_key=server.api_key) as atracker:
            patient = await atracker.patients.create(body=new_patient_body())
            return await amodify(
                lambda: atracker.patients.raw.get(patient.id),
                lambda current, if_match: atracker.patients.raw.update(
                    current.id, body=PatientUpdate(family_name="King"), if_match=if_match
                ),
            )

    assert asyncio.run(change()).family_name == "King"


# ---------------------------------------------------------------- list_all over pages


@pytest.fixture
def family(tracker: PatientTracker) -> tuple[str, list[Patient]]:
    """COUNT patients whose given name shares a prefix no other test uses."""
    prefix = "Rs" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))
    return prefix, [
        tracker.patients.create(body=new_patient_body(f"{prefix}{i}")) for i in range(COUNT)
    ]


def test_list_all_over_three_pages_sync(
    server: LiveServer, family: tuple[str, list[Patient]]
) -> None:
    prefix, patients = family
    counting = CountingTransport()
    with PatientTracker(server.base_url, api_key=server.api_key, transport=counting) as api:
        every = api.patients.list_all(name_prefix=prefix, limit=LIMIT)
        assert counting.paths == []  # lazy: nothing sent before the iteration starts
        found = list(every)
    assert [p.id for p in found] == [p.id for p in patients]
    assert counting.paths == ["/v1/patients"] * 3


def test_list_all_over_three_pages_async(
    server: LiveServer, family: tuple[str, list[Patient]]
) -> None:
    prefix, patients = family
    counting = AsyncCountingTransport()

    async def collect() -> list[Patient]:
        async with AsyncPatientTracker(
            server.base_url, api_key=server.api_key, async_transport=counting
        ) as atracker:
            return [p async for p in atracker.patients.list_all(name_prefix=prefix, limit=LIMIT)]

    found = asyncio.run(collect())
    assert [p.id for p in found] == [p.id for p in patients]
    assert counting.paths == ["/v1/patients"] * 3


def test_list_all_appointments_of_a_patient_over_pages(
    tracker: PatientTracker, make_patient: Callable[..., Patient]
) -> None:
    patient = make_patient()
    doctor = tracker.practitioners.create(
        body=PractitionerCreate(display_name="Dr P", specialty="p")
    )
    booked = [
        tracker.appointments.book(body=booking(patient, doctor, slot(4, hour)))
        for hour in (8, 10, 12, 14)
    ]
    found = list(tracker.patients.list_all_appointments(patient.id, limit=1))
    assert [a.id for a in found] == [a.id for a in booked]
