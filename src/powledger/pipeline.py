"""The whole pipeline in one call: capture → clean → extract → store → reconcile.

``powledger ingest``, ``powledger demo`` and the web form all go through :func:`ingest_reports`,
so a document is captured, its claims extracted and stored in the same transaction, and the
events it concerns reconciled, in exactly the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from powledger.capture.pipeline import IngestReport, Outcome, ingest_paths
from powledger.config import Settings
from powledger.models import CleanDocument, DocumentExtraction


def extract_clean_document(doc: CleanDocument) -> DocumentExtraction:
    """Extract the exchanges one cleaned document reports (pure; no database)."""
    from powledger.extract import extract_text

    return extract_text(doc.text, doc.published, doc.language, doc_id=doc.external_id or doc.source)


def store_extraction(session: Session, document_id: int, extraction: DocumentExtraction) -> None:
    """Store a document's claims in the transaction that stores the document."""
    from powledger.store.claims import add_extraction

    add_extraction(session=session, document_id=document_id, extraction=extraction)


@dataclass(frozen=True, slots=True)
class PipelineReport:
    """What one run stored: the capture totals and the events reconciliation touched."""

    ingest: IngestReport
    new_document_ids: tuple[int, ...]
    events_touched: int


def ingest_reports(
    paths: Iterable[str],
    *,
    engine: Engine,
    settings: Settings,
    on_outcome: Callable[[Outcome], None] | None = None,
    stdin: IO[bytes] | None = None,
    jobs: int = 1,
    reconcile: bool = True,
) -> PipelineReport:
    """Capture, extract and store every report under ``paths``, then reconcile what is new."""
    new_ids: list[int] = []

    def seen(outcome: Outcome) -> None:
        if outcome.status == "new" and outcome.document_id is not None:
            new_ids.append(outcome.document_id)
        if on_outcome is not None:
            on_outcome(outcome)

    report = ingest_paths(
        paths,
        engine=engine,
        settings=settings,
        process=extract_clean_document,
        store_result=store_extraction,
        on_outcome=seen,
        stdin=stdin,
        jobs=jobs,
    )
    touched = 0
    if reconcile and new_ids:
        from powledger.reconcile import reconcile as reconcile_documents
        from powledger.store.db import session_scope

        with session_scope(engine) as session:
            result = reconcile_documents(session=session, document_ids=new_ids)
        touched = result.events
    return PipelineReport(ingest=report, new_document_ids=tuple(new_ids), events_touched=touched)
