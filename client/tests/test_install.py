"""The tests exercise the installed wheel, as integrators get it, not the source tree."""

from __future__ import annotations

import sysconfig
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
    assert "patient_tracker_client/py.typed" in files
    assert "patient_tracker_client/generated/api/appointments/book_appointment.py" in files
    assert metadata.version("patient-tracker-client") == "1.0.0"
    requires = metadata.requires("patient-tracker-client") or []
    assert sorted(r.split(">")[0].split("<")[0] for r in requires) == ["attrs", "httpx"]
