"""Shared machinery for Ukrainian and Russian: folding, numerals, dates and optional morphology.

The words themselves live in ``extract/uk/`` and ``extract/ru/``; this package holds only the
rules both languages share. Every span it returns is an offset into the text it was given,
because folding (:func:`fold`) never changes the length of a string.
"""

from __future__ import annotations

from collections.abc import Iterable

from powledger.extract.slavic.adapters import SlavicDateFinder, SlavicNumberFinder
from powledger.extract.slavic.dates import DateLexicon, DateParser, DatePrecision, DateSpan
from powledger.extract.slavic.language import (
    SlavicLanguage,
    bodies_before_number,
    genitive_party_phrases,
)
from powledger.extract.slavic.morph import (
    MorphBackend,
    Morphology,
    MorphologyUnavailableError,
    PymorphyMorphology,
    SuffixMorphology,
    get_morphology,
    morph_backend_from_env,
    morphology_available,
)
from powledger.extract.slavic.numerals import (
    NUMERAL_PREFIXES,
    NumberSpan,
    NumeralKind,
    NumeralLexicon,
    NumeralParser,
    numeral_forms,
    numeral_paradigm,
    vague_plural_ranges,
)
from powledger.extract.slavic.text import fold

__all__ = [
    "NUMERAL_PREFIXES",
    "DateLexicon",
    "DateParser",
    "DatePrecision",
    "DateSpan",
    "MorphBackend",
    "Morphology",
    "MorphologyUnavailableError",
    "NumberSpan",
    "NumeralKind",
    "NumeralLexicon",
    "NumeralParser",
    "PymorphyMorphology",
    "SlavicDateFinder",
    "SlavicLanguage",
    "SlavicNumberFinder",
    "SuffixMorphology",
    "bodies_before_number",
    "expand_forms",
    "fold",
    "genitive_party_phrases",
    "get_morphology",
    "morph_backend_from_env",
    "morphology_available",
    "numeral_forms",
    "numeral_paradigm",
    "vague_plural_ranges",
]


def expand_forms(stem: str, endings: Iterable[str]) -> list[str]:
    """Return ``stem`` + each ending: a compact way to write a paradigm as data."""
    return [stem + e for e in endings]
