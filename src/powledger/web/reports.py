"""Adding a report from the web form: the capture stages (checks, cleaning, language), then the store."""

from __future__ import annotations

import importlib
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powledger.errors import InputError
from powledger.models import CleanDocument, RawDocument, Rejected
from powledger.store.schema import Document


@dataclass(frozen=True, slots=True)
class ReportForm:
    """What an editor typed, pasted or uploaded."""

    raw: bytes
    filename: str | None
    content_type: str
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None


def _content_type(form: ReportForm) -> str:
    name = (form.filename or "").lower()
    if name.endswith((".html", ".htm")):
        return "html"
    if name.endswith(".txt"):
        return "text"
    if form.content_type not in ("text", "html"):
        raise InputError("the report's format must be text or html")
    return form.content_type


def build_raw(form: ReportForm, *, max_bytes: int) -> RawDocument:
    """Check the submitted bytes and wrap them as a captured input."""
    from powledger.capture.base import check_bytes, format_size

    if len(form.raw) > max_bytes:
        raise InputError(f"the report is too large (limit {format_size(max_bytes)})")
    if form.url and not form.url.lower().startswith(("http://", "https://")):
        raise InputError("the URL must start with http:// or https://")
    source = f"web:{form.filename}" if form.filename else "web:pasted"
    rejected = check_bytes(form.raw, source)
    if rejected is not None:
        raise InputError(f"cannot add the report: {rejected.message}")
    return RawDocument(
        raw=form.raw,
        source=source,
        content_type=_content_type(form),  # type: ignore[arg-type]
        url=form.url,
        title=form.title,
        outlet=form.outlet,
        published=form.published,
    )


def _store_clean(session: Session, clean: CleanDocument) -> tuple[int, bool]:
    """Store a cleaned document with the capture engineer's repository when it exists."""
    existing = session.scalar(select(Document.id).where(Document.sha256 == clean.sha256))
    if existing is not None:
        return existing, False
    try:
        documents: Any = importlib.import_module("powledger.store.documents")
    except ImportError:
        documents = None
    if documents is not None and hasattr(documents, "add_documents"):
        documents.add_documents(session=session, documents=[clean])
        session.flush()
        stored = session.scalar(select(Document.id).where(Document.sha256 == clean.sha256))
        if stored is not None:
            return stored, True
    doc = Document(
        sha256=clean.sha256,
        external_id=clean.external_id,
        source=clean.source,
        url=clean.url,
        outlet=clean.outlet,
        title=clean.title,
        author=clean.author,
        published=clean.published,
        published_precision=clean.published_precision,
        language=clean.language,
        content_type=clean.content_type,
        captured_at=clean.captured_at,
        raw_size=len(clean.raw),
        raw_zlib=zlib.compress(clean.raw),
        text=clean.text,
    )
    session.add(doc)
    session.flush()
    return doc.id, True


def add_report(*, session: Session, form: ReportForm, max_bytes: int, by: str) -> tuple[int, bool]:
    """Capture, clean and store one report; return its document id and whether it is new."""
    from powledger.capture.clean import clean_document

    raw = build_raw(form, max_bytes=max_bytes)
    clean = clean_document(raw, captured_at=datetime.now(UTC))
    if isinstance(clean, Rejected):
        raise InputError(f"cannot add the report: {clean.message}")
    document_id, is_new = _store_clean(session, clean)
    if is_new:
        from powledger.web.accounts import record_change

        record_change(
            session=session,
            user_name=by,
            action="add-report",
            target_kind="document",
            target_id=document_id,
            detail={"source": raw.source, "url": raw.url},
            reason="report added through the web form",
        )
    return document_id, is_new
