"""Check the reviewers' reference page (`nox -s docs`) as a browser renders it, offline.

Headless Chromium (Debian's `chromium`) loads the built file with every host name unresolvable.
The rendered DOM must hold every operation of the spec, its anchor (`operation/<id>`) and its
summary, and the page must not have asked any other host for anything. The page holds the spec
as data inside a script, so script elements are left out of what is searched: what remains was
drawn by ReDoc, without anything from the network.

Usage: python tools/check_docs_page.py build/docs/index.html spec/openapi.yaml
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from patient_tracker.contract.spec_document import walk_operations

BROWSER_TIMEOUT_SECONDS = 90
METHODS = ("get", "put", "post", "patch", "delete")


def operations(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """(operationId, summary) of every operation."""
    return [
        (operation["operationId"], operation["summary"])
        for method, _path, operation, _parameters in walk_operations(spec)
        if method.lower() in METHODS
    ]


def rendered_dom(page: Path, net_log: Path) -> str:
    """The page's DOM after its scripts ran, with no network; requests logged to `net_log`."""
    browser = shutil.which("chromium")
    if browser is None:
        raise SystemExit("chromium is not installed (Debian: apt-get install chromium)")
    completed = subprocess.run(  # noqa: S603 - the system browser on our own file
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--virtual-time-budget=10000",
            f"--log-net-log={net_log}",
            "--dump-dom",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=BROWSER_TIMEOUT_SECONDS,
        check=True,
    )
    return completed.stdout


def requests_initiated_by(net_log: Path, initiators: Collection[str]) -> list[str]:
    """URLs requested by a page whose origin is in `initiators`, from Chromium's net log.

    Chromium also calls home on its own (updates, sign-in); those have no initiator (or another
    one) and are not the page's. A third-party resource is requested with the page as initiator,
    so the first hop away from the page's own origin is always seen.
    """
    log: dict[str, Any] = json.loads(net_log.read_text())
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        str(event["params"]["url"])
        for event in log["events"]
        if event["type"] == start_job
        and str((event.get("params") or {}).get("initiator", "")) in initiators
    ]


def remote_requests(net_log: Path) -> list[str]:
    """http(s) URLs a page opened from disk asked for."""
    return [
        url
        for url in requests_initiated_by(net_log, ("null", "file://"))
        if url.startswith(("http:", "https:"))
    ]


def main(argv: list[str]) -> int:
    """Exit 1, naming them, if any operation is not rendered."""
    page, spec_path = Path(argv[0]), Path(argv[1])
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as workdir:
        net_log = Path(workdir) / "net-log.json"
        dom = re.sub(r"<script\b.*?</script>", "", rendered_dom(page, net_log), flags=re.DOTALL)
        remote = remote_requests(net_log)
    if remote:
        print(f"{page}: the page asked other hosts for {sorted(set(remote))}")
        return 1
    missing = [
        operation_id
        for operation_id, summary in operations(spec)
        if f"operation/{operation_id}" not in dom or html.escape(summary, quote=False) not in dom
    ]
    if missing:
        print(f"{page}: operations not rendered: {', '.join(missing)}")
        return 1
    print(
        f"{page}: all {len(operations(spec))} operations rendered, nothing asked of other hosts "
        "(Chromium, no network)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
