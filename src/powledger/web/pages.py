"""Server-rendered pages: home with charts, events, documents, search, review, login, new reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from powledger.api import actions, queries
from powledger.api.deps import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    Visitor,
    app_state,
    cached_read,
    check_csrf,
    get_session,
    mark_changed,
    require_editor,
    require_match,
    visitor,
)
from powledger.api.errors import ApiError
from powledger.errors import InputError
from powledger.store.schema import Claim, Document
from powledger.store.search import MARK_END, MARK_START, search_documents
from powledger.web import accounts, charts
from powledger.web.highlight import Span, excerpt, mark_spans

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE_SIZE = 25

router = APIRouter(include_in_schema=False)
SessionDep = Annotated[Session, Depends(get_session)]
T = TypeVar("T")

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _fmt_number(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:,}".replace(",", "\u202f") if isinstance(value, int) else str(value)


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links are shown as links; anything else (javascript:, data:) stays text."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


_env.filters["num"] = _fmt_number
_env.globals["safe_url"] = _safe_url


def _cookie_secure(request: Request) -> bool:
    return request.url.scheme == "https"


def render(
    request: Request,
    session: Session | None,
    template: str,
    context: dict[str, Any],
    status: int = 200,
    headers: dict[str, str] | None = None,
    cache_key: str | None = None,
) -> HTMLResponse:
    """Render a page for the current visitor, giving a new browser its CSRF cookie.

    With ``cache_key``, the page an anonymous visitor sees (it holds no token and no name) is
    kept until the data changes; editors always get a fresh page.
    """
    found: Visitor | None = getattr(request.state, "visitor", None)
    if found is None and session is not None:
        found = visitor(request, session)

    def build() -> str:
        return _env.get_template(template).render(
            request=request,
            path=request.url.path,
            user=found.user if found else None,
            csrf_token=found.csrf_token if found else "",
            **context,
        )

    if cache_key and session is not None and found is not None and found.user is None:
        html = cached_read(request, session, f"html:{cache_key}", build)
    else:
        html = build()
    response = HTMLResponse(html, status_code=status, headers=headers)
    response.headers["Cache-Control"] = "no-cache, private"
    if found is not None and found.new_csrf_seed:
        response.set_cookie(
            CSRF_COOKIE,
            found.csrf_seed,
            httponly=True,
            samesite="strict",
            secure=_cookie_secure(request),
            path="/",
        )
    return response


def render_error(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> HTMLResponse:
    """An error page in the site's layout (no database access, so it works when the database fails)."""
    return render(
        request,
        None,
        "error.html",
        {"status": status, "code": code, "message": message},
        status,
        headers,
    )


def _pages(total: int, offset: int, limit: int, request: Request) -> dict[str, Any]:
    def link(new_offset: int) -> str:
        params = dict(request.query_params)
        params["offset"] = str(new_offset)
        return f"{request.url.path}?{urlencode(params)}"

    return {
        "total": total,
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "previous": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


def _editor_form(request: Request, session: Session, csrf: str) -> str:
    found = visitor(request, session)
    user = require_editor(found)
    check_csrf(found, csrf)
    return user.name


def _back_to(request: Request, fallback: str) -> str:
    target = request.query_params.get("next") or fallback
    return target if target.startswith("/") and not target.startswith("//") else fallback


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
        events = _chart_events(queries.all_events(session=session, rule=chosen))
        pairs = queries.ledger_totals(session=session, rule=chosen)["pairs"]
        for pair in pairs:
            # Alphabetical, as the charts order sides, so each side keeps one colour.
            pair["cards"] = sorted(pair["totals"].items())
        return {
            "timeline": charts.timeline_svg(events),
            "cumulative": charts.cumulative_svg(events),
            "pairs": pairs,
            "count_events": len(events),
            "count_documents": session.scalar(select(func.count(Document.id))) or 0,
            "count_claims": session.scalar(select(func.count(Claim.id))) or 0,
            "latest": queries.list_events(
                session=session, rule=chosen, sort="-date", limit=10
            ).items,
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
            "pages": _pages(page.total, offset, PAGE_SIZE, request),
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
            "pages": _pages(page.total, offset, PAGE_SIZE, request),
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
            "pages": _pages(total, offset, PAGE_SIZE, request),
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
            "pages": _pages(page.total, offset, PAGE_SIZE, request),
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
        {"changes": changes, "pages": _pages(total, offset, PAGE_SIZE * 2, request)},
    )


@router.post("/review/claims/{claim_id}")
def review_claim_form(
    claim_id: int,
    request: Request,
    session: SessionDep,
    action: Annotated[str, Form()],
    reason: Annotated[str, Form(max_length=2000)] = "",
    value: Annotated[str, Form(max_length=12)] = "",
    etag: Annotated[str, Form(max_length=64)] = "",
    csrf_token: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    """Apply a review from the queue, refusing it when the claim changed since the page was shown."""
    by = _editor_form(request, session, csrf_token)
    claim = queries.get_claim(session=session, claim_id=claim_id)
    _, current = queries.claim_with_review(session=session, claim=claim)
    require_match(etag or None, [current], f"claim {claim_id}")
    number: int | None = None
    if action == "correct":
        if not value.strip().isdigit():
            raise InputError("a correction needs the corrected value as a whole number")
        number = int(value.strip())
    actions.review_claim(
        session=session, claim_id=claim_id, action=action, value=number, by=by, reason=reason
    )
    mark_changed(session)
    back = _back_to(request, "/review")
    sep = "&" if "?" in back else "?"
    return RedirectResponse(f"{back}{sep}done={claim_id}", status_code=303)


@router.post("/events/{event_id}/merge")
def merge_form(
    event_id: int,
    request: Request,
    session: SessionDep,
    others: Annotated[str, Form(max_length=500)],
    reason: Annotated[str, Form(max_length=2000)] = "",
    etag: Annotated[str, Form(max_length=64)] = "",
    csrf_token: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    """Merge other events into this one."""
    by = _editor_form(request, session, csrf_token)
    require_match(
        etag or None,
        [queries.current_event_etag(session=session, event_id=event_id)],
        f"event {event_id}",
    )
    try:
        ids = [int(p) for p in others.replace(",", " ").split()]
    except ValueError:
        raise InputError("list the events to merge by number, e.g. 12, 15") from None
    result = actions.merge_events(session=session, event_ids=[event_id, *ids], by=by, reason=reason)
    mark_changed(session)
    return RedirectResponse(f"/events/{result.get('event_id') or event_id}", status_code=303)


@router.post("/events/{event_id}/split")
async def split_form(event_id: int, request: Request, session: SessionDep) -> Response:
    """Move the ticked claims of this event into a new event."""
    form = await request.form()
    csrf = str(form.get("csrf_token") or "")
    by = _editor_form(request, session, csrf)
    require_match(
        str(form.get("etag") or "") or None,
        [queries.current_event_etag(session=session, event_id=event_id)],
        f"event {event_id}",
    )
    try:
        claim_ids = [int(str(v)) for v in form.getlist("claim_id")]
    except ValueError:
        raise InputError("the claims to split off must be given by number") from None
    result = actions.split_event(
        session=session,
        event_id=event_id,
        claim_ids=claim_ids,
        by=by,
        reason=str(form.get("reason") or ""),
    )
    mark_changed(session)
    return RedirectResponse(f"/events/{result.get('new_event_id') or event_id}", status_code=303)


# --- accounts --------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, session: SessionDep) -> Response:
    """The editors' login form."""
    return render(
        request, session, "login.html", {"next": _back_to(request, "/review"), "error": None}
    )


@router.post("/login")
def login_form(
    request: Request,
    session: SessionDep,
    name: Annotated[str, Form(max_length=128)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    """Check the name and password and start a session cookie."""
    found = visitor(request, session)
    check_csrf(found, csrf_token)
    back = _back_to(request, "/review")
    try:
        user = accounts.authenticate(session=session, name=name, password=password)
    except accounts.LoginError as exc:
        return render(
            request, session, "login.html", {"next": back, "error": exc.message, "name": name}, 401
        )
    token = accounts.start_session(session=session, user=user)
    response = RedirectResponse(back, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        accounts.sign(found.secret, token),
        max_age=accounts.SESSION_DAYS * 86400,
        httponly=True,
        samesite="lax",
        secure=_cookie_secure(request),
        path="/",
    )
    return response


@router.post("/logout")
def logout_form(
    request: Request, session: SessionDep, csrf_token: Annotated[str, Form(max_length=128)] = ""
) -> Response:
    """End the session."""
    found = visitor(request, session)
    check_csrf(found, csrf_token)
    if found.token and not found.via_bearer:
        accounts.end_session(session=session, token=found.token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# --- adding a report -------------------------------------------------------------------------


@router.get("/reports/new", response_class=HTMLResponse)
def new_report_page(request: Request, session: SessionDep) -> Response:
    """The form to add a report by upload or paste."""
    return render(request, session, "report_new.html", {"error": None, "form": {}})


@router.post("/reports/new")
async def new_report_form(
    request: Request,
    session: SessionDep,
    url: Annotated[str, Form(max_length=2000)] = "",
    outlet: Annotated[str, Form(max_length=256)] = "",
    published: Annotated[str, Form(max_length=32)] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    content_type: Annotated[str, Form(max_length=8)] = "text",
    body: Annotated[str, Form()] = "",
    upload: Annotated[UploadFile | None, File()] = None,
    csrf_token: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    """Store a pasted or uploaded report through the same capture path as ``powledger ingest``."""
    from powledger.web.reports import ReportForm, add_report

    by = _editor_form(request, session, csrf_token)
    limit = app_state(request).settings.max_bytes
    raw: bytes
    filename: str | None = None
    if upload is not None and upload.filename:
        raw = await upload.read(limit + 1)
        filename = upload.filename
    else:
        raw = body.encode("utf-8")
    form = ReportForm(
        raw=raw,
        filename=filename,
        content_type=content_type,
        url=url.strip() or None,
        outlet=outlet.strip() or None,
        published=published.strip() or None,
        title=title.strip() or None,
    )
    try:
        document_id, is_new = add_report(
            session=session,
            engine=app_state(request).engine,
            settings=app_state(request).settings,
            form=form,
            by=by,
        )
    except InputError as exc:
        fields = {
            "url": url,
            "outlet": outlet,
            "published": published,
            "title": title,
            "body": body,
            "content_type": content_type,
        }
        return render(
            request, session, "report_new.html", {"error": exc.message, "form": fields}, 400
        )
    mark_changed(session)
    return RedirectResponse(
        f"/documents/{document_id}?added={'new' if is_new else 'known'}", status_code=303
    )


__all__ = ["ApiError", "render", "render_error", "router"]
