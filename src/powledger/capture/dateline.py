"""The date a plain-text report carries in its header ("30 December 2024", "14.09.2024 15:27").

Copied posts and statements often have no metadata but open with a line that dates them. That
line is the best publication date we have, and relative dates in the body ("today", "on Monday")
are resolved against it. Only short lines near the top count, so a date in the body is never
taken for the publication date.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan січня січень января январь",
        "february feb лютого лютий февраля февраль",
        "march mar березня березень марта март",
        "april apr квітня квітень апреля апрель",
        "may травня травень мая май",
        "june jun червня червень июня июнь",
        "july jul липня липень июля июль",
        "august aug серпня серпень августа август",
        "september sep sept вересня вересень сентября сентябрь",
        "october oct жовтня жовтень октября октябрь",
        "november nov листопада листопад ноября ноябрь",
        "december dec грудня грудень декабря декабрь",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"(?P<month>[^\W\d_]{3,9})\.?"
_PATTERNS = (
    # 30 December 2024, 14 вересня 2024 року, 14 сентября 2024 г.
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # December 30, 2024 / Dec. 30, 2024
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # 14.09.2024 (day first, as Ukrainian and Russian posts write it)
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"),
    # 2024-09-14
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
_HEADER_LINES = 6
_LONGEST_HEADER_LINE = 90


def header_date(text: str) -> str | None:
    """The ISO date of the first dated short line among the first lines of ``text``, if any."""
    lines = [line.strip() for line in text.split("\n", 40)[:40] if line.strip()]
    for line in lines[:_HEADER_LINES]:
        if len(line) > _LONGEST_HEADER_LINE:
            continue
        for pattern in _PATTERNS:
            match = pattern.search(line)
            if match and (found := _to_iso(match)):
                return found
    return None


def _to_iso(match: re.Match[str]) -> str | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
    if month is None:
        return None
    try:
        return date(int(match.group("year")), month, int(match.group("day"))).isoformat()
    except ValueError:
        return None
