"""Numerals of Ukrainian and Russian: digits and words in every case, composed word by word."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from powledger.extract.slavic.morph import Morphology
from powledger.extract.slavic.text import fold

#: Beginnings of numeral words: only these are worth asking the optional dictionaries about.
NUMERAL_PREFIXES = (
    "од", "дв", "тр", "чот", "чет", "п'ят", "пят", "шіс", "шес", "шіст", "сім", "сем", "сьом",
    "віс", "вос", "вiс", "дев", "дес", "сор", "сот", "сто", "ст", "тис", "тыс",
)  # fmt: skip

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


def numeral_forms(value: int, kind: NumeralKind, *forms: str) -> dict[str, tuple[int, NumeralKind]]:
    """Table entries for the case forms of one numeral: each form -> (value, kind)."""
    return {f: (value, kind) for f in forms}


def numeral_paradigm(
    stem: str, endings: Iterable[str], value: int, kind: NumeralKind
) -> dict[str, tuple[int, NumeralKind]]:
    """Table entries for a numeral declined by endings on one stem ("десят" + "ь", "и", ...)."""
    return numeral_forms(value, kind, *(stem + e for e in endings))


def vague_plural_ranges(
    *, tens: Iterable[str], hundreds: Iterable[str], thousands: Iterable[str]
) -> dict[str, tuple[int, int]]:
    """The range each vague plural stands for: "десятки" 20-99, "сотні" 200-999, "тисячі" 2000-9999."""
    ranges = ((tens, (20, 99)), (hundreds, (200, 999)), (thousands, (2000, 9999)))
    return {word: span for words, span in ranges for word in words}


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
        """Drop "one" of "one of the 303 freed" (the count is the second number) and of "one of
        the rehabilitation centres", "the wife of one of the freed" (no count at all)."""
        if self._partitive is None or not spans:
            return spans
        kept: list[NumberSpan] = []
        for span, nxt in zip(spans, [*spans[1:], None], strict=True):
            if nxt is not None:
                gap = self._partitive.fullmatch(low, span.end, nxt.start)
                if gap is not None:
                    continue
            if span.value == 1 and self._partitive.match(low, span.end):
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
        if (
            run.vague is not None
            and run.words == 1
            and lex.genitive_singular.get(run.vague_word) == 1000
        ):
            entry = self.words.get(word)
            if entry is not None and entry[1] in ("hundred", "ten", "teen", "unit"):
                # "тысячи двухсот" / "тисячі двохсот": a genitive singular thousand, 1200.
                run.vague, run.vague_word = None, ""
                run.total, run.group, run.last_kind = 1000, 0, "thousand"
                run.only_company = False
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
