"""The FastAPI application factory: REST API, pages, static files, errors and security headers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from sqlalchemy.orm import sessionmaker
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from powledger import __version__
from powledger.api.deps import AppState
from powledger.api.errors import install_error_handlers
from powledger.config import Settings, get_settings

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"

#: Everything comes from our own origin; inline scripts and styles are never allowed.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class SecurityHeadersMiddleware:
    """Adds the security headers to every response, errors and static files included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the web application for ``settings`` (the database is opened and migrated here)."""
    from powledger.api.routes import router as api_router
    from powledger.store.db import open_engine
    from powledger.web.forms import router as form_router
    from powledger.web.pages import router as page_router

    settings = settings or get_settings()
    engine = open_engine(settings.database_url)
    app = FastAPI(
        title="powledger",
        version=__version__,
        description="The ledger of prisoner exchanges: documents, claims, events, figures and their sources.",
        openapi_url="/openapi.json",
        # The interactive docs pages load scripts from other sites; we serve none of them.
        docs_url=None,
        redoc_url=None,
    )
    app.state.powledger = AppState(
        settings=settings,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
    )
    install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(page_router)
    app.include_router(form_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(SecurityHeadersMiddleware)
    return app
