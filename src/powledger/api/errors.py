"""One error shape everywhere: ``{"error": {"code": ..., "message": ...}}``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from powledger.errors import InputError, NotFoundError, PowledgerError, ReviewError

logger = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    428: "precondition_required",
    429: "too_many_requests",
    500: "internal_error",
}


class ApiError(PowledgerError):
    """An error with an HTTP status and a stable machine-readable code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def status_for(exc: PowledgerError) -> tuple[int, str]:
    """The HTTP status and error code for one of powledger's errors."""
    if isinstance(exc, ApiError):
        return exc.status, exc.code
    if isinstance(exc, NotFoundError):
        return 404, "not_found"
    if isinstance(exc, ReviewError):
        return 409, "conflict"
    if isinstance(exc, InputError):
        return 400, "bad_request"
    from powledger.web.accounts import LoginError

    if isinstance(exc, LoginError):
        return 401, "unauthorized"
    return 400, "bad_request"


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept


def error_response(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    """The error as JSON for API clients, or as a page for browsers."""
    if _wants_html(request):
        from powledger.web.render import render_error

        return render_error(request, status, code, message, headers)
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    """Route every error FastAPI or powledger raises into the one error shape."""

    async def on_http(request: Request, exc: Any) -> Response:
        status = int(exc.status_code)
        code = _HTTP_CODES.get(status, "error")
        detail = exc.detail if isinstance(exc.detail, str) else None
        message = {
            404: f"no such resource: {request.url.path}",
            405: f"method {request.method} is not allowed on {request.url.path}",
        }.get(status, detail or code.replace("_", " "))
        if status not in (404, 405) and detail:
            message = detail
        return error_response(request, status, code, message, getattr(exc, "headers", None))

    async def on_validation(request: Request, exc: Any) -> Response:
        return error_response(request, 422, "validation_error", _validation_message(exc))

    async def on_powledger(request: Request, exc: Any) -> Response:
        status, code = status_for(exc)
        return error_response(request, status, code, exc.message)

    async def on_anything(request: Request, exc: Exception) -> Response:
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        # This answer is sent from outside the middleware stack, so it carries the headers itself.
        from powledger.api.app import SECURITY_HEADERS

        headers = {name.decode(): value.decode() for name, value in SECURITY_HEADERS}
        return error_response(
            request, 500, "internal_error", "internal error: the server could not answer", headers
        )

    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(PowledgerError, on_powledger)
    app.add_exception_handler(Exception, on_anything)
