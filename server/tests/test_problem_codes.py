"""A problem class names only its code; its status and title come from the spec's
`x-problem-codes`, and a code the spec does not list is refused when the class is defined."""

from __future__ import annotations

import pytest

from patient_tracker.contract.problems import ProblemError, ValidationFailedError
from patient_tracker.contract.spec_document import spec_dict
from patient_tracker.patients.errors import PhoneTakenError


def listed(code: str) -> tuple[int, str]:
    entries = spec_dict()["components"]["schemas"]["Problem"]["x-problem-codes"]
    (entry,) = [each for each in entries if each["code"] == code]
    return entry["status"], entry["title"]


@pytest.mark.parametrize("kind", [PhoneTakenError, ValidationFailedError, ProblemError])
def test_status_and_title_are_the_spec_s(kind: type[ProblemError]) -> None:
    assert (kind.status, kind.title) == listed(kind.code)


def test_a_code_the_spec_does_not_list_is_refused() -> None:
    with pytest.raises(TypeError, match="'not_in_the_spec' is not listed"):

        class NotInTheSpecError(ProblemError):
            code = "not_in_the_spec"
