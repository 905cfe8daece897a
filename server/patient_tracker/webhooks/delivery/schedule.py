"""When a failed delivery is tried again, when it is given up, when an endpoint is disabled.

The schedule follows Standard Webhooks practice (and the product brief): retries after about 5 s,
5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then every 10 h while the event is less than 3 days old.
Each delay is jittered by up to 20 % either way, so that the retries of many deliveries that
failed together (a receiver's outage) do not come back together.
An endpoint at which every attempt has failed for 3 days is disabled.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

RETRY_DELAYS = (
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=10),
)
JITTER = 0.2
RETRY_WINDOW = timedelta(days=3)
DISABLE_AFTER = timedelta(days=3)

# Jitter needs spread, not secrecy.
_jitter_source = random.Random()  # noqa: S311


def retry_delay(failed_attempts: int, rng: random.Random | None = None) -> timedelta:
    """The wait before the next attempt, after `failed_attempts` (1 or more) failed in a row."""
    if failed_attempts < 1:
        raise ValueError("a retry follows at least one failed attempt")
    base = RETRY_DELAYS[min(failed_attempts, len(RETRY_DELAYS)) - 1]
    factor = (rng or _jitter_source).uniform(1 - JITTER, 1 + JITTER)
    return base * factor


def next_attempt_at(
    event_created_at: datetime,
    failed_attempts: int,
    last_attempt_at: datetime,
    rng: random.Random | None = None,
) -> datetime | None:
    """When to try again, or `None` when the delivery is given up (past the 3-day window)."""
    at = last_attempt_at + retry_delay(failed_attempts, rng)
    return at if at <= event_created_at + RETRY_WINDOW else None


def should_disable(failing_since: datetime | None, now: datetime) -> bool:
    """Whether to disable an endpoint whose attempts have all failed since `failing_since`.

    `failing_since` is the time of the first failed attempt after the endpoint's last success
    (`None` when its last attempt succeeded).
    """
    return failing_since is not None and now - failing_since >= DISABLE_AFTER
