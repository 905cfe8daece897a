"""The version numbers a release sets: the spec's `info.version` and the SDK's package version.

Both are rewritten in place, one line each, so that the files keep their formatting and comments
(a YAML or TOML round trip would not).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from ._document import load

# `info:` then, indented under it before the next top-level key, `version: ...`.
_INFO_VERSION = re.compile(r"(?m)^(info:\n(?:[ \t]+.*\n|\n)*?[ \t]+version:[ \t]*)(\S+)(.*)$")
# The `version = "..."` line of the `[project]` table.
_PROJECT_VERSION = re.compile(
    r'(?ms)^(\[project\]\n(?:(?!^\[).)*?^version[ \t]*=[ \t]*")([^"]*)(")'
)


class VersionFileError(Exception):
    """A file does not hold its version where expected."""


def spec_version(spec: Path) -> str:
    return str((load(spec).get("info") or {}).get("version", ""))


def package_version(pyproject: Path) -> str:
    with pyproject.open("rb") as file:
        return str(tomllib.load(file).get("project", {}).get("version", ""))


def set_spec_version(spec: Path, version: str) -> None:
    text = spec.read_text(encoding="utf-8")
    updated, count = _INFO_VERSION.subn(lambda m: f"{m[1]}{version}{m[3]}", text, count=1)
    if count != 1:
        raise VersionFileError(f"{spec}: no info.version line found")
    spec.write_text(updated, encoding="utf-8")
    if spec_version(spec) != version:
        raise VersionFileError(f"{spec}: info.version did not become {version}")


def set_package_version(pyproject: Path, version: str) -> None:
    text = pyproject.read_text(encoding="utf-8")
    updated, count = _PROJECT_VERSION.subn(lambda m: f"{m[1]}{version}{m[3]}", text, count=1)
    if count != 1:
        raise VersionFileError(f"{pyproject}: no version line in [project]")
    pyproject.write_text(updated, encoding="utf-8")
    if package_version(pyproject) != version:
        raise VersionFileError(f"{pyproject}: the version did not become {version}")


def version_mismatch(spec: Path, pyproject: Path) -> str | None:
    """Why the SDK's version is not the spec's `info.version`, or None when they agree."""
    api, sdk = spec_version(spec), package_version(pyproject)
    if api == sdk:
        return None
    return (
        f"{pyproject} has version {sdk!r} but {spec} has info.version {api!r}:"
        " the SDK's version follows the spec's (nox -s release-spec sets both)"
    )
