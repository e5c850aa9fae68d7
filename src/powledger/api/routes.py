"""The REST API under /api/v1: documents, claims, events, totals, actors, search, review actions."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from powledger.api import actions, queries
from powledger.api.deps import (
    CSRF_HEADER,
    cached_read,
    check_csrf,
    get_session,
    mark_changed,
    require_editor,
    require_match,
    visitor,
)
from powledger.api.errors import ApiError
from powledger.api.formats import items_json, page_response, to_csv, wanted_format
from powledger.store.search import search_documents, split_snippet
from powledger.web import accounts

router = APIRouter(prefix="/api/v1")

SessionDep = Annotated[Session, Depends(get_session)]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
Format = Annotated[str | None, Query(alias="format", description="json (default) or csv.")]
Sort = Annotated[str, Query(description="Field to sort by; prefix with - for descending.")]
Rule = Annotated[
    str | None, Query(description="own-side (default), conservative, majority or range.")
]


def _editor_for_write(request: Request, session: Session) -> str:
    found = visitor(request, session)
    user = require_editor(found)
    check_csrf(found, request.headers.get(CSRF_HEADER))
    return user.name


def _clear_caches(session: Session) -> None:
    mark_changed(session)


def _with_etag(request: Request, body: dict[str, Any], etag: str) -> Response:
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return JSONResponse(body, headers={"ETag": etag})


# --- documents -------------------------------------------------------------------------------


@router.get("/documents", summary="List documents")
def list_documents(
    request: Request,
    session: SessionDep,
    outlet: str | None = None,
    language: str | None = None,
    published_from: str | None = None,
    published_to: str | None = None,
    sort: Sort = "id",
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: Format = None,
) -> Response:
    """Documents (without their text), filtered, sorted and paginated."""
    chosen = wanted_format(request, fmt)
    page = queries.list_documents(
        session=session,
        outlet=outlet,
        language=language,
        published_from=published_from,
        published_to=published_to,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    return page_response(request, page, chosen, "documents")


@router.get("/documents/{document_id}", summary="One document with its text and claims")
def get_document(document_id: int, session: SessionDep) -> dict[str, Any]:
    """A document with its cleaned text and its claims."""
    doc = queries.get_document(session=session, document_id=document_id)
    body = queries.document_dict(doc, with_text=True)
    body["claims"] = queries.list_claims(
        session=session, document_id=document_id, limit=queries.MAX_LIMIT
    ).items
    return body


# --- claims ----------------------------------------------------------------------------------


@router.get("/claims", summary="List claims")
def list_claims(
    request: Request,
    session: SessionDep,
    document_id: int | None = None,
    event_id: int | None = None,
    side: str | None = None,
    category: str | None = None,
    kind: str | None = None,
    phase: str | None = None,
    review_state: str | None = None,
    sort: Sort = "id",
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: Format = None,
) -> Response:
    """Claims, filtered by document, event, side, category, kind, phase or review state."""
    chosen = wanted_format(request, fmt)
    page = queries.list_claims(
        session=session,
        document_id=document_id,
        exchange_id=event_id,
        side=side,
        category=category,
        kind=kind,
        phase=phase,
        review_state=review_state,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    return page_response(request, page, chosen, "claims")


@router.get("/claims/{claim_id}", summary="One claim, with its ETag")
def get_claim(claim_id: int, request: Request, session: SessionDep) -> Response:
    """A claim; the ETag header is what a review must send back in If-Match."""
    claim = queries.get_claim(session=session, claim_id=claim_id)
    body, etag = queries.claim_with_review(session=session, claim=claim)
    return _with_etag(request, body, etag)


class ClaimReview(BaseModel):
    """A reviewer's decision on one claim."""

    action: Literal["accept", "reject", "correct"]
    value: int | None = Field(default=None, ge=0, le=actions.MAX_VALUE)
    reason: str = Field(min_length=1, max_length=2000)


@router.post("/claims/{claim_id}/review", summary="Accept, reject or correct a claim")
def review_claim(
    claim_id: int,
    review: ClaimReview,
    request: Request,
    session: SessionDep,
    if_match: Annotated[str | None, Header()] = None,
) -> Response:
    """Review a claim; needs an editor and If-Match with the claim's current ETag."""
    by = _editor_for_write(request, session)
    claim = queries.get_claim(session=session, claim_id=claim_id)
    _, etag = queries.claim_with_review(session=session, claim=claim)
    require_match(if_match, [etag], f"/api/v1/claims/{claim_id}")
    actions.review_claim(
        session=session,
        claim_id=claim_id,
        action=review.action,
        value=review.value,
        by=by,
        reason=review.reason,
    )
    _clear_caches(session)
    session.refresh(claim)
    body, etag = queries.claim_with_review(session=session, claim=claim)
    return JSONResponse(body, headers={"ETag": etag})


# --- events ----------------------------------------------------------------------------------


# The hot reads are async: answered from the cache they never wait for a worker thread; a miss
# runs its queries on the event loop, which costs the same CPU as a thread would under the GIL.
@router.get("/events", summary="List exchange events")
async def list_events(
    request: Request,
    session: SessionDep,
    date_from: Annotated[
        str | None, Query(alias="from", description="Earliest date, YYYY[-MM[-DD]].")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", description="Latest date, YYYY[-MM[-DD]].")
    ] = None,
    party: str | None = None,
    rule: Rule = None,
    sort: Annotated[
        str, Query(description="date (oldest first) or -date (newest first).")
    ] = "date",
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: Format = None,
) -> Response:
    """Exchange events with each side's figure under the chosen rule."""
    chosen = wanted_format(request, fmt)

    def build() -> tuple[queries.Page, bytes]:
        page = queries.list_events(
            session=session,
            date_from=date_from,
            date_to=date_to,
            party=party,
            rule=rule,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return page, items_json(page)

    page, body = cached_read(
        request,
        session,
        f"api:events:{date_from}:{date_to}:{party}:{rule}:{sort}:{limit}:{offset}",
        build,
    )
    return page_response(request, page, chosen, "events", body)


@router.get("/events/{event_id}", summary="One event with its figures and their sources")
async def get_event(
    event_id: int, request: Request, session: SessionDep, rule: Rule = None
) -> Response:
    """An event: figures with supporting and conflicting claims (quotes), claims and documents."""
    chosen = queries.check_rule(rule)
    event = dict(
        cached_read(
            request,
            session,
            f"api:event:{event_id}:{chosen}",
            lambda: queries.get_event(session=session, event_id=event_id, rule=chosen),
        )
    )
    etag = event.pop("etag")
    return _with_etag(request, event, etag)


class EventMerge(BaseModel):
    """Events that describe one real exchange."""

    event_ids: list[int] = Field(min_length=2, max_length=50)
    reason: str = Field(min_length=1, max_length=2000)


@router.post("/events/merge", summary="Merge events")
def merge_events(
    merge: EventMerge,
    request: Request,
    session: SessionDep,
    if_match: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Merge events; If-Match must list the current ETag of every event merged."""
    by = _editor_for_write(request, session)
    current = [
        queries.current_event_etag(session=session, event_id=i)
        for i in sorted(set(merge.event_ids))
    ]
    require_match(if_match, current, "each of the events")
    result = actions.merge_events(
        session=session, event_ids=merge.event_ids, by=by, reason=merge.reason
    )
    _clear_caches(session)
    return result


class EventSplit(BaseModel):
    """The claims that belong to a separate exchange."""

    claim_ids: list[int] = Field(min_length=1, max_length=500)
    reason: str = Field(min_length=1, max_length=2000)


@router.post("/events/{event_id}/split", summary="Split an event")
def split_event(
    event_id: int,
    split: EventSplit,
    request: Request,
    session: SessionDep,
    if_match: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Move claims into a new event; needs If-Match with the event's current ETag."""
    by = _editor_for_write(request, session)
    current = queries.current_event_etag(session=session, event_id=event_id)
    require_match(if_match, [current], f"/api/v1/events/{event_id}")
    result = actions.split_event(
        session=session, event_id=event_id, claim_ids=split.claim_ids, by=by, reason=split.reason
    )
    _clear_caches(session)
    return result


@router.get("/totals", summary="Cumulative totals per side")
def totals(
    request: Request,
    session: SessionDep,
    as_of: Annotated[str | None, Query(description="Only events up to this date.")] = None,
    rule: Rule = None,
    fmt: Format = None,
) -> Response:
    """Persons returned to each side per pair of parties, with low and high, and a timeline."""
    chosen = wanted_format(request, fmt)
    body = queries.ledger_totals(session=session, rule=rule, as_of=as_of)
    if chosen == "csv":
        rows = [
            {"parties": " – ".join(pair["parties"]), "side": side, **figures}
            for pair in body["pairs"]
            for side, figures in pair["totals"].items()
        ]
        return Response(to_csv(rows), media_type="text/csv; charset=utf-8")
    return JSONResponse(body)


# --- actors and search -----------------------------------------------------------------------


@router.get("/actors", summary="List actors")
def list_actors(
    request: Request,
    session: SessionDep,
    kind: str | None = None,
    party: str | None = None,
    sort: Sort = "name",
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: Format = None,
) -> Response:
    """Parties and speakers, with their aliases."""
    chosen = wanted_format(request, fmt)
    page = queries.list_actors(
        session=session, kind=kind, party=party, sort=sort, limit=limit, offset=offset
    )
    return page_response(request, page, chosen, "actors")


@router.get("/actors/{actor_id}", summary="One actor")
def get_actor(actor_id: int, session: SessionDep) -> dict[str, Any]:
    """An actor with its aliases."""
    return queries.actor_dict(queries.get_actor(session=session, actor_id=actor_id))


@router.get("/search", summary="Full-text search over documents")
def search(
    request: Request,
    session: SessionDep,
    q: Annotated[
        str, Query(min_length=1, max_length=500, description="Words to find (all must match).")
    ],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Offset = 0,
    fmt: Format = None,
) -> Response:
    """Documents containing every word of ``q``, best first, each with a snippet and its matches."""
    chosen = wanted_format(request, fmt)
    hits, total = search_documents(session=session, query=q, limit=limit, offset=offset)
    items = []
    for hit in hits:
        plain, spans = split_snippet(hit.snippet)
        items.append(
            {
                "id": hit.document_id,
                "title": hit.title,
                "outlet": hit.outlet,
                "published": hit.published,
                "url": hit.url,
                "snippet": plain,
                "matches": [list(s) for s in spans],
            }
        )
    return page_response(request, queries.Page(items, total, limit, offset), chosen, "search")


@router.get("/history", summary="History of changes")
def history(
    request: Request, session: SessionDep, limit: Limit = 50, offset: Offset = 0, fmt: Format = None
) -> Response:
    """Review actions, newest first: who, when, what and why."""
    chosen = wanted_format(request, fmt)
    items, total = actions.history(session=session, limit=limit, offset=offset)
    return page_response(request, queries.Page(items, total, limit, offset), chosen, "history")


# --- authentication --------------------------------------------------------------------------


class Credentials(BaseModel):
    """An editor's name and password."""

    name: str = Field(min_length=1, max_length=128)
    password: str = Field(min_length=1, max_length=1024)


@router.post("/auth/token", summary="Log in and get a bearer token")
def login(credentials: Credentials, session: SessionDep) -> dict[str, Any]:
    """Exchange a name and password for a token to send as ``Authorization: Bearer``."""
    user = accounts.authenticate(
        session=session, name=credentials.name, password=credentials.password
    )
    token = accounts.start_session(session=session, user=user)
    return {"token": token, "user": user.name, "expires_in_days": accounts.SESSION_DAYS}


@router.post("/auth/logout", summary="End the current session")
def logout(request: Request, session: SessionDep) -> dict[str, Any]:
    """Invalidate the bearer token (or cookie session) used for this request."""
    found = visitor(request, session)
    if found.token is None or found.user is None:
        raise ApiError(401, "unauthorized", "not logged in")
    if not found.via_bearer:
        check_csrf(found, request.headers.get(CSRF_HEADER))
    accounts.end_session(session=session, token=found.token)
    return {"logged_out": True}


@router.get("/auth/me", summary="Who is logged in")
def me(request: Request, session: SessionDep) -> dict[str, Any]:
    """The logged-in editor's name, or null."""
    found = visitor(request, session)
    return {"user": found.user.name if found.user else None}
