"""`python -m spec_compat check` fails on breaking changes; `... release 0.2.0` cuts a release."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._document import load
from ._operations import SpecComparer
from ._release import (
    SPEC_FILE,
    BreakingReleaseError,
    ReleaseError,
    cut_release,
    released_version,
)
from ._report import render
from ._versions import version_mismatch

DEFAULT_SPEC = Path("spec/openapi.yaml")
DEFAULT_BASELINE_DIR = Path("spec/released")


def _check(spec: Path, baseline_dir: Path, pyproject: Path | None) -> int:
    if pyproject is not None:
        mismatch = version_mismatch(spec, pyproject)
        if mismatch:
            print(mismatch)
            return 1
    version = released_version(baseline_dir)
    baseline = baseline_dir / SPEC_FILE
    findings = SpecComparer(load(baseline), load(spec)).findings()
    if not findings:
        print(f"{spec}: no breaking changes since release {version} ({baseline}).")
        return 0
    entries = render(findings)
    print(
        f"{spec}: {len(entries)} breaking change(s) since release {version} ({baseline}),"
        f" {len(findings)} place(s) affected:"
    )
    for entry in entries:
        print(entry)
    print("A client built against the release would break. Within /v1, only add.")
    return 1


def _release(args: argparse.Namespace) -> int:
    try:
        release = cut_release(
            args.spec,
            args.baseline_dir,
            args.version,
            pyproject=args.client_pyproject,
            changelog=args.changelog,
        )
    except BreakingReleaseError as error:
        print(f"release refused: {error}; the breaking changes:", file=sys.stderr)
        for entry in render(error.findings):
            print(entry, file=sys.stderr)
        return 1
    except ReleaseError as error:
        print(f"release refused: {error}", file=sys.stderr)
        return 2
    print(
        f"{args.spec} is now release {args.version} ({release.bump.name.lower()}) in"
        f" {args.baseline_dir}/: commit it."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spec_compat", description=__doc__)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--baseline-dir", type=Path, default=DEFAULT_BASELINE_DIR)
    parser.add_argument(
        "--client-pyproject",
        type=Path,
        help="the SDK's pyproject.toml: check (check) or set (release) that its version is the"
        " spec's info.version",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="fail when the spec breaks clients of the last release")
    release = commands.add_parser("release", help="make the spec the new baseline")
    release.add_argument("version", help="the release's version, such as 0.2.0")
    release.add_argument("--changelog", type=Path, help="the changelog to add the entry to")
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.spec, args.baseline_dir, args.client_pyproject)
    return _release(args)


if __name__ == "__main__":
    sys.exit(main())
