"""What every reader shares: the result type, reason codes and the cheap checks on raw bytes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Final

from powledger.models import RawDocument, Rejected

#: Reason codes a reader or the cleaner may give; the CLI counts skipped inputs by these.
EMPTY: Final = "empty"
BINARY: Final = "binary"
INVALID_UTF8: Final = "invalid utf-8"
TOO_LARGE: Final = "too large"
NO_TEXT: Final = "no text"
MALFORMED_JSONL: Final = "malformed jsonl"
UNREADABLE: Final = "unreadable"
NOT_FOUND: Final = "not found"
UNSUPPORTED: Final = "unsupported type"
STORE_FAILED: Final = "store failed"

#: How far into a file we look for NUL bytes; real text never has them, binaries almost always do early.
BINARY_SNIFF_BYTES: Final = 8192


@dataclass(frozen=True, slots=True)
class JsonlRecord(RawDocument):
    """A JSONL line: ``raw`` is the line's own bytes, ``body`` the ``html`` or ``text`` it carries."""

    body: str = ""


ReadResult = RawDocument | Rejected

_CONTROL_BYTES: Final = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def check_bytes(data: bytes, source: str) -> Rejected | None:
    """Reject empty and binary content; return None when the bytes may be text."""
    if not data.strip():
        return Rejected(source, EMPTY, "empty file")
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        return Rejected(source, BINARY, "binary content (NUL bytes), not a text document")
    # Text has tabs and newlines but few other control bytes; images and archives have many.
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls * 10 > len(head):
        return Rejected(source, BINARY, "binary content (control bytes), not a text document")
    return None


def format_size(size: int) -> str:
    """Render a byte count for people: 512 B, 3.2 KB, 20.0 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024**2:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024**2:.1f} MB"


def too_large(source: str, size: int | None, max_bytes: int) -> Rejected:
    """The rejection for an input above the size limit."""
    shown = f"{format_size(size)}, " if size is not None else ""
    return Rejected(
        source, TOO_LARGE, f"too large ({shown}limit {format_size(max_bytes)}; see --max-bytes)"
    )


_DATE_FORMS: Final = ((10, "day"), (7, "month"), (4, "year"))

#: Page and feed forms besides ISO: "15 September 2024", "Sep 15, 2024", "2024/09/15", "15.09.2024".
_OTHER_DATE_FORMATS: Final = (
    "%d %B %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
)


def normalise_date(value: str) -> tuple[str, str] | None:
    """Turn a publication date into ``(ISO date, precision)``, or None when it cannot be read.

    ISO forms keep their precision (``2024-05-31`` day, ``2024-05`` month, ``2024`` year; a datetime
    keeps its calendar date). Feed and page forms are read as days: RFC 822 ("Sun, 15 Sep 2024
    08:00:00 GMT"), "15 September 2024", "Sep. 15, 2024", "2024/09/15", "15.09.2024".
    """
    text = value.strip()
    # A datetime keeps only its calendar date: the ledger reasons in days, not hours.
    if len(text) > 10 and text[10] in "T " and text[:4].isdigit():
        text = text[:10]
    for length, precision in _DATE_FORMS:
        if len(text) != length or text.count("-") != {10: 2, 7: 1, 4: 0}[length]:
            continue
        parts = text.split("-")
        if not all(p.isdigit() for p in parts):
            return None
        year, month, day = (int(parts[0]), *(int(p) for p in parts[1:]), 1, 1)[:3]
        if not 1 <= month <= 12:
            return None
        try:
            date(year, month, day)
        except ValueError:
            return None
        return text, precision
    other = _other_date_form(value.strip())
    return (other.isoformat(), "day") if other else None


def _other_date_form(value: str) -> date | None:
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    head = re.sub(r"\s+", " ", value.replace("Sept.", "Sep").replace(".,", ","))[:40]
    head = re.sub(r"^([A-Z][a-z]{2})\. ", r"\1 ", head)  # "Sep. 15, 2024"
    for fmt in _OTHER_DATE_FORMATS:
        try:
            return datetime.strptime(head, fmt).date()
        except ValueError:
            continue
    return None
