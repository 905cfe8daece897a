"""How long an appointment may last is the spec's: `x-max-duration` on `AppointmentCreate`, an
ISO 8601 duration read once (`appointments.repository.MAX_DURATION`), and what the spec's prose
says too. The 422s it causes: test_api_appointments.py."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from patient_tracker.appointments import repository
from patient_tracker.contract.formats import duration, in_words
from patient_tracker.contract.spec_document import spec_dict, spec_text


def test_the_limit_is_the_specs_extension() -> None:
    stated = spec_dict()["components"]["schemas"]["AppointmentCreate"]["x-max-duration"]

    assert repository.MAX_DURATION == duration(stated) == timedelta(hours=8)


def test_the_specs_prose_says_the_same_limit() -> None:
    said = {int(hours) for hours in re.findall(r"at most (\d+)\s+hours", spec_text())}

    assert said == {repository.MAX_DURATION // timedelta(hours=1)}


@pytest.mark.parametrize(
    ("text", "length", "words"),
    [
        ("PT8H", timedelta(hours=8), "8 hours"),
        ("PT1H30M", timedelta(minutes=90), "90 minutes"),
        ("PT1H", timedelta(hours=1), "1 hour"),
        ("PT45S", timedelta(seconds=45), "45 seconds"),
    ],
)
def test_durations_read_and_said(text: str, length: timedelta, words: str) -> None:
    assert duration(text) == length
    assert in_words(length) == words


@pytest.mark.parametrize("text", ["PT", "P1D", "PT8h", "8H", "PTH", "PT1.5H", " PT8H"])
def test_other_spellings_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        duration(text)
