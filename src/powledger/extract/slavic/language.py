"""One builder for the Ukrainian and the Russian lexicon: the wiring both languages share.

Each language module hands over its words as data (:class:`SlavicLanguage` plus the
:class:`~powledger.extract.base.Lexicon` fields); this module turns them into the lexicon the
core reads, the same way for both, and adds the names both languages spell alike
(:mod:`powledger.extract.slavic.common`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from powledger.extract.base import Lexicon, register_lexicon
from powledger.extract.slavic import common
from powledger.extract.slavic.adapters import SlavicDateFinder, SlavicNumberFinder
from powledger.extract.slavic.dates import DateLexicon, DateParser
from powledger.extract.slavic.morph import MorphBackend, SuffixMorphology
from powledger.extract.slavic.numerals import NumeralLexicon


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


def bodies_before_number(*nouns: str) -> tuple[str, ...]:
    """Fragments that make the noun after "тела 34" a body noun ("тела 34 военных" are remains).

    Slavic puts the remains noun before the count without an "of" ("тіла 757 захисників"), while
    the core looks for a body noun only after the number. A fixed-width look-behind per number of
    digits (1 to 4, "1 000" too) marks the word after the count instead; each ``noun`` is plain
    text (no regex).
    """
    widths = (r"\d", r"\d\d", r"\d\d\d", r"\d\d\d\d", r"\d\s\d\d\d")
    return tuple(rf"(?<={noun}\s{digits}\s)\w+" for noun in nouns for digits in widths)


def _merge_aliases(
    own: Mapping[str, tuple[str, ...]], shared: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """``own`` aliases with the shared ones appended (own first, no repeats)."""
    merged = {name: tuple(aliases) for name, aliases in own.items()}
    for name, aliases in shared.items():
        have = merged.get(name, ())
        merged[name] = have + tuple(a for a in aliases if a not in have)
    return merged


@dataclass(frozen=True)
class SlavicLanguage:
    """What sets one Slavic language apart for the builder: its code, endings, numerals, dates."""

    code: str
    #: Inflectional endings the fallback morphology strips.
    endings: tuple[str, ...]
    numerals: NumeralLexicon
    dates: DateLexicon
    #: Person categories never named with a party after them ("children of Ukraine" is rhetoric).
    no_genitive_party: frozenset[str] = field(default_factory=lambda: frozenset({"minors"}))

    def suffix_morphology(self) -> SuffixMorphology:
        """Return the built-in suffix rules of this language (always available)."""
        return SuffixMorphology(endings=self.endings, name=f"suffix-{self.code}")

    def build_number_finder(self, backend: MorphBackend | None = None) -> SlavicNumberFinder:
        """Return a number finder; ``pymorphy`` adds numeral forms only the dictionaries know."""
        return SlavicNumberFinder(
            self.numerals, self.code, self.suffix_morphology, backend, DateParser(self.dates)
        )

    def build_lexicon(
        self,
        *,
        party_terms: Mapping[str, str],
        person_nouns: Mapping[str, str],
        post_parties: Mapping[str, str],
        actor_aliases: Mapping[str, tuple[str, ...]],
        mediator_aliases: Mapping[str, tuple[str, ...]],
        **fields: Any,
    ) -> Lexicon:
        """Return this language's lexicon, registered with the core.

        ``person_nouns`` and ``party_terms`` gain the "noun + party in the genitive" phrases
        built from ``post_parties``; party terms and aliases gain the names both languages
        spell alike. Every other keyword is a :class:`Lexicon` field, passed through.
        """
        # Both languages name the source after the figures ("Про це повідомив …", "Об этом
        # сообщили в …"): that source speaks for the sentences before it in the paragraph.
        fields.setdefault("carry_back_attribution", True)
        post_nouns = {n: c for n, c in person_nouns.items() if c not in self.no_genitive_party}
        post_persons, post_party_terms = genitive_party_phrases(post_nouns, post_parties)
        parties = {**party_terms, **common.PARTY_TERMS}
        lexicon = Lexicon(
            language=self.code,
            find_numbers=self.build_number_finder(),
            find_dates=SlavicDateFinder(DateParser(self.dates)),
            party_terms={**parties, **post_party_terms},
            person_nouns={**person_nouns, **post_persons},
            actor_aliases=_merge_aliases(actor_aliases, common.ACTOR_ALIASES),
            mediator_aliases=_merge_aliases(mediator_aliases, common.MEDIATOR_ALIASES),
            **fields,
        )
        register_lexicon(lexicon)
        return lexicon
