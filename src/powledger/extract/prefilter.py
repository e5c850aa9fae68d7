"""A cheap test that skips documents without any word that can signal an exchange."""

from __future__ import annotations

from typing import Any

from powledger.extract.base import Lexicon

_AUTOMATA: dict[int, tuple[Lexicon, Any]] = {}


def _automaton(lexicon: Lexicon) -> Any:
    cached = _AUTOMATA.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    try:
        import ahocorasick
    except ImportError:  # the fallback is slower but gives the same answer
        words = tuple(w.lower() for w in lexicon.prefilter_words)
        _AUTOMATA[id(lexicon)] = (lexicon, words)
        return words
    automaton = ahocorasick.Automaton()
    for word in lexicon.prefilter_words:
        automaton.add_word(word.lower(), word)
    automaton.make_automaton()
    _AUTOMATA[id(lexicon)] = (lexicon, automaton)
    return automaton


def looks_relevant(text: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` contains at least one of the lexicon's prefilter words."""
    if not lexicon.prefilter_words:
        return True
    automaton = _automaton(lexicon)
    lowered = text.lower()
    if isinstance(automaton, tuple):
        return any(w in lowered for w in automaton)
    for _hit in automaton.iter(lowered):
        return True
    return False
