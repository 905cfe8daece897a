"""The tests exercise the installed wheel, as integrators get it, not the source tree."""

from __future__ import annotations

import sysconfig
import tomllib
from importlib import metadata
from pathlib import Path

import patient_tracker_client

SOURCE = Path(__file__).resolve().parents[1] / "src"


def test_imported_from_site_packages_not_the_source_tree() -> None:
    location = Path(patient_tracker_client.__file__).resolve()
    assert SOURCE not in location.parents
    assert Path(sysconfig.get_paths()["purelib"]).resolve() in location.parents


def test_distribution_is_typed_and_carries_the_generated_package() -> None:
    files = {str(f) for f in metadata.files("patient-tracker-client") or []}
    project = tomllib.loads((SOURCE.parent / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"
    ]
    assert "patient_tracker_client/py.typed" in files
    assert "patient_tracker_client/_spec/openapi.json" in files  # the test kit's spec
    assert "patient_tracker_client/generated/api/appointments/book_appointment.py" in files
    assert metadata.version("patient-tracker-client") == project["version"]
    requires = metadata.requires("patient-tracker-client") or []
    # Extras (`[testing]`, the test kit's) are not installed unless asked for.
    required = [r for r in requires if "extra ==" not in r]
    assert sorted(r.split(">")[0].split("<")[0] for r in required) == ["attrs", "httpx"]
