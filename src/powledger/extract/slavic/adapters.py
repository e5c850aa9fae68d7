"""Adapters from the Slavic parsers to the core's lexicon interface (extract/base.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from powledger.extract import base
from powledger.extract.slavic.dates import DateParser
from powledger.extract.slavic.morph import (
    MorphBackend,
    Morphology,
    SuffixMorphology,
    get_morphology,
    morph_backend_from_env,
)
from powledger.extract.slavic.numerals import NumeralLexicon, NumeralParser
from powledger.extract.slavic.text import fold


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

    def future(self, text: str, published: date | None) -> list[base.DateSpan]:
        """The future date expressions ("завтра", "в следующую субботу"), for plans."""
        return [
            base.DateSpan(s.start, s.end, s.date, s.precision, s.relative)
            for s in self.parser.find(text, published=published)
            if s.future
        ]
