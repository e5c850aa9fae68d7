"""Editor accounts: argon2 password hashes, login sessions, the signing secret and the audit log."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from powledger.errors import InputError, PowledgerError
from powledger.store.schema_accounts import AppSecret, AuditEntry, User, WebSession

SESSION_DAYS = 14
MIN_PASSWORD = 8
_hasher = PasswordHasher()


class AccountError(PowledgerError):
    """An account cannot be created or used."""


class LoginError(PowledgerError):
    """A name and password do not match an active account."""


def _utcnow() -> datetime:
    return datetime.now(UTC)


def add_user(*, session: Session, name: str, password: str, role: str = "editor") -> User:
    """Create an editor account with an argon2 hash of ``password``."""
    name = name.strip()
    if not name or len(name) > 128 or any(c.isspace() for c in name):
        raise InputError("a user name is 1 to 128 characters without spaces")
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password must have at least {MIN_PASSWORD} characters")
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise AccountError(f"user {name!r} already exists")
    user = User(
        name=name,
        password_hash=_hasher.hash(password),
        role=role,
        active=True,
        created_at=_utcnow(),
    )
    session.add(user)
    try:
        session.flush()
    except IntegrityError:
        raise AccountError(f"user {name!r} already exists") from None
    return user


def list_users(*, session: Session) -> list[User]:
    """All accounts, by name."""
    return list(session.scalars(select(User).order_by(User.name)))


def authenticate(*, session: Session, name: str, password: str) -> User:
    """Return the active user with this name and password, or raise LoginError."""
    user = session.scalar(select(User).where(User.name == name.strip()))
    if user is None or not user.active:
        # Hash anyway so that a wrong name takes as long as a wrong password.
        _hasher.hash(password)
        raise LoginError("unknown user name or wrong password")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise LoginError("unknown user name or wrong password") from None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(*, session: Session, user: User) -> str:
    """Open a login session for ``user`` and return its secret token."""
    token = secrets.token_urlsafe(32)
    now = _utcnow()
    session.add(
        WebSession(
            token_sha256=_token_digest(token),
            user_id=user.id,
            created_at=now,
            expires_at=now + timedelta(days=SESSION_DAYS),
        )
    )
    # Expired sessions are removed here so the table never grows without bound.
    session.execute(delete(WebSession).where(WebSession.expires_at < now))
    return token


def session_user(*, session: Session, token: str) -> User | None:
    """The active user behind a session token, or None when it is unknown or expired."""
    row = session.execute(
        select(User, WebSession.expires_at)
        .join(WebSession, WebSession.user_id == User.id)
        .where(WebSession.token_sha256 == _token_digest(token))
    ).first()
    if row is None:
        return None
    user, expires_at = row
    if expires_at.tzinfo is None:  # SQLite returns naive datetimes
        expires_at = expires_at.replace(tzinfo=UTC)
    if expires_at < _utcnow() or not user.active:
        return None
    return user


def end_session(*, session: Session, token: str) -> None:
    """Log a session out."""
    session.execute(delete(WebSession).where(WebSession.token_sha256 == _token_digest(token)))


def signing_secret(*, session: Session, configured: str | None) -> bytes:
    """The key that signs cookies: from settings, else generated once and kept in the database."""
    if configured:
        return configured.encode()
    row = session.get(AppSecret, "cookie_signing_key")
    if row is None:
        row = AppSecret(name="cookie_signing_key", value=secrets.token_hex(32))
        session.add(row)
        try:
            session.flush()
        except IntegrityError:
            # Another process generated it at the same moment: use theirs.
            session.rollback()
            row = session.get(AppSecret, "cookie_signing_key")
            assert row is not None
    return row.value.encode()


def sign(secret: bytes, value: str) -> str:
    """``value`` with an HMAC-SHA256 signature appended."""
    mac = hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()
    return f"{value}.{mac}"


def unsign(secret: bytes, signed: str) -> str | None:
    """The value of a signed string, or None when the signature does not match."""
    value, _, mac = signed.rpartition(".")
    if not value:
        return None
    expected = hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()
    return value if hmac.compare_digest(mac, expected) else None


def csrf_token(secret: bytes, seed: str) -> str:
    """The CSRF token that forms must echo for the browser holding ``seed`` in its cookie."""
    return hmac.new(secret, f"csrf:{seed}".encode(), hashlib.sha256).hexdigest()


def record_change(
    *,
    session: Session,
    user_name: str,
    action: str,
    target_kind: str,
    target_id: int | None,
    detail: dict[str, Any],
    reason: str,
) -> AuditEntry:
    """Append one entry to the history of changes."""
    entry = AuditEntry(
        at=_utcnow(),
        user_name=user_name,
        action=action,
        target_kind=target_kind,
        target_id=target_id,
        detail=detail,
        reason=reason,
    )
    session.add(entry)
    return entry


def list_changes(
    *, session: Session, limit: int = 50, offset: int = 0
) -> tuple[list[AuditEntry], int]:
    """The newest changes first, and how many there are in all."""
    from sqlalchemy import func

    total = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    rows = session.scalars(
        select(AuditEntry)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(rows), int(total)
