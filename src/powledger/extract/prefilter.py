"""A cheap test that skips documents without any word that can signal an exchange.

One Aho-Corasick automaton per lexicon scans the lower-cased text once for three kinds of
words: strong ones (any makes the document relevant), weak ones and context ones (relevant only
when both kinds occur). Without pyahocorasick a plain substring search gives the same answer.
"""

from __future__ import annotations

from typing import Any

from powledger.extract.base import Lexicon

_STRONG, _WEAK, _CONTEXT = 1, 2, 4
_AUTOMATA: dict[int, tuple[Lexicon, Any]] = {}


def _words(lexicon: Lexicon) -> dict[str, int]:
    kinds: dict[str, int] = {}
    for group, words in (
        (_STRONG, lexicon.prefilter_words),
        (_WEAK, lexicon.prefilter_weak),
        (_CONTEXT, lexicon.prefilter_context),
    ):
        for word in words:
            kinds[word.lower()] = kinds.get(word.lower(), 0) | group
    return kinds


def _automaton(lexicon: Lexicon) -> Any:
    cached = _AUTOMATA.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    kinds = _words(lexicon)
    try:
        import ahocorasick
    except ImportError:  # the fallback is slower but gives the same answer
        _AUTOMATA[id(lexicon)] = (lexicon, kinds)
        return kinds
    automaton = ahocorasick.Automaton()
    for word, kind in kinds.items():
        automaton.add_word(word, kind)
    automaton.make_automaton()
    _AUTOMATA[id(lexicon)] = (lexicon, automaton)
    return automaton


def looks_relevant(text: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` may report an exchange (a strong word, or a weak and a context word)."""
    if not lexicon.prefilter_words and not lexicon.prefilter_weak:
        return True
    automaton = _automaton(lexicon)
    lowered = text.lower()
    seen = 0
    if isinstance(automaton, dict):
        for word, kind in automaton.items():
            if word in lowered:
                seen |= kind
                if seen & _STRONG or (seen & _WEAK and seen & _CONTEXT):
                    return True
        return False
    for _end, kind in automaton.iter(lowered):
        seen |= kind
        if seen & _STRONG or (seen & _WEAK and seen & _CONTEXT):
            return True
    return False


def has_strong_word(text: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` holds one of the lexicon's strong words (prisoner, captivity, swap, ...)."""
    if not lexicon.prefilter_words:
        return True
    automaton = _automaton(lexicon)
    lowered = text.lower()
    if isinstance(automaton, dict):
        return any(word in lowered for word, kind in automaton.items() if kind & _STRONG)
    return any(kind & _STRONG for _end, kind in automaton.iter(lowered))
