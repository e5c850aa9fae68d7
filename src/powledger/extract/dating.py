"""Dates of events: the dateline, the report's own date, dates near a figure."""

from __future__ import annotations

import re
from datetime import date, timedelta

from powledger.extract.attribution import (
    Sentence,
)
from powledger.extract.base import DateSpan, Lexicon, NumberSpan
from powledger.extract.compose import (
    Candidate,
    Count,
)
from powledger.extract.patterns import Compiled

_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'/-]{1,40},?\s*(?:[A-Za-z]+,?\s*)?(?=[A-Z][a-z]{2,8}\.?\s+\d)"
)


#: "МОСКВА, 14 сентября. /ТАСС/.", "Киев, 25 июня. ИНТЕРФАКС", "KYIV, 14 September (Wire)": a
#: city in capitals (or one capitalised word), a comma or full stop, then a day before its month.
_DATELINE_DAY_FIRST = re.compile(
    r"^\s*(?:[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ .'-]{1,40}|[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'-]{2,25})[,.]\s*"
    r"(?=\d{1,2}\s+[^\W\d_]{3,})"
)


#: "March 10 (UPI) -- ...": a wire's dateline with no city, the agency in brackets, then a dash.
_DATELINE_NO_CITY = re.compile(r"^\s*(?=[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([^()\n]{1,30}\)\s*[-–—])")


def dateline_date(c: Compiled, text: str, published: date | None) -> DateSpan | None:
    """The date of a dateline ("KYIV, Sept 14 (Wire) -", "МОСКВА, 14 сентября. /ТАСС/."),
    resolved against ``published``; on the first line or on the line after a headline."""
    first_line = text.split("\n", 1)[0]
    starts = [0]
    if len(first_line) < 200 and len(text) > len(first_line):
        starts.append(len(first_line) + 1)
    for offset in starts:
        head = text[offset : offset + 200]
        m = (
            _DATELINE.match(head)
            or _DATELINE_DAY_FIRST.match(head)
            or _DATELINE_NO_CITY.match(head)
        )
        if not m:
            continue
        # The date must close the dateline: a full stop, dash, bracket or slash after it.
        window = head[m.end() : m.end() + 40]
        dates = c.lexicon.find_dates(window, published)
        if dates and dates[0].start == 0 and dates[0].iso:
            d = dates[0]
            if m.re is _DATELINE_DAY_FIRST and not re.match(
                r"\s*(?:[.(/]|[-–—]\s)", window[d.end :]
            ):
                continue
            at = offset + m.end()
            return DateSpan(d.start + at, d.end + at, d.iso, d.precision, d.relative)
    return None


def inside_dateline(d: DateSpan, dateline: DateSpan | None, offset: int) -> bool:
    """Whether ``d`` (offsets within a sentence at ``offset``) is the dateline's date."""
    return dateline is not None and dateline.start <= d.start + offset < dateline.end


#: A relative clause about the persons' own past ("who had been taken to Ukraine during a raid",
#: "who were captured"): a date in it is no exchange's date (English).
_PERSONS_PAST = re.compile(
    r"\b(?:who|whom)\s+(?:had\s+been|have\s+been|were|was|had)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:taken|captured|detained|held|deported|abducted|arrested|seized|jailed|convicted|sentenced)"
    r"\b[^,;.]*$",
    re.I,
)


def event_dates(
    c: Compiled, s: str, reference: date | None, reports: list[DateSpan] | None = None
) -> list[DateSpan]:
    """Dates in ``s`` that can date an exchange: not "since May", not "said on Sunday".

    Dates of the report itself ("said on Sunday") go to ``reports`` when it is given.
    """
    out = []
    for d in c.lexicon.find_dates(s, reference):
        before = s[max(0, d.start - 30) : d.start]
        words = re.findall(r"[\w'-]+", before)
        last = words[-1] if words else ""
        if d.precision == "year" and c.superlatives.find(before):
            continue  # "the first exchange in 2025": a comparison, not the exchange's date
        # ("since the Easter Sunday one that freed 70": the recalled swap's own day)
        named_recall = d.precision == "day" and re.match(
            r"\s+(?:one|swap|exchange|handover|trade)\s+(?:that|which|when|in\s+which)\b",
            s[d.end : d.end + 30],
            re.I,
        )
        when = re.match(r",?\s+(?:when|когда|коли)\b", s[d.end : d.end + 12], re.I) or named_recall
        own = re.findall(r"[\w'-]+", s[d.start : d.end])[:1]
        # "since late last month", "detained since February" (the word is inside the date)
        marked = c.not_event_date.find(last) or (own and c.not_event_date.find(own[0]))
        hedged = (
            len(words) > 1
            and re.fullmatch(r"late|early|mid|the", last, re.I)
            and c.not_event_date.find(words[-2])
            and d.relative
        )  # "since late last month"
        # "held since the attack on 24 February 2022": the date of a noun after "since", unless
        # a verb of return comes first ("freed from the camp on Friday").
        opened = re.search(r"([^\W\d_]+)\s+the\s+(?:[^\W\d_]+\s+){1,5}(?:(?:on|in|of)\s+)?$", before)
        if (
            opened
            and c.not_event_date.find(opened.group(1))
            and not when
            and not any(
                t.find(s, 0, d.start - len(before) + opened.start(1))
                for t in (c.returns, c.give, c.receive, c.exchange, c.mutual)
            )
        ):
            continue
        # "The 22 soldiers, captured after the fall of the city in May 2022, were released":
        # a date in a clause about the persons' capture (no verb of return in that clause).
        lo = max([0, *(m.end() for m in re.finditer(r"[,;:()—–]|\b(?:who|which)\b", s[: d.start]))])
        if (
            c.capture_clause.find(s, lo, d.start)
            and not when
            and not any(
                t.find(s, lo, d.start) for t in (c.returns, c.give, c.receive, c.exchange, c.mutual)
            )
        ):
            continue
        if (hedged and not named_recall) or (marked and not when) or (marked and d.relative and d.precision != "day"):
            continue  # "since 5 January" is no event's date, but "since 5 January, when ..." is
        if _PERSONS_PAST.search(s[max(0, d.start - 80) : d.start]):
            continue  # "residents ... who had been taken to Ukraine during a raid last year"
        if any(c.agreed.find(w) for w in words[-2:]):
            continue  # "обмін, про який сторони домовилися (ще) 16 травня": the agreement's date
        # "на тлі перемир'я на 19-20 квітня": the truce's dates, not the swap's (the noun of
        # the other event right before the date, or before one short preposition).
        # ("задержаны еще в марте": two short words between.)
        short = 0
        while short < 2 and short < len(words) and len(words[-1 - short]) <= 3:
            short += 1
        tail = words[-1 - short :]
        if re.search(r"[\w'\"»]\s*$", before) and any(c.other_events.find(w) for w in tail):
            continue
        # A date on the reporting verb dates the report, not the exchange.
        reported = words[-2:] if last.lower() in ("on", "in") else words[-1:]
        if reported and c.reporting.find(" ".join(reported)) and d.relative:
            if reports is not None:
                reports.append(d)
            continue
        out.append(d)
    return out


def date_before(
    c: Compiled,
    text: str,
    sentences: list[Sentence],
    found: list[Candidate],
    reference: date | None,
) -> list[DateSpan]:
    """ "On Friday it finally rang. ... one of 95 soldiers freed that day": the sentence before
    the first figure may carry its date."""
    if not found:
        return []
    first = min(cand.sentence[0] for cand in found)
    before = [s for s in sentences if s.end <= first]
    if not before:
        return []
    prev = before[-1]
    local = text[prev.start : prev.end]
    # Not a date of the talks: "... the exchange agreed in Istanbul on 2 June".
    dates = [
        d for d in event_dates(c, local, reference)
        if not c.plan.find(local, max(0, d.start - 40), d.start)
    ]  # fmt: skip
    return [
        DateSpan(d.start + prev.start, d.end + prev.start, d.iso, d.precision, d.relative)
        for d in dates
    ][-1:]


def nearest_date(s: str, dates: list[DateSpan], k: Count) -> DateSpan | None:
    """The date that belongs to a count: in its comma-delimited segment, or close by."""
    close = []
    same = []
    for d in dates:
        lo, hi = (d.end, k.start) if d.end <= k.start else (k.end, d.start)
        gap = s[lo:hi]
        if not re.search(r"[,;]", gap) or len(gap) <= 60:
            close.append(d)
        if not re.search(r"[,;:]", gap):
            same.append(d)
    if same:
        # "У п'ятницю Україна повернула 390 людей, у суботу - 307": the count's own segment.
        return min(same, key=lambda d: abs(d.start - k.start))
    # "у п'ятницю, повернулися 390 українців, у суботу - 307": a later date that labels a
    # figure of its own is that figure's, not this count's.
    close = [
        d for d in close
        if d.start < k.start or not re.match(r"[^,;.\d]*\d", s[d.end : d.end + 12])
    ] or close  # fmt: skip
    if not close:
        # "In September 2022, ..., Ukraine recovered 215": a leading date covers the sentence.
        leading = [d for d in dates if d.start <= 20]
        return leading[0] if leading else None
    return min(close, key=lambda d: abs(d.start - k.start))


def numbers_outside_dates(lexicon: Lexicon, s: str, reference: date | None) -> list[NumberSpan]:
    """Numbers of ``s`` that are not part of a date ("Sept 18", "30 December 2024")."""
    numbers = lexicon.find_numbers(s)
    if not numbers:
        return numbers
    dates = lexicon.find_dates(s, reference)
    return [n for n in numbers if not any(d.start <= n.start < d.end for d in dates)]


_WEEKDAY = re.compile(r"(?:on\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
_FORWARD_WORD = re.compile(r"\b(?:for|until|till|coming|next|scheduled|slated|due)\s*$", re.I)
_DUE = re.compile(r"\b(?:due|set|slated|scheduled|expected|planned)(?:\s+(?:to|for|on)\b|\s*$)", re.I)


def forward_weekday(c: Compiled, s: str, d: DateSpan, reference: date | None) -> DateSpan:
    """ "A swap is scheduled for Saturday", "it will take place on Sunday": a weekday after a
    word of the future in its clause is the coming one, not the last one."""
    if reference is None or not d.iso or not d.relative or d.precision != "day":
        return d
    if not _WEEKDAY.fullmatch(s[d.start : d.end]) or re.match(r"['’]s\b", s[d.end : d.end + 3]):
        return d  # "last Friday", "Saturday's swap"
    day = date.fromisoformat(d.iso)
    if day >= reference:
        return d
    lo = max([0, *(m.end() for m in re.finditer(r"[;:.!?]|,\s", s[: d.start]))])
    clause = s[lo : d.start]
    if not (_FORWARD_WORD.search(clause) or _DUE.search(clause) or c.future.find(clause)):
        return d
    return DateSpan(d.start, d.end, (day + timedelta(days=7)).isoformat(), d.precision, True)
