"""Cutting a release: the current spec becomes the baseline that later specs are checked against."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ._document import load
from ._findings import Finding
from ._operations import SpecComparer

VERSION_FILE = "VERSION"
SPEC_FILE = "openapi.yaml"
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


class ReleaseError(Exception):
    """The release cannot be cut; the message says why."""


def _parse(version: str) -> tuple[int, int, int]:
    match = SEMVER.match(version)
    if match is None:
        raise ReleaseError(f"{version!r} is not a version such as 0.2.0")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def released_version(baseline_dir: Path) -> str:
    """The version of the release in `baseline_dir` (its VERSION file)."""
    return (baseline_dir / VERSION_FILE).read_text(encoding="utf-8").strip()


def cut_release(spec: Path, baseline_dir: Path, version: str) -> list[Finding]:
    """Copy `spec` into `baseline_dir` as release `version`.

    Refuses a version not above the current one, and a spec with breaking changes (returned, with
    nothing written): within /v1 a release may only add. Returns [] on success.
    """
    current = released_version(baseline_dir)
    if _parse(version) <= _parse(current):
        raise ReleaseError(f"version {version} is not above the released {current}")
    findings = SpecComparer(load(baseline_dir / SPEC_FILE), load(spec)).findings()
    if findings:
        return findings
    shutil.copyfile(spec, baseline_dir / SPEC_FILE)
    (baseline_dir / VERSION_FILE).write_text(f"{version}\n", encoding="utf-8")
    return []
