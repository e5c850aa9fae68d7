"""JSONL input: one document per line, each a JSON object with ``text`` or ``html``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from powledger.capture.base import (
    EMPTY,
    INVALID_UTF8,
    MALFORMED_JSONL,
    JsonlRecord,
    ReadResult,
    check_bytes,
    normalise_date,
    too_large,
)
from powledger.models import Rejected

#: Optional string fields copied from a record onto the document.
_FIELDS = ("url", "title", "outlet", "author", "language")


class JsonlReader:
    """Reads a JSONL stream line by line; each line is its own document (or its own rejection)."""

    def __init__(self, *, max_bytes: int) -> None:
        self.max_bytes = max_bytes

    def read(self, stream: IO[bytes], source: str) -> Iterator[ReadResult]:
        """Yield one document or rejection per non-blank line; ``source`` names the stream."""
        lineno = 0
        seen_content = False
        while True:
            # Bounded reads: a single enormous line must not be loaded whole before it is refused.
            line = stream.readline(self.max_bytes + 1)
            if not line:
                break
            lineno += 1
            where = f"{source}:{lineno}"
            if len(line) > self.max_bytes and not line.endswith(b"\n"):
                self._skip_rest_of_line(stream)
                seen_content = True
                yield too_large(where, None, self.max_bytes)
                continue
            content = line.rstrip(b"\r\n")
            if not content.strip():
                continue
            if not seen_content:
                seen_content = True
                rejected = check_bytes(content, source)
                if rejected is not None:
                    # A binary file is one bad input, not thousands of malformed lines.
                    yield rejected
                    return
            yield parse_jsonl_line(content, where)
        if not seen_content:
            yield Rejected(source, EMPTY, "empty file")

    def _skip_rest_of_line(self, stream: IO[bytes]) -> None:
        while True:
            chunk = stream.readline(self.max_bytes + 1)
            if not chunk or chunk.endswith(b"\n"):
                return


def parse_jsonl_line(content: bytes, source: str) -> ReadResult:
    """Turn one JSONL line (without its newline) into a document, or say why it cannot be one."""
    try:
        decoded = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejected(source, INVALID_UTF8, f"not valid UTF-8 (byte offset {exc.start})")
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        return Rejected(source, MALFORMED_JSONL, f"malformed JSON at column {exc.colno}: {exc.msg}")
    if not isinstance(record, dict):
        return Rejected(
            source, MALFORMED_JSONL, f"expected a JSON object, got {type(record).__name__}"
        )
    problem = _check_record(record)
    if problem:
        return Rejected(source, MALFORMED_JSONL, problem)
    html = record.get("html") if (record.get("html") or "").strip() else None
    text = record.get("text")
    published = record.get("published")
    date = normalise_date(published) if published else None
    if published and date is None:
        return Rejected(
            source,
            MALFORMED_JSONL,
            f"invalid published date {published!r} (use YYYY-MM-DD, YYYY-MM or YYYY)",
        )
    ext_id = record.get("id")
    fields = {name: _text_or_none(record.get(name)) for name in _FIELDS}
    return JsonlRecord(
        raw=content,
        source=source,
        content_type="html" if html else "text",
        external_id=None if ext_id is None else str(ext_id),
        published=date[0] if date else None,
        body=str(html or text),
        **fields,
    )


def _check_record(record: dict[str, Any]) -> str | None:
    html, text = record.get("html"), record.get("text")
    for name, value in (("html", html), ("text", text)):
        if value is not None and not isinstance(value, str):
            return f'"{name}" must be a string'
    if not (html and html.strip()) and not (text and text.strip()):
        return 'no "text" or "html" field with content'
    ext_id = record.get("id")
    if ext_id is not None and (isinstance(ext_id, bool) or not isinstance(ext_id, str | int)):
        return '"id" must be a string or an integer'
    if len(str(ext_id)) > 512:
        return '"id" is longer than 512 characters'
    language = record.get("language")
    if isinstance(language, str) and len(language.strip()) > 16:
        return '"language" must be a short code such as "en", "uk" or "ru"'
    for name in (*_FIELDS, "published"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return f'"{name}" must be a string'
    return None


def _text_or_none(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None
