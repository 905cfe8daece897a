"""Which webhook URLs the server may send to: the defences against server-side request forgery.

An endpoint URL is checked twice. When it is saved (`check_url`, then `resolve_destination`): an
absolute `https` URL (`http` only if the policy allows it, for development), a host within DNS's
limits (a name of at most 253 characters once IDNA-encoded, in labels of 1 to 63), no user info,
and every address the host resolves to public. And at every delivery (`resolve_destination`
again, on a fresh DNS answer): a name that resolved to a public address when it was saved may
resolve to `127.0.0.1` now (DNS rebinding). The sender then connects to the very address vetted
here (`Destination.connect_url`), sending the registered host as `Host` and as the TLS server
name, so that no second lookup happens between the check and the connection.

"Public" is the `ipaddress` module's `is_global`, minus multicast, reserved, unspecified,
loopback, link-local and private ranges spelled out (older Pythons misclassified some), with
the IPv4 address inside IPv4-mapped, NAT64 and 6to4 IPv6 addresses judged too, and Teredo
refused. All of a host's addresses must be public, not just one: a client may pick any of them.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]

MAX_URL_LENGTH = 2048
# DNS's limits on a name (RFC 1035, 2.3.4 and 3.1): 255 octets on the wire are 253 characters
# written with dots (no trailing one), and a label is at most 63 octets. Python's `idna` codec,
# which `getaddrinfo` applies to a `str` host, raises `UnicodeError` on an empty label or one
# over 63 ("label too long"): checked here first, so that such a host is a 422 naming the URL,
# not an error out of the resolver.
MAX_HOST_LENGTH = 253
MAX_LABEL_LENGTH = 63
_DEFAULT_PORTS = {"https": 443, "http": 80}
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class UnsafeDestinationError(ValueError):
    """The URL, or an address its host resolves to, may not be sent to.

    `reason` is a fixed code (`invalid_url`, `scheme_not_allowed`, `credentials_in_url`,
    `unresolvable`, `private_address`), safe to store on a delivery attempt and to show.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class DestinationPolicy:
    """What development and tests may loosen (both off in production)."""

    allow_http: bool = False
    allow_private_addresses: bool = False
    # Off: a host that is a name is refused without asking DNS (hermetic tests: no lookup, no
    # answer that depends on the network). On in production.
    resolve_names: bool = True


@dataclass(frozen=True)
class Destination:
    """An endpoint URL and the vetted address to connect to for it."""

    url: httpx.URL
    address: IPAddress

    @property
    def connect_url(self) -> httpx.URL:
        """The URL with the vetted address in place of the host name."""
        return self.url.copy_with(host=str(self.address))

    @property
    def host_header(self) -> str:
        """`Host` as a request to the registered URL would send it (IDNA-encoded, port if any)."""
        return self.url.netloc.decode("ascii")

    @property
    def server_name(self) -> str:
        """The name the TLS certificate is checked against (and sent as SNI): the URL's host."""
        return self.url.raw_host.decode("ascii")


def is_public_address(address: IPAddress) -> bool:
    """Whether `address` is a public unicast address (see the module docstring)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.teredo is not None:
            return False
        translated = address.ipv4_mapped
        if address in _NAT64:
            translated = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if translated is not None:
            # ::ffff:0:0/96 and 64:ff9b::/96 reach the IPv4 address inside: judge that alone.
            return is_public_address(translated)
        if address.sixtofour is not None and not is_public_address(address.sixtofour):
            return False
    return address.is_global and not (
        address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or address.is_loopback
        or address.is_link_local
        or address.is_private
    )


def check_url(url: str, policy: DestinationPolicy) -> httpx.URL:
    """The URL parsed, if its form is acceptable; raises `UnsafeDestinationError` otherwise.

    No DNS here. A host that is an IP literal is judged now; a name, by `resolve_destination`,
    once its form is known to be one DNS can carry (`_check_host_name`).
    """
    if len(url) > MAX_URL_LENGTH:
        raise UnsafeDestinationError("invalid_url", f"the URL is longer than {MAX_URL_LENGTH}")
    try:
        parsed = httpx.URL(url)
        # httpx IDNA-encodes a non-ASCII host when parsing (refusing what `idna` refuses, long
        # labels included), but decodes an ASCII `xn--` label only when `host` is read, and an
        # invalid one (`xn--a`) then raises `idna.IDNAError`, a `UnicodeError`: read it here.
        host = parsed.host
    except (httpx.InvalidURL, UnicodeError) as error:
        raise UnsafeDestinationError("invalid_url", "the URL cannot be parsed") from error
    allowed = ("https", "http") if policy.allow_http else ("https",)
    if parsed.scheme not in allowed:
        raise UnsafeDestinationError(
            "scheme_not_allowed", f"the URL must be {' or '.join(allowed)}"
        )
    if not host:
        raise UnsafeDestinationError("invalid_url", "the URL has no host")
    if parsed.port is not None and not 0 < parsed.port < 65536:  # httpx accepts any number
        raise UnsafeDestinationError("invalid_url", "the URL's port is out of range")
    if parsed.userinfo:
        raise UnsafeDestinationError("credentials_in_url", "the URL must not carry credentials")
    literal = _ip_literal(host)
    if literal is None:
        _check_host_name(parsed.raw_host)
    else:  # an IP literal has no labels: DNS never sees it
        _check_addresses([literal], policy)
    return parsed


async def system_resolver(host: str, port: int) -> list[IPAddress]:
    """The host's addresses from the system resolver (the event loop's `getaddrinfo`)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found: list[IPAddress] = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]))
        if address not in found:
            found.append(address)
    return found


async def resolve_destination(
    url: str, policy: DestinationPolicy, resolver: Resolver = system_resolver
) -> Destination:
    """Check `url`, resolve its host now, and vet every address; the first is the one to use."""
    parsed = check_url(url, policy)
    literal = _ip_literal(parsed.host)
    if literal is not None:
        return Destination(parsed, literal)
    if not policy.resolve_names:
        raise UnsafeDestinationError("unresolvable", "this server resolves no host names")
    port = parsed.port or _DEFAULT_PORTS[parsed.scheme]
    try:
        addresses = await resolver(parsed.raw_host.decode("ascii"), port)
    except (OSError, UnicodeError) as error:
        # `socket.gaierror` is an OSError. `UnicodeError` is the `idna` codec refusing the name:
        # `check_url` lets no such name through, but should a form the codec refuses slip past
        # it, the answer is still "does not resolve" (a 422), never an unhandled error (a 500).
        raise UnsafeDestinationError("unresolvable", "the URL's host does not resolve") from error
    if not addresses:
        raise UnsafeDestinationError("unresolvable", "the URL's host has no address")
    _check_addresses(addresses, policy)
    return Destination(parsed, addresses[0])


def _ip_literal(host: str) -> IPAddress | None:
    """`host` as an address when it is an IP literal (httpx gives IPv6 ones without brackets)."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _check_host_name(raw_host: bytes) -> None:
    """Refuse a host name DNS cannot carry: over 253 characters, or a label empty or over 63.

    `raw_host` is the host as sent on the wire (IDNA-encoded, lower case), so the limits count
    what DNS counts. One trailing dot (a fully qualified name: the empty root label) is allowed
    and not counted; any other empty label (`a..b`, `.a`, `a..`) is refused.
    """
    name = raw_host.removesuffix(b".")
    if len(name) > MAX_HOST_LENGTH:
        raise UnsafeDestinationError(
            "invalid_url", f"the URL's host is longer than {MAX_HOST_LENGTH} characters"
        )
    if any(not 0 < len(label) <= MAX_LABEL_LENGTH for label in name.split(b".")):
        raise UnsafeDestinationError(
            "invalid_url",
            f"the URL's host has an empty label or one longer than {MAX_LABEL_LENGTH} characters",
        )


def _check_addresses(addresses: list[IPAddress], policy: DestinationPolicy) -> None:
    if policy.allow_private_addresses:
        return
    if not all(is_public_address(address) for address in addresses):
        raise UnsafeDestinationError(
            "private_address", "the URL's host is or resolves to a non-public address"
        )
