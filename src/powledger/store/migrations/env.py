"""Alembic environment: the engine comes from powledger, never from an ini file."""

from __future__ import annotations

from alembic import context

from powledger.store import schema_accounts, schema_review  # noqa: F401  (register their tables)
from powledger.store.schema import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # pragma: no cover - only when alembic is run by hand
    from powledger.config import get_settings
    from powledger.store.db import make_engine

    engine = make_engine(get_settings().database_url)

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
