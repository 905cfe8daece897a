"""The `RateLimit-Policy` and `RateLimit` headers, parsed: `parse_rate_limits(headers)`.

Both are structured-field lists (RFC 9651; draft-ietf-httpapi-ratelimit-headers), one member per
policy: its name (a string: `"integration"`) with integer parameters, `q` (quota, requests) and
`w` (window, seconds: the time an empty budget takes to fill again) in `RateLimit-Policy`, `r`
(remaining requests) and `t` (seconds until one more request's worth comes back) in `RateLimit`:

    RateLimit-Policy: "integration";q=200;w=2, "address";q=400;w=2
    RateLimit: "integration";r=117;t=1, "address";r=398;t=1

Policy names come from the server, not from here: a policy the API adds shows up as one more
entry. Parsing never raises. A header that is not a valid list is ignored whole (as RFC 9651
asks); a member that is not a string (a name), a parameter that is not a non-negative integer,
and parameters this module does not know (`qu`, `pk`, ...) are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

__all__ = ["RateLimit", "parse_rate_limits"]


@dataclass(frozen=True)
class RateLimit:
    """One rate-limit policy as the response states it; `None` where the headers do not say."""

    policy: str
    """The policy's name (`integration`: the integration's budget; `address`: the client's)."""
    quota: int | None = None
    """`q` of `RateLimit-Policy`: the requests allowed at once (a full budget)."""
    window: int | None = None
    """`w` of `RateLimit-Policy`: the seconds an empty budget takes to fill again."""
    remaining: int | None = None
    """`r` of `RateLimit`: the requests that may be made now."""
    reset: int | None = None
    """`t` of `RateLimit`: seconds until one more request's worth comes back (with `remaining`
    0, when a request fits again)."""


def parse_rate_limits(headers: Mapping[str, str]) -> dict[str, RateLimit] | None:
    """The policies of a response's `RateLimit-Policy` and `RateLimit` headers, by name, in the
    order the headers give them; `None` when the headers name no policy (absent, or invalid).

    `headers` is a response's headers (`httpx.Headers`, or any mapping; names are looked up as
    `RateLimit-Policy` and `RateLimit`, which `httpx.Headers` matches case-insensitively).
    """
    policies = _members(headers.get("RateLimit-Policy"))
    states = _members(headers.get("RateLimit"))
    if policies is None and states is None:
        return None
    found: dict[str, RateLimit] = {}
    for name, params in policies or ():
        found[name] = RateLimit(name, quota=params.get("q"), window=params.get("w"))
    for name, params in states or ():
        found[name] = replace(
            found.get(name, RateLimit(name)), remaining=params.get("r"), reset=params.get("t")
        )
    return found or None


# ---------------------------------------------------------------- a structured-field list parser
#
# RFC 9651, section 4.2: only as much as these headers need, the rest parsed only to be skipped.
# A member is (name, its non-negative integer parameters); of parameters with the same key the
# later wins, and `parse_rate_limits` does the same with members of the same name.

_TOKEN = re.compile(r"[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*")
_KEY = re.compile(r"[a-z*][a-z0-9_\-.*]*")
_NUMBER = re.compile(r"-?[0-9]{1,15}(\.[0-9]{1,3})?")
_BYTES = re.compile(r":[A-Za-z0-9+/=]*:")
_BOOLEAN = re.compile(r"\?[01]")
_STRING_CHARS = re.compile(r"[\x20\x21\x23-\x5b\x5d-\x7e]*")
_OWS = " \t"
_OTHER = object()  # a valid bare item that is neither a string nor an integer (a token, ...)


class _Invalid(Exception):  # noqa: N818 - internal: "the field is invalid"
    """The header is not a valid structured-field list."""


def _members(value: str | None) -> list[tuple[str, dict[str, int]]] | None:
    if value is None:
        return None
    try:
        return _List(value).parse()
    except _Invalid:
        return None


class _List:
    def __init__(self, text: str) -> None:
        self.text = text.strip(" ")
        self.at = 0

    def parse(self) -> list[tuple[str, dict[str, int]]]:
        members: list[tuple[str, dict[str, int]]] = []
        if not self.text:
            return members
        while True:
            if self._peek() == "(":
                self._inner_list()
                self._parameters()
            else:
                item = self._bare_item()
                params = self._parameters()
                if isinstance(item, str):
                    counts = {k: v for k, v in params.items() if type(v) is int and v >= 0}
                    members.append((item, counts))
            self._skip(_OWS)
            if self.at == len(self.text):
                return members
            self._expect(",")
            self._skip(_OWS)
            if self.at == len(self.text):
                raise _Invalid("a trailing comma")

    def _peek(self) -> str:
        return self.text[self.at : self.at + 1]

    def _skip(self, chars: str) -> None:
        while self._peek() and self._peek() in chars:
            self.at += 1

    def _expect(self, char: str) -> None:
        if self._peek() != char:
            raise _Invalid(f"expected {char!r} at {self.at}")
        self.at += 1

    def _match(self, pattern: re.Pattern[str]) -> str:
        found = pattern.match(self.text, self.at)
        if found is None:
            raise _Invalid(f"unexpected {self._peek()!r} at {self.at}")
        self.at = found.end()
        return found.group()

    def _inner_list(self) -> None:
        self._expect("(")
        while True:
            self._skip(" ")
            if self._peek() == ")":
                self.at += 1
                return
            self._bare_item()
            self._parameters()
            if self._peek() not in (" ", ")"):
                raise _Invalid(f"unexpected {self._peek()!r} at {self.at}")

    def _parameters(self) -> dict[str, object]:
        params: dict[str, object] = {}
        while self._peek() == ";":
            self.at += 1
            self._skip(" ")
            key = self._match(_KEY)
            value: object = True
            if self._peek() == "=":
                self.at += 1
                value = self._bare_item()
            params[key] = value
        return params

    def _bare_item(self) -> object:
        """A string as `str`, an integer as `int`, any other valid item as `_OTHER`."""
        first = self._peek()
        if first == '"':
            self.at += 1
            chars = []
            while True:
                chars.append(self._match(_STRING_CHARS))
                if self._peek() == "\\":
                    escaped = self.text[self.at + 1 : self.at + 2]
                    if escaped not in ('"', "\\"):
                        raise _Invalid(f"a bad escape at {self.at}")
                    chars.append(escaped)
                    self.at += 2
                    continue
                self._expect('"')
                return "".join(chars)
        if first == "-" or first.isdigit():
            number = self._match(_NUMBER)
            return _OTHER if "." in number else int(number)
        self._match({":": _BYTES, "?": _BOOLEAN}.get(first, _TOKEN))
        return _OTHER
