"""Store documents and claims directly (no extractor) for the reconciliation store tests."""

from __future__ import annotations

import hashlib
import zlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powledger.store.schema import Actor, Claim, Document

PARTIES = ["Russia", "Ukraine"]


def actor(session: Session, name: str, party: str | None) -> int:
    """The id of actor ``name``, created on first use."""
    found = session.scalar(select(Actor.id).where(Actor.name == name))
    if found is not None:
        return found
    row = Actor(name=name, kind="official", party=party, aliases=[])
    session.add(row)
    session.flush()
    return row.id


def add_document(
    session: Session,
    ext_id: str,
    figures: list[dict[str, Any]],
    *,
    day: str | None,
    captured: str = "2025-01-01",
    published: str | None = None,
) -> int:
    """Store one document whose claims are ``figures`` (dicts: side, value, by, category, index, phase)."""
    text = f"Report {ext_id}. " + " ".join(f"{f['value']} to {f['side']}." for f in figures)
    raw = text.encode()
    doc = Document(
        sha256=hashlib.sha256(raw).hexdigest(),
        external_id=ext_id,
        source=f"test:{ext_id}",
        content_type="text",
        captured_at=datetime.fromisoformat(captured).replace(tzinfo=UTC),
        raw_size=len(raw),
        raw_zlib=zlib.compress(raw),
        text=text,
        published=published or day,
    )
    session.add(doc)
    session.flush()
    add_claims(session, doc.id, figures, day=day)
    return doc.id


def add_claims(
    session: Session, document_id: int, figures: list[dict[str, Any]], *, day: str | None
) -> None:
    """Store claims for a document, as an extractor would (spans are stable per figure position)."""
    for i, f in enumerate(figures):
        by = f.get("by")
        session.add(
            Claim(
                document_id=document_id,
                exchange_index=f.get("index", 0),
                phase=f.get("phase", "completed"),
                kind="returned",
                side=f["side"],
                category=f.get("category", "total"),
                value=f["value"],
                approximate=False,
                derived=False,
                asserted_by_text=by,
                actor_id=actor(session, f"{by} official", by) if by else None,
                quote=f"{f['value']} to {f['side']}",
                start=i * 10,
                end=i * 10 + 9,
                event_date=f.get("day", day),
                event_date_precision="day" if f.get("day", day) else None,
                parties=f.get("parties", PARTIES),
                mediators=f.get("mediators", []),
                extractor="test",
                extractor_version="1",
                confidence=1.0,
                review_state="unreviewed",
            )
        )
    session.flush()


def both(value: int, by: str | None = None, **extra: Any) -> list[dict[str, Any]]:
    """The same figure for both sides."""
    return [
        {"side": "Ukraine", "value": value, "by": by, **extra},
        {"side": "Russia", "value": value, "by": by, **extra},
    ]
