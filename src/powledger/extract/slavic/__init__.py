"""Shared machinery for Ukrainian and Russian: folding, numerals, dates and optional morphology.

The words themselves live in ``extract/uk/`` and ``extract/ru/``; this package holds only the
rules both languages share. Every span it returns is an offset into the text it was given,
because folding (:func:`fold`) never changes the length of a string.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from powledger.extract.slavic.adapters import SlavicDateFinder, SlavicNumberFinder
from powledger.extract.slavic.dates import DateLexicon, DateParser, DatePrecision, DateSpan
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
    "SlavicNumberFinder",
    "SuffixMorphology",
    "expand_forms",
    "fold",
    "genitive_party_phrases",
    "get_morphology",
    "morph_backend_from_env",
    "morphology_available",
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
