"""The committed `api_models.py` is exactly what the pinned generator makes from the spec.

Generation options live in `[tool.datamodel-codegen]` of pyproject.toml, and the generator's ruff
steps read the project's ruff settings from wherever the output file lies. So the fresh copy is
generated into a temporary tree that mirrors the project (its pyproject.toml, the same relative
output path), exactly as `nox -s generate` does in place, and the bytes are compared.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RELATIVE_OUTPUT = Path("server", "patient_tracker", "contract", "api_models.py")


def test_committed_models_match_a_fresh_generation(tmp_path: Path) -> None:
    # The generator installed beside this interpreter (the `generate` dependency group).
    generator = Path(sys.executable).with_name("datamodel-codegen")
    assert generator.exists(), "datamodel-codegen is not installed (dependency group 'generate')"
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    fresh = tmp_path / RELATIVE_OUTPUT
    fresh.parent.mkdir(parents=True)
    subprocess.run(  # noqa: S603 - the pinned generator, fixed arguments
        [
            generator,
            "--input",
            str(ROOT / "spec" / "openapi.yaml"),
            "--output",
            str(RELATIVE_OUTPUT),
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == (ROOT / RELATIVE_OUTPUT).read_bytes(), (
        f"{RELATIVE_OUTPUT} is stale: run `nox -s generate` and commit the result"
    )
