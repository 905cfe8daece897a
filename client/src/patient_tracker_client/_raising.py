"""Which exception an error response raises: its problem code's class, else its status's.

Apart from `_errors.py` because the classes per code (`_problem_errors.py`, generated) subclass
that module's status classes: here both are imported, and neither imports the other back.
"""

from __future__ import annotations

import httpx

from ._errors import ApiError, problem_body, status_class, text
from ._problem_errors import BY_CODE

__all__ = ["error_from_response"]


def error_from_response(response: httpx.Response) -> ApiError:
    """The typed exception for an error response whose body has been read: the class of its
    problem code, or, for a code without one (or one that came with another status), the class
    of its status."""
    problem = problem_body(response.content)
    kind = status_class(response.status_code)
    by_code = BY_CODE.get(text(problem.get("code")))
    if by_code is not None and issubclass(by_code, kind):
        kind = by_code
    return kind(response, problem)
