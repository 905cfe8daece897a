"""Settings (environment, validation, URL normalisation) and UUIDv7 identifiers."""

from __future__ import annotations

import threading
import time
import uuid

import pytest
from pydantic import ValidationError

from patient_tracker.kit.ids import new_id
from patient_tracker.settings import Settings, get_settings, normalize_database_url

# -- settings -----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("PATIENT_TRACKER_"):
            monkeypatch.delenv(name)
    get_settings.cache_clear()


def test_defaults() -> None:
    settings = Settings()
    assert settings.database_url == "sqlite:///./patient-tracker.db"
    assert (settings.host, settings.port, settings.workers) == ("127.0.0.1", 8000, 1)
    assert settings.log_level == "info"
    assert settings.migrate_on_start is True
    assert settings.access_log is True
    assert settings.is_sqlite


def test_environment_with_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATIENT_TRACKER_PORT", "9001")
    monkeypatch.setenv("PATIENT_TRACKER_WORKERS", "4")
    monkeypatch.setenv("PATIENT_TRACKER_LOG_LEVEL", "WARNING")
    monkeypatch.setenv("PATIENT_TRACKER_MIGRATE_ON_START", "false")
    monkeypatch.setenv("PATIENT_TRACKER_ACCESS_LOG", "0")
    monkeypatch.setenv("PATIENT_TRACKER_DATABASE_URL", "postgresql://u:p@db.example/pt")
    settings = get_settings()
    assert settings.port == 9001
    assert settings.workers == 4
    assert settings.log_level == "warning"
    assert settings.migrate_on_start is False
    assert settings.access_log is False
    assert settings.database_url == "postgresql+psycopg://u:p@db.example/pt"
    assert not settings.is_sqlite
    assert get_settings() is settings  # cached


def test_repr_hides_database_url() -> None:
    settings = Settings(database_url="postgresql://user:hunter2@db/pt")
    assert "hunter2" not in repr(settings)
    assert "hunter2" not in str(settings)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        (
            "postgres://u:p%40ss@h:5433/db?sslmode=require",
            "postgresql+psycopg://u:p%40ss@h:5433/db?sslmode=require",
        ),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///./x.db", "sqlite:///./x.db"),
        ("sqlite:////abs/x.db", "sqlite:////abs/x.db"),
        ("  sqlite+pysqlite:///x.db ", "sqlite+pysqlite:///x.db"),
    ],
)
def test_database_url_normalisation(given: str, expected: str) -> None:
    assert normalize_database_url(given) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite://", "must name a file"),
        ("sqlite:///:memory:", "must name a file"),
        ("sqlite:///file::memory:?cache=shared", "must name a file"),
        ("mysql://u@h/db", "unsupported database driver"),
        ("postgresql+psycopg2://u@h/db", "unsupported database driver"),
        ("postgresql://u@h", "must name a database"),
        ("not a url", "not a valid URL"),
    ],
)
def test_database_url_rejected(url: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings(database_url=url)


def test_error_does_not_echo_password() -> None:
    with pytest.raises(ValidationError) as excinfo:
        Settings(database_url="mysql://user:hunter2@h/db")
    assert "hunter2" not in str(excinfo.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("port", 70000),
        ("port", -1),
        ("workers", 0),
        ("log_level", "loud"),
        ("host", ""),
    ],
)
def test_invalid_values(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        Settings.model_validate({field: value})


def test_settings_are_immutable() -> None:
    settings = Settings()
    with pytest.raises(ValidationError):
        settings.port = 1  # type: ignore[misc]


# -- ids ----------------------------------------------------------------------------------------


def test_new_id_is_uuid7() -> None:
    value = new_id()
    parsed = uuid.UUID(value)
    assert str(parsed) == value  # canonical lowercase form
    assert len(value) == 36
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    timestamp_ms = parsed.int >> 80
    assert abs(timestamp_ms - time.time() * 1000) < 5_000


def test_new_id_strictly_increasing_within_a_process() -> None:
    ids = [new_id() for _ in range(50_000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert [uuid.UUID(i).int for i in ids] == sorted(uuid.UUID(i).int for i in ids)


def test_new_id_survives_the_clock_going_backwards(monkeypatch: pytest.MonkeyPatch) -> None:
    first = new_id()
    monkeypatch.setattr(time, "time_ns", lambda: 1_000_000_000)  # 1970
    later = [new_id() for _ in range(5000)]  # also overflows the 12-bit counter
    assert [first, *later] == sorted([first, *later])
    assert len(set(later)) == len(later)


def test_new_id_thread_safe() -> None:
    results: list[list[str]] = [[] for _ in range(4)]

    def work(out: list[str]) -> None:
        out.extend(new_id() for _ in range(10_000))

    threads = [threading.Thread(target=work, args=(out,)) for out in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [i for out in results for i in out]
    assert len(set(everything)) == len(everything)
    for out in results:
        assert out == sorted(out)
