"""Printing findings so that a reviewer sees each change once, with where it is used."""

from __future__ import annotations

from collections import defaultdict

from ._findings import Finding

SHOWN_PLACES = 3


def render(findings: list[Finding]) -> list[str]:
    """One entry per change: a change inside a named schema is listed once, with its uses."""
    by_source: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    lines: list[str] = []
    for finding in findings:
        if finding.source:
            by_source[(finding.rule.value, finding.source, finding.detail)].append(finding)
        else:
            lines.append(str(finding))
    for (rule, source, detail), uses in sorted(by_source.items()):
        places = [f"{use.operation} at {use.location}" for use in uses]
        more = f" and {len(places) - SHOWN_PLACES} more" if len(places) > SHOWN_PLACES else ""
        lines.append(
            f"[{rule}] {source}: {detail}\n    used in {len(places)} place(s): "
            + "; ".join(places[:SHOWN_PLACES])
            + more
        )
    return sorted(lines)
