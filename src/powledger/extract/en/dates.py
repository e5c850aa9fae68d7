"""English date expressions resolved against the publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from powledger.extract.base import DateSpan

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)(?!\d)"), "iso"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*-\s*[0-3]?\d)?(?:,?\s+{_YEAR})?(?!\d)", re.I), "md"),
    (re.compile(rf"(?<!\d){_DAY}(?:\s*-\s*[0-3]?\d)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I), "dm"),
    (re.compile(rf"\b(?:in|since|during|of|early|late|mid-?)\s+{_MONTH}(?:,?\s+{_YEAR})?\b", re.I), "m"),
    (re.compile(r"(?:(?<=since\s)|(?<=until\s)|(?<=by\s)|\b(?:on|at|over)\s+)(?:the\s+)?(?P<hol>(?:orthodox\s+|western\s+|catholic\s+)?(?:easter(?:\s+sunday)?|christmas(?:\s+(?:eve|day))?)|new\s+year'?s\s+(?:eve|day)|independence\s+day|victory\s+day)(?:,?\s+(?P<year>(?:19|20)\d\d))?\b(?!\s+(?:truce|ceasefire|swap|exchange|time|period|holidays?|season|message|address|service|greetings|eve\b))", re.I), "hol"),
    # "since the Easter Sunday one that freed 70 soldiers": a holiday naming a recalled swap
    (re.compile(r"(?<=the\s)(?P<hol>(?:orthodox\s+|western\s+|catholic\s+)?(?:easter(?:\s+sunday)?|christmas(?:\s+(?:eve|day))?)|new\s+year'?s\s+(?:eve|day))(?=\s+(?:one|swap|exchange|handover|trade)\s+(?:that|which|when|in\s+which)\b)", re.I), "hol"),
    (re.compile(r"\b(?:on\s+|last\s+|this\s+|late\s+|early\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I), "wd"),
    (re.compile(r"\b(?P<relm>earlier\s+this\s+month|this\s+month|last\s+month|earlier\s+this\s+year|last\s+year)\b", re.I), "relm"),
    (re.compile(r"\b(?P<rel>today|yesterday|the\s+day\s+before\s+yesterday|this\s+morning|this\s+afternoon|this\s+evening|tonight|last\s+night|earlier\s+today|overnight(?!\s+(?:on\s+|into\s+|to\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)|the\s+previous\s+day|the\s+day\s+before)\b", re.I), "rel"),
]  # fmt: skip
_REL_DAYS = {
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "the previous day": -1,
    "the day before": -1,
}


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    """The year of a month-day without one: the publication year, or the one before."""
    if published is None:
        return None
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return year
    # A date well after publication is last year's ("Dec. 30" in a January report).
    if candidate > published + timedelta(days=14):
        year -= 1
    return year


_HOLIDAY_WORDS = ("easter", "christmas", "new year", "independence day", "victory day")


def _easter(year: int, orthodox: bool) -> date:
    """Easter Sunday of ``year``: Gregorian (western) or Julian (orthodox, 1900-2099)."""
    if orthodox:
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return date(year, month, day + 1) + timedelta(days=13)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lday) // 451
    month, day = divmod(h + lday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday(name: str, year: int) -> date | None:
    """The date of a holiday in ``year`` (Easter is the Orthodox one unless said otherwise:
    the reports are about Russia and Ukraine)."""
    name = re.sub(r"\s+", " ", name.lower()).replace("'", "")
    if "easter" in name:
        return _easter(year, orthodox=not ("western" in name or "catholic" in name))
    fixed = {
        "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
        "new years eve": (12, 31), "new years day": (1, 1), "independence day": (8, 24),
        "victory day": (5, 9),
    }  # fmt: skip
    for key, (month, day) in fixed.items():
        if name.endswith(key):
            return date(year, month, day)
    return None


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str, published: date | None) -> list[DateSpan]:
    """Return date expressions in ``text``, resolved against ``published`` when relative."""
    spans: list[DateSpan] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    holidays = any(h in lowered for h in _HOLIDAY_WORDS)
    for pattern, kind in _PATTERNS:
        if kind == "hol" and not holidays:
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            span = _resolve(m, kind, published)
            if span is not None:
                spans.append(span)
                taken.append((m.start(), m.end()))
    spans.sort(key=lambda d: d.start)
    return spans


def _resolve(m: re.Match[str], kind: str, published: date | None) -> DateSpan | None:
    groups = m.groupdict()
    if kind == "iso":
        iso = _safe_date(int(groups["year"]), int(groups["m"]), int(groups["day"]))
        return DateSpan(m.start(), m.end(), iso, "day") if iso else None
    if kind in ("md", "dm"):
        month = MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        if groups.get("year"):
            year: int | None = int(groups["year"])
            relative = False
        else:
            year = _infer_year(month, day, published)
            relative = True
        # "May 5" is a date; "may 5" is too rare a verb use to matter, but "may" alone is not.
        if groups["month"].lower() == "may" and m.group(0)[0] == "m":
            return None
        iso = _safe_date(year, month, day) if year else None
        return DateSpan(m.start(), m.end(), iso, "day" if iso else None, relative)
    if kind == "m":
        month = MONTHS[groups["month"].lower().rstrip(".")]
        if groups["month"].lower() == "may" and not groups.get("year"):
            return None
        if groups.get("year"):
            year = int(groups["year"])
        elif published is not None:
            year = published.year if month <= published.month else published.year - 1
        else:
            return DateSpan(m.start(), m.end(), None, None, True)
        return DateSpan(
            m.start(), m.end(), f"{year:04d}-{month:02d}", "month", not groups.get("year")
        )
    if kind == "hol":
        if groups.get("year"):
            when = _holiday(groups["hol"], int(groups["year"]))
            return DateSpan(
                m.start(), m.end(), when.isoformat() if when else None, "day" if when else None
            )
        if published is None:
            return DateSpan(m.start(), m.end(), None, None, True)
        # The last one on or before publication (a few days' slack for reports written ahead).
        when = _holiday(groups["hol"], published.year)
        if when is not None and when > published + timedelta(days=3):
            when = _holiday(groups["hol"], published.year - 1)
        return DateSpan(
            m.start(), m.end(), when.isoformat() if when else None, "day" if when else None, True
        )
    if kind == "wd":
        if published is None:
            return DateSpan(m.start(), m.end(), None, None, True)
        weekday = WEEKDAYS[groups["wd"].lower()]
        back = (published.weekday() - weekday) % 7
        if m.group(0).lower().startswith("last") and back == 0:
            back = 7
        return DateSpan(
            m.start(), m.end(), (published - timedelta(days=back)).isoformat(), "day", True
        )
    if kind == "relm":
        if published is None:
            return DateSpan(m.start(), m.end(), None, None, True)
        rel = re.sub(r"\s+", " ", groups["relm"].lower())
        if rel.endswith("year"):
            year = published.year - (1 if rel.startswith("last") else 0)
            return DateSpan(m.start(), m.end(), f"{year:04d}", "year", True)
        month, year = published.month, published.year
        if rel == "last month":
            month, year = (12, year - 1) if month == 1 else (month - 1, year)
        return DateSpan(m.start(), m.end(), f"{year:04d}-{month:02d}", "month", True)
    if kind == "rel":
        if published is None:
            return DateSpan(m.start(), m.end(), None, None, True)
        rel = re.sub(r"\s+", " ", groups["rel"].lower())
        delta = _REL_DAYS.get(rel, 0)
        return DateSpan(
            m.start(), m.end(), (published + timedelta(days=delta)).isoformat(), "day", True
        )
    return None
