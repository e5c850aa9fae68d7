"""Engines, sessions and migrations for the evidence store (SQLite by default, PostgreSQL too)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from powledger.errors import DatabaseError

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
_migrated: set[str] = set()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Build an engine for ``url``; SQLite gets WAL and foreign keys on every connection."""
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise DatabaseError(f"cannot use database URL {url!r}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "heads") -> None:
    """Migrate the database behind ``engine`` to ``revision``."""
    from alembic import command

    try:
        command.upgrade(_alembic_config(engine), revision)
    except OperationalError as exc:
        raise DatabaseError(f"cannot migrate the database: {exc.orig}") from None
    _migrated.add(str(engine.url))


def current_revision(engine: Engine) -> str | None:
    """Return the database's Alembic revision(s), comma-separated, or None for a new database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    return ",".join(sorted(heads)) or None


def head_revision() -> str:
    """Return the newest revision(s) the code knows, comma-separated."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(make_engine("sqlite://")))
    return ",".join(sorted(script.get_heads()))


def open_engine(url: str, *, migrate: bool = True) -> Engine:
    """Open the store at ``url``, migrating it to the newest schema when needed."""
    engine = make_engine(url)
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        raise DatabaseError(f"cannot open database {_safe_url(engine)}: {exc.orig}") from None
    if migrate and str(engine.url) not in _migrated:
        if current_revision(engine) != head_revision():
            logger.info("migrating %s", _safe_url(engine))
            upgrade(engine)
        _migrated.add(str(engine.url))
    return engine


def has_tables(engine: Engine) -> bool:
    """Whether the store's tables exist."""
    return inspect(engine).has_table("documents")


def _safe_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    factory = sessionmaker(engine, expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
