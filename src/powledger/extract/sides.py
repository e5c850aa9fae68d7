"""Which side received a count: named rules tried in order by :func:`decide_side`.

The name of the rule that fired is kept on the candidate (``rule``) so tests and ``explain``
can say why.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from powledger.extract.compose import _CLAUSE_END, OPPONENTS, Count, _skip_space
from powledger.extract.patterns import Compiled


@dataclass
class SentenceView:
    """What the side rules may look at in one sentence."""

    c: Compiled
    s: str
    counts: list[Count]
    parties: list[tuple[int, int, str]]
    triggers: list[tuple[int, int, str]]
    speaker_party: str | None
    voice_party: str | None
    pair: tuple[str, str]
    #: The report's voice is only the default guess (Ukraine), no speaker in it names a side.
    voice_guessed: bool = False


# Languages whose first person ("наших") cannot default to Ukraine: both sides write them.
SHARED_LANGUAGES = frozenset(("ru",))


def other(pair: tuple[str, str], party: str) -> str | None:
    """The other party of ``pair``."""
    if party == pair[0]:
        return pair[1]
    if party == pair[1]:
        return pair[0]
    return OPPONENTS.get(party)


def rule_noun_phrase_party(v: SentenceView, k: Count) -> str | None:
    """ "103 Ukrainian prisoners", "106 Russian servicemen": the persons' own party receives them.

    "received 307 soldiers from Ukraine": a party after "from" that a receiving verb governs
    is the giver, not the persons' own.
    """
    if k.party is None:
        return None
    m = re.match(r"\s*from\s+(?:the\s+)?", v.s[k.head_end : k.head_end + 20], re.I)
    # ("bringing home 160 Ukrainians from Russian captivity": the demonym is the persons' own.)
    own_word = bool(v.c.parties.find(v.s, k.start, k.head_end))
    if m and not own_word and v.c.parties.match_at(v.s, k.head_end + m.end()) is not None:
        lo = _clause_start(v.s, k.start)
        verbs = [t for t in v.triggers if lo <= t[0] < k.start and t[2] == "receive"]
        if verbs:
            return other(v.pair, k.party)
    return k.party


def rule_possessive(v: SentenceView, k: Count) -> str | None:
    """ "248 of its soldiers": the party the clause is about."""
    if not k.possessive:
        return None
    lo = _clause_start(v.s, k.start, loose=True)
    before = [
        p for p in v.parties
        if lo <= p[0] < k.start and not _inside_count(v, p[0]) and not _after_preposition(v, p[0])
    ]  # fmt: skip
    return before[-1][2] if before else None


def rule_relative_clause(v: SentenceView, k: Count) -> str | None:
    """ "the 22 soldiers Russia released", "the 150 servicemen Moscow got back"."""
    m = re.match(
        # A comma only with a relative pronoun: ", Украине передано ..." starts a new clause.
        r"(?:\s+(?:in\s+all|in\s+total|altogether))?(?:\s*,\s*(?:that|whom|who|which)\s+|\s+(?:that\s+|whom\s+|who\s+|which\s+)?)(?:the\s+)?",
        v.s[k.head_end :],
        re.I,
    )
    pos = k.head_end + (m.end() if m else 0)
    hit = v.c.parties.match_at(v.s, pos)
    if hit is None or hit[0] == k.head_end:
        return None
    verb_pos = _skip_space(v.s, hit[0])
    side_word = re.match(r"(?:side|authorities|forces)\s+", v.s[verb_pos:], re.I)
    verb_pos += side_word.end() if side_word else 0
    verb_pos += len(re.match(r"(?:has\s+|had\s+|have\s+)?", v.s[verb_pos:]).group(0))  # type: ignore[union-attr]
    if v.c.receive.match_at(v.s, verb_pos) is not None:
        return hit[1]
    if v.c.give.match_at(v.s, verb_pos) is not None:
        return other(v.pair, hit[1])
    return None


def rule_first_person(v: SentenceView, k: Count) -> str | None:
    """ "207 of our people": the speaker's party."""
    if k.first_person:
        if v.speaker_party in v.pair:
            return v.speaker_party
        if _voice_unknown(v):
            return None  # "Ещё 95 наших дома" with nobody named: either side could say it
        return v.voice_party
    return None


def rule_recipient(v: SentenceView, k: Count) -> str | None:
    """ "handed over 103 prisoners to Ukraine", "103 were returned to Russia"."""
    clause_end = _clause_end(v.s, k.head_end)
    # A recipient after the next count or a new clause ("while ...") belongs to that one.
    later = [o.start for o in v.counts if o.start > k.head_end]
    breaks = v.c.clause_breaks.find(v.s, k.head_end, clause_end)
    clause_end = min([clause_end, *later, *(b[0] for b in breaks)])
    before = _destination_before(v, k)
    if before is not None:
        # «в Россию возвращены восемь жителей, незаконно вывезенных на Украину»: the
        # destination of the clause's verb, not the one of a participle after the count.
        return before
    for s0, e0, _val in v.c.recipient.find(v.s, k.head_end, clause_end):
        if s0 - k.head_end > 60:
            break
        relative = re.search(r"\b(?:who|whom|which|that)\b", v.s[k.head_end : s0], re.I)
        if relative and not any(
            table.find(v.s, k.head_end + relative.end(), s0)
            for table in (v.c.give, v.c.returns, v.c.receive)
        ):
            break  # "six residents ... who had been taken to Ukraine last year": their past
        if any(r0 <= s0 < r1 for r0, r1, _r in v.c.reporting.find(v.s, max(0, s0 - 20), e0)):
            continue  # "34, according to the Ukrainian headquarters": a source, no recipient
        hit = v.c.parties.match_at(v.s, _skip_the(v.s, e0))
        if hit is not None:
            tail = _skip_space(v.s, hit[0])
            if v.c.captivity.match_at(v.s, tail) is None:
                return hit[1]
    return None


def _destination_before(v: SentenceView, k: Count) -> str | None:
    """«а в Украину — 118 человек», «в Россию вернулись 46»: a destination earlier in the
    clause, only after the count before it ("Kyiv got 44, while 46 went to Russia")."""
    lo = max([_clause_start(v.s, k.start)] + [o.head_end for o in v.counts if o.end <= k.start])
    found = None
    for _s0, e0, _val in v.c.recipient_before.find(v.s, lo, k.start):
        hit = v.c.parties.match_at(v.s, _skip_space(v.s, e0))
        between = v.s[hit[0] : k.start] if hit is not None else ""
        if (
            hit is not None
            and v.c.captivity.match_at(v.s, _skip_space(v.s, hit[0])) is None
            and len(between) < 60
        ):
            found = hit[1]
    return found


def rule_holder(v: SentenceView, k: Count) -> str | None:
    """ "freed from Russian captivity", "held by Moscow", "released by Russia": the other side."""
    lo = _clause_start(v.s, k.start)
    hi = _clause_end(v.s, k.head_end)
    for start, end, party in v.parties:
        if not lo <= start < hi:
            continue
        if _coordinated(v, start, end):
            continue  # "exchanged by Russia and Ukraine": both sides held and freed
        if v.c.captivity.match_at(v.s, _skip_space(v.s, end)) is not None:
            return other(v.pair, party)
        before = v.s[max(lo, start - 40) : start]
        for _s, e, _v in v.c.holder.find(before):
            if re.fullmatch(r"\s*(?:the\s+)?", before[e:]):
                return other(v.pair, party)
    return None


def rule_subject_verb(v: SentenceView, k: Count) -> str | None:
    """ "Russia returned 103", "Kyiv brought home 189": the subject gives or receives."""
    lo = _clause_start(v.s, k.start)
    verbs = [t for t in v.triggers if t[2] in ("give", "receive") and lo <= t[0] < k.start]
    if not verbs:
        return _subject_after_verb(v, k)
    vs, ve, kind = verbs[-1]
    # Gapping: "Україна повернула 130 людей, а Росія - 128 військових" (the verb is not repeated).
    gapped = [
        p for p in v.parties
        if ve <= p[0] and p[1] <= k.start
        and re.fullmatch(r"\s*(?:[^\W\d_]+\s*)?-\s*", v.s[p[1] : k.start])
        and re.search(r"[,;]\s*(?:\w+\s+)?$", v.s[max(ve, p[0] - 12) : p[0]])
    ]  # fmt: skip
    if gapped:
        party = gapped[-1][2]
        return party if kind == "receive" else other(v.pair, party)
    named = [p for p in v.parties if p[1] <= vs and p[0] >= _clause_start(v.s, vs, loose=True)]
    named = [p for p in named if not _inside_count(v, p[0])]
    if not named and kind == "give" and not v.c.freeing.match_at(v.s, vs):
        # "а передаем мы 84 пленных", "we handed over 84": the speaker's side gives them (but
        # "Ми звільнили 215 людей", "we freed 215": a side freeing its own people from captivity).
        we = [
            m for m in v.c.first_person.find(v.s, lo, k.start)
            if m[1] - m[0] <= 2 and abs(m[0] - vs) <= 12  # "мы", "we": not "наших"
        ]  # fmt: skip
        speaker = v.speaker_party if v.speaker_party in v.pair else None
        if speaker is None and not _voice_unknown(v) and v.voice_party in v.pair:
            speaker = v.voice_party
        if we and speaker is not None:
            return other(v.pair, speaker)
    if not named:
        return _first_person_subject(v, k, vs, kind)
    for a, b in itertools.pairwise(named):
        # "Russia and Ukraine exchanged", "between Russia and Ukraine": no direction.
        between = v.s[a[1] : b[0]]
        coordinated = re.fullmatch(r"\s*(?:and|,|&|as\s+well\s+as)\s*", between, re.I)
        if coordinated and a[2] != b[2] and b is named[-1]:
            return None
    subjects = [p for p in named if not _after_preposition(v, p[0])]
    # "The Ukrainian headquarters says the group freed on Thursday ...": a party that speaks
    # before the verb is no subject of it.
    # ("Moscow said it also received 103": the speaker is the subject again.)
    subjects = [p for p in subjects if not _speaks_of_another_subject(v, p[1], vs)]
    if not subjects:
        return None
    party = subjects[-1][2]
    allies = [p for p in subjects[:-1] if p[2] in v.pair]
    if party not in v.pair and allies and subjects[-1][0] - allies[-1][1] <= 12:
        # "Москва та Мінськ звільнили 11 осіб": a side and its ally act together.
        party = allies[-1][2]
    start, end = subjects[-1][0], subjects[-1][1]
    if kind == "give" and re.search(
        r"\b(?:in\s+(?:exchange|return)|in\s+a\s+swap)\s+for\b", v.s[ve : k.start], re.I
    ):
        # "Ukraine frees Viktor Medvedchuk in exchange for 200 prisoners": what the giver gets.
        kind = "receive"
    dative = v.c.datives.match_at(v.s, start)
    if kind == "receive" or (dative is not None and dative[0] == end):
        return party  # «Украине передали 1200 тел»: a dative before the verb receives
    if _own_group_headline(v, k, vs, ve, party):
        return party  # "Kyiv frees 30 marines": its own people
    back = re.match(r"\s*(?:from|out\s+of)\s+(?:the\s+)?", v.s[k.head_end : k.head_end + 30], re.I)
    if back and v.c.captivity.match_at(v.s, k.head_end + back.end()) is not None:
        # "Ukraine returns 60 defenders from captivity": the subject gets them back ("from its
        # prisons", "from Russian captivity" name the holder and stay with the other rules).
        return party
    return other(v.pair, party)


def _own_group_headline(v: SentenceView, k: Count, vs: int, ve: int, party: str) -> bool:
    """ "Kyiv frees 30 marines", "Russia returns 90 servicemen": a headline (no full stop at
    the end) whose verb and persons the lexicon lists as a country's own, with no demonym."""
    if k.party is not None or k.possessive or re.search(r"[.!?]\W*$", v.s):
        return False
    verb = v.c.own_verbs.match_at(v.s, vs)
    if verb is None or verb[0] != ve or v.s[ve : k.start].strip():
        return False
    # ("Russia frees 30 defenders": Ukraine's word for its own, so not Russia's people.)
    return any(owner in ("", party) for _s, _e, owner in v.c.own_nouns.find(v.s, k.end, k.head_end))


def _first_person_subject(v: SentenceView, k: Count, vs: int, kind: str) -> str | None:
    """ "We have freed 90 soldiers from captivity," Yermak wrote: the speaker's side gets back
    what "we" receive, or free from captivity."""
    if v.speaker_party not in v.pair:
        return None
    words = re.findall(r"[\w'-]+", v.s[max(0, vs - 25) : vs])[-3:]
    subject = [w for w in words if (hit := v.c.first_person.match_at(w, 0)) and hit[0] == len(w)]
    if not subject:
        return None
    back = re.match(r"\s*(?:from|out\s+of)\s+(?:the\s+)?", v.s[k.head_end : k.head_end + 30], re.I)
    from_captivity = back and v.c.captivity.match_at(v.s, k.head_end + back.end()) is not None
    return v.speaker_party if kind == "receive" or from_captivity else None


def _speaks_of_another_subject(v: SentenceView, start: int, verb: int) -> bool:
    """Whether a reporting verb in s[start:verb] introduces a subject of its own ("says the
    group freed ..."), not a pronoun for the speaker ("said it received")."""
    reports = v.c.reporting.find(v.s, start, verb)
    return bool(reports) and bool(
        re.search(r"\b(?:the|a|an|this|these|those)\b", v.s[reports[-1][1] : verb], re.I)
    )


def rule_gapped(v: SentenceView, k: Count) -> str | None:
    """ "Ukraine got back 130 people, and Russia 128 soldiers": a party right before the count,
    after a verb of an earlier clause, is the subject of that verb, left out the second time."""
    named = [
        p for p in v.parties
        if p[1] <= k.start and re.fullmatch(r"[\s,:\u2013\u2014-]*", v.s[p[1] : k.start])
    ]  # fmt: skip
    if not named or _inside_count(v, named[-1][0]) or _after_preposition(v, named[-1][0]):
        return None
    start, _end, party = named[-1]
    if (
        not re.search(r"[,;]\s*\S+\s*$", v.s[max(0, start - 12) : start])
        and not re.search(r"[,;]\s*$", v.s[max(0, start - 3) : start])
        # "Kyiv received 1,245 bodies and Moscow 19": no comma, the count right after
        and not (
            re.search(r"\s(?:and|while|whereas)\s+$", v.s[max(0, start - 9) : start])
            and re.fullmatch(r"\s*", v.s[named[-1][1] : k.start])
        )
    ):
        return None  # the party must open a clause of its own (", and Russia 128")
    verbs = [t for t in v.triggers if t[2] in ("give", "receive") and t[1] <= start]
    # The first clause has its own count after the verb: "got back 130 people, and Russia 128".
    if not verbs or not any(verbs[-1][1] <= o.start < start for o in v.counts):
        return None
    kind = verbs[-1][2]
    return party if kind == "receive" else other(v.pair, party)


def _subject_after_verb(v: SentenceView, k: Count) -> str | None:
    """ "Ще 25 полонених отримала Росія": the object first, then the verb and its subject (free
    word order); the party must follow the verb directly."""
    hi = _clause_end(v.s, k.head_end)
    for vs, ve, kind in v.triggers:
        if kind not in ("give", "receive") or not k.head_end <= vs < hi:
            continue
        if v.s[k.head_end : vs].strip(" ,"):
            return None  # only the verb right after the count's noun phrase
        hit = v.c.parties.match_at(v.s, _skip_space(v.s, ve))
        if hit is None or _coordinated(v, _skip_space(v.s, ve), hit[0]):
            return None
        if v.c.captivity.match_at(v.s, _skip_space(v.s, hit[0])) is not None:
            return None
        return hit[1] if kind == "receive" else other(v.pair, hit[1])
    return None


def rule_voice(v: SentenceView, k: Count) -> str | None:
    """ "103 defenders have returned home" with no party named: the speaker's or the report's side."""
    # A part "of those freed" speaks of persons received, whatever the verb of the phrase.
    # So does a participle right after the persons: "150 soldiers freed in prisoner swap".
    # A headline's "80 soldiers freed, 12 of them Azovstal defenders" needs no swap word.
    participle = (
        any(t[2] == "give" and t[0] == _skip_space(v.s, k.head_end) for t in v.triggers)
        and (
            any(t[2] == "exchange" for t in v.triggers)
            or not v.s[: k.start].strip()  # a headline: "80 soldiers freed, 12 of them ..."
            or re.search(r"\bone\s+of\s+(?:the\s+)?$", v.s[max(0, k.start - 12) : k.start])
            is not None
        )
    )
    kinds = ("return", "receive", "give") if k.is_part or participle else ("return", "receive")
    near = [t for t in v.triggers if t[2] in kinds and abs(t[0] - k.start) < 80]
    lo, hi = _clause_start(v.s, k.start), _clause_end(v.s, k.head_end)
    # "were exchanged by Russia and Ukraine": both named as doers, no direction to guess.
    if not k.first_person and any(
        lo <= p[0] < hi and _coordinated(v, p[0], p[1]) for p in v.parties
    ):
        return None
    if k.first_person and _voice_unknown(v):
        return None
    if near:
        # A mediator's statement speaks for neither side: fall back to the report's voice.
        side = v.speaker_party if v.speaker_party in v.pair else v.voice_party
        # "200 захисників повернулися" quoted from Moscow: the noun names Ukraine's own.
        owners = {o for _s, _e, o in v.c.own_nouns.find(v.s, k.end, k.head_end) if o}
        if k.party is None and not k.first_person and len(owners) == 1 and side in v.pair:
            owner = owners.pop()
            return owner if owner in v.pair else side
        return side
    return None


SIDE_RULES = (
    rule_noun_phrase_party,
    rule_possessive,
    rule_relative_clause,
    rule_first_person,
    rule_recipient,
    rule_holder,
    rule_gapped,
    rule_subject_verb,
    rule_voice,
)


def decide_side(v: SentenceView, k: Count) -> tuple[str | None, str]:
    """Apply the side rules in order; return (side, rule name)."""
    for rule in SIDE_RULES:
        side = rule(v, k)
        if side is not None:
            return side, rule.__name__
    return None, "none"


def _voice_unknown(v: SentenceView) -> bool:
    """Whether "our" has no known side: no speaker, a guessed voice, a language both sides use."""
    return (
        v.speaker_party not in v.pair
        and v.voice_guessed
        and v.c.lexicon.language in SHARED_LANGUAGES
    )


def _after_preposition(v: SentenceView, pos: int) -> bool:
    """Whether the party at ``pos`` follows a preposition ("to Russia"): then it is no subject."""
    words = re.findall(r"[\w'-]+", v.s[max(0, pos - 12) : pos])
    if words and re.search(
        r"\b(?:swaps?|exchanges?|trades?|deals?|talks)\s+with\s+$",
        v.s[max(0, pos - 16) : pos],
        re.I,
    ):
        return True  # "Kyiv held another swap with Moscow on Friday, bringing home 160"
    if words and re.fullmatch(r"\s*with\s+", v.s[max(0, pos - 6) : pos], re.I):
        # "its 40th swap with Russia, bringing home 160": not the subject; "with Kyiv
        # bringing home 140" is (a verb follows the party).
        end = next((p[1] for p in v.parties if p[0] == pos), pos)
        return re.match(r"\s*(?:[,;:.)]|$)", v.s[end:]) is not None
    return (
        bool(words)
        and v.c.prepositions.match_at(words[-1], 0) is not None
        and len(words[-1]) == (v.c.prepositions.match_at(words[-1], 0) or (0, ""))[0]
    )


def _coordinated(v: SentenceView, start: int, end: int) -> bool:
    """Whether the party at s[start:end] is joined by "and" to a different party."""
    for a, b in itertools.pairwise(v.parties):
        if (
            start in (a[0], b[0])
            and a[2] != b[2]
            and re.fullmatch(r"\s*(?:and|&)\s*", v.s[a[1] : b[0]], re.I)
        ):
            return True
    return False


def _inside_count(v: SentenceView, pos: int) -> bool:
    return any(k.start <= pos < k.head_end for k in v.counts)


def _skip_the(s: str, pos: int) -> int:
    m = re.match(r"\s*(?:the\s+)?", s[pos:], re.I)
    return pos + (m.end() if m else 0)


def _clause_start(s: str, pos: int, loose: bool = False) -> int:
    start = 0
    for m in _CLAUSE_END.finditer(s, 0, pos):
        if loose and m.group(0).startswith(","):
            continue
        start = m.end()
    return start


def _clause_end(s: str, pos: int) -> int:
    m = _CLAUSE_END.search(s, pos)
    return m.start() if m else len(s)
