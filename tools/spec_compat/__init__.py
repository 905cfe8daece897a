"""A breaking-change checker for OpenAPI 3.1 specs: `python -m spec_compat --help`.

`compare(old, new)` lists the changes from the released spec `old` to `new` that would break a
client (the generated SDK) written against `old`. Each `Finding` names its `Rule`.
"""

from __future__ import annotations

from ._document import Json, load
from ._findings import Finding, Rule
from ._operations import SpecComparer

__all__ = ["Finding", "Rule", "compare", "load"]


def compare(old: Json, new: Json) -> list[Finding]:
    """The breaking changes from `old` to `new`, sorted by operation and location."""
    return SpecComparer(old, new).findings()
