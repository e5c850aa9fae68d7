"""Adding a report from the web form through the same path as ``powledger ingest``.

The form's text (or uploaded file) and its metadata become one JSONL record, which the capture
pipeline (``capture.pipeline.ingest_paths``) reads, cleans and stores exactly as it does for a
JSONL file given on the command line; claims are extracted in the same transaction, and the
events the new document concerns are reconciled at once.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from powledger.config import Settings
from powledger.errors import InputError
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


def jsonl_record(form: ReportForm, *, max_bytes: int) -> bytes:
    """The form as one JSONL line in the format ``powledger ingest`` reads."""
    from powledger.capture.base import check_bytes, format_size

    if len(form.raw) > max_bytes:
        raise InputError(f"the report is too large (limit {format_size(max_bytes)})")
    if form.url and not form.url.lower().startswith(("http://", "https://")):
        raise InputError("the URL must start with http:// or https://")
    rejected = check_bytes(form.raw, form.filename or "the pasted text")
    if rejected is not None:
        raise InputError(f"cannot add the report: {rejected.message}")
    try:
        body = form.raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("cannot add the report: it is not UTF-8 text") from None
    record: dict[str, Any] = {_content_type(form): body}
    for key in ("url", "outlet", "published", "title"):
        value = getattr(form, key)
        if value:
            record[key] = value
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


def add_report(
    *, session: Session, engine: Engine, settings: Settings, form: ReportForm, by: str
) -> tuple[int, bool]:
    """Capture, clean, extract and store one report; return its document id and whether it is new."""
    from powledger.capture.pipeline import Outcome, ingest_paths
    from powledger.pipeline import extract_clean_document, store_extraction

    line = jsonl_record(form, max_bytes=settings.max_bytes)
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="powledger-web-") as folder:
        path = Path(folder) / "report.jsonl"
        path.write_bytes(line)
        ingest_paths(
            [str(path)],
            engine=engine,
            settings=settings,
            process=extract_clean_document,
            store_result=store_extraction,
            on_outcome=outcomes.append,
        )
    if not outcomes:
        raise InputError("cannot add the report: nothing could be read from it")
    outcome = outcomes[0]
    if outcome.status == "skipped":
        raise InputError(f"cannot add the report: {outcome.message or outcome.reason}")
    document_id = outcome.document_id
    if document_id is None and outcome.sha256:
        document_id = session.scalar(select(Document.id).where(Document.sha256 == outcome.sha256))
    if document_id is None:
        raise InputError("cannot add the report: it was not stored")
    is_new = outcome.status == "new"
    if is_new:
        from powledger.reconcile import reconcile
        from powledger.web.accounts import record_change

        reconcile(session=session, document_ids=[document_id])
        record_change(
            session=session,
            user_name=by,
            action="add-report",
            target_kind="document",
            target_id=document_id,
            detail={"url": form.url, "file": form.filename},
            reason="report added through the web form",
        )
    return document_id, is_new
