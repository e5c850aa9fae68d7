"""Rendering pages: the template environment, the visitor's CSRF cookie and small page helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.orm import Session

from powledger.api.deps import (
    CSRF_COOKIE,
    Visitor,
    cached_read,
    check_csrf,
    get_session,
    require_editor,
    visitor,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE_SIZE = 25

SessionDep = Annotated[Session, Depends(get_session)]

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


def cookie_secure(request: Request) -> bool:
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
            secure=cookie_secure(request),
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


def pager(total: int, offset: int, limit: int, request: Request) -> dict[str, Any]:
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


def editor_form(request: Request, session: Session, csrf: str) -> str:
    found = visitor(request, session)
    user = require_editor(found)
    check_csrf(found, csrf)
    return user.name


def back_to(request: Request, fallback: str) -> str:
    target = request.query_params.get("next") or fallback
    return target if target.startswith("/") and not target.startswith("//") else fallback
