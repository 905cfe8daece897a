"""Contract coverage: which documented (operation, status) pairs a run actually observed.

The spec documents, per operation, the statuses it may answer; a HAR file (Schemathesis'
`--report har`) records what the server did answer. Each request is mapped to its operation by
method and path template, and each operation's observed statuses are compared with its documented
ones.

The rule: the denominator is every documented (operation, status) pair except 500, 503 and 429.
A 500 is documented on every operation only to say what one looks like; observing it is a bug
(the `not_a_server_error` check fails the run), so it cannot be a coverage target. A 503 says what
a client gets while the database is unreachable; a fuzzing run against a healthy server cannot
observe it (server/tests/test_connection_loss.py does, with the database taken away). A 429 says
what a client over its rate limit gets; the test servers' limits are set so that no run reaches
them (`live_server.TEST_RATE_LIMIT_ENV`; server/tests/test_rate_limits.py reaches them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from patient_tracker.contract.spec_document import walk_operations

# Documented, but not a coverage target (see the module docstring).
EXCLUDED_STATUSES = frozenset({"500", "503", "429"})


@dataclass(frozen=True, order=True)
class Operation:
    """One operation of the spec: an HTTP method and a path template."""

    path: str
    method: str

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


@dataclass
class OperationCoverage:
    """What one operation documents, and what a run observed of it."""

    operation: Operation
    documented: frozenset[str]
    observed: set[str] = field(default_factory=set)
    requests: int = 0

    @property
    def targets(self) -> frozenset[str]:
        """The documented statuses that count (all but `EXCLUDED_STATUSES`)."""
        return self.documented - EXCLUDED_STATUSES

    @property
    def covered(self) -> frozenset[str]:
        return self.targets & frozenset(self.observed)

    @property
    def missing(self) -> frozenset[str]:
        return self.targets - frozenset(self.observed)

    @property
    def undocumented(self) -> frozenset[str]:
        return frozenset(self.observed) - self.documented


@dataclass
class ContractCoverage:
    """Coverage of every operation, plus requests that matched none."""

    operations: list[OperationCoverage]
    unmatched_requests: int = 0

    @property
    def requests(self) -> int:
        return sum(op.requests for op in self.operations) + self.unmatched_requests

    @property
    def target_pairs(self) -> int:
        return sum(len(op.targets) for op in self.operations)

    @property
    def covered_pairs(self) -> int:
        return sum(len(op.covered) for op in self.operations)

    @property
    def ratio(self) -> float:
        return self.covered_pairs / self.target_pairs if self.target_pairs else 1.0

    @property
    def unexercised(self) -> list[Operation]:
        return [op.operation for op in self.operations if op.requests == 0]

    def shortfalls(self, threshold: float) -> list[str]:
        """Why this run falls short of `threshold` (a ratio); empty when it does not."""
        problems = [f"{op} was never exercised" for op in self.unexercised]
        if self.ratio < threshold:
            problems.append(
                f"{self.covered_pairs}/{self.target_pairs} documented (operation, status) pairs "
                f"observed ({self.ratio:.1%}), below the threshold of {threshold:.0%}"
            )
        return problems


def documented_statuses(spec: Mapping[str, Any]) -> dict[Operation, frozenset[str]]:
    """Each operation of `spec` and the status codes its `responses` document."""
    result: dict[Operation, frozenset[str]] = {}
    for method, path, definition, _parameters in walk_operations(spec):
        codes = (str(code) for code in definition.get("responses", {}))
        result[Operation(path, method)] = frozenset(code for code in codes if code.isdigit())
    return result


class OperationMatcher:
    """Maps a request (method, URL path) to the operation whose path template it fills."""

    def __init__(self, operations: Iterable[Operation]) -> None:
        # A template with more literal segments wins (`/a/b` over `/a/{id}`), as in routers.
        self._patterns = sorted(
            ((self._compile(op.path), op) for op in operations),
            key=lambda entry: -self._literal_segments(entry[1].path),
        )

    @staticmethod
    def _compile(template: str) -> re.Pattern[str]:
        parts = re.split(r"(\{[^{}/]+\})", template)
        pattern = "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts)
        return re.compile(f"^{pattern}$")

    @staticmethod
    def _literal_segments(template: str) -> int:
        return sum(1 for segment in template.split("/") if segment and "{" not in segment)

    def match(self, method: str, path: str) -> Operation | None:
        """The operation for `method` and `path`, or None when no template fits."""
        for pattern, operation in self._patterns:
            if operation.method == method.upper() and pattern.match(path):
                return operation
        return None


def measure(spec: Mapping[str, Any], har: Mapping[str, Any]) -> ContractCoverage:
    """Compare the statuses `spec` documents with those the HAR's responses show."""
    documented = documented_statuses(spec)
    coverage = {op: OperationCoverage(op, statuses) for op, statuses in sorted(documented.items())}
    matcher = OperationMatcher(documented)
    unmatched = 0
    for entry in har["log"]["entries"]:
        request, response = entry["request"], entry["response"]
        operation = matcher.match(request["method"], urlsplit(request["url"]).path)
        if operation is None:
            unmatched += 1
            continue
        coverage[operation].requests += 1
        coverage[operation].observed.add(str(response["status"]))
    return ContractCoverage(list(coverage.values()), unmatched)


def render(coverage: ContractCoverage) -> str:
    """The coverage table, one row per operation, then the totals."""
    header = ("operation", "requests", "observed / documented", "not observed", "undocumented")
    rows = [
        (
            str(op.operation),
            str(op.requests),
            f"{len(op.covered)}/{len(op.targets)}",
            " ".join(sorted(op.missing)) or "-",
            " ".join(sorted(op.undocumented)) or "-",
        )
        for op in coverage.operations
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))

    lines = [line(header), line(tuple("-" * width for width in widths))]
    lines += [line(row) for row in rows]
    lines.append(
        f"{coverage.covered_pairs}/{coverage.target_pairs} documented (operation, status) pairs "
        f"observed ({coverage.ratio:.1%}; 500, 503 and 429 excluded), {coverage.requests} "
        f"requests, {coverage.unmatched_requests} outside the documented operations "
        "(unsupported methods)"
    )
    return "\n".join(lines)
