"""JSON and CSV renderings of list results."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from powledger.api.errors import ApiError
from powledger.api.queries import Page

# Spreadsheets run cells that start with these as formulas; report text must never do that.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def wanted_format(request: Request, explicit: str | None) -> str:
    """``json`` or ``csv``, from ``?format=`` or else the Accept header."""
    if explicit:
        if explicit not in ("json", "csv"):
            raise ApiError(400, "bad_request", f"unknown format {explicit!r}: use json or csv")
        return explicit
    accept = request.headers.get("accept", "")
    return "csv" if "text/csv" in accept and "application/json" not in accept else "json"


def _flatten(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = "; ".join(
                json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else str(v)
                for v in value
            )
        else:
            flat[name] = value
    return flat


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    if value is None:
        return ""
    return value


def to_csv(items: list[dict[str, Any]]) -> str:
    """Items as CSV with one column per (flattened) field, in order of first appearance."""
    rows = [_flatten(i) for i in items]
    columns: dict[str, None] = {}
    for row in rows:
        for key in row:
            columns.setdefault(key, None)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(list(columns))
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()


def page_response(
    request: Request, page: Page, fmt: str, name: str, body: bytes | None = None
) -> Response:
    """A list page as JSON (items, total, limit, offset, next) or as a CSV attachment.

    ``body`` is the items already serialised (see :func:`items_json`), for cached lists.
    """
    if fmt == "csv":
        return Response(
            to_csv(page.items),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="{name}.csv"',
                "X-Total-Count": str(page.total),
            },
        )
    following = page.offset + page.limit
    next_url = (
        str(request.url.include_query_params(offset=following)) if following < page.total else None
    )
    items = body if body is not None else items_json(page)
    tail = json.dumps(
        {"total": page.total, "limit": page.limit, "offset": page.offset, "next": next_url}
    )
    return Response(b'{"items":' + items + b"," + tail[1:].encode(), media_type="application/json")


def items_json(page: Page) -> bytes:
    """The page's items as a JSON array."""
    return json.dumps(page.items, ensure_ascii=False, separators=(",", ":")).encode()
