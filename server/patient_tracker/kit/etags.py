"""Entity tags from row versions, the `If-Match` precondition (RFC 9110 section 13.1.1) and the
`If-None-Match` condition of a read (section 13.1.2).

Not in `http/`: the precondition is checked inside the unit of work, by `resource`, against
the row it locked; the HTTP layer only renders the tag as the `ETag` header.
"""

from __future__ import annotations

from patient_tracker.contract.problems import PreconditionFailedError


def etag_for(version: int) -> str:
    """The strong entity tag of a resource at `version`."""
    return f'"{version}"'


def _listed_tags(if_match: str) -> list[str]:
    return [tag.strip() for tag in if_match.split(",") if tag.strip()]


def check_if_match(if_match: str | None, version: int) -> None:
    """Raise 412 unless `If-Match` is absent, `*`, or lists the current tag.

    `If-Match` uses the strong comparison, so a weak tag (`W/"3"`) never matches.
    """
    if if_match is None:
        return
    tags = _listed_tags(if_match)
    if "*" in tags or etag_for(version) in tags:
        return
    raise PreconditionFailedError(
        f"The resource has changed since it was read; its ETag is now {etag_for(version)}."
    )


def _weak(tag: str) -> str:
    return tag[2:] if tag.startswith("W/") else tag


def unchanged_since(if_none_match: str | None, version: int) -> bool:
    """Whether a read's `If-None-Match` names the resource's current version (answer `304`).

    `If-None-Match` uses the weak comparison: `W/"3"` matches `"3"`. `*` matches any version of
    a resource that exists.
    """
    if if_none_match is None:
        return False
    tags = _listed_tags(if_none_match)
    current = etag_for(version)
    return "*" in tags or any(_weak(tag) == current for tag in tags)
