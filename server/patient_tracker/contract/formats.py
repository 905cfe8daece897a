"""Strict Python types for the spec's named input formats, used by the generated models.

Pydantic parses more than JSON Schema's `date-time` and `date` formats allow: `"0.5"` and `"0"` as
Unix timestamps (even in strict mode) and a space instead of `T`. An API that accepts what its
contract rejects fails contract tests and surprises clients, so the spec names its input formats
(`Instant`, `CalendarDate`) and `[tool.datamodel-codegen] type-overrides` maps them to these types,
which check the RFC 3339 spelling before pydantic parses the value.

An `Instant` is also one a UTC timestamp can hold: year 1 at `+05:00` is before the first instant
Python holds and year 9999 at `-05:00` after the last, so either is a 422 here, where the value is
parsed, for every body field and query parameter of the type, not an `OverflowError` later.

`duration` reads the ISO 8601 durations the spec states limits in (`x-max-duration: PT8H`).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BeforeValidator
from pydantic_core import PydanticCustomError

_DATE = r"\d{4}-\d{2}-\d{2}"
_RFC3339_DATE_TIME = re.compile(_DATE + r"[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})")
_RFC3339_FULL_DATE = re.compile(_DATE)
_ISO8601_TIME_DURATION = re.compile(r"PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?")


def _rfc3339_date_time(value: object) -> object:
    if isinstance(value, str):
        if not _RFC3339_DATE_TIME.fullmatch(value):
            raise ValueError("Input should be an RFC 3339 date-time with an offset")
        # Parsed here, not by pydantic: in strict mode pydantic's own step takes no strings.
        return datetime.fromisoformat(value.upper())
    return value


def _in_utc_range(value: datetime) -> datetime:
    try:
        value.astimezone(UTC)
    except OverflowError:
        # A custom error: its message is the problem's `detail` as it stands (no "Value error, ").
        raise PydanticCustomError("instant_out_of_range", "The instant is out of range.") from None
    return value


def _rfc3339_full_date(value: object) -> object:
    if isinstance(value, str):
        if not _RFC3339_FULL_DATE.fullmatch(value):
            raise ValueError("Input should be an RFC 3339 full-date (YYYY-MM-DD)")
        return date.fromisoformat(value)
    return value


Instant = Annotated[
    AwareDatetime, BeforeValidator(_rfc3339_date_time), AfterValidator(_in_utc_range)
]
"""An RFC 3339 `date-time` with an offset, that is an instant in UTC too."""

CalendarDate = Annotated[date, BeforeValidator(_rfc3339_full_date)]
"""An RFC 3339 `full-date`."""


def duration(text: str) -> timedelta:
    """An ISO 8601 duration of hours, minutes and seconds (`PT8H`, `PT1H30M`), as the spec
    states a limit; `ValueError` for any other spelling (days and months vary in length)."""
    match = _ISO8601_TIME_DURATION.fullmatch(text)
    if match is None:
        raise ValueError(f"not an ISO 8601 duration of hours, minutes and seconds: {text!r}")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


def in_words(length: timedelta) -> str:
    """A duration as a message says it: `8 hours`, `90 minutes`, `1 second`."""
    total = int(length.total_seconds())
    for unit, seconds in (("hour", 3600), ("minute", 60), ("second", 1)):
        if total % seconds == 0:
            count = total // seconds
            return f"{count} {unit}{'' if count == 1 else 's'}"
    raise AssertionError("unreachable: every whole number of seconds is a number of seconds")
