"""Fixtures for the API and page tests: a seeded database and a client of the real app."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_seed import Seeded, seed

from powledger.api import create_app
from powledger.config import Settings
from powledger.store.db import open_engine


@pytest.fixture
def seeded(db_url: str) -> tuple[str, Seeded]:
    """A migrated database (SQLite and PostgreSQL) holding the small test ledger."""
    return db_url, seed(open_engine(db_url))


@pytest.fixture
def client(seeded: tuple[str, Seeded]) -> Iterator[TestClient]:
    """A client of the app over the seeded database; server errors come back as responses."""
    url, _ = seeded
    app = create_app(Settings(database_url=url))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.state.powledger.engine.dispose()


@pytest.fixture
def ids(seeded: tuple[str, Seeded]) -> Seeded:
    """Ids of the seeded rows."""
    return seeded[1]
