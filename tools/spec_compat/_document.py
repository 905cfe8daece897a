"""Loading a spec and resolving its local `$ref`s."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

Json = dict[str, Any]


def load(path: Path) -> Json:
    """The spec at `path` as plain data (YAML or JSON)."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        raise ValueError(f"{path}: not an OpenAPI document")
    return document


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


class Resolver:
    """Follows local references (`#/...`) in one document.

    OpenAPI 3.1 lets a `$ref` have siblings (a `description` next to a schema reference); they are
    merged over the target, as the spec says they apply alongside it. A reference cycle resolves
    to an empty object the second time round, which ends the walk instead of looping.
    """

    def __init__(self, document: Json) -> None:
        self.document = document

    def target(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise ValueError(f"only local references are supported, not {ref!r}")
        node: Any = self.document
        for token in filter(None, ref[1:].split("/")):
            key = _unescape(token)
            node = node[int(key)] if isinstance(node, list) else node[key]
        return node

    def resolve(self, node: Any, seen: frozenset[str] = frozenset()) -> Any:
        """`node` with its own `$ref` chain followed (not its children's)."""
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                return {}
            seen = seen | {ref}
            siblings = {key: value for key, value in node.items() if key != "$ref"}
            target = self.target(ref)
            node = {**target, **siblings} if isinstance(target, dict) else target
        return node
