"""What routes share: the database session, the signing secret, the logged-in editor, CSRF and ETags."""

from __future__ import annotations

import hmac
import secrets
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import Request
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from powledger.api.errors import ApiError
from powledger.config import Settings
from powledger.web import accounts

SESSION_COOKIE = "powledger_session"
CSRF_COOKIE = "powledger_csrf"
CSRF_HEADER = "x-csrf-token"
T = TypeVar("T")


#: How long a checked data version is trusted: reads may lag changes made by other processes
#: (the CLI, another server) by at most this long; changes made through this app clear it at once.
VERSION_SECONDS = 1.0
#: Most cached reads kept (oldest dropped first).
CACHE_ENTRIES = 4096

# One round trip that changes whenever documents, claims, reviews or events change: new rows
# get new ids, and reconciliation stamps updated_at on every event it rewrites.
_VERSION_SQL = text(
    "SELECT (SELECT max(id) FROM documents), (SELECT max(id) FROM claims), "
    "(SELECT count(*) FROM exchanges), (SELECT max(id) FROM exchanges), "
    "(SELECT max(updated_at) FROM exchanges), (SELECT max(id) FROM claim_reviews), "
    "(SELECT max(id) FROM event_overrides), (SELECT max(id) FROM audit_entries)"
)


@dataclass
class AppState:
    """Everything one app instance holds: settings, engine, session factory and small caches."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    secret: bytes | None = None
    cache: OrderedDict[str, tuple[Any, Any]] = field(default_factory=OrderedDict)
    version: tuple[Any, ...] | None = None
    version_at: float = 0.0

    def clear(self) -> None:
        """Forget every cached read (after a change made through this app)."""
        self.cache.clear()
        self.version = None


def data_version(state: AppState, session: Session) -> tuple[Any, ...]:
    """A tuple that changes whenever the ledger's data changes (checked at most once a second)."""
    now = time.monotonic()
    if state.version is None or now - state.version_at > VERSION_SECONDS:
        row = session.execute(_VERSION_SQL).one()
        state.version, state.version_at = tuple(row), now
    return state.version


def cached_read(request: Request, session: Session, key: str, build: Callable[[], T]) -> T:
    """``build()``'s value, reused until the data changes."""
    state = app_state(request)
    version = data_version(state, session)
    hit = state.cache.get(key)
    if hit is not None and hit[0] == version:
        state.cache.move_to_end(key)
        return hit[1]
    value = build()
    state.cache[key] = (version, value)
    state.cache.move_to_end(key)
    while len(state.cache) > CACHE_ENTRIES:
        state.cache.popitem(last=False)
    return value


def app_state(request: Request) -> AppState:
    """The state of the app serving ``request``."""
    state: AppState = request.app.state.powledger
    return state


async def get_session(request: Request) -> AsyncIterator[Session]:
    """A database session for one request: committed on success, rolled back on error.

    Async on purpose: a sync dependency costs two thread hand-offs per request, while opening
    and closing a session for a cached read takes microseconds.
    """
    state = app_state(request)
    session = state.sessions()
    try:
        yield session
        session.commit()
        if session.info.get("changed"):
            # Only after the commit, so no other request can cache what was just replaced.
            state.clear()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def mark_changed(session: Session) -> None:
    """Note that this request changes the ledger: cached reads are dropped once it commits."""
    session.info["changed"] = True


def signing_secret(request: Request, session: Session) -> bytes:
    """The cookie signing key, read (or generated) once per app."""
    state = app_state(request)
    if state.secret is None:
        state.secret = accounts.signing_secret(
            session=session, configured=state.settings.secret_key
        )
        session.commit()
    return state.secret


@dataclass(frozen=True, slots=True)
class Editor:
    """The logged-in editor, detached from any database session."""

    id: int
    name: str


@dataclass
class Visitor:
    """Who is asking: the editor (or None) and the browser's CSRF seed."""

    user: Editor | None
    csrf_seed: str
    new_csrf_seed: bool
    token: str | None
    via_bearer: bool
    secret: bytes

    @property
    def csrf_token(self) -> str:
        """The token this browser's forms must echo."""
        return accounts.csrf_token(self.secret, self.csrf_seed)


def visitor(request: Request, session: Session) -> Visitor:
    """Identify the visitor from the session cookie or a bearer token."""
    cached = getattr(request.state, "visitor", None)
    if isinstance(cached, Visitor):
        return cached
    secret = signing_secret(request, session)
    token: str | None = None
    via_bearer = False
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        token = auth[7:].strip() or None
        via_bearer = True
    elif SESSION_COOKIE in request.cookies:
        token = accounts.unsign(secret, request.cookies[SESSION_COOKIE])
    row = accounts.session_user(session=session, token=token) if token else None
    user = Editor(row.id, row.name) if row is not None else None
    seed = request.cookies.get(CSRF_COOKIE, "")
    fresh = not (16 <= len(seed) <= 64 and seed.isalnum())
    if fresh:
        seed = secrets.token_hex(16)
    found = Visitor(user, seed, fresh, token, via_bearer, secret)
    request.state.visitor = found
    return found


def check_csrf(found: Visitor, submitted: str | None) -> None:
    """Refuse a state-changing request whose CSRF token is missing or wrong."""
    if found.via_bearer:
        return  # a bearer token is never sent by a browser on its own, so it cannot be forged
    if found.new_csrf_seed or not submitted or not hmac.compare_digest(submitted, found.csrf_token):
        raise ApiError(
            403,
            "csrf_failed",
            "the form's security token is missing or stale: reload the page and try again",
        )


def require_editor(found: Visitor) -> Editor:
    """The logged-in editor, or a 401 error."""
    if found.user is None:
        raise ApiError(401, "unauthorized", "log in as an editor to change anything")
    return found.user


def parse_etags(header: str) -> set[str]:
    """The entity tags listed in an If-Match header (weak prefixes dropped)."""
    tags = set()
    for part in header.split(","):
        tag = part.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag:
            tags.add(tag)
    return tags


def require_match(header: str | None, current: list[str], what: str) -> None:
    """Check If-Match against the current ETags: 428 when absent, 412 when any is stale."""
    if header is None or not header.strip():
        raise ApiError(
            428,
            "precondition_required",
            f"send If-Match with the ETag you got from GET {what}, so changes are never overwritten silently",
        )
    tags = parse_etags(header)
    if "*" in tags:
        return
    stale = [tag for tag in current if tag not in tags]
    if stale:
        raise ApiError(
            412,
            "precondition_failed",
            f"{what} changed since you read it (current ETag {stale[0]}): read it again and retry",
        )
