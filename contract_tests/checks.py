"""What every Schemathesis run here checks, and with which seed."""

from __future__ import annotations

from schemathesis.checks import CHECKS, CheckFunction, load_all_checks
from schemathesis.config._checks import POSITIVE_DATA_ACCEPTANCE_EXPECTED_STATUSES
from schemathesis.schemas import BaseSchema

# A fixed seed: a red run means the change broke something, and any failure replays exactly.
SEED = 20261122

load_all_checks()
# Every registered check, the optional ones (`use_after_free`, `ignored_auth`, ...) included.
ALL_CHECKS: list[CheckFunction] = [
    check for check in CHECKS.get_all() if not isinstance(check, type)
]

# What a schema-valid request may get besides 2xx. Schemathesis' defaults (401, 403, 404, 409, ...:
# answers about the server's state, not the data) plus 412: a well-formed `If-Match` that no longer
# names the current version (an ETag read before an update, as a linked flow sends it) is the
# API working, exactly like a 409. `schemathesis-ci.toml` lists the same (a test checks it).
POSITIVE_DATA_STATUSES: list[str] = [*POSITIVE_DATA_ACCEPTANCE_EXPECTED_STATUSES, "412"]


def configure_checks(schema: BaseSchema) -> None:
    """Give `schema` the statuses valid data may get (see `POSITIVE_DATA_STATUSES`)."""
    schema.config.checks.positive_data_acceptance.expected_statuses = list(POSITIVE_DATA_STATUSES)
