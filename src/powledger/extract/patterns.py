"""A lexicon's phrase tables compiled into regular expressions once per language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from powledger.extract import actors_data
from powledger.extract.base import Lexicon
from powledger.extract.memo import recall


def _is_acronym(fragment: str) -> bool:
    letters = re.sub(r"\\.|[^A-Za-z\u0400-\u04ff]", "", fragment)
    return len(letters) >= 2 and letters.isupper()


def phrase_regex(fragments: list[str] | tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex matching any fragment on word boundaries; acronyms keep their case."""
    if not fragments:
        return None
    ordered = sorted(set(fragments), key=len, reverse=True)
    parts = [f"(?-i:{f})" if _is_acronym(f) else f"(?:{f})" for f in ordered]
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


#: How many answers each table keeps (about one long document's sentences and the whole text).
_MEMO_SIZE = 256


@dataclass(frozen=True)
class Table:
    """A phrase table mapping each fragment to a value; ``find`` returns (start, end, value)."""

    regex: re.Pattern[str] | None
    entries: tuple[tuple[re.Pattern[str], str], ...]
    #: Some entry needs the text around a match ("(?=...)", "(?<=...)") to tell its value.
    contextual: bool = False
    #: The answers to the latest calls: the pipeline asks the same table about the same text
    #: (the whole document, one sentence) several times, and a scan costs far more than a look-up.
    _memo: dict[tuple[str, int, int | None], list[tuple[int, int, str]]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def find(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> list[tuple[int, int, str]]:
        """All non-overlapping matches in text[pos:endpos] with the value of the matching entry."""
        if self.regex is None:
            return []
        out = recall(
            self._memo, (text, pos, endpos), lambda: self._scan(text, pos, endpos), _MEMO_SIZE
        )
        return list(out)  # (a copy: callers may extend what they get)

    def _scan(self, text: str, pos: int, endpos: int | None) -> list[tuple[int, int, str]]:
        assert self.regex is not None
        out = []
        for m in self.regex.finditer(text, pos, len(text) if endpos is None else endpos):
            if self.contextual:
                value = self._value_in_context(text, m.start(), m.end())
            else:
                value = self.value_of(m.group(0))
            out.append((m.start(), m.end(), value))
        return out

    def _value_in_context(self, text: str, start: int, end: int) -> str:
        """The value of an entry with a look-behind ("(?<=росії )передали"), which matches
        only with the text before it."""
        for pattern, val in self.entries:
            # As the table's regex does: the entry, then no word character (a look-ahead in the
            # entry sees past ``end``, which fullmatch would hide).
            m = _bounded(pattern).match(text, start)
            if m is not None and m.end() == end:
                return val
        return ""

    def match_at(self, text: str, pos: int) -> tuple[int, str] | None:
        """The match starting exactly at ``pos`` (end, value), or None."""
        if self.regex is None:
            return None
        m = self.regex.match(text, pos)
        if m is None:
            return None
        if self.contextual:
            return m.end(), self._value_in_context(text, m.start(), m.end())
        return m.end(), self.value_of(m.group(0))

    def value_of(self, phrase: str) -> str:
        """The value of the first entry that matches ``phrase`` entirely."""
        return _value_of(self, phrase)


@cache
def _bounded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(f"(?:{pattern.pattern})(?![\\w])", pattern.flags)


@cache
def _value_cache() -> dict[tuple[int, str], str]:
    return {}


def _value_of(table: Table, phrase: str) -> str:
    key = (id(table), phrase)
    cached = _value_cache().get(key)
    if cached is not None:
        return cached
    value = ""
    for pattern, val in table.entries:
        if pattern.fullmatch(phrase):
            value = val
            break
    else:
        values = {val for _p, val in table.entries}
        if len(values) == 1:
            # A fragment with a lookahead ("brought(?=... home)") never matches its phrase
            # alone; in a table of one value every match still has that value.
            value = values.pop()
    _value_cache()[key] = value
    return value


def make_table(mapping: dict[str, str]) -> Table:
    """Compile a fragment -> value mapping; longer fragments win."""
    ordered = sorted(mapping.items(), key=lambda kv: len(kv[0]), reverse=True)
    entries = tuple((re.compile(f, 0 if _is_acronym(f) else re.IGNORECASE), v) for f, v in ordered)
    contextual = any("(?=" in f or "(?<=" in f for f, _v in ordered)
    return Table(phrase_regex(list(mapping)), entries, contextual)


def make_set(fragments: tuple[str, ...], value: str = "1") -> Table:
    """Compile a tuple of fragments as a table whose every value is ``value``."""
    return make_table({f: value for f in fragments})


def _aliases(
    names: dict[str, tuple[str, ...]], extra: dict[str, tuple[str, ...]]
) -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, aliases in names.items():
        for alias in (canonical, *aliases, *extra.get(canonical, ())):
            # Aliases in actors_data are plain text; lexicon extras may be regex fragments.
            fragment = alias if alias in extra.get(canonical, ()) else re.escape(alias)
            fragment = fragment.replace(r"\ ", r"\s+").replace(" ", r"\s+")
            table.setdefault(fragment, canonical)
    return table


@dataclass(frozen=True)
class Compiled:
    """Every table of one lexicon, compiled."""

    lexicon: Lexicon
    parties: Table
    war_context: Table
    foreign_context: Table
    first_person: Table
    captivity: Table
    holder: Table
    recipient: Table
    datives: Table
    recipient_before: Table
    persons: Table
    modifiers: Table
    bodies: Table
    filler: Table
    parts: Table
    vague: Table
    same_number: Table
    possessives: Table
    number_of: Table
    superlatives: Table
    plan_phrases: Table
    future: Table
    ages: Table
    prepositions: Table
    bare_followers: Table
    plus_named: re.Pattern[str] | None
    named_along: re.Pattern[str] | None
    along_with_named: re.Pattern[str] | None
    list_joiners: re.Pattern[str] | None
    stages: Table
    opening_stages: Table
    final_stages: Table
    agreed: Table
    other_events: Table
    speaker_nouns: Table
    soldier_words: Table | None
    own_verbs: Table
    deal_terms: Table
    own_nouns: Table
    civilian_words: Table
    casualties: Table
    not_exchange: Table
    capture: Table
    casualty_after: re.Pattern[str] | None
    casualty_before: re.Pattern[str] | None
    not_event_date: Table
    capture_clause: Table
    clause_breaks: Table
    return_nouns: Table
    modal: Table
    anaphoric: Table
    generic_actors: tuple[tuple[re.Pattern[str], dict[str, str]], ...]
    voice: tuple[tuple[re.Pattern[str], str], ...]
    voice_cues: tuple[tuple[re.Pattern[str], str], ...]
    present: Table
    number_at: Table
    additive: Table
    give: Table
    receive: Table
    returns: Table
    exchange: Table
    each: Table
    mutual: Table
    exchange_for: Table
    done: Table
    plan: Table
    trial: Table
    cumulative: Table
    cumulative_weak: Table
    previous: Table
    current: Table
    origin: Table
    freeing: Table
    next_day: Table
    respectively: Table
    of_them: Table
    reporting: Table
    mediation: Table
    not_mediator: Table
    other_goals: Table
    past_mediation: Table
    likewise: re.Pattern[str] | None
    background: Table
    negation: Table
    actors: Table
    mediators: Table
    triggers: re.Pattern[str] | None


_COMPILED: dict[int, Compiled] = {}


def compile_lexicon(lexicon: Lexicon) -> Compiled:
    """Compile ``lexicon`` (cached: once per lexicon object and process)."""
    cached = _COMPILED.get(id(lexicon))
    if cached is not None and cached.lexicon is lexicon:
        return cached
    compiled = _compile(lexicon)
    _COMPILED[id(lexicon)] = compiled
    return compiled


def _compile(lexicon: Lexicon) -> Compiled:
    lx = lexicon
    speakers = {name: aliases for name, (_k, _p, aliases) in actors_data.SPEAKERS.items()}
    actor_table = _aliases(speakers, lx.actor_aliases)
    mediator_table = _aliases(dict(actors_data.MEDIATORS), lx.mediator_aliases)
    trigger_fragments = (
        *lx.give_verbs, *lx.receive_verbs, *lx.return_verbs, *lx.exchange_words, *lx.body_nouns,
        *lx.return_nouns,
    )  # fmt: skip
    return Compiled(
        lexicon=lx,
        parties=make_table(lx.party_terms),
        war_context=make_set(lx.war_context),
        foreign_context=make_set(lx.foreign_context),
        first_person=make_set(lx.first_person),
        captivity=make_set(lx.captivity_nouns),
        holder=make_set(lx.holder_markers),
        recipient=make_set(lx.recipient_markers),
        datives=make_set(lx.dative_parties),
        recipient_before=make_set(lx.recipient_before),
        persons=make_table(lx.person_nouns),
        modifiers=make_table(lx.category_modifiers),
        bodies=make_set(lx.body_nouns),
        filler=make_set(lx.filler_words),
        parts=make_set(lx.part_markers),
        vague=make_set(lx.vague_quantities),
        same_number=make_set(lx.same_number),
        possessives=make_set(lx.possessives),
        number_of=make_set(lx.number_of),
        superlatives=make_set(lx.superlatives),
        plan_phrases=make_set(lx.plan_phrases),
        future=make_set(lx.future_markers),
        ages=make_set(lx.age_markers),
        prepositions=make_set(lx.prepositions),
        bare_followers=make_set(lx.bare_followers),
        plus_named=re.compile(
            # Lowercase words between ("… и граждан, а также Виктора Медведчука").
            r"\s*,?\s*(?:" + "|".join(lx.plus_named) + r")\s+(?:the\s+)?"
            # ("and pro-Russian businessman Viktor Medvedchuk": a lowercase word may hyphenate
            # to a capital.)
            r"(?:[a-z\u0430-\u045f\u0491-][\w'-]*,?\s+){0,4}?"
            # (… а также экс-глава партии "Единый путь — Вперед" Игорь Лесной: a quoted name of
            # the person's party or post between.)
            r"(?:[\"«„“][^\"«»„“”]{1,40}[\"»“”]\s+)?"
            r"(?P<name>[A-Z\u0400-\u042f][\w'-]+(?:\s+[A-Z\u0400-\u042f][\w'-]+)+)"
        )
        if lx.plus_named
        else None,
        named_along=re.compile("(?:" + "|".join(lx.named_along) + r")$")
        if lx.named_along
        else None,
        along_with_named=re.compile(r"\W*(?:" + "|".join(lx.along_with_named) + r")\b", re.I)
        if lx.along_with_named
        else None,
        list_joiners=re.compile(
            r"(?:\s+(?:of|from)\s+[^,;.\d]{0,50}?)?\s*(?:" + "|".join(lx.list_joiners) + r")\s*$",
            re.I,
        )
        if lx.list_joiners
        else None,
        stages=make_set(lx.stage_markers),
        opening_stages=make_set(lx.opening_stage_markers),
        final_stages=make_set(lx.final_stage_markers),
        agreed=make_set(lx.agreed_markers),
        other_events=make_set(lx.other_event_words),
        speaker_nouns=make_set(lx.speaker_nouns),
        casualties=make_set(lx.casualty_markers),
        soldier_words=None
        if lx.listed_soldier_words is None
        else make_set(lx.listed_soldier_words),
        own_verbs=make_set(lx.own_freeing_verbs),
        deal_terms=make_set(lx.deal_terms),
        own_nouns=make_table(lx.own_group_nouns),
        civilian_words=make_set(lx.listed_civilian_words),
        not_exchange=make_set(lx.not_exchange_markers),
        capture=make_set(lx.capture_markers),
        casualty_after=re.compile(r"\s*,?\s*(?:" + "|".join(lx.casualty_after) + r")\b", re.I)
        if lx.casualty_after
        else None,
        casualty_before=re.compile(r"\b(?:" + "|".join(lx.casualty_before) + r")\s*$", re.I)
        if lx.casualty_before
        else None,
        not_event_date=make_set(lx.not_event_date),
        capture_clause=make_set(lx.capture_clause),
        clause_breaks=make_set(lx.clause_breaks),
        return_nouns=make_set(lx.return_nouns, "return"),
        modal=make_set(lx.modal_markers),
        anaphoric=make_set(lx.anaphoric_reporting),
        generic_actors=tuple(
            (re.compile(rf"(?<!\w){k}(?!\w)", re.I), v) for k, v in lx.generic_actors.items()
        ),
        voice=tuple((re.compile(k, re.I), v) for k, v in lx.voice_phrases.items()),
        voice_cues=tuple(
            (re.compile(rf"(?<!\w)(?:{k})(?!\w)", re.I), v) for k, v in lx.voice_party_cues.items()
        ),
        present=make_set(lx.present_markers),
        number_at=make_set(lx.number_at),
        additive=make_set(lx.additive_markers),
        give=make_set(lx.give_verbs, "give"),
        receive=make_set(lx.receive_verbs, "receive"),
        returns=make_set(lx.return_verbs, "return"),
        exchange=make_set(lx.exchange_words, "exchange"),
        each=make_set(lx.each_markers),
        mutual=make_set(lx.mutual_verbs),
        exchange_for=make_set(lx.exchange_for),
        done=make_set(lx.done_markers),
        plan=make_set(lx.plan_markers),
        trial=make_set(lx.trial_markers),
        cumulative=make_set(lx.cumulative_markers),
        cumulative_weak=make_set(lx.cumulative_weak),
        previous=make_set(lx.previous_markers),
        current=make_set(lx.current_markers),
        origin=make_set(lx.origin_markers),
        freeing=make_set(lx.freeing_verbs),
        next_day=make_set(lx.next_day_markers),
        respectively=make_set(lx.respectively_markers),
        of_them=make_set(lx.of_them),
        reporting=make_set(lx.reporting),
        mediation=make_set(lx.mediation_cues),
        not_mediator=make_set(lx.not_mediator_cues),
        other_goals=make_set(lx.other_mediation_goals),
        past_mediation=make_set(lx.past_mediation_cues),
        likewise=re.compile(r"(?:" + "|".join(lx.likewise_cues) + r")\s*$", re.I)
        if lx.likewise_cues
        else None,
        background=make_set(lx.background_cues),
        negation=make_set(lx.negations),
        actors=make_table(actor_table),
        mediators=make_table(mediator_table),
        triggers=phrase_regex(trigger_fragments),
    )


def actor_party(name: str) -> str | None:
    """The party an actor speaks for, or None."""
    entry = actors_data.SPEAKERS.get(name)
    if entry is not None:
        return entry[1]
    return name if name in actors_data.PARTIES else None
