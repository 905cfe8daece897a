"""What reviewers see: `/docs` (Swagger UI) and `/redoc` render every operation, offline.

A real headless Chromium (Debian's `chromium`) loads each page from a live server with the network
cut off: host names resolve to nothing and any proxied request goes to a closed port, so only
the server on 127.0.0.1 answers. The test reads the DOM after the page's scripts have run (the
served HTML holds no operation at all; the browser builds them from `/openapi.json`), and Chrome's
network log, to prove the page asked nothing of any other host.

Chromium missing: skipped with the reason, or failed when `PATIENT_TRACKER_REQUIRE_CHROMIUM=1` (CI;
`nox -s tests` installs it with apt-get when it runs as root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from check_docs_page import requests_initiated_by
from live_server import LiveServer, free_port
from patient_tracker.contract.spec_document import walk_operations

BROWSER_TIMEOUT_SECONDS = 90
# Virtual time: the page's timers run as fast as the CPU allows, up to this much page time.
VIRTUAL_TIME_BUDGET_MS = 10_000
METHODS = ("get", "put", "post", "patch", "delete")

# Requests a page may make to another host: none. (ReDoc 2.5's CDN badge image is kept from
# being asked for by the Content-Security-Policy the docs pages carry, see
# patient_tracker.web.docs.)
TOLERATED_EXTERNAL: dict[str, set[str]] = {}


@dataclass(frozen=True)
class Operation:
    operation_id: str
    tag: str
    summary: str


def _operations() -> list[Operation]:
    return [
        Operation(operation["operationId"], operation["tags"][0], operation["summary"])
        for method, _path, operation, _parameters in walk_operations()
        if method.lower() in METHODS
    ]


def chromium_or_skip() -> str:
    """The Chromium executable; skip (or fail, in CI) when there is none."""
    executable = shutil.which("chromium")
    if executable is not None:
        return executable
    reason = "chromium is not installed (Debian: apt-get install chromium)"
    if os.environ.get("PATIENT_TRACKER_REQUIRE_CHROMIUM", "") == "1":
        pytest.fail(f"{reason} (PATIENT_TRACKER_REQUIRE_CHROMIUM=1)")
    pytest.skip(reason)


@dataclass(frozen=True)
class Rendered:
    dom: str
    requested: list[str]  # every URL the page (not the browser's own services) asked for


def render(chromium: str, url: str, workdir: Path) -> Rendered:
    """Load `url` in headless Chromium without network; the DOM once scripts ran, and requests."""
    net_log = workdir / "net-log.json"
    closed_port = free_port()  # nothing listens there: a proxied request fails at once
    command = [
        chromium,
        "--headless",
        "--no-sandbox",  # as root (CI containers) Chromium's sandbox cannot start
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-features=AutofillServerCommunication",
        f"--user-data-dir={workdir / 'profile'}",
        # No network but loopback: names resolve to nothing, and any other request would go to a
        # proxy that is not there (Chrome never proxies loopback).
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--proxy-server=http://127.0.0.1:{closed_port}",
        f"--log-net-log={net_log}",
        f"--virtual-time-budget={VIRTUAL_TIME_BUDGET_MS}",
        "--dump-dom",
        url,
    ]
    result = subprocess.run(  # noqa: S603 - our own arguments; the executable found on PATH
        command, capture_output=True, text=True, timeout=BROWSER_TIMEOUT_SECONDS, check=False
    )
    assert result.returncode == 0, result.stderr[-4000:]
    origin = url.split("/", 3)
    return Rendered(result.stdout, requests_initiated_by(net_log, {"/".join(origin[:3])}))


@pytest.fixture(scope="module")
def chromium() -> str:
    return chromium_or_skip()


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_page_renders_every_operation_offline(
    page: str, chromium: str, live_server_sqlite: LiveServer, tmp_path: Path
) -> None:
    operations = _operations()
    served_html = httpx.get(f"{live_server_sqlite.base_url}{page}").text
    # The served page is a shell: operations appear only once its scripts have run.
    assert not [op.operation_id for op in operations if op.operation_id in served_html]

    rendered = render(chromium, f"{live_server_sqlite.base_url}{page}", tmp_path)

    if page == "/docs":
        # Swagger UI gives each operation block the id `operations-<tag>-<operationId>`.
        anchors = {
            op.operation_id: f'id="operations-{op.tag}-{op.operation_id}"' for op in operations
        }
    else:
        # ReDoc gives each operation the anchor `operation/<operationId>`.
        anchors = {op.operation_id: f"operation/{op.operation_id}" for op in operations}
    missing = sorted(op_id for op_id, anchor in anchors.items() if anchor not in rendered.dom)
    assert missing == [], f"{page}: operations not rendered: {missing}"
    unsummarised = sorted(op.summary for op in operations if op.summary not in rendered.dom)
    assert unsummarised == [], f"{page}: summaries not rendered: {unsummarised}"

    # Everything the page needed came from the server itself.
    external = {
        url for url in rendered.requested if not url.startswith(live_server_sqlite.base_url)
    }
    assert external <= TOLERATED_EXTERNAL.get(page, set()), sorted(external)
    assert f"{live_server_sqlite.base_url}/openapi.json" in rendered.requested
