"""Pages and forms that change things: reviews, merges, splits, login, logout, new reports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from powledger.api import actions, queries
from powledger.api.deps import (
    SESSION_COOKIE,
    app_state,
    check_csrf,
    mark_changed,
    require_match,
    visitor,
)
from powledger.errors import InputError
from powledger.web import accounts
from powledger.web.render import SessionDep, back_to, cookie_secure, editor_form, render

router = APIRouter(include_in_schema=False)


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
    by = editor_form(request, session, csrf_token)
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
    back = back_to(request, "/review")
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
    by = editor_form(request, session, csrf_token)
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
    by = editor_form(request, session, csrf)
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
        request, session, "login.html", {"next": back_to(request, "/review"), "error": None}
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
    back = back_to(request, "/review")
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
        secure=cookie_secure(request),
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

    by = editor_form(request, session, csrf_token)
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
