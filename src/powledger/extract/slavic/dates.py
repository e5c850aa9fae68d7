"""Dates of Ukrainian and Russian: genitive months, weekdays and relative words, with precision."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from powledger.extract.slavic.text import fold

DatePrecision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateLexicon:
    """The date words of one language, as data."""

    #: genitive month names ("вересня", "сентября") -> month number
    months_genitive: Mapping[str, int]
    #: nominative and locative month names ("вересень", "у вересні") -> month number
    months_other: Mapping[str, int]
    #: accusative / nominative weekday forms -> weekday (Monday = 0)
    weekdays: Mapping[str, int]
    #: words of "today", "yesterday", "the day before" -> offset in days from publication
    relative_days: Mapping[str, int]
    #: regex of the word "year" after a year ("року", "р.", "года", "г.")
    year_word: str
    #: regex of the prepositions "in / on" before a month or weekday ("у", "в", "во")
    preposition: str
    #: regex of "last" before a weekday ("минулої", "в прошлую")
    last_word: str
    #: regex of "next" before a weekday ("наступної", "в следующую")
    next_word: str
    #: regex of the locative "in year" ("році", "году")
    year_locative: str
    #: regex of "from" and "to" in a range of days ("з 23 по 25 травня")
    range_from: str = "(?!)"
    range_to: str = "(?!)"
    #: words of "the day before" that also mean "on the eve of" ("напередодні", "накануне")
    eve_words: tuple[str, ...] = ()
    #: regex of what follows them when they mean "on the eve of" ("Великодня", "обміну")
    eve_of: str = ""
    #: phrases naming a fixed day of the year -> (month, day): «накануне Нового года»,
    #: «в последний день прошлого года» -> (12, 31); the latest such day on or before publication
    fixed_days: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    #: regex of "the beginning / middle / end of" before a genitive month ("в середине марта"):
    #: the month, at month precision
    month_parts: str = "(?!)"


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date found in text, resolved against the publication date when it is relative."""

    start: int
    end: int
    date: str | None
    precision: DatePrecision | None
    relative: bool = False
    future: bool = False


class DateParser:
    """Find absolute and relative dates in one language's text."""

    def __init__(self, lexicon: DateLexicon) -> None:
        self.lexicon = lexicon
        gen = "|".join(sorted(lexicon.months_genitive, key=len, reverse=True))
        other = "|".join(sorted(lexicon.months_other, key=len, reverse=True))
        wd = "|".join(sorted(lexicon.weekdays, key=len, reverse=True))
        rel = "|".join(sorted(lexicon.relative_days, key=len, reverse=True))
        yw = lexicon.year_word
        self._patterns: list[tuple[str, re.Pattern[str]]] = [
            (
                "day_month",
                re.compile(
                    # A range of days ("23-25 травня", "з 23 по 25 мая") ends on its last day.
                    rf"(?<![\w\d])(?:[0-3]?\d\s*[-–—]\s*|(?:{lexicon.range_from})\s+[0-3]?\d\s+(?:{lexicon.range_to})\s+)?"
                    rf"(?P<d>[0-3]?\d)(?:-?(?:го|е|ого))?\s+(?P<m>{gen})(?![\w'])"
                    rf"(?:\s+(?P<y>(?:19|20)\d\d)(?![\d])(?:\s*(?:{yw}))?)?"
                ),
            ),
            (
                "numeric",
                re.compile(
                    r"(?<![\w\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?!\d)"
                ),
            ),
            (
                "month_year",
                re.compile(
                    rf"(?<![\w'])(?:(?:{lexicon.preposition})\s+)?(?P<m>{other}|{gen})\s+(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*(?:{yw}))?"
                ),
            ),
            (
                "month_part",
                re.compile(
                    rf"(?<![\w'])(?:{lexicon.preposition})\s+(?:{lexicon.month_parts})\s+(?P<m>{gen})"
                    rf"(?:\s+(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*(?:{yw}))?)?(?![\w'])"
                ),
            ),
            (
                "in_month",
                re.compile(rf"(?<![\w'])(?:{lexicon.preposition})\s+(?P<m>{other})(?![\w'])"),
            ),
            (
                "in_year",
                re.compile(
                    rf"(?<![\w'])(?:{lexicon.preposition})\s+(?P<y>(?:19|20)\d\d)\s+(?:{lexicon.year_locative})(?![\w'])"
                ),
            ),
            (
                "weekday",
                re.compile(
                    rf"(?<![\w'])(?:(?P<pre>{lexicon.preposition})\s+)?(?:(?P<last>{lexicon.last_word})\s+|(?P<next>{lexicon.next_word})\s+)?(?P<w>{wd})(?![\w'])"
                ),
            ),
            (
                "relative",
                re.compile(rf"(?<![\w'])(?P<r>{rel})(?![\w'])"),
            ),
        ]
        if lexicon.fixed_days:
            fixed = "|".join(f"(?:{k})" for k in lexicon.fixed_days)
            self._patterns.insert(0, ("fixed", re.compile(rf"(?<![\w'])(?:{fixed})(?![\w'])")))
        self._fixed = [(re.compile(k), v) for k, v in lexicon.fixed_days.items()]
        self._eve = re.compile(rf"\s+(?:{lexicon.eve_of})") if lexicon.eve_of else None
        self._year_word = re.compile(rf"(?<![\d])(?:19|20)\d\d\s*(?:{yw})(?![\w'])")

    def find(
        self, text: str, *, published: date | None = None, folded: str | None = None
    ) -> list[DateSpan]:
        """Return the dates in ``text`` in order, without overlaps (the longest wins)."""
        low = fold(text) if folded is None else folded
        found: list[DateSpan] = []
        for name, pattern in self._patterns:
            for m in pattern.finditer(low):
                span = self._resolve(name, m, published)
                if span is not None:
                    found.append(span)
        found.sort(key=lambda s: (s.start, -(s.end - s.start)))
        result: list[DateSpan] = []
        last_end = -1
        for span in found:
            if span.start >= last_end:
                result.append(span)
                last_end = span.end
        return result

    def numeric_spans(self, text: str, *, folded: str | None = None) -> list[tuple[int, int]]:
        """Return where digits belong to a date ("14 вересня", "2024 року"), resolved or not."""
        low = fold(text) if folded is None else folded
        out: list[tuple[int, int]] = []
        for name, pattern in self._patterns:
            if name in ("day_month", "numeric", "month_year", "in_year"):
                out.extend((m.start(), m.end()) for m in pattern.finditer(low))
        out.extend((m.start(), m.end()) for m in self._year_word.finditer(low))
        return out

    def _resolve(self, name: str, m: re.Match[str], published: date | None) -> DateSpan | None:
        lex = self.lexicon
        if name in ("day_month", "numeric"):
            day = int(m.group("d"))
            month = lex.months_genitive[m.group("m")] if name == "day_month" else int(m.group("m"))
            year = int(m.group("y")) if m.group("y") else None
            resolved = _make_date(year, month, day, published)
            if resolved is None:
                return None
            return DateSpan(m.start(), m.end(), resolved.isoformat(), "day")
        if name in ("month_year", "in_month", "month_part"):
            word = m.group("m")
            found_month = lex.months_other.get(word) or lex.months_genitive.get(word)
            if found_month is None:
                return None
            month = found_month
            year_text = m.groupdict().get("y")
            if year_text:
                year = int(year_text)
            elif published is not None:
                year = published.year if month <= published.month else published.year - 1
            else:
                return DateSpan(m.start(), m.end(), None, None, relative=True)
            return DateSpan(m.start(), m.end(), f"{year:04d}-{month:02d}", "month")
        if name == "fixed":
            month, day = next(v for k, v in self._fixed if k.fullmatch(m.group(0)))
            if published is None:
                return DateSpan(m.start(), m.end(), None, None, relative=True)
            year = (
                published.year
                if (month, day) <= (published.month, published.day)
                else (published.year - 1)
            )
            return DateSpan(m.start(), m.end(), f"{year:04d}-{month:02d}-{day:02d}", "day", True)
        if name == "in_year":
            return DateSpan(m.start(), m.end(), m.group("y"), "year")
        if name == "weekday":
            weekday = lex.weekdays[m.group("w")]
            if m.group("pre") is None and m.group("last") is None and m.group("next") is None:
                # A bare weekday name ("субота") is too often a heading; require "у суботу".
                return None
            if published is None:
                return DateSpan(m.start(), m.end(), None, None, relative=True)
            if m.group("next") is not None:
                delta = (weekday - published.weekday()) % 7 or 7
                day_ = published + timedelta(days=delta)
                return DateSpan(m.start(), m.end(), day_.isoformat(), "day", True, True)
            delta = (published.weekday() - weekday) % 7
            if m.group("last") is not None and delta == 0:
                delta = 7
            day_ = published - timedelta(days=delta)
            return DateSpan(m.start(), m.end(), day_.isoformat(), "day", relative=True)
        if name == "relative":
            if (
                m.group("r") in lex.eve_words
                and self._eve is not None
                and self._eve.match(m.string, m.end())
            ):
                return None
            offset = lex.relative_days[m.group("r")]
            if published is None:
                return DateSpan(m.start(), m.end(), None, None, True, offset > 0)
            day_ = published + timedelta(days=offset)
            return DateSpan(m.start(), m.end(), day_.isoformat(), "day", True, offset > 0)
        return None


def _make_date(year: int | None, month: int, day: int, published: date | None) -> date | None:
    """Build a date; a missing year is the publication's, or the year before if that is later."""
    if not 1 <= month <= 12:
        return None
    if year is None:
        if published is None:
            return None
        year = published.year
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        # "30 грудня" in a report of 2 January is last year's December.
        if candidate > published + timedelta(days=7):
            year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        return None
