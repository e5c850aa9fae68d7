"""The documents repository on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import zlib
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from powledger.errors import NotFoundError
from powledger.models import CleanDocument
from powledger.store.db import open_engine, session_scope
from powledger.store.documents import (
    add_documents,
    count_documents,
    document_raw,
    get_document,
    list_documents,
)
from powledger.store.schema import Document


def make_doc(text: str, *, language: str = "en", outlet: str | None = None) -> CleanDocument:
    raw = f"<p>{text}</p>".encode()
    return CleanDocument(
        sha256=hashlib.sha256(raw).hexdigest(),
        raw=raw,
        source=f"{text[:10]}.html",
        content_type="html",
        text=text,
        captured_at=datetime(2026, 1, 1, tzinfo=UTC),
        title=f"Title {text[:5]}",
        outlet=outlet,
        published="2024-06-25",
        published_precision="day",
        language=language,
        external_id="ext-" + text[:3],
    )


def test_add_get_list_and_raw_roundtrip(db_url: str) -> None:
    engine = open_engine(db_url)
    docs = [make_doc("first report"), make_doc("второй отчёт", language="ru", outlet="Wire")]
    with session_scope(engine) as session:
        results = add_documents(session=session, documents=docs)
    assert [r.status for r in results] == ["new", "new"]
    assert [r.source for r in results] == [d.source for d in docs]
    with session_scope(engine) as session:
        stored = get_document(session=session, document_id=results[1].document_id)
        assert stored.text == "второй отчёт"
        assert document_raw(stored) == docs[1].raw
        assert stored.raw_size == len(docs[1].raw)
        assert zlib.decompress(stored.raw_zlib) == docs[1].raw
        assert (stored.language, stored.outlet, stored.published_precision) == ("ru", "Wire", "day")
        by_prefix = get_document(session=session, sha256=docs[0].sha256[:12].upper())
        assert by_prefix.id == results[0].document_id
        assert [d.id for d in list_documents(session=session)] == [r.document_id for r in results]
        assert [d.text for d in list_documents(session=session, language="ru")] == ["второй отчёт"]
        assert list_documents(session=session, outlet="Nobody") == []
        assert count_documents(session=session) == 2
    engine.dispose()


def test_same_bytes_again_store_nothing(db_url: str) -> None:
    engine = open_engine(db_url)
    doc = make_doc("only once")
    with session_scope(engine) as session:
        first = add_documents(session=session, documents=[doc, doc])
    assert [r.status for r in first] == ["new", "existing"]
    assert first[0].document_id == first[1].document_id
    with session_scope(engine) as session:
        again = add_documents(session=session, documents=[doc])
        assert [(r.status, r.document_id) for r in again] == [("existing", first[0].document_id)]
        assert count_documents(session=session) == 1
    engine.dispose()


def test_after_insert_runs_in_the_same_transaction(db_url: str) -> None:
    engine = open_engine(db_url)
    seen: list[int] = []

    def mark(session: object, doc_id: int, doc: CleanDocument) -> None:
        seen.append(doc_id)
        raise RuntimeError("stage broke")

    with pytest.raises(RuntimeError), session_scope(engine) as session:
        add_documents(session=session, documents=[make_doc("rolled back")], after_insert=mark)
    assert len(seen) == 1
    with session_scope(engine) as session:
        # The insert was rolled back with the failing stage: no document without its results.
        assert session.scalars(select(Document)).all() == []
    engine.dispose()


def test_get_document_not_found(sqlite_url: str) -> None:
    engine = open_engine(sqlite_url)
    with session_scope(engine) as session:
        with pytest.raises(NotFoundError, match="document id 42 not found"):
            get_document(session=session, document_id=42)
        with pytest.raises(NotFoundError, match="no document id or sha256"):
            get_document(session=session)
    engine.dispose()
