"""The evidence store: migrations, SQLite pragmas, and the same schema on PostgreSQL."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from powledger.cli import main
from powledger.errors import DatabaseError
from powledger.store.db import current_revision, head_revision, open_engine, session_scope
from powledger.store.schema import Claim, Document


def _document(sha: str = "a" * 64) -> Document:
    raw = b"Kyiv brought home 103 prisoners of war."
    return Document(
        sha256=sha,
        content_type="text",
        captured_at=datetime.now(UTC),
        raw_size=len(raw),
        raw_zlib=zlib.compress(raw),
        text=raw.decode(),
    )


def test_new_database_is_migrated_to_head(db_url: str) -> None:
    engine = open_engine(db_url)
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"documents", "claims", "actors", "exchanges", "figures"} <= tables


def test_sqlite_uses_wal_and_foreign_keys(sqlite_url: str) -> None:
    engine = open_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_claim_needs_an_existing_document(db_url: str) -> None:
    engine = open_engine(db_url)
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(
            Claim(
                document_id=999_999,
                quote="103",
                start=0,
                end=3,
                extractor="test",
                extractor_version="0",
            )
        )


def test_same_sha256_is_stored_once(db_url: str) -> None:
    engine = open_engine(db_url)
    with session_scope(engine) as session:
        session.add(_document())
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        session.add(_document())
    with session_scope(engine) as session:
        assert len(session.scalars(select(Document)).all()) == 1


def test_db_upgrade_command_is_idempotent(db_url: str) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["--db", db_url, "db", "upgrade"])
    assert first.exit_code == 0, first.output
    assert "migrated" in first.output
    second = runner.invoke(main, ["--db", db_url, "db", "upgrade"])
    assert second.exit_code == 0
    assert "already at revision" in second.output


def test_database_url_from_environment(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> None:
    monkeypatch.setenv("POWLEDGER_DATABASE_URL", sqlite_url)
    result = CliRunner().invoke(main, ["db", "status"])
    assert result.exit_code == 0, result.output
    assert head_revision() in result.output


def test_unusable_database_url_is_one_clean_line() -> None:
    result = CliRunner().invoke(main, ["--db", "nosuchdialect://x", "db", "status"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot use database URL")
    assert "Traceback" not in result.output


def test_unreachable_postgres_is_one_clean_line() -> None:
    with pytest.raises(DatabaseError, match="cannot open database"):
        open_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
