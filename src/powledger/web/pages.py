"""Server-rendered pages for reading: home with charts, events, documents, search, review queue."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from powledger.api import actions, queries
from powledger.api.deps import cached_read
from powledger.errors import InputError
from powledger.store.schema import Claim, Document
from powledger.store.search import MARK_END, MARK_START, search_documents
from powledger.web import charts
from powledger.web.highlight import Span, excerpt, mark_spans
from powledger.web.render import PAGE_SIZE, SessionDep, pager, render, render_error

router = APIRouter(include_in_schema=False)


# --- reading ---------------------------------------------------------------------------------


def _chart_events(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events as the charts want them: per side the value, low and high (sides without one left out)."""
    out = []
    for item in items:
        sides = {
            side: {
                "value": value,
                "low": (item.get("low") or {}).get(side),
                "high": (item.get("high") or {}).get(side),
            }
            for side, value in (item.get("returned_to") or {}).items()
            if value is not None
        }
        if item.get("date") and sides:
            out.append({"id": item["id"], "date": item["date"], "sides": sides})
    return out


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, session: SessionDep, rule: str | None = None) -> Response:
    """Timeline of exchanges and cumulative totals, with the latest events."""
    chosen = queries.check_rule(rule)

    def build() -> dict[str, Any]:
        items = queries.all_events(session=session, rule=chosen)
        pairs = queries.ledger_totals(session=session, rule=chosen)["pairs"]
        # The pair of parties with the most exchanges comes first and is the one charted.
        pairs.sort(key=lambda p: (-p["events"], p["parties"]))
        for pair in pairs:
            # Alphabetical, as the charts order sides, so each side keeps one colour.
            pair["cards"] = sorted(pair["totals"].items())
        charted = pairs[0]["parties"] if pairs else []
        events = _chart_events([i for i in items if sorted(i["parties"]) == charted])
        return {
            "timeline": charts.timeline_svg(events),
            "cumulative": charts.cumulative_svg(events),
            "charted": charted,
            "pairs": pairs,
            "count_events": len(items),
            "count_documents": session.scalar(select(func.count(Document.id))) or 0,
            "count_claims": session.scalar(select(func.count(Claim.id))) or 0,
            # Newest dated exchanges first; undated ones are listed on the events page.
            "latest": [i for i in items if i.get("date")][-10:][::-1],
        }

    data = cached_read(request, session, f"page:home:{chosen}", build)
    return render(
        request,
        session,
        "home.html",
        {**data, "rule": chosen, "rules": queries.RULES},
        cache_key=f"home:{chosen}",
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    session: SessionDep,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    party: str | None = None,
    rule: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """All events, newest first, with filters."""
    page = queries.list_events(
        session=session,
        date_from=date_from or None,
        date_to=date_to or None,
        party=party or None,
        rule=rule or None,
        sort="-date",
        limit=PAGE_SIZE,
        offset=offset,
    )
    return render(
        request,
        session,
        "events.html",
        {
            "events": page.items,
            "pages": pager(page.total, offset, PAGE_SIZE, request),
            "filters": {"from": date_from or "", "to": date_to or "", "party": party or ""},
            "rule": queries.check_rule(rule or None),
            "rules": queries.RULES,
        },
    )


def _event_with_excerpts(session: Session, event_id: int, rule: str) -> dict[str, Any]:
    """An event whose every source carries its quote marked inside the surrounding text."""
    event = queries.get_event(session=session, event_id=event_id, rule=rule)
    doc_ids = {
        s["document_id"] for f in event["figures"] for s in f["supporting"] + f["conflicting"]
    }
    texts = (
        dict(
            session.execute(
                select(Document.id, Document.text).where(Document.id.in_(doc_ids))
            ).all()
        )
        if doc_ids
        else {}
    )
    titles = {d["id"]: d["title"] for d in event["document_list"]}
    for number, figure in enumerate(event["figures"], start=1):
        figure["anchor"] = f"figure-{number}"
        for role in ("supporting", "conflicting"):
            for source in figure[role]:
                body = texts.get(source["document_id"], "")
                anchor = f"f{number}-c{source['claim_id']}"
                source["anchor"] = anchor
                source["title"] = titles.get(source["document_id"])
                source["excerpt"] = excerpt(
                    body, source["start"], source["end"], anchor, f"claim {source['claim_id']}"
                )
    return event


@router.get("/events/{event_id}", response_class=HTMLResponse)
async def event_page(
    event_id: int, request: Request, session: SessionDep, rule: str | None = None
) -> Response:
    """One event: each figure opens its sources, quotes highlighted in the preserved text."""
    chosen = queries.check_rule(rule or None)
    event = cached_read(
        request,
        session,
        f"page:event:{event_id}:{chosen}",
        lambda: _event_with_excerpts(session, event_id, chosen),
    )
    return render(
        request,
        session,
        "event.html",
        {"event": event, "rule": event["rule"], "rules": queries.RULES},
        headers={"ETag": event["etag"]},
        cache_key=f"event:{event_id}:{chosen}",
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    session: SessionDep,
    outlet: str | None = None,
    language: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """All documents, newest publication first."""
    page = queries.list_documents(
        session=session,
        outlet=outlet or None,
        language=language or None,
        sort="-published",
        limit=PAGE_SIZE,
        offset=offset,
    )
    return render(
        request,
        session,
        "documents.html",
        {
            "documents": page.items,
            "pages": pager(page.total, offset, PAGE_SIZE, request),
            "filters": {"outlet": outlet or "", "language": language or ""},
        },
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(document_id: int, request: Request, session: SessionDep) -> Response:
    """One document: its metadata and preserved text, every claim highlighted."""
    doc = queries.get_document(session=session, document_id=document_id)
    claims = list(
        session.scalars(select(Claim).where(Claim.document_id == document_id).order_by(Claim.start))
    )
    spans = [
        Span(
            c.start,
            c.end,
            f"claim-{c.id}",
            f"claim {c.id}: {c.category} {c.value if c.value is not None else 'undisclosed'} to {c.side or 'unknown side'}",
            f"claim state-{c.review_state}",
        )
        for c in claims
    ]
    return render(
        request,
        session,
        "document.html",
        {
            "doc": queries.document_dict(doc),
            "text": mark_spans(doc.text, spans),
            "claims": [queries.claim_dict(c) for c in claims],
        },
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    session: SessionDep,
    q: Annotated[str, Query(max_length=500)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Full-text search over documents."""
    hits: list[dict[str, Any]] = []
    total = 0
    message = None
    if q.strip():
        try:
            found, total = search_documents(
                session=session, query=q, limit=PAGE_SIZE, offset=offset
            )
        except InputError as exc:
            message = exc.message
        else:
            for hit in found:
                # Escape first, then turn the markers into <mark>: the snippet is report text.
                snippet = str(Markup.escape(hit.snippet))
                snippet = snippet.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
                hits.append(
                    {
                        "id": hit.document_id,
                        "title": hit.title,
                        "outlet": hit.outlet,
                        "published": hit.published,
                        "snippet": Markup(snippet),
                    }
                )
    return render(
        request,
        session,
        "search.html",
        {
            "q": q,
            "hits": hits,
            "message": message,
            "pages": pager(total, offset, PAGE_SIZE, request),
        },
    )


# --- review ----------------------------------------------------------------------------------

REVIEW_STATES = ("unreviewed", "accepted", "rejected", "corrected")


@router.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request,
    session: SessionDep,
    state: str = "unreviewed",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """The review queue: claims to accept, reject or correct, and the latest changes."""
    if state not in REVIEW_STATES:
        raise InputError(f"unknown review state {state!r}: use one of {', '.join(REVIEW_STATES)}")
    page = queries.list_claims(
        session=session, review_state=state, sort="confidence", limit=PAGE_SIZE, offset=offset
    )
    claim_ids = [i["id"] for i in page.items]
    claim_rows = {c.id: c for c in session.scalars(select(Claim).where(Claim.id.in_(claim_ids)))}
    reviews = queries.latest_reviews(session=session, claim_ids=claim_ids)
    doc_ids = {i["document_id"] for i in page.items}
    docs = (
        {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(doc_ids)))}
        if doc_ids
        else {}
    )
    for item in page.items:
        doc = docs.get(item["document_id"])
        item["etag"] = queries.claim_etag(claim_rows[item["id"]], reviews.get(item["id"]))
        item["review"] = queries.review_dict(reviews.get(item["id"]))
        item["document_title"] = (doc.title or doc.url or f"document {doc.id}") if doc else ""
        item["excerpt"] = (
            excerpt(
                doc.text, item["start"], item["end"], f"q-{item['id']}", f"claim {item['id']}", 160
            )
            if doc
            else item["quote"]
        )
    changes, _ = actions.history(session=session, limit=10, offset=0)
    return render(
        request,
        session,
        "review.html",
        {
            "claims": page.items,
            "state": state,
            "states": REVIEW_STATES,
            "pages": pager(page.total, offset, PAGE_SIZE, request),
            "changes": changes,
            "done": request.query_params.get("done"),
        },
    )


@router.get("/history", response_class=HTMLResponse)
def history_page(
    request: Request, session: SessionDep, offset: Annotated[int, Query(ge=0)] = 0
) -> Response:
    """Every change made through the web or the API, newest first."""
    changes, total = actions.history(session=session, limit=PAGE_SIZE * 2, offset=offset)
    return render(
        request,
        session,
        "history.html",
        {"changes": changes, "pages": pager(total, offset, PAGE_SIZE * 2, request)},
    )


__all__ = ["render", "render_error", "router"]
