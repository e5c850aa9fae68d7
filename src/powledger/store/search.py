"""Full-text search over documents: SQLite FTS5, or PostgreSQL's tsvector with a GIN index."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from powledger.errors import PowledgerError

#: Markers put around matched words in snippets; control characters never occur in cleaned text,
#: so the caller can escape the snippet first and turn the markers into <mark> afterwards.
MARK_START = "\x02"
MARK_END = "\x03"

_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_TERMS = 16
# Must match the expression of the GIN index created by migration 0003.
_PG_TSVECTOR = "to_tsvector('simple', coalesce(d.title, '') || ' ' || d.text)"


class SearchQueryError(PowledgerError):
    """A search query has no word to look for."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching document with a short snippet around the matched words."""

    document_id: int
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    snippet: str


def query_terms(query: str) -> list[str]:
    """Split a user's query into the words searched for (all must match)."""
    terms = _WORD.findall(query)[:_MAX_TERMS]
    if not terms:
        raise SearchQueryError("the search query has no word to look for")
    return terms


def _fts5_expression(terms: list[str]) -> str:
    # Each word is quoted so that FTS5 operators typed by a user are taken literally.
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def search_documents(
    *, session: Session, query: str, limit: int = 20, offset: int = 0
) -> tuple[list[SearchHit], int]:
    """Return one page of documents matching every word of ``query``, best first, and the total."""
    terms = query_terms(query)
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return _search_sqlite(session, terms, limit, offset)
    if dialect == "postgresql":
        return _search_postgresql(session, terms, limit, offset)
    return _search_like(session, terms, limit, offset)


def _search_sqlite(
    session: Session, terms: list[str], limit: int, offset: int
) -> tuple[list[SearchHit], int]:
    expression = _fts5_expression(terms)
    try:
        total = session.execute(
            text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q"),
            {"q": expression},
        ).scalar_one()
        rows = session.execute(
            text(
                "SELECT d.id, d.title, d.outlet, d.published, d.url, "
                "snippet(documents_fts, 1, :a, :b, ' … ', 24) "
                "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                "WHERE documents_fts MATCH :q ORDER BY bm25(documents_fts), d.id "
                "LIMIT :limit OFFSET :offset"
            ),
            {"q": expression, "a": MARK_START, "b": MARK_END, "limit": limit, "offset": offset},
        ).all()
    except OperationalError:
        # A database built without migration 0003 (or an SQLite without FTS5) still answers, slowly.
        session.rollback()
        return _search_like(session, terms, limit, offset)
    return [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5] or "") for r in rows], int(total)


def _search_postgresql(
    session: Session, terms: list[str], limit: int, offset: int
) -> tuple[list[SearchHit], int]:
    # plainto_tsquery ANDs the words and ignores any operator characters a user typed.
    params = {"q": " ".join(terms), "limit": limit, "offset": offset}
    options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=15, MaxFragments=2"
    try:
        total = session.execute(
            text(
                f"SELECT count(*) FROM documents d "
                f"WHERE {_PG_TSVECTOR} @@ plainto_tsquery('simple', :q)"
            ),
            params,
        ).scalar_one()
        rows = session.execute(
            text(
                f"SELECT d.id, d.title, d.outlet, d.published, d.url, "
                f"ts_headline('simple', d.text, plainto_tsquery('simple', :q), :opts) "
                f"FROM documents d WHERE {_PG_TSVECTOR} @@ plainto_tsquery('simple', :q) "
                f"ORDER BY ts_rank({_PG_TSVECTOR}, plainto_tsquery('simple', :q)) DESC, d.id "
                f"LIMIT :limit OFFSET :offset"
            ),
            {**params, "opts": options},
        ).all()
    except ProgrammingError:
        session.rollback()
        return _search_like(session, terms, limit, offset)
    return [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5] or "") for r in rows], int(total)


def _search_like(
    session: Session, terms: list[str], limit: int, offset: int
) -> tuple[list[SearchHit], int]:
    """A plain substring search, for databases without a full-text index."""
    conditions = " AND ".join(f"lower(d.text) LIKE :t{i}" for i in range(len(terms)))
    params: dict[str, object] = {f"t{i}": f"%{t.lower()}%" for i, t in enumerate(terms)}
    total = session.execute(
        text(f"SELECT count(*) FROM documents d WHERE {conditions}"), params
    ).scalar_one()
    rows = session.execute(
        text(
            f"SELECT d.id, d.title, d.outlet, d.published, d.url, d.text FROM documents d "
            f"WHERE {conditions} ORDER BY d.id LIMIT :limit OFFSET :offset"
        ),
        {**params, "limit": limit, "offset": offset},
    ).all()
    hits = [SearchHit(r[0], r[1], r[2], r[3], r[4], _plain_snippet(r[5], terms[0])) for r in rows]
    return hits, int(total)


def _plain_snippet(body: str, term: str, width: int = 120) -> str:
    at = body.lower().find(term.lower())
    if at < 0:
        return body[:width]
    start = max(0, at - width // 2)
    piece = body[start : at + len(term) + width // 2]
    i = at - start
    return piece[:i] + MARK_START + piece[i : i + len(term)] + MARK_END + piece[i + len(term) :]


def split_snippet(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove the match markers from ``snippet`` and return the plain text and the matched spans."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for char in snippet:
        if char == MARK_START:
            start = length
        elif char == MARK_END:
            if start is not None:
                spans.append((start, length))
            start = None
        else:
            plain.append(char)
            length += 1
    return "".join(plain), spans
