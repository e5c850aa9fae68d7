"""Optional morphology: pymorphy3 and its dictionaries (the [morph] extra), or suffix rules."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, Protocol

from powledger.errors import PowledgerError
from powledger.extract.slavic.text import FOLD_TABLE

logger = logging.getLogger(__name__)


class MorphologyUnavailableError(PowledgerError):
    """The optional morphology dictionaries were asked for but are not installed."""


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
    return word.translate(FOLD_TABLE)


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


def morph_backend_from_env() -> MorphBackend:
    """Read ``POWLEDGER_MORPH`` (suffix, pymorphy or auto; default suffix) for the extractors."""
    value = os.environ.get("POWLEDGER_MORPH", "suffix").strip().lower() or "suffix"
    if value not in ("auto", "suffix", "pymorphy"):
        raise MorphologyUnavailableError(
            f"POWLEDGER_MORPH={value!r} is not one of: suffix, pymorphy, auto"
        )
    return value  # type: ignore[return-value]
