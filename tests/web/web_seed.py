"""A small ledger written for the web tests: documents, claims, two events with figures, an actor."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from powledger.reconcile import reconcile
from powledger.store.db import session_scope
from powledger.store.schema import Actor, Claim, Document, Exchange
from powledger.web.accounts import add_user

EDITOR = "reviewer"
PASSWORD = "correct horse battery"

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'

TEXTS = [
    (
        "Kyiv and Moscow swap prisoners",
        "ukrinform",
        "2024-05-31",
        "On Friday Ukraine brought home 75 defenders, the coordination headquarters said. "
        "The Russian defence ministry said 75 Russian servicemen had returned from territory controlled by Kyiv. "
        "The exchange was mediated by the United Arab Emirates.",
    ),
    (
        "Second report on the May swap",
        "tass",
        "2024-06-01",
        "According to the Russian defence ministry, 75 servicemen were returned. "
        "Ukrainian officials put the number of Ukrainians freed at 75.",
    ),
    (
        "Hostile " + HOSTILE,
        "evil" + HOSTILE,
        "2024-06-25",
        "Ukraine says 90 people came home " + HOSTILE + " after a swap, the ombudsman said.",
    ),
]


@dataclass
class Seeded:
    """Ids of what was written (events as the reconciler built them, oldest first)."""

    documents: list[int]
    claims: list[int]
    events: list[int]
    actor: int


def _doc(title: str, outlet: str, published: str, text: str) -> Document:
    raw = text.encode()
    return Document(
        sha256=hashlib.sha256(raw + title.encode()).hexdigest(),
        external_id=f"ext-{published}-{outlet[:4]}",
        source="seed",
        url="https://example.org/" + published,
        outlet=outlet,
        title=title,
        published=published,
        published_precision="day",
        language="en",
        content_type="text",
        captured_at=datetime(2024, 7, 1, tzinfo=UTC),
        raw_size=len(raw),
        raw_zlib=zlib.compress(raw),
        text=text,
    )


def _claim(doc: Document, needle: str, side: str, value: int, by: str, day: str) -> Claim:
    start = doc.text.index(needle)
    return Claim(
        document_id=doc.id,
        side=side,
        category="total",
        value=value,
        asserted_by_text=by,
        quote=needle,
        start=start,
        end=start + len(needle),
        event_date=day,
        event_date_precision="day",
        parties=["Ukraine", "Russia"],
        mediators=["United Arab Emirates"],
        extractor="seed",
        extractor_version="1",
        confidence=0.7,
    )


def seed(engine: Engine, *, with_user: bool = True) -> Seeded:
    """Write documents and claims, reconcile them into events, and add an editor account."""
    with session_scope(engine) as session:
        docs = [_doc(*t) for t in TEXTS]
        session.add_all(docs)
        session.flush()
        may, june = "2024-05-31", "2024-06-25"
        claims = [
            _claim(
                docs[0],
                "Ukraine brought home 75 defenders",
                "Ukraine",
                75,
                "coordination headquarters",
                may,
            ),
            _claim(
                docs[0],
                "75 Russian servicemen had returned",
                "Russia",
                75,
                "Russian defence ministry",
                may,
            ),
            _claim(
                docs[1],
                "75 servicemen were returned",
                "Russia",
                75,
                "Russian defence ministry",
                may,
            ),
            _claim(docs[1], "Ukrainians freed at 75", "Ukraine", 75, "Ukrainian officials", may),
            _claim(
                docs[2],
                "Ukraine says 90 people came home",
                "Ukraine",
                90,
                "ombudsman " + HOSTILE,
                june,
            ),
        ]
        session.add_all(claims)
        session.flush()
        reconcile(session=session)
        events = list(session.scalars(select(Exchange.id).order_by(Exchange.date, Exchange.id)))
        actor = Actor(
            name="Coordination Headquarters", kind="speaker", party="Ukraine", aliases=["KSHPPV"]
        )
        session.add(actor)
        if with_user:
            add_user(session=session, name=EDITOR, password=PASSWORD)
        session.flush()
        return Seeded(
            documents=[d.id for d in docs],
            claims=[c.id for c in claims],
            events=events,
            actor=actor.id,
        )
