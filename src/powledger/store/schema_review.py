"""Tables for review, corrections and event structure (written by the reconciliation work).

Reviews and overrides are keyed on claims' stable keys (document sha256, quote span, category,
side), never on claim ids, so they survive re-extraction and re-reconciliation.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from powledger.store.schema import Base


class EventUnit(Base):
    """One exchange as one document reports it, with its date window and the event it joined."""

    __tablename__ = "event_units"
    __table_args__ = (
        Index("ix_event_units_dates", "parties", "date_lo", "date_hi"),
        Index("ix_event_units_exchange", "exchange_id"),
        Index("ix_event_units_document", "document_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_key: Mapped[str] = mapped_column(String(96), unique=True, nullable=False)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
    )
    exchange_index: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # The report's parties, sorted and joined with '|' ('' when it names fewer than two).
    parties: Mapped[str] = mapped_column(String(256), nullable=False, default="")
    # ISO dates; NULL when neither the report nor its publication gives a date.
    date_lo: Mapped[str | None] = mapped_column(String(10))
    date_hi: Mapped[str | None] = mapped_column(String(10))
    exchange_id: Mapped[int | None] = mapped_column(ForeignKey("exchanges.id", ondelete="SET NULL"))


class EventDetail(Base):
    """What reconciliation knows of an event beyond the exchanges table: role, stages, sources."""

    __tablename__ = "event_details"

    exchange_id: Mapped[int] = mapped_column(
        ForeignKey("exchanges.id", ondelete="CASCADE"), primary_key=True
    )
    # 'event' (standalone), 'agreement' (carried out in stages) or 'stage' (of agreement_id).
    role: Mapped[str] = mapped_column(String(16), nullable=False, default="event")
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("exchanges.id", ondelete="SET NULL"), index=True
    )
    date_lo: Mapped[str | None] = mapped_column(String(10), index=True)
    date_hi: Mapped[str | None] = mapped_column(String(10))
    documents: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    document_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    claim_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class ClaimReview(Base):
    """A reviewer's decision on a claim: accept, reject or correct (with the new value)."""

    __tablename__ = "claim_reviews"
    __table_args__ = (Index("ix_claim_reviews_key", "claim_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_key: Mapped[str] = mapped_column(String(256), nullable=False)
    document_sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    # The claim's id when reviewed; informative only (ids change on re-extraction).
    claim_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    value: Mapped[int | None] = mapped_column(Integer)
    previous_value: Mapped[int | None] = mapped_column(Integer)
    by: Mapped[str] = mapped_column(String(128), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class EventOverride(Base):
    """A reviewer's merge or split of events, stored as claim keys that must or must not meet."""

    __tablename__ = "event_overrides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    claim_keys: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    apart_keys: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    # The documents involved, so incremental reconciliation finds the override again.
    document_ids: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    event_ids: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    by: Mapped[str] = mapped_column(String(128), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
