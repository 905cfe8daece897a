"""Which constraint did an ``IntegrityError`` violate? The same answer on both dialects."""

from __future__ import annotations

import re

from sqlalchemy import UniqueConstraint
from sqlalchemy.exc import IntegrityError

from patient_tracker.db.tables import metadata

__all__ = ["violated_constraint"]


def _unique_names_by_columns() -> dict[tuple[str, tuple[str, ...]], str]:
    """(table, columns) -> name of the primary key, unique constraint or unique index."""
    names: dict[tuple[str, tuple[str, ...]], str] = {}
    for table in metadata.tables.values():
        pk = table.primary_key
        if isinstance(pk.name, str):
            names[(table.name, tuple(c.name for c in pk.columns))] = pk.name
        for constraint in table.constraints:
            if isinstance(constraint, UniqueConstraint) and isinstance(constraint.name, str):
                names[(table.name, tuple(c.name for c in constraint.columns))] = constraint.name
        for index in table.indexes:
            if index.unique and isinstance(index.name, str):
                names[(table.name, tuple(c.name for c in index.columns))] = index.name
    return names


_UNIQUE_NAMES = _unique_names_by_columns()
# SQLite reports "UNIQUE constraint failed: patients.phone" (no name) and
# "CHECK constraint failed: ck_appointments_end_after_start" (the name).
_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: (.+)$")
_SQLITE_CHECK = re.compile(r"CHECK constraint failed: (\w+)")


def violated_constraint(exc: IntegrityError) -> str | None:
    """Return the name of the constraint behind ``exc``, or None if it cannot be told.

    PostgreSQL names every constraint in the error (``diag.constraint_name``). SQLite names
    CHECK constraints, reports unique violations by column (mapped back to the index name
    here), and does not say which foreign key failed: for that, None.
    """
    orig = exc.orig
    diag = getattr(orig, "diag", None)
    if diag is not None:
        name = getattr(diag, "constraint_name", None)
        return name if isinstance(name, str) else None
    message = str(orig)
    match = _SQLITE_UNIQUE.search(message)
    if match:
        qualified = [part.strip().split(".", 1) for part in match.group(1).split(",")]
        tables = {parts[0] for parts in qualified if len(parts) == 2}
        if len(tables) != 1:
            return None
        columns = tuple(parts[1] for parts in qualified)
        return _UNIQUE_NAMES.get((tables.pop(), columns))
    match = _SQLITE_CHECK.search(message)
    if match:
        return match.group(1)
    return None
