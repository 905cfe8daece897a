"""The ``patient-tracker`` command line: db upgrade, keys create|list|revoke, serve."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from typing import Any

import httpx
import pytest

from live_server import free_port, serving
from patient_tracker import cli
from patient_tracker.auth.scopes import ALL_SCOPES
from patient_tracker.db.database import Database
from patient_tracker.db.migrate import current_revision, head_revision
from patient_tracker.settings import get_settings
from tests.request_path import granted_scopes, in_process

KEY_PATTERN = re.compile(r"^ptk_[A-Za-z0-9_-]{43}$")


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, database_url: str) -> str:
    """A clean PATIENT_TRACKER_* environment pointing at a fresh (unmigrated) database."""
    for name in list(os.environ):
        if name.startswith("PATIENT_TRACKER_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("PATIENT_TRACKER_DATABASE_URL", database_url)
    # `serve` opens its metrics listener even with uvicorn replaced: on a free port, not 9464.
    monkeypatch.setenv("PATIENT_TRACKER_METRICS_PORT", "0")
    get_settings.cache_clear()
    return database_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; return (exit status, stdout, stderr)."""
    try:
        status = cli.main(list(args))
    except SystemExit as exc:  # argparse usage errors and --help
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def upgraded(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "db", "upgrade")[0] == 0


def test_db_upgrade(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "db", "upgrade")
    assert (status, out) == (0, "")
    assert f"revision {head_revision()}" in err
    # Idempotent.
    assert run(capsys, "db", "upgrade")[0] == 0
    db = Database.from_url(cli_env)
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.dispose()


def test_keys_need_a_migrated_database(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (("keys", "create", "--name", "x"), ("keys", "list"), ("keys", "revoke", "k")):
        status, out, err = run(capsys, *args)
        assert status == 1
        assert out == ""
        assert err == (
            "error: the database has no schema yet; run `patient-tracker db upgrade` first\n"
        )


def test_keys_create(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    upgraded(capsys)
    status, out, err = run(capsys, "keys", "create", "--name", "reminders")
    assert status == 0
    # stdout is the key alone, so that KEY=$(patient-tracker keys create ...) works.
    plaintext = out.strip()
    assert out == plaintext + "\n"
    assert KEY_PATTERN.match(plaintext)
    assert "shown only this once" in err
    assert f'curl -H "Authorization: Bearer {plaintext}" http://127.0.0.1:8000/v1/patients' in err
    assert "Scopes: patients:read patients:write practitioners:read" in err

    with in_process(cli_env) as client:
        assert granted_scopes(client, plaintext) == frozenset(ALL_SCOPES)


def test_keys_create_with_scopes(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    upgraded(capsys)
    status, out, _ = run(
        capsys,
        "keys",
        "create",
        "--name",
        "kiosk",
        "--scope",
        "appointments:read",
        "--scope",
        "patients:read",
    )
    assert status == 0
    with in_process(cli_env) as client:
        granted = granted_scopes(client, out.strip())
    assert granted == frozenset({"patients:read", "appointments:read"})


def test_keys_create_user_errors(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    upgraded(capsys)
    status, out, err = run(capsys, "keys", "create", "--name", "x", "--scope", "admin")
    assert status == 2
    assert out == ""
    assert "invalid choice: 'admin'" in err
    status, _, err = run(capsys, "keys", "create")
    assert status == 2
    assert "--name" in err
    status, out, err = run(capsys, "keys", "create", "--name", "  ")
    assert (status, out, err) == (1, "", "error: a key needs a name\n")
    status, _, err = run(capsys, "keys", "create", "--name", "x" * 101)
    assert (status, err) == (1, "error: a key name has at most 100 characters\n")


def test_keys_list_and_revoke(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    upgraded(capsys)
    status, out, err = run(capsys, "keys", "list")
    assert status == 0
    assert "no API keys" in out

    _, first, _ = run(capsys, "keys", "create", "--name", "front desk")
    _, second, _ = run(capsys, "keys", "create", "--name", "ci", "--scope", "patients:read")
    status, out, _ = run(capsys, "keys", "list")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "ID",
        "NAME",
        "INTEGRATION",
        "PREFIX",
        "SCOPES",
        "CREATED",
        "REVOKED",
    ]
    assert len(lines) == 3
    # Never the key, only its prefix.
    assert first.strip() not in out
    assert second.strip() not in out
    assert first.strip()[:12] in lines[1]
    assert "front desk" in lines[1]
    assert "ci" in lines[2]
    assert "patients:read" in lines[2]
    assert lines[1].rstrip().endswith("-")  # not revoked
    key_id = lines[1].split()[0]

    status, out, err = run(capsys, "keys", "revoke", key_id)
    assert (status, out, err) == (0, "", f"revoked key {key_id}\n")
    status, out, err = run(capsys, "keys", "revoke", key_id)
    assert (status, err) == (0, f"key {key_id} was already revoked\n")
    status, out, err = run(capsys, "keys", "revoke", "no-such-key")
    assert status == 1
    assert err == ("error: no API key with id 'no-such-key' (see `patient-tracker keys list`)\n")

    _, out, _ = run(capsys, "keys", "list")
    revoked_line = next(line for line in out.splitlines() if line.startswith(key_id))
    assert re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", revoked_line)

    with in_process(cli_env) as client:
        assert granted_scopes(client, first.strip()) is None
        assert granted_scopes(client, second.strip()) is not None


def test_invalid_configuration(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATIENT_TRACKER_DATABASE_URL", "mysql://root:hunter2@h/db")
    status, _, err = run(capsys, "keys", "list")
    assert status == 1
    assert err.startswith("error: invalid configuration: database_url: ")
    assert "hunter2" not in err
    assert "Traceback" not in err


def test_unreachable_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(
        "PATIENT_TRACKER_DATABASE_URL", "postgresql://nobody:hunter2@127.0.0.1:1/none"
    )
    for args in (("keys", "list"), ("db", "upgrade")):
        status, _, err = run(capsys, *args)
        assert status == 1
        assert err.startswith("error: ")
        assert err.count("\n") == 1
        assert "hunter2" not in err


def test_usage(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys)
    assert status == 2
    assert "serve" in err
    status, _, err = run(capsys, "keys")
    assert status == 2
    assert "revoke" in err
    status, out, _ = run(capsys, "--help")
    assert status == 0
    assert "PATIENT_TRACKER_" in out


class _UvicornCall:
    def __init__(self) -> None:
        self.args: tuple[Any, ...] = ()
        self.kwargs: dict[str, Any] = {}

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs


def test_serve_migrates_then_runs_uvicorn(
    cli_env: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    call = _UvicornCall()
    monkeypatch.setattr(uvicorn, "run", call)
    monkeypatch.setenv("PATIENT_TRACKER_PORT", "9000")
    monkeypatch.setenv("PATIENT_TRACKER_ACCESS_LOG", "false")
    status, _, err = run(capsys, "serve", "--host", "0.0.0.0", "--workers", "2")  # noqa: S104
    assert status == 0, err
    assert call.args == ("patient_tracker.app:create_app",)
    log_config = call.kwargs.pop("log_config")
    assert log_config["loggers"]["patient_tracker"]["level"] == logging.INFO
    assert call.kwargs == {
        "factory": True,
        "host": "0.0.0.0",  # noqa: S104
        "port": 9000,
        "workers": 2,
        "reload": False,
        "http": "patient_tracker.web.slow_clients:GuardedHttpToolsProtocol",
        "loop": "uvloop",
        "log_level": "info",
        # Always off: uvicorn's access log prints query strings (patient data); the app
        # writes its own access log (settings.access_log) without them.
        "access_log": False,
        # Off unless PATIENT_TRACKER_BEHIND_PROXY: a client could pick its own address (and
        # with it its rate-limit budget) with X-Forwarded-For.
        "proxy_headers": False,
        "limit_concurrency": 1000,
        "backlog": 2048,
        "timeout_keep_alive": 5,
    }
    db = Database.from_url(cli_env)
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.dispose()


def test_serve_without_migrations(
    cli_env: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    call = _UvicornCall()
    monkeypatch.setattr(uvicorn, "run", call)
    monkeypatch.setenv("PATIENT_TRACKER_MIGRATE_ON_START", "false")
    status, _, _ = run(capsys, "serve", "--port", "8123", "--reload")
    assert status == 0
    assert call.kwargs["port"] == 8123
    assert call.kwargs["reload"] is True
    assert call.kwargs["workers"] is None
    db = Database.from_url(cli_env)
    try:
        assert current_revision(db.engine) is None
    finally:
        db.dispose()


def test_serve_user_errors(cli_env: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "serve", "--reload", "--workers", "2")
    assert status == 1
    assert "--reload" in err
    status, _, err = run(capsys, "serve", "--port", "70000")
    assert status == 1
    assert err.startswith("error: invalid configuration: port:")
    status, _, err = run(capsys, "serve", "--port", "eighty")
    assert status == 2


def test_entry_point_runs_without_traceback(tmp_path: Any) -> None:
    """The module runs as a program, and a user error exits 1 with one line on stderr."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith("PATIENT_TRACKER_")
    }
    env["PATIENT_TRACKER_DATABASE_URL"] = f"sqlite:///{tmp_path / 'cli.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "patient_tracker.cli", "keys", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "error: the database has no schema yet; run `patient-tracker db upgrade` first\n"
    )


def test_serve_end_to_end(tmp_path: Any) -> None:
    """`serve` on a fresh SQLite file: migrates, serves, logs requests without query strings."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith("PATIENT_TRACKER_")
    }
    env["PATIENT_TRACKER_DATABASE_URL"] = f"sqlite:///{tmp_path / 'serve.db'}"
    env["PATIENT_TRACKER_METRICS_PORT"] = "0"  # a free one: other servers may run at once
    port = free_port()
    log_path = tmp_path / "serve.log"
    command = [sys.executable, "-m", "patient_tracker.cli", "serve", "--port", str(port)]
    with serving(command, port, log_path, env) as (base_url, _process):
        created = subprocess.run(
            [sys.executable, "-m", "patient_tracker.cli", "keys", "create", "--name", "e2e"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )
        headers = {"Authorization": f"Bearer {created.stdout.strip()}"}
        response = httpx.get(
            f"{base_url}/v1/patients", params={"phone": "+15557654321"}, headers=headers
        )
        assert response.status_code == 200, response.text
        assert httpx.get(f"{base_url}/v1/patients").status_code == 401
    log_text = log_path.read_text()
    assert "GET /v1/patients 200" in log_text
    assert "GET /v1/patients 401" in log_text
    assert "7654321" not in log_text
