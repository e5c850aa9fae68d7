"""The evidence store's tables (SQLAlchemy 2 declarative). Migrations live in ``migrations/``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of every table."""


class Document(Base):
    """One captured report, immutable once stored; identity is the SHA-256 of its raw bytes."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    external_id: Mapped[str | None] = mapped_column(String(512), index=True)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(256))
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32))
    published_precision: Mapped[str | None] = mapped_column(String(8))
    language: Mapped[str | None] = mapped_column(String(16))
    content_type: Mapped[str] = mapped_column(String(16), nullable=False)
    captured_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    raw_size: Mapped[int] = mapped_column(Integer, nullable=False)
    raw_zlib: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    extractor: Mapped[str | None] = mapped_column(String(64))
    extractor_version: Mapped[str | None] = mapped_column(String(32))

    claims: Mapped[list[Claim]] = relationship(back_populates="document")


class Actor(Base):
    """A party (state, armed group) or a speaker (ministry, official, mediator, ombudsman)."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(256), unique=True, nullable=False)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    party: Mapped[str | None] = mapped_column(String(128))
    aliases: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)


class Claim(Base):
    """One figure or fact asserted in one document, with the exact span that states it."""

    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_document", "document_id"),
        Index("ix_claims_exchange", "exchange_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
    )
    # Which exchange of the document (0 = the main event) and whether it was carried out.
    exchange_index: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    phase: Mapped[str] = mapped_column(String(16), nullable=False, default="completed")
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="returned")
    side: Mapped[str | None] = mapped_column(String(128))
    category: Mapped[str] = mapped_column(String(64), nullable=False, default="total")
    value: Mapped[int | None] = mapped_column(Integer)
    value_low: Mapped[int | None] = mapped_column(Integer)
    value_high: Mapped[int | None] = mapped_column(Integer)
    approximate: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    derived: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    asserted_by_text: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"))
    quote: Mapped[str] = mapped_column(Text, nullable=False)
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    event_date: Mapped[str | None] = mapped_column(String(32))
    event_date_precision: Mapped[str | None] = mapped_column(String(8))
    parties: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    mediators: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    extractor: Mapped[str] = mapped_column(String(64), nullable=False)
    extractor_version: Mapped[str] = mapped_column(String(32), nullable=False)
    confidence: Mapped[float] = mapped_column(Float, nullable=False, default=1.0)
    review_state: Mapped[str] = mapped_column(String(16), nullable=False, default="unreviewed")
    exchange_id: Mapped[int | None] = mapped_column(
        ForeignKey("exchanges.id", ondelete="SET NULL")
    )

    document: Mapped[Document] = relationship(back_populates="claims")
    actor: Mapped[Actor | None] = relationship()


class Exchange(Base):
    """A real-world exchange, built by reconciliation from claims."""

    __tablename__ = "exchanges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True, nullable=False)
    date: Mapped[str | None] = mapped_column(String(32), index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    parties: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    mediators: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    status: Mapped[str] = mapped_column(String(32), nullable=False, default="single-source")
    phase: Mapped[str] = mapped_column(String(16), nullable=False, default="completed")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    figures: Mapped[list[Figure]] = relationship(
        back_populates="exchange", cascade="all, delete-orphan"
    )


class Figure(Base):
    """The ledger's value for one (exchange, side, category) under a named rule."""

    __tablename__ = "figures"
    __table_args__ = (Index("ix_figures_exchange", "exchange_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exchange_id: Mapped[int] = mapped_column(
        ForeignKey("exchanges.id", ondelete="CASCADE"), nullable=False
    )
    side: Mapped[str] = mapped_column(String(128), nullable=False)
    category: Mapped[str] = mapped_column(String(64), nullable=False)
    rule: Mapped[str] = mapped_column(String(32), nullable=False)
    value: Mapped[int | None] = mapped_column(Integer)
    low: Mapped[int | None] = mapped_column(Integer)
    high: Mapped[int | None] = mapped_column(Integer)
    approximate: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    supporting: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    conflicting: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    explanation: Mapped[str] = mapped_column(Text, nullable=False, default="")

    exchange: Mapped[Exchange] = relationship(back_populates="figures")
