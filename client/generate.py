"""Regenerate the SDK's generated package from spec/openapi.yaml, or check that it is current.

    python client/generate.py           # rewrite client/src/patient_tracker_client/generated/
    python client/generate.py --check   # exit 1 if a fresh generation differs (nox -s sdk)

Both generate into a temporary folder first: openapi-python-client (pinned in pyproject.toml's
`generate-client` group) with --fail-on-warning, then the pinned ruff from this same environment
with explicit isolated settings, then a header line on every module. The write mode replaces the
folder whole, so an operation removed from the spec leaves no stale module behind; the check mode
compares file by file and also fails on generated files that git does not track yet.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CLIENT_DIR = Path(__file__).resolve().parent
ROOT = CLIENT_DIR.parent
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = CLIENT_DIR / "openapi-python-client.yaml"
TARGET = CLIENT_DIR / "src" / "patient_tracker_client" / "generated"
HEADER = (
    "# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.\n"
)
# The project's own ruff settings (pyproject.toml), spelled out so that formatting does not depend
# on which config ruff would discover from the temporary folder.
RUFF_SETTINGS = ("--isolated", "--no-cache", "--line-length", "100", "--target-version", "py311")


def run(*args: str, cwd: Path) -> None:
    """Run a tool from this interpreter's environment; show its output only when it fails.

    `-P`: the working folder must not shadow the standard library (the package has `types.py`).
    """
    result = subprocess.run(  # noqa: S603 - our own interpreter and pinned tools
        [sys.executable, "-P", "-m", *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(args[:2])} failed:\n{result.stdout}{result.stderr}")


def generate_into(work: Path) -> Path:
    """Generate the package under `work`; returns its folder."""
    out = work / "generated"
    run(
        "openapi_python_client",
        "generate",
        "--path",
        str(SPEC),
        "--meta",
        "none",
        "--config",
        str(CONFIG),
        "--fail-on-warning",
        "--output-path",
        str(out),
        cwd=work,
    )
    # Sorted imports, and the unused ones the templates import unconditionally removed; then the
    # formatter. Only fixes: the generated code must pass the project's full rule set as it is.
    run("ruff", "check", "--fix-only", *RUFF_SETTINGS, "--select", "I,F401", ".", cwd=out)
    run("ruff", "format", *RUFF_SETTINGS, ".", cwd=out)
    for module in sorted(out.rglob("*.py")):
        module.write_text(HEADER + module.read_text(encoding="utf-8"), encoding="utf-8")
    return out


def relative_files(folder: Path) -> set[str]:
    """Every file under `folder`, as a POSIX path relative to it (caches excluded)."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def untracked(folder: Path) -> list[str]:
    """Files under `folder` that git does not track (empty when this is not a git checkout)."""
    try:
        result = subprocess.run(  # noqa: S603 - fixed arguments
            ["git", "ls-files", "--others", "--exclude-standard", "--", str(folder)],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return []
    return result.stdout.split()


def differences(fresh: Path, committed: Path) -> list[str]:
    """What differs between a fresh generation and the committed one, one line each."""
    new, old = relative_files(fresh), relative_files(committed)
    found = [f"missing (generate would add it): {name}" for name in sorted(new - old)]
    found += [f"stale (generate would delete it): {name}" for name in sorted(old - new)]
    found += [
        f"differs: {name}"
        for name in sorted(new & old)
        if not filecmp.cmp(fresh / name, committed / name, shallow=False)
    ]
    found += [f"not tracked by git: {name}" for name in untracked(committed)]
    return found


def main() -> None:
    """Write or check the generated package."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on drift")
    check = parser.parse_args().check
    with tempfile.TemporaryDirectory(prefix="sdk-generate-") as work:
        fresh = generate_into(Path(work))
        if check:
            found = differences(fresh, TARGET)
            if found:
                sys.exit(
                    "The committed SDK differs from a fresh generation; run `nox -s generate` "
                    "and commit the result:\n  " + "\n  ".join(found)
                )
            print(f"{TARGET.relative_to(ROOT)} matches a fresh generation.")
            return
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(fresh, TARGET)
        print(f"Regenerated {TARGET.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
