"""Shared machinery for Ukrainian and Russian: folding, numerals, dates and optional morphology.

The words themselves live in ``extract/uk/lexicon.py`` and ``extract/ru/lexicon.py``; this module
only holds the rules that both languages share. Every span it returns is an offset into the text
it was given, because folding (:func:`fold`) never changes the length of a string.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal, Protocol

from powledger.errors import PowledgerError
from powledger.extract import base

logger = logging.getLogger(__name__)

DatePrecision = Literal["day", "month", "year"]

# Apostrophes, non-breaking spaces and hyphens that reports mix freely: each maps to one
# character so that offsets in the folded text are offsets in the original.
_FOLD_TABLE = str.maketrans(
    {
        "’": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "‘": "'",
        "ё": "е",
        "Ё": "е",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u2011": "-",
        "\u00ad": "-",
    }
)


class MorphologyUnavailableError(PowledgerError):
    """The optional morphology dictionaries were asked for but are not installed."""


def fold(text: str) -> str:
    """Return ``text`` lower-cased with apostrophes, spaces and ё unified, of the same length."""
    folded = text.translate(_FOLD_TABLE).lower()
    if len(folded) == len(text):
        return folded
    # A few non-Cyrillic letters grow when lower-cased (İ); keep those as they are.
    return "".join(c2 if len(c2 := c.translate(_FOLD_TABLE).lower()) == 1 else c for c in text)


# --------------------------------------------------------------------------------------------
# Numerals
# --------------------------------------------------------------------------------------------

#: Kinds of numeral words the composer understands.
NumeralKind = Literal[
    "unit",  # 1-9
    "teen",  # 10-19
    "ten",  # 20-90
    "hundred",  # 100-900
    "thousand",  # multiplier 1000
    "collective",  # двоє / трое: stands alone
    "one_and_half",  # півтори / полтора: needs a following сотня / тисяча / десяток
    "noun_hundred",  # сотня: a noun that multiplies the unit before it
    "noun_ten",  # десяток
    "several",  # кілька / несколько: vague, multiplies a following noun numeral
    "fixed",  # півсотні = 50: a whole number on its own
]


@dataclass(frozen=True, slots=True)
class NumeralLexicon:
    """The numeral words of one language, as data."""

    #: word form -> (value, kind)
    words: Mapping[str, tuple[int, NumeralKind]]
    #: forms that are also common other words (Russian "семью" = family); accepted only in compounds
    needs_company: frozenset[str]
    #: plural noun forms that mean "tens / hundreds / thousands of" when nothing multiplies them
    vague_plurals: Mapping[str, tuple[int, int]]
    #: forms that are a genitive singular after a hedge ("близько тисячі" = about 1000)
    genitive_singular: Mapping[str, int]
    #: regex alternatives that hedge a following number ("понад", "более чем")
    approx_before: tuple[str, ...]
    #: regex alternatives for "thousand" written short after digits ("тис.", "тыс.")
    thousand_short: str
    #: regex alternatives of ordinal endings after digits and a hyphen ("64-й", "64-го")
    ordinal_suffix: str
    #: regex alternatives of case endings that keep digits a cardinal ("95-ти", "5-ох")
    cardinal_suffix: str = ""
    #: regex of "of" in "one of the 303": the first number only picks from the second
    partitive: str = ""


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number found in text: digits or words, exact or hedged or vague."""

    start: int
    end: int
    value: int | None
    approximate: bool = False
    low: int | None = None
    high: int | None = None
    ordinal: bool = False
    in_words: bool = False
    approx_start: int | None = None

    @property
    def vague(self) -> bool:
        """True when the text gives only an order of magnitude ("десятки", "сотні")."""
        return self.value is None


# Digits that are not part of a clock time ("10:15") nor of a decimal or a longer number.
_DIGITS = r"(?<![\d.,:])(?:\d{1,3}(?:[ ]\d{3})+|\d+)(?:,\d+)?(?![\d]|:\d)"


@dataclass(slots=True)
class _Run:
    """A numeral being composed word by word."""

    start: int
    end: int
    total: int = 0
    group: int = 0
    words: int = 0
    pending_half: bool = False
    several: bool = False
    vague: tuple[int, int] | None = None
    vague_word: str = ""
    last_kind: str = ""
    only_company: bool = True

    def value(self) -> int:
        return self.total + self.group


class NumeralParser:
    """Find numbers in digits and in words (every case form) in one language's text."""

    def __init__(self, lexicon: NumeralLexicon, morph: Morphology | None = None) -> None:
        self.lexicon = lexicon
        self.morph = morph
        # A copy: forms learnt from the optional dictionaries are added to it as they are met.
        self.words: dict[str, tuple[int, NumeralKind]] = dict(lexicon.words)
        self._checked: set[str] = set()
        self._compile_tokens()
        self._ordinal = re.compile(rf"(?:{lexicon.ordinal_suffix})")
        self._cardinal = re.compile(rf"(?:{lexicon.cardinal_suffix or '(?!)'})")
        self._partitive = (
            re.compile(rf"\s+(?:{lexicon.partitive})\s+(?:[^\W\d_]+\s+)?")
            if lexicon.partitive
            else None
        )
        self._approx = re.compile(rf"(?:^|[^\w'])(?:{'|'.join(lexicon.approx_before)})\s+$")
        # Words the table misses are tried through the morphology, when it is there.
        self._word_re = re.compile(r"(?<![\w'])[^\W\d_]+(?:'[^\W\d_]+)*")

    def _compile_tokens(self) -> None:
        words = sorted(set(self.words) | set(self.lexicon.vague_plurals), key=len, reverse=True)
        alt = "|".join(re.escape(w) for w in words)
        self._token = re.compile(
            rf"(?P<digits>{_DIGITS})(?:-(?P<suffix>[^\W\d_]+(?:'[^\W\d_]+)*))?(?P<pct>\s?%)?"
            rf"(?:\s*(?P<thou>{self.lexicon.thousand_short}))?"
            rf"|(?<![\w'])(?P<word>{alt})(?![\w'])"
        )

    def _learn(self, low: str) -> None:
        """Ask the optional dictionaries about numeral-looking words the tables do not have."""
        assert self.morph is not None
        learnt = False
        for m in self._word_re.finditer(low):
            word = m.group()
            if word in self.words or word in self._checked or not word.startswith(NUMERAL_PREFIXES):
                continue
            self._checked.add(word)
            lemma = self.morph.numeral_lemma(word)
            entry = self.lexicon.words.get(lemma) if lemma else None
            if entry is not None and entry[1] in ("unit", "teen", "ten", "hundred", "thousand"):
                self.words[word] = entry
                learnt = True
        if learnt:
            self._compile_tokens()

    def find(self, text: str, *, folded: str | None = None) -> list[NumberSpan]:
        """Return the numbers in ``text`` in order of appearance."""
        low = fold(text) if folded is None else folded
        if self.morph is not None:
            self._learn(low)
        spans: list[NumberSpan] = []
        run: _Run | None = None
        for m in self._token.finditer(low):
            if m.group("digits") is not None:
                if run is not None:
                    spans.extend(self._close(run, low))
                    run = None
                digits = self._digits(m, low)
                if digits is not None:
                    spans.append(digits)
                continue
            word = m.group("word")
            if run is not None and not low[run.end : m.start()].isspace():
                spans.extend(self._close(run, low))
                run = None
            if run is None:
                run = _Run(start=m.start(), end=m.end())
                if self._feed(run, word):
                    run.end = m.end()
                    continue
                run = None
                continue
            if self._feed(run, word):
                run.end = m.end()
                continue
            spans.extend(self._close(run, low))
            run = _Run(start=m.start(), end=m.end())
            if not self._feed(run, word):
                run = None
        if run is not None:
            spans.extend(self._close(run, low))
        return self._drop_partitives(low, spans)

    # -- digits ---------------------------------------------------------------------------
    def _digits(self, m: re.Match[str], low: str) -> NumberSpan | None:
        if m.group("pct"):
            return None
        suffix = m.group("suffix")
        ordinal = False
        if suffix is not None and suffix != "на":
            if self._ordinal.fullmatch(suffix):
                ordinal = True
            elif not self._cardinal.fullmatch(suffix):
                # "47-річний", "3-кімнатна": an adjective built on a number, not a count.
                return None
        raw = m.group("digits").replace(" ", "")
        if "," in raw:
            whole, _, frac = raw.partition(",")
            number = float(f"{whole}.{frac}")
        else:
            number = float(raw)
        if m.group("thou"):
            number *= 1000
        value = round(number)
        if "," in raw and not m.group("thou"):
            # "1,5" without a thousand is a decimal, not a count of persons.
            value = int(number)
        end = m.end("digits") if suffix == "на" else m.end()
        approx_start = self._approx_start(low, m.start())
        return NumberSpan(
            start=m.start(),
            end=end,
            value=value,
            approximate=approx_start is not None,
            low=value,
            high=value,
            ordinal=ordinal,
            approx_start=approx_start,
        )

    def _drop_partitives(self, low: str, spans: list[NumberSpan]) -> list[NumberSpan]:
        """Drop "one" of "one of the 303 freed": the count is the second number."""
        if self._partitive is None or len(spans) < 2:
            return spans
        kept: list[NumberSpan] = []
        for span, nxt in zip(spans, [*spans[1:], None], strict=True):
            if nxt is not None:
                gap = self._partitive.fullmatch(low, span.end, nxt.start)
                if gap is not None:
                    continue
            kept.append(span)
        return kept

    def _approx_start(self, low: str, start: int) -> int | None:
        window = low[max(0, start - 40) : start]
        found = self._approx.search(window)
        if found is None:
            return None
        offset = found.start()
        if window[offset : offset + 1] and not (window[offset].isalpha() or window[offset] == "'"):
            offset += 1
        return start - len(window) + offset

    # -- words ----------------------------------------------------------------------------
    def _feed(self, run: _Run, word: str) -> bool:
        """Add one word to the run; False when it cannot belong to it."""
        lex = self.lexicon
        first = run.words == 0
        if run.vague is not None or run.last_kind in ("closed", "collective", "fixed"):
            return False
        if word in lex.vague_plurals and (first or run.several):
            # "десятки", "сотні", "кілька тисяч": an order of magnitude, not a count.
            run.vague = lex.vague_plurals[word]
            run.vague_word = word
            run.words += 1
            run.only_company = False
            return True
        entry = self.words.get(word)
        if entry is None:
            return False
        value, kind_ = entry
        kind: str = kind_
        if word not in lex.needs_company:
            run.only_company = False
        g = run.group
        if run.several:
            return False
        if run.pending_half:
            if kind not in ("noun_hundred", "noun_ten", "thousand"):
                return False
            run.group = value * 3 // 2
            run.pending_half = False
            kind = "fixed"
        elif kind in ("several", "one_and_half", "collective", "fixed"):
            if not first:
                return False
            run.several = kind == "several"
            run.pending_half = kind == "one_and_half"
            if kind in ("collective", "fixed"):
                run.group = value
        elif kind == "hundred":
            # "тисяча сто" is fine (the group is empty); "сто сто" is two numbers.
            if g != 0:
                return False
            run.group = value
        elif kind in ("ten", "teen"):
            if g % 100 != 0:
                return False
            run.group += value
        elif kind == "unit":
            if g % 10 != 0 or 10 <= g % 100 <= 19:
                return False
            run.group += value
        elif kind in ("noun_hundred", "noun_ten"):
            if first:
                run.group = value
            elif 1 <= g <= 9 and run.last_kind == "unit":
                run.group = g * value
            else:
                return False
            kind = "closed"
        elif kind == "thousand":
            if run.total:
                return False
            run.total = (g or 1) * value
            run.group = 0
        run.words += 1
        run.last_kind = kind
        return True

    def _close(self, run: _Run, low: str) -> list[NumberSpan]:
        if (run.only_company and run.words <= 1) or run.pending_half:
            return []
        approx_start = self._approx_start(low, run.start)
        if run.vague is not None and run.words == 1 and approx_start is not None:
            # "близько тисячі", "более сотни": after a hedge the form is a genitive singular.
            single = self.lexicon.genitive_singular.get(run.vague_word)
            if single is not None:
                return [
                    NumberSpan(
                        run.start, run.end, single, True, single, single, False, True, approx_start
                    )
                ]
        if run.vague is not None or run.several:
            lo, hi = run.vague if run.vague is not None else (2, 9)
            return [NumberSpan(run.start, run.end, None, True, lo, hi, False, True, approx_start)]
        value = run.value()
        return [
            NumberSpan(
                run.start,
                run.end,
                value,
                approx_start is not None,
                value,
                value,
                False,
                True,
                approx_start,
            )
        ]


def genitive_party_phrases(
    nouns: Mapping[str, str], posts: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Phrases "noun + party in the genitive" ("військовополонених ЗСУ") for both core tables.

    Slavic languages name the persons' party after the noun without an "of", so the phrase is
    one person noun (its category) and one party term (its party). One fragment per category
    and per party keeps the regexes small: a cross product would slow every scan tenfold.
    """
    by_category: dict[str, list[str]] = {}
    for noun, category in nouns.items():
        by_category.setdefault(category, []).append(noun)
    by_party: dict[str, list[str]] = {}
    for post, party in posts.items():
        by_party.setdefault(party, []).append(post)
    all_posts = "|".join(posts)
    all_nouns = "|".join(nouns)
    persons = {
        rf"(?:{'|'.join(group)})\s+(?:{all_posts})": category
        for category, group in by_category.items()
    }
    parties = {
        rf"(?:{all_nouns})\s+(?:{'|'.join(group)})": party for party, group in by_party.items()
    }
    return persons, parties


def expand_forms(stem: str, endings: Iterable[str]) -> list[str]:
    """Return ``stem`` + each ending: a compact way to write a paradigm as data."""
    return [stem + e for e in endings]


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


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
    #: words of "the day before" that also mean "on the eve of" ("напередодні", "накануне")
    eve_words: tuple[str, ...] = ()
    #: regex of what follows them when they mean "on the eve of" ("Великодня", "обміну")
    eve_of: str = ""


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
                    rf"(?<![\w\d])(?P<d>[0-3]?\d)(?:-?(?:го|е|ого))?\s+(?P<m>{gen})(?![\w'])"
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
        if name in ("month_year", "in_month"):
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


# --------------------------------------------------------------------------------------------
# Optional morphology
# --------------------------------------------------------------------------------------------


class Morphology(Protocol):
    """Lemmatisation of single word forms, used where a table of forms runs out."""

    name: str

    def lemma(self, word: str) -> str:
        """Return the dictionary form (or a stem) of a lower-cased word."""
        ...

    def numeral_lemma(self, word: str) -> str | None:
        """Return the nominative of a cardinal numeral, or None when the word is not one."""
        ...


@dataclass(slots=True)
class SuffixMorphology:
    """The built-in fallback: strip the longest known inflectional ending (always available)."""

    endings: tuple[str, ...]
    min_stem: int = 3
    name: str = "suffix"
    _sorted: tuple[str, ...] = field(default=(), init=False, repr=False)

    def __post_init__(self) -> None:
        self._sorted = tuple(sorted(set(self.endings), key=len, reverse=True))

    def lemma(self, word: str) -> str:
        """Return the word without its longest known ending, keeping a stem of ``min_stem``."""
        for ending in self._sorted:
            if word.endswith(ending) and len(word) - len(ending) >= self.min_stem:
                return word[: len(word) - len(ending)]
        return word

    def numeral_lemma(self, word: str) -> str | None:
        """Suffix rules cannot tell numerals apart: the numeral tables cover them instead."""
        return None


class PymorphyMorphology:
    """Lemmatisation through pymorphy3 and its dictionaries (the optional ``[morph]`` extra)."""

    def __init__(self, language: str) -> None:
        try:
            import pymorphy3
        except ImportError as exc:
            raise MorphologyUnavailableError(
                "pymorphy3 is not installed: pip install 'powledger[morph]'"
            ) from exc
        try:
            self._analyzer = pymorphy3.MorphAnalyzer(lang=language)
        except Exception as exc:  # a missing dictionary package surfaces as various errors
            raise MorphologyUnavailableError(
                f"pymorphy3 dictionaries for {language!r} are not installed: "
                f"pip install 'powledger[morph]'"
            ) from exc
        self.name = f"pymorphy3-{language}"
        # Reports repeat the same few thousand forms: remember each answer.
        self._lemmas: dict[str, str] = {}
        self._numerals: dict[str, str | None] = {}

    def lemma(self, word: str) -> str:
        """Return the dictionary form of a lower-cased word."""
        cached = self._lemmas.get(word)
        if cached is None:
            parses = self._analyzer.parse(word)
            cached = _plain(str(parses[0].normal_form)) if parses else word
            self._lemmas[word] = cached
        return cached

    def numeral_lemma(self, word: str) -> str | None:
        """Return the nominative of a cardinal numeral, or None when the word is not one."""
        if word in self._numerals:
            return self._numerals[word]
        result: str | None = None
        for parse in self._analyzer.parse(word):
            if "NUMR" in parse.tag and parse.score >= 0.1:
                result = _plain(str(parse.normal_form))
                break
        self._numerals[word] = result
        return result


def _plain(word: str) -> str:
    """Unify the apostrophes and ё of a dictionary form with our folded text."""
    return word.translate(_FOLD_TABLE)


MorphBackend = Literal["auto", "suffix", "pymorphy"]


def morphology_available(language: str) -> bool:
    """Tell whether the optional dictionaries for ``language`` can be loaded."""
    try:
        _pymorphy(language)
    except MorphologyUnavailableError:
        return False
    return True


@lru_cache(maxsize=4)
def _pymorphy(language: str) -> PymorphyMorphology:
    return PymorphyMorphology(language)


def get_morphology(
    language: str, backend: MorphBackend, fallback: Callable[[], SuffixMorphology]
) -> Morphology:
    """Return the morphology asked for; ``auto`` prefers pymorphy3 and falls back to suffixes."""
    if backend == "suffix":
        return fallback()
    if backend == "pymorphy":
        return _pymorphy(language)
    try:
        return _pymorphy(language)
    except MorphologyUnavailableError as exc:
        logger.debug("using suffix rules for %s: %s", language, exc.message)
        return fallback()


# --------------------------------------------------------------------------------------------
# Adapters to the core's lexicon interface (extract/base.py)
# --------------------------------------------------------------------------------------------

#: Beginnings of numeral words: only these are worth asking the optional dictionaries about.
NUMERAL_PREFIXES = (
    "од", "дв", "тр", "чот", "чет", "п'ят", "пят", "шіс", "шес", "шіст", "сім", "сем", "сьом",
    "віс", "вос", "вiс", "дев", "дес", "сор", "сот", "сто", "ст", "тис", "тыс",
)  # fmt: skip


def morph_backend_from_env() -> MorphBackend:
    """Read ``POWLEDGER_MORPH`` (suffix, pymorphy or auto; default suffix) for the extractors."""
    value = os.environ.get("POWLEDGER_MORPH", "suffix").strip().lower() or "suffix"
    if value not in ("auto", "suffix", "pymorphy"):
        raise MorphologyUnavailableError(
            f"POWLEDGER_MORPH={value!r} is not one of: suffix, pymorphy, auto"
        )
    return value  # type: ignore[return-value]


class SlavicNumberFinder:
    """The core's ``find_numbers`` for one language: cardinals only, hedges folded into the span.

    The morphology is chosen on first use, from ``backend`` or else ``POWLEDGER_MORPH``, so that
    importing a lexicon never loads dictionaries nor reads settings.
    """

    def __init__(
        self,
        numerals: NumeralLexicon,
        language: str,
        fallback: Callable[[], SuffixMorphology],
        backend: MorphBackend | None = None,
        dates: DateParser | None = None,
    ) -> None:
        self.dates = dates
        self.numerals = numerals
        self.language = language
        self.fallback = fallback
        self.backend = backend
        self._parser: NumeralParser | None = None

    @property
    def parser(self) -> NumeralParser:
        """The numeral parser, built on first use."""
        if self._parser is None:
            backend = self.backend or morph_backend_from_env()
            morph: Morphology | None = None
            if backend != "suffix":
                morph = get_morphology(self.language, backend, self.fallback)
                if isinstance(morph, SuffixMorphology):
                    # Suffix rules add nothing to the full tables of numeral forms.
                    morph = None
            self._parser = NumeralParser(self.numerals, morph)
        return self._parser

    @property
    def morphology_name(self) -> str:
        """Name of the morphology in use ("suffix" or "pymorphy3-<lang>")."""
        morph = self.parser.morph
        return "suffix" if morph is None else morph.name

    def __call__(self, text: str) -> list[base.NumberSpan]:
        """Return the exact cardinal numbers of ``text`` (vague ones and ordinals are left out)."""
        out: list[base.NumberSpan] = []
        low = fold(text)
        in_dates = self.dates.numeric_spans(text, folded=low) if self.dates is not None else []
        for span in self.parser.find(text, folded=low):
            if span.value is None or span.ordinal:
                continue
            if any(a <= span.start < b for a, b in in_dates):
                continue
            start = span.approx_start if span.approx_start is not None else span.start
            out.append(base.NumberSpan(start, span.end, span.value, span.approximate))
        return out


class SlavicDateFinder:
    """The core's ``find_dates`` for one language."""

    def __init__(self, parser: DateParser) -> None:
        self.parser = parser

    def __call__(self, text: str, published: date | None) -> list[base.DateSpan]:
        """Return the date expressions of ``text`` resolved against ``published``."""
        return [
            base.DateSpan(s.start, s.end, s.date, s.precision, s.relative)
            for s in self.parser.find(text, published=published)
            if not s.future
        ]
