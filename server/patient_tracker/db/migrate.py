"""Run Alembic migrations programmatically (no alembic.ini needed, works from a wheel)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

__all__ = ["MIGRATIONS_DIR", "alembic_config", "current_revision", "head_revision", "upgrade"]

# A plain filesystem path rather than Alembic's "package:dir" resource form: the package is
# always unpacked on disk (editable install or wheel), and Alembic's resource code path is
# untested upstream.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine | None = None, url: str | None = None) -> Config:
    """Build an Alembic :class:`~alembic.config.Config` for this package's migrations.

    ``engine`` (preferred) is used as is by ``env.py``; otherwise ``url``; otherwise env.py
    falls back to the settings' ``database_url``. Usable with any ``alembic.command``, e.g.
    ``command.revision(alembic_config(), "add x", autogenerate=True)`` for developers.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    # Revision files are named "<rev>_<slug>.py"; our revision ids are "0001", "0002", ...
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if engine is not None:
        config.attributes["engine"] = engine
    if url is not None:
        # ConfigParser interpolation: a literal "%" in a password must be doubled.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database behind ``engine`` to ``revision`` (default: the latest).

    Safe to run from several processes at once: the migration transaction takes a lock first
    (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), and the second process
    finds the work done. Not from several threads of one process: Alembic's ``context`` is a
    process-wide global.
    """
    command.upgrade(alembic_config(engine), revision)


def head_revision() -> str | None:
    """The newest revision id shipped with this package."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None if it was never migrated."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
