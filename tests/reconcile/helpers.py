"""Build claims by hand for the reconciliation tests (no extractor involved)."""

from __future__ import annotations

import hashlib

from powledger.reconcile.model import ClaimInput

PARTIES = ("Russia", "Ukraine")


def sha(doc: str) -> str:
    """A fake document hash derived from a readable name."""
    return hashlib.sha256(doc.encode()).hexdigest()


def claim(
    doc: str,
    side: str | None,
    value: int | None,
    *,
    day: str | None = "2024-01-31",
    precision: str | None = "day",
    by: str | None = None,
    category: str = "total",
    index: int = 0,
    phase: str = "completed",
    start: int | None = None,
    approximate: bool = False,
    parties: tuple[str, ...] = PARTIES,
    mediators: tuple[str, ...] = (),
    published: str | None = None,
    claim_id: int | None = None,
) -> ClaimInput:
    """One claim of document ``doc``; ``by`` is the party whose official asserted it."""
    offset = start if start is not None else (hash((side, category, value, by)) % 5000) * 10
    return ClaimInput(
        claim_id=claim_id,
        sha256=sha(doc),
        document_id=None,
        exchange_index=index,
        side=side,
        category=category,
        value=value,
        start=offset,
        end=offset + 20,
        phase=phase,
        approximate=approximate,
        asserter_party=by,
        asserted_by=f"{by} official" if by else None,
        quote=f"{value} returned to {side}",
        event_date=day,
        event_date_precision=precision if day else None,
        published=published or day,
        parties=parties,
        mediators=mediators,
        document_ref=doc,
    )
