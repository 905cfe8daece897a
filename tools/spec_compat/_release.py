"""Cutting a release: the current spec becomes the baseline that later specs are checked against.

The version must be above the last release by at least what the changes need (`Bump`): a
breaking change a major, an addition a minor, documentation a patch. The release sets the spec's
`info.version` and the SDK's version to it, adds a changelog entry, and copies the spec into the
baseline folder.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ._changes import Bump, changelog_entry, classify, summarize
from ._document import load
from ._findings import Finding
from ._operations import SpecComparer
from ._versions import set_package_version, set_spec_version

VERSION_FILE = "VERSION"
SPEC_FILE = "openapi.yaml"
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
CHANGELOG_HEADING = "# Changelog\n"


class ReleaseError(Exception):
    """The release cannot be cut; the message says why."""


class BreakingReleaseError(ReleaseError):
    """The spec breaks clients of the last release and the version is not a major above it."""

    def __init__(self, message: str, findings: list[Finding]) -> None:
        super().__init__(message)
        self.findings = findings


def _parse(version: str) -> tuple[int, int, int]:
    match = SEMVER.match(version)
    if match is None:
        raise ReleaseError(f"{version!r} is not a version such as 0.2.0")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def released_version(baseline_dir: Path) -> str:
    """The version of the release in `baseline_dir` (its VERSION file)."""
    return (baseline_dir / VERSION_FILE).read_text(encoding="utf-8").strip()


def lowest_allowed(current: str, bump: Bump) -> str:
    """The lowest version a release after `current` may have, for changes that need `bump`."""
    major, minor, patch = _parse(current)
    if bump is Bump.MAJOR:
        return f"{major + 1}.0.0"
    if bump is Bump.MINOR:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


@dataclass(frozen=True)
class Release:
    """What a release needs or did: the bump, the breaking changes, the changelog entry."""

    bump: Bump
    findings: list[Finding]
    entry: str


def check_version(current: str, version: str, bump: Bump) -> None:
    """Raise `ReleaseError` unless `version` is a valid successor of `current` for `bump`."""
    _parse(version)
    if bump is Bump.NONE:
        raise ReleaseError(f"the spec has not changed since release {current}: nothing to release")
    if _parse(version) <= _parse(current):
        raise ReleaseError(f"version {version} is not above the released {current}")
    needed = lowest_allowed(current, bump)
    if _parse(version) < _parse(needed):
        raise ReleaseError(
            f"the changes since {current} need a {bump.name.lower()} release:"
            f" {needed} or above, not {version}"
        )


def plan_release(spec: Path, baseline_dir: Path, version: str, day: str = "") -> Release:
    """Check that `spec` may be released as `version`; raise `ReleaseError` if not."""
    current = released_version(baseline_dir)
    old, new = load(baseline_dir / SPEC_FILE), load(spec)
    findings = SpecComparer(old, new).findings()
    bump = classify(old, new, findings)
    try:
        check_version(current, version, bump)
    except ReleaseError as error:
        if findings:
            raise BreakingReleaseError(str(error), findings) from None
        raise
    day = day or datetime.now(UTC).date().isoformat()
    return Release(
        bump, findings, changelog_entry(version, day, bump, summarize(old, new, findings))
    )


def add_changelog_entry(changelog: Path, entry: str) -> None:
    """Put `entry` first under the changelog's heading (newest first); create the file if new."""
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else CHANGELOG_HEADING
    head, marker, rest = text.partition("\n## ")
    body = f"{head.rstrip()}\n\n{entry}"
    changelog.write_text(f"{body}\n## {rest}" if marker else body, encoding="utf-8")


def cut_release(
    spec: Path,
    baseline_dir: Path,
    version: str,
    *,
    pyproject: Path | None = None,
    changelog: Path | None = None,
) -> Release:
    """Release `spec` as `version`: set the versions, write the changelog, copy the spec.

    Raises `ReleaseError` (nothing written) when the version is not above the last release by
    what the changes need. `pyproject` (the SDK's) and `changelog` are updated when given.
    """
    release = plan_release(spec, baseline_dir, version)
    set_spec_version(spec, version)
    if pyproject is not None:
        set_package_version(pyproject, version)
    if changelog is not None:
        add_changelog_entry(changelog, release.entry)
    shutil.copyfile(spec, baseline_dir / SPEC_FILE)
    (baseline_dir / VERSION_FILE).write_text(f"{version}\n", encoding="utf-8")
    return release
