"""Server-generated identifiers: UUIDv7 strings (RFC 9562).

Python 3.11's :mod:`uuid` has no ``uuid7`` (it arrived in 3.14), so we build one here.
UUIDv7 puts a millisecond Unix timestamp in the top 48 bits, so IDs sort by creation time:
listings can page by ``id`` alone, and B-tree inserts land at the right edge of the index.

Layout (RFC 9562 section 5.7), most significant bit first::

    unix_ts_ms (48) | ver=0b0111 (4) | rand_a (12) | var=0b10 (2) | rand_b (62)

``rand_a`` is used as a counter (RFC 9562 section 6.2, "Fixed Bit-Length Dedicated Counter",
method 1), so IDs made by one process are strictly increasing even within one millisecond and
even if the wall clock steps backwards. Across processes, order is by millisecond only, which is
what "ordered by creation" can promise without coordination.
"""

from __future__ import annotations

import os
import threading
import time

__all__ = ["new_id"]

_COUNTER_MAX = 0xFFF
_lock = threading.Lock()
_last_ms = -1
_counter = 0


def new_id() -> str:
    """Return a new UUIDv7 as a 36-character lowercase string.

    Strictly increasing (as strings and as integers) within this process; thread-safe.
    """
    global _last_ms, _counter
    random_bytes = os.urandom(10)
    now_ms = time.time_ns() // 1_000_000
    with _lock:
        if now_ms > _last_ms:
            _last_ms = now_ms
            # Seed the counter randomly but with its top bit clear, leaving at least 2048
            # increments of headroom in this millisecond (RFC 9562 section 6.2 suggests this).
            _counter = int.from_bytes(random_bytes[:2], "big") & 0x7FF
        else:
            # Same millisecond, or the clock went backwards: keep counting from the last ID.
            _counter += 1
            if _counter > _COUNTER_MAX:
                # Counter exhausted: borrow the next millisecond so order still holds.
                _last_ms += 1
                _counter = 0
        ms = _last_ms
        counter = _counter
    rand_b = int.from_bytes(random_bytes[2:], "big") & ((1 << 62) - 1)
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | rand_b
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
