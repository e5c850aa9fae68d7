"""Claims from one sentence: sides, pairs, plans, running totals, parts and lists."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

from powledger.extract.attribution import (
    Sentence,
    actors_in,
    party_cues,
    pick_speaker,
)
from powledger.extract.base import DateSpan
from powledger.extract.compose import (
    NOUN_TRIGGERS,
    Candidate,
    Count,
    _skip_space,
)
from powledger.extract.dating import (
    event_dates,
    forward_weekday,
    inside_dateline,
    nearest_date,
)
from powledger.extract.patterns import Compiled, Table
from powledger.extract.sides import SentenceView, _clause_start, decide_side

#: The largest number of persons one side has received in one Russia-Ukraine exchange, with room.
LARGEST_PLAUSIBLE = 1250


#: Rules that give a count the other side of its pair ("246 for 246", "207 for 195").
_PAIR_RULES = frozenset(("rule_exchange_for", "rule_n_for_n", "rule_n_for_m"))

#: Side rules that guess from the report's voice rather than from the words around a count.
WEAK_RULES = frozenset({"rule_voice", "none"})
_OF_THEM = re.compile(r"\s+(?:of\s+(?:them|whom)|among\s+them)\b", re.I)
#: "Two civilians were also among those freed": the part marker after the count.
_AMONG_AFTER = re.compile(
    r"\s+(?:were|are|was|is)\s+(?:also\s+)?(?:among|part\s+of)\s+(?:those|the)\b", re.I
)
#: "The freed Ukrainians are 4 civilians and ...": persons, then a copula before the counts.
_GROUP_IS = re.compile(
    r"^\W*(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:are|were|included|include|includes)\s+"
    r"(?:[^\W\d]+\s+){0,2}$",
    re.I,
)
#: "120 defenders, and also civilians": a group named with no number beside a figure.
_UNNUMBERED_BESIDE = re.compile(
    r"(?:\s+(?:are|were|is)\s+(?:\w+\s+)?(?:home|back|free))?\s*,?\s*(?:and\s+also|as\s+well\s+as"
    r"|and\s+(?:some|several)|plus|and\s+also\s+(?:some|several))\s+",
    re.I,
)
#: A vague count of thousands ("thousands of", "several thousand").
_THOUSANDS = re.compile(r"thousands?\b", re.I)
#: A relative clause about the persons' own past, right before a word ("who had been ...").
_PAST_OF_PERSONS = re.compile(
    r"\b(?:who|whom)\s+(?:had\s+been|have\s+been|were|was)\s+(?:[\w-]+\s+)?$", re.I
)
#: "180 captives from both sides" after a count: where the persons came from, both sides
#: together, never each side's figure (unlike "both sides freed 90", "90 from each side").
_FROM_BOTH = r"(?:from|of)\s+(?:both|the\s+two)\s+sides"
#: "300 in all" after a count: the sum of both sides.
_GRAND_TOTAL = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:in\s+all|in\s+total|altogether|overall|combined|"
    + _FROM_BOTH
    + r")\b",
    re.I,
)


def governed(c: Compiled, s: str, start: int) -> bool:
    """Whether a trigger at ``start`` is governed by a modal ("will return", "agreed to swap")."""
    before = s[max(0, start - 45) : start]
    # Only the words since the last punctuation or number can govern the verb.
    tail = re.split(r"[,;:.!?()\d]", before)[-1]
    if re.search(r"\b(?:to|for)\s+(?:an?|the|another)\s+(?:new\s+|further\s+)?$", tail, re.I):
        return True  # "carrying prisoners to an exchange": a purpose, not an event
    words = re.findall(r"[\w'-]+", tail)[-3:]
    return bool(words) and bool(c.modal.find(" ".join(words)))


def outermost(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop matches inside a longer one ("release" inside "secured the release of")."""
    kept: list[tuple[int, int, str]] = []
    for hit in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if any(k[0] <= hit[0] and hit[1] <= k[1] for k in kept):
            continue
        kept.append(hit)
    return kept


_ANY_DAY = date(2024, 6, 15)


def _explains_past_mediation(c: Compiled, s: str) -> bool:
    """Whether ``s`` is about earlier exchanges' mediators and has no date of its own.

    A cue in an apposition right after a mediator ("The UAE, which has brokered most swaps")
    describes this exchange's mediator and does not count.
    """
    cues = c.past_mediation.find(s)
    # Only a day dates an exchange of its own here: "in 2022 the mediators were ..." is the past.
    # (Any reference will do: only the precision counts, and "2 февраля" needs a year.)
    own = [
        d for d in c.lexicon.find_dates(s, _ANY_DAY) if d.precision not in ("year", "month")
    ]  # fmt: skip
    if not cues or own:
        return False
    names = c.mediators.find(s)
    for cue_start, _e, _v in cues:
        before = [n for n in names if n[1] <= cue_start]
        if before and re.match(r"\s*,[^,;.]*$", s[before[-1][1] : cue_start]):
            continue
        if c.likewise is not None and c.likewise.search(s, max(0, cue_start - 20), cue_start):
            continue  # "Посредничество, как и при прошлых обменах, взял на себя Катар"
        return True
    return False


#: Modal words too weak to make a mediation an offer ("thanks to the mediation of").
_WEAK_MODALS = frozenset(("to", "new", "next", "possible", "potential", "future", "upcoming"))


def _offer(c: Compiled, s: str, start: int) -> bool:
    """Whether a mediation cue is governed by a modal: an offer or an attempt, not a credit."""
    tail = re.split(r"[,;:.!?()\d]", s[max(0, start - 45) : start])[-1]
    words = re.findall(r"[\w'-]+", tail)[-3:]
    hits = c.modal.find(" ".join(words)) if words else []
    return any(h[2] and " ".join(words)[h[0] : h[1]].lower() not in _WEAK_MODALS for h in hits)


def mediators_in(c: Compiled, s: str) -> list[str]:
    """Mediators credited in one sentence (a cue such as "mediated" must be present)."""
    cues = c.mediation.find(s)
    if not cues:
        return []
    if all(_offer(c, s, cue[0]) or c.other_goals.find(s, cue[1], cue[1] + 30) for cue in cues):
        return []  # "Turkey has offered to mediate", "is ready to help", "trying to broker"
    if _explains_past_mediation(c, s):
        return []  # "Turkey and Qatar have mediated earlier swaps": not this exchange's
    found = []
    for start, _end, name in c.mediators.find(s):
        before = s[max(0, start - 30) : start]
        if c.not_mediator.find(before):
            continue
        found.append(name)
    return found


_LAST_STAGE = re.compile(r"\b(?:last|final|remaining|closing)\s+(?:stage|phase|round|part)\b", re.I)


def sentence_candidates(
    c: Compiled,
    v: SentenceView,
    sent: Sentence,
    text: str,
    reference: date | None,
    published: date | None,
    continuation: bool,
    previous: list[Candidate],
    dateline: DateSpan | None,
    staged: bool = False,
    *,
    opening_stage: bool = False,
) -> list[Candidate]:
    """Every claim one sentence states, with its side, date, phase and speaker.

    ``staged`` says the document reports a stage of a larger deal ("first stage").
    """
    s = v.s
    if c.trial.find(s) and not (c.exchange.find(s) or c.returns.find(s)):
        return []
    if any(
        not _PAST_OF_PERSONS.search(s[max(0, h[0] - 40) : h[0]])
        and not _in_subset_clause(c, s, h[0])
        for h in c.not_exchange.find(s)
    ):
        # ("teenagers who had been deported from Kherson" is their past, not this event; nor
        # is ", серед яких жителі області, «незаконно вивезені»" after every number.)
        return []
    dates = [
        forward_weekday(c, s, d, reference)
        for d in event_dates(c, s, reference)
        if not inside_dateline(d, dateline, sent.start)
    ]
    cumulative_marks = c.cumulative.find(s)
    weak_marks = c.cumulative_weak.find(s)
    previous_marks = c.previous.find(s)
    plan_in_sentence = bool(c.plan.find(s))
    # "The deal provides for 33 hostages to be freed, while Israel frees 1,900": terms, not events.
    deal_terms = bool(c.deal_terms.find(s)) and not c.done.find(s)
    # "A total of 215 Ukrainians were freed in the swap": one event's total, not a running one.
    swap_noun = any(
        re.fullmatch(
            r"(?:(?:prisoner|POW)\s+)?(?:exchange|swap|trade|handover)", s[t[0] : t[1]], re.I
        )
        for t in v.triggers
    )
    # "The last swap saw 230 Ukrainians return": an older exchange recalled, no second event.
    # ("Earlier rounds in March and April returned hundreds": a month and only a vague
    # number are background too.)
    background = bool(c.background.find(s)) and (
        not dates
        or (
            all(d.precision != "day" for d in dates)
            and bool(v.counts)
            and all(k.value is None for k in v.counts)
        )
    )
    each_marks = c.each.find(s)
    terms = plan_in_sentence or deal_terms
    # The speakers of this sentence's reporting verbs ("Zelensky said 95 ..., while Russia's
    # defence ministry said 90"): each figure goes to the nearest; a name inside a speaker's
    # title or a genitive ("the head of Zelensky's office", "... of the Ministry of Defence")
    # speaks for no figure.
    named = actors_in(c, s, 0, len(s))
    speaking = {pick_speaker(s, named, [q]) for q in c.reporting.find(s)} if named else set()
    actors = sorted(a for a in speaking if a is not None)
    # "Moscow said it had received 84 ..., while Zelensky thanked the UAE": a party's own verb.
    own_verbs = party_cues(c, s, 0, len(s), named, c.reporting.find(s)) if named else []
    out: list[Candidate] = []
    # "taking hundreds of Russian conscripts prisoner": a capture, not a return.
    counts = [k for k in v.counts if not _captured(c, s, k) and not _casualty(c, s, k)]

    def dates_between(lo: int, hi: int) -> bool:
        return any(lo <= d.start and d.end <= hi for d in dates)

    lead_part = c.parts.match_at(s, len(s) - len(s.lstrip()))
    # Parts ("including 21 officers") follow a total or a part marker.
    for i, k in enumerate(counts):
        before = s[max(0, k.start - 40) : k.start]
        previous_part = (
            i > 0
            and counts[i - 1].is_part
            and k.category != "bodies"
            # "250 people, 60 of them civilians, and on Tuesday another 240 soldiers": a day of
            # its own ends the list
            and not dates_between(counts[i - 1].end, k.start)
            # "including 21 officers and 7 border guards"; not "..., in exchange for 95 soldiers"
            and (
                c.list_joiners is None
                or c.list_joiners.match(s[max(counts[i - 1].end, counts[i - 1].head_end) : k.start])
                is not None
                # "Среди освобожденных 12 защитников, а также трое пограничников": still the list
                or bool(c.additive.find(s, max(counts[i - 1].end, counts[i - 1].head_end), k.start))
            )
        )
        if k.category != "total" and (c.parts.find(before) or previous_part or continuation):
            k.is_part = True
        # The last count before this one with a noun of its own ("318 of our people are home:
        # 280 under the exchange, and another 38 seriously wounded": the 318).
        prev = next((o for o in reversed(counts[:i]) if not o.bare), None)
        if (
            prev is not None
            and not prev.is_part
            and k.party in (None, prev.party)
            and k.category not in ("total", "bodies")
            and (
                any(
                    # ("115 servicemen, many of them captured in 2022, and Moscow got 115 of
                    # its own soldiers back": a marker of another clause.)
                    not re.search(r",", s[e : k.start]) or not c.parties.find(s, e, k.start)
                    for _s, e, _v in c.parts.find(s, max(prev.end, prev.head_end), k.start)
                )
                or re.search(r":\s", s[max(prev.end, prev.head_end) : k.start])
                # "120 людей — бійці ЗСУ та троє цивільних": a dash right after the group
                # opens its breakdown (not "..., а Росія — 110", nor "— а також 5 цивільних").
                or _dash_breakdown(c, s[prev.end : k.start])
            )
        ):
            # "84 people, among them soldiers of the army, as well as two civilians": still a part.
            k.is_part = True
        marker = c.parts.find(before)
        if i > 0 and k.category == "total" and marker and not before[marker[-1][1] :].strip(" ,"):
            k.is_part = True  # "215 Ukrainians ..., including 108 members of the Azov regiment"
        # "95 captives, 20 of them seriously wounded", "84 soldiers among them", "40 з них"
        tail = _OF_THEM.match(s, k.end) or (k.head_end > k.end and _OF_THEM.match(s, k.head_end))
        if i > 0 and k.party is None and (tail or c.of_them.match_at(s, _after_space(s, k.end))):
            k.is_part = True
        joined = (
            i > 0
            and c.list_joiners is not None
            and c.list_joiners.match(s[max(counts[i - 1].end, counts[i - 1].head_end) : k.start])
        )
        if k.value is not None and not joined and _AMONG_AFTER.match(s, max(k.end, k.head_end)):
            # "Two civilians were also among those freed" (a list before "were among", with no
            # total, still sums: "Two pilots and 8 civilians were among those freed").
            k.is_part = True
        if i == 0 and lead_part is not None and k.start >= lead_part[0]:
            # "Серед тих, хто повернувся, троє військових з Полтавщини": a sentence opening
            # with "among those freed" names a part of the group, never the whole.
            k.is_part = True
    owned = []
    for k in counts:
        # "11 Russian soldiers' bodies" are bodies; "1,200 POWs' letters" are no persons.
        m = _POSSESSIVE.match(s, max(k.end, k.head_end))
        if m is None:
            owned.append(k)
        elif c.bodies.match_at(s, m.end()) is not None:
            k.category = "bodies"
            owned.append(k)
    counts = owned
    if c.bodies.find(s) and not any(k.category not in ("total", "bodies") for k in counts):
        for k in counts:
            if k.bare:
                k.category = "bodies"  # "the bodies ...: 909 were returned to Ukraine"
    if c.soldier_words is not None:
        for k in counts:
            if k.head_end > k.end:
                k.soldier_word = bool(c.soldier_words.find(s, k.end, k.head_end))
    mark_sum_parts(c, s, counts, previous)
    counts = join_formulas(c, s, counts)
    join_lists(c, s, counts)
    separate_residents = "residents" in c.lexicon.person_nouns.values()
    for i, k in enumerate(counts):
        if k.value is None or not c.origin.match_at(s, _after_space(s, k.head_end)):
            continue
        if k.additive:
            continue  # "and a further 5 civilians from the Kursk region": a group on top
        if k.in_list and i > 0 and counts[i - 1].in_list:
            continue  # "146 військових і вісьмох жителів Курщини": a group of the list
        # "among them ... two civilians from Kherson region" stays civilians where the lexicon
        # has a word of its own for residents (in uk the region's share wins over a category).
        if (
            separate_residents
            and k.is_part
            and k.category not in ("total", "soldiers", "residents")
        ):
            continue
        # "четверо захисників з Полтавщини", "п'ятеро мешканців Рівненщини": the region's
        # share of the exchange, neither its total nor a category of it.
        k.is_part = True
        k.category = "total"
    join_named_before(c, s, counts)
    numbers = (
        {n.value for n in c.lexicon.find_numbers(s)} if any(k.additive for k in counts) else set()
    )
    for i, k in enumerate(counts):
        if not k.additive or k.value is None or k.is_part:
            continue
        wholes = [
            o.value for o in counts[:i] if o.value and o.category == "total" and not o.is_part
        ]
        wholes += [p.count.value for p in previous if p.count.value and not p.count.is_part]
        counted = {o.value for o in counts if o is not k}
        # (When the rest is itself counted, "246 returned ..., another 31", the sum is made
        # and checked later; only a rest that is a bare number marks a breakdown here.)
        if any(w - k.value in numbers - counted for w in wholes if w > k.value):
            # "277 of our warriors. 246 under the exchange, and another 31 wounded": a breakdown
            # of a figure already stated, not a group on top of it.
            k.is_part, k.additive = True, False
    for k in counts:
        if k.category == "residents":
            # "and 5 residents of the Bryansk region", "In addition, three residents ... came
            # home": a group of civilians beside the soldiers; "among them 6 residents of Sumy
            # region" is only where some came from (a subset, no category, never a total).
            if (k.additive or k.in_list) and not k.is_part:
                k.category = "civilians"
            else:
                k.category, k.is_part = "total", True
    # Other groups listed beside the soldiers; a part inside a group ("including 20 seriously
    # wounded") lists nothing beside it.
    listed = [
        k for k in counts
        if k.category not in ("total", "soldiers", "bodies", "wounded", "seriously_wounded_or_sick")
        and not k.is_part
    ]  # fmt: skip
    for i, k in enumerate(counts):
        mate_at = for_mate(c, s, counts, i)
        if mate_at is not None and counts[mate_at].additive and k.category != "total":
            k.additive = True  # "in a separate gesture 31 wounded for 15 wounded": both on top
        earlier_added = [o for o in counts[:i] if o.additive and o.category == k.category]
        if not counts[:i] and k.category in ("wounded", "seriously_wounded_or_sick"):
            # "Помимо этого … возвращены 15 раненых. Киеву переданы 31 раненый": the gesture
            # of the sentence before goes on in this one.
            earlier_added = [
                p.count for p in previous
                if p.count.additive and p.count.category == k.category and not p.both
            ]  # fmt: skip
        if earlier_added and k.category not in ("total", "bodies") and not k.is_part:
            # "Separately, Russia handed over 31 wounded and Ukraine 15 wounded": the same kind
            # of group, later in the sentence, is on top too.
            k.additive = True
        beside = [o for o in listed if _same_clause(s, k, o)]
        if k.category == "soldiers" and not k.is_part and not beside:
            # "195 Russian soldiers were returned": soldiers is the whole group here.
            k.category = "total"
        if k.same_as_previous:
            # (The group, not its part: "75 Russians, including 12 residents of the Kursk
            # region, ... and Ukraine received the same number" -> 75.)
            earlier = [o for o in counts[:i] if o.value is not None and not o.is_part] or [
                o for o in counts[:i] if o.value is not None
            ]
            if earlier:
                k.value = _group_value(earlier)
            elif previous:
                k.value = _group_value([p.count for p in previous if p.count.value is not None])
    for i, k in enumerate(counts):
        side, rule = decide_side(v, k)
        both = False
        # "95 for 95", "103 Ukrainians in exchange for 103 Russians"
        pair_mate = for_mate(c, s, counts, i)
        if (
            pair_mate is not None
            and k.in_list
            and counts[pair_mate].in_list
            and counts[pair_mate].category != k.category
        ):
            pair_mate = None  # "84 військових, а також шістьох цивільних": a list, not a pair
        if pair_mate is not None and side is not None and k.party is None:
            mate = counts[pair_mate]
            if mate.party is None and mate.value == k.value and decide_side(v, mate)[0] == side:
                # "a one-for-one swap" after "Russia freed ...": one went each way.
                side, both, rule = None, True, "rule_n_for_n"
            elif (
                mate.party is None
                and pair_mate < i
                and decide_side(v, mate)[0] == side
                # "received 121 troops in return ... six civilians had also come back to Russia"
                and rule not in _EXPLICIT_SIDE_RULES
            ):
                side, rule = other_of(v, side), "rule_exchange_for"
            elif mate.party in v.pair and rule in WEAK_RULES and mate.party == side:
                # "103 Ukrainian defenders came home; in exchange 103 people were handed over":
                # the report's voice does not make the mate of a named group the same side.
                side, rule = other_of(v, mate.party), "rule_exchange_for"
        if pair_mate is not None and side is None and not both:
            mate = counts[pair_mate]
            mate_side, _r = decide_side(v, mate)
            if mate_side is not None:
                side, rule = (
                    (v.pair[0] if mate_side == v.pair[1] else v.pair[1]),
                    "rule_exchange_for",
                )
            elif mate.value == k.value:
                both, rule = True, "rule_n_for_n"
            else:
                side = (
                    (v.voice_party or v.pair[1])
                    if pair_mate > i
                    else other_of(v, v.voice_party or v.pair[1])
                )
                rule = "rule_n_for_m"
        if k.each_pair:
            side, both, rule = None, True, "rule_each"
        heads = [o for o in out if o.count.value is not None and (o.side or o.both)]
        if k.day_gapped and heads and rule in WEAK_RULES:
            # "обменялись 307 пленными с каждой стороны, а в пятницу — 390": as the one before.
            side, both, rule = heads[-1].side, heads[-1].both, "rule_gapped_day"
        if (
            not both
            and any(_each_covers(each_count(s, m, counts, c.parts), k, counts) for m in each_marks)
            and k.party is None
            and not k.first_person
            and rule in ("none", "rule_voice", "rule_subject_verb")
        ):
            both, rule, side = True, "rule_each", None
        if (
            not both
            and rule in WEAK_RULES
            and k.party is None
            and re.match(r"\s*(?:[\w-]+\s+){0,3}?" + _FROM_BOTH, s[k.head_end :], re.I)
        ):
            side, rule = None, "none"  # "66 servicemen of both sides were exchanged": no side
        if not both and side is None and rule == "none" and mutual_object(c, s, k, counts):
            # "The two sides swapped 390 prisoners": no direction, so each side got that many.
            both, rule = True, "rule_mutual"
        if not both and k.in_list and rule in WEAK_RULES and k.party is None:
            mates = [o for o in out if o.count.in_list and (o.both or o.rule not in WEAK_RULES)]
            if mates and mates[-1].both:
                # "кожна зі сторін повернула по 185 військових і 20 цивільних": the list shares
                # its "each".
                side, both, rule = None, True, "rule_each"
            elif mates and mates[-1].side:
                # "Москва отримала 84 військових, а також шістьох цивільних": and its receiver.
                side, rule = mates[-1].side, "rule_list_mate"
        if continuation and side is None and previous:
            side, rule = previous[0].side, "rule_continuation"
            both = previous[0].both
        if (
            k.category != "total"
            and k.party is None
            and rule in ("none", "rule_voice", "rule_subject_verb")
            and (part_party := _part_of_party(c, s, k))
        ):
            side, rule = (
                part_party,
                "rule_part_party",
            )  # "Among the Ukrainians freed were 33 officers"
        elif (
            out
            and out[-1].rule == "rule_part_party"
            and k.party is None
            and rule in ("none", "rule_voice", "rule_subject_verb")
            and c.list_joiners is not None
            and c.list_joiners.match(s[max(out[-1].count.end, out[-1].count.head_end) : k.start])
        ):
            side, rule = out[-1].side, "rule_part_party"  # "... were 60 soldiers and 7 civilians"
        own = _part_owner(v, k) if k.is_part and (side is None or rule in WEAK_RULES) else None
        if own is None and side is None and not both and _GROUP_IS.search(s[: k.start]):
            # "The freed Ukrainians are 4 civilians and 86 soldiers": the people named first.
            own = _part_owner(v, k)
        if own is not None:
            side, rule = own, "rule_part_owner"
        if k.is_part and side is None:
            # The nearest head in this sentence (the mate of a pair, "246 for 246", is no head);
            # in the sentence before, its first (the subject: "90 Ukrainians came home in
            # exchange for 90 Russians. Among them were ...").
            here = [o for o in out if not o.count.is_part and o.rule not in _PAIR_RULES]
            head = here[-1] if here else (previous[0] if previous else None)
            if head is not None:
                side, both, rule = head.side, head.both, "rule_part_of"
        elif k.is_part and rule in WEAK_RULES and not both and k.party is None:
            # A part belongs to its head ("150 Russian servicemen, including 10 officers"; "390
            # Ukrainians came home - 270 soldiers and 120 civilians -"; "Zelensky: 230 came
            # home. By Kyiv's count, 224 soldiers and 6 civilians"), whatever the report's voice
            # would guess. A head both sides share leaves the guess to the voice.
            whole = [o for o in out if not o.count.is_part and o.rule not in _PAIR_RULES]
            each_head = (
                bool(whole)
                and whole[-1].both
                and whole[-1].rule == "rule_each"
                and _same_clause(s, whole[-1].count, k)  # not "...; 12 are women"
            )
            heads = [
                o for o in out
                if not o.count.is_part and o.side is not None and o.rule not in _PAIR_RULES
            ][-1:]  # fmt: skip
            named_side = c.parties.find(s, k.end, min(len(s), max(k.end, k.head_end) + 60))
            if (
                each_head
                and not named_side  # "270 soldiers and 120 civilians on the Ukrainian side"
                and (not heads or heads[0].count.start < whole[-1].count.start)
            ):
                # "120 people were released by each side, including 40 civilians": the part is
                # of each side's group, as its head is.
                side, both, rule = None, True, "rule_part_of"
                heads = []
            if not heads and not any(not o.count.is_part for o in out):
                heads = [o for o in previous if not o.count.is_part and o.side is not None][:1]
            if heads and heads[0].rule not in WEAK_RULES and not heads[0].both:
                side, rule = heads[0].side, "rule_part_of"
        same_groups: tuple[tuple[str, int], ...] = ()
        if k.same_as_previous and not both:
            side, rule = same_number_side(v, k, out, previous, side, rule)
            # "Украина получила 190 военных и 15 гражданских, Россия — столько же": the other
            # side got the same groups, when they are the whole figure repeated.
            given = [
                o for o in out
                if o.side is not None and o.side != side and not o.both
                and o.count.value is not None and not o.count.is_part
                and o.count.category not in ("total", "bodies")
            ]  # fmt: skip
            if (
                side is not None
                and k.category == "total"
                and len(given) >= 2
                and len({o.side for o in given}) == 1
                and sum(o.count.value or 0 for o in given) == k.value
            ):
                same_groups = tuple((o.count.category, o.count.value or 0) for o in given)
        if k.additive and not k.is_part and not both and rule == "rule_voice" and out:
            # "120 Russian servicemen were returned, along with six civilian residents ...":
            # a group added in the same clause goes to the side of the group before it.
            heads = [
                o for o in out
                if o.side and not o.both and o.rule not in WEAK_RULES | _PAIR_RULES
                and not o.count.additive and _same_clause(s, o.count, k)
            ]  # fmt: skip
            if heads:
                side, rule = heads[-1].side, "rule_added_to"
        if k.additive and not both and rule == "rule_voice" and not out:
            # "118 Russian servicemen came home. Also, three residents of Bryansk returned":
            # a group added in the next sentence goes to the side it is added to.
            heads = [p for p in previous if p.side and not p.both and p.rule not in WEAK_RULES]
            if heads:
                side, rule = heads[-1].side, "rule_added_to"
        cand = Candidate(count=k, side=side, rule=rule, sentence=(sent.start, sent.end), both=both)
        if same_groups:
            cand.extra["same_groups"] = same_groups
        unnumbered = _UNNUMBERED_BESIDE.match(s, max(k.end, k.head_end))
        if k.category == "total" and k.value is not None and unnumbered:
            group = c.persons.match_at(s, unnumbered.end())
            if group is not None and group[1] not in ("total", "bodies"):
                # "120 defenders, and also civilians": the figure leaves a group uncounted.
                cand.extra["partial"] = group[1]
        if (
            k.is_part
            and k.category == "total"
            and c.origin.match_at(s, _after_space(s, k.head_end))
        ):
            # A regional report that gives only its region's share still reports an exchange.
            cand.extra["unnumbered"] = True
        if c.lexicon.composition_beyond_base:
            cand.extra["base_unlisted"] = True
        if terms:
            cand.extra["terms"] = True  # "had agreed on 175 for 175, along with 22 wounded"
        cand.parties = v.pair
        cand.asserted_by = sent.asserted_by
        cand.asserted_by_text = sent.asserted_by_text
        if len(actors) > 1 and sent.asserted_by is not None:
            pick = min(actors, key=lambda a: min(abs(a[0] - k.end), abs(k.start - a[1])))
            cand.asserted_by, cand.asserted_by_text = pick[2], s[pick[0] : pick[1]]
        if own_verbs and cand.asserted_by is not None:

            def gap(span: tuple[int, int, str], k: Count = k) -> int:
                return min(abs(span[0] - k.end), abs(k.start - span[1]))

            party = min(own_verbs, key=gap)
            if not actors or gap(party) < min(gap(a) for a in actors):
                cand.asserted_by = cand.asserted_by_text = None
                if party[2]:
                    cand.extra["party_speaker"] = party[2]
        cand.date = nearest_date(s, dates, k)
        if cand.date is not None and cand.date.relative and s.count('"', 0, cand.date.start) % 2:
            # '"Today 103 of our people are home"': the speaker's today, a weak date.
            cand.extra["quoted_date"] = True
        cand.planned = is_planned(c, v, k, plan_in_sentence, cand.date, published) or deal_terms
        cand.cumulative, cand.weak_cumulative = cumulative(
            c, s, k, counts, cumulative_marks, weak_marks, v.pair
        )
        if background:
            cand.cumulative = True
        heads_here = [o for o in out if not o.count.is_part]
        if k.is_part and heads_here and heads_here[-1].cumulative:
            # "5,800 since 2022, including 150 civilians": a part of a running total is one too.
            cand.cumulative = True
        if (
            cand.date is not None
            and cand.date.precision == "year"
            and not any(d.precision == "day" for d in dates)
        ):
            # "У 2023 році з полону повернули 2598 людей, а у 2024 році - 1358": a whole
            # year's figure is a yearly total, not one exchange.
            cand.cumulative = True
        deal = False
        # A bare "N for N" in the lexicon's own words ("1000 на 1000") names a deal as well.
        bare_pair = rule == "rule_n_for_n" and k.bare and k.party is None
        english_pair = re.search(
            r"\d\s*-\s*for\s*-\s*\d|\bper\s+side\b", s[max(0, k.start - 10) : k.head_end + 12], re.I
        )
        if bare_pair or english_pair:
            # (A group on top, "and 12 seriously ill", is no stage's figure.)
            others = [
                o.value for o in counts
                if o is not k and o.value and o.value != k.value and not o.additive
                and o.category not in ("bodies", "wounded", "seriously_wounded_or_sick")
            ]  # fmt: skip
            # "the second stage, 307 for 307" is the stage's own pair: only a bigger pair next
            # to a smaller figure ("1000 for 1000: on Saturday 307 more") is the deal's.
            if (english_pair and c.stages.find(s)) or (others and (k.value or 0) > max(others)):
                # "the first stage of a 1,000-for-1,000 exchange": the whole deal, not this event.
                cand.weak_cumulative = deal = True
            elif bare_pair and staged and plan_in_sentence:
                # "the exchange under the 1000-for-1000 agreement has begun" in a report of its
                # first stage: the agreement's figure is a plan, not the figure of this stage.
                cand.weak_cumulative = deal = True
                # A deal reported as completed is no longer a plan.
                # ("будет проведен": a done word under a modal does not complete it.)
                cand.planned = not any(not governed(c, s, d[0]) for d in c.done.find(s))
        if deal_figure(c, s, k, counts, bool(dates)):
            # "the 1,000-for-1,000 exchange", "the deal foresees 1,000 on each side": the whole
            # deal, which a smaller stage figure elsewhere in the report replaces.
            cand.weak_cumulative = deal = True
            cand.extra["deal_size"] = True
            if deal_terms and not dates and for_mate(c, s, counts, i) is None:
                cand.extra["deal_terms_size"] = True  # "the agreements cover 1,000 on each side"
        if (
            cand.weak_cumulative
            and not deal
            and (dates or swap_noun)
            and (k.value or 0) <= LARGEST_PLAUSIBLE
            and not c.stages.find(s)
        ):
            # "In total 103 defenders came home today": the day's total, not a running one.
            cand.weak_cumulative = False
            cand.extra["explicit_total"] = True
        if cand.rule == "rule_mutual":
            # "Russia and Ukraine swap 538 prisoners": maybe both sides together; a figure with
            # a direction for the same side replaces it, alone it stands for each side.
            # Like a deal's size, only a smaller figure replaces it (an equal one agrees).
            cand.weak_cumulative = True
            cand.extra["deal_size"] = True
        if rule == "rule_n_for_n" and (plan_in_sentence or c.stages.find(s)) and not cand.planned:
            # "began carrying out the agreement, a 1,000-for-1,000 exchange", "the third stage of
            # the 1,000-for-1,000 exchange": the deal's figure; the day's own figure, if the
            # report gives one, wins over it.
            cand.weak_cumulative = True
            if (
                c.lexicon.deal_stages_are_plans
                and not c.done.find(s)
                and not c.final_stages.find(s)
            ):
                cand.extra["deal"] = True  # not reported complete: the rest is still to come
        for ms, me, _v in previous_marks:
            today = reference.isoformat() if reference else None
            if c.stages.find(s, ms, me) and any(d.iso == today for d in dates):
                continue  # "today, at the first stage, 390 came home": this report's own stage
            if opening_stage and c.stages.find(s, ms, me):
                continue  # the lead reports the first stage; "на першому етапі" is that one
            if k.start >= me:
                cand.previous = True
                # Only a date after "a day after" can date the earlier exchange; any date of a
                # sentence about an earlier stage ("Напередодні, у п'ятницю, в межах першого
                # етапу ...") is that stage's. ("Last month's swap returned 150": the marker is
                # its own date.)
                later = (
                    dates
                    if c.stages.find(s, ms, me)
                    else [d for d in dates if d.start >= me or (d.start <= ms < d.end)]
                )
                cand.date = nearest_date(s, later, k) if later else None
                words = s[ms:me].lower()
                num = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(
                    words.split()[0]
                )
                if num is None and words.split()[0].isdigit():
                    num = int(words.split()[0])
                if num is not None:
                    cand.previous_days = num * (7 if "week" in words else 1)
        first = [o for o in out if pair_mate is not None and o.count is counts[pair_mate]]
        paired_twice = (
            cand.both
            and cand.rule == "rule_n_for_n"
            and pair_mate is not None
            and pair_mate < i
            and bool(first)
            and first[0].both
        )
        if paired_twice:
            # "95 for 95" states one figure for each side, not two: keep the plainer one.
            if (first[0].cumulative or first[0].weak_cumulative) and not (
                cand.cumulative or cand.weak_cumulative
            ):
                out[out.index(first[0])] = cand
            continue
        if (
            cand.both
            and cand.rule == "rule_n_for_n"
            and c.negation.find(s)
            and not dates
            and not cand.planned
            and all(governed(c, s, d[0]) for d in c.done.find(s))
        ):
            # "The law does not provide for 'one for one' exchanges": a format under a
            # negation, with no date and no return reported, is no figure.
            continue
        if cand.both and cand.rule == "rule_n_for_n" and k.value == 1:
            # "swaps are framed as one for one": a format, unless nothing else is counted.
            cand.weak_cumulative = True
        if (
            cand.planned
            and cand.weak_cumulative
            and cand.side is None
            and not cand.both
            and cand.date is not None
            and cand.date.iso
            and len(cand.date.iso) == 10
            and reference is not None
            and date.fromisoformat(cand.date.iso) > reference
            and _LAST_STAGE.search(s)
        ):
            # "The 500-for-500 deal should wrap up on Monday with its last stage": the stage
            # still to come is a plan of its own, dated, its size unknown (not the deal's).
            cand.extra["unnumbered"] = True
        out.append(cand)
    for o in out:
        guessed = (o.side is None and not o.both) or o.rule in WEAK_RULES
        if guessed and o.count.in_list:
            # "90 servicemen and 5 civilians ... were returned", "each side returned 185
            # servicemen and 20 civilians": one list, one receiving side (or both).
            unsided = o.side is None and not o.both
            mates = [
                m for m in out
                if m is not o and m.count.in_list and (m.side is not None or m.both)
                and (unsided or m.rule not in WEAK_RULES)
                and abs(m.count.start - o.count.start) < 80
            ]  # fmt: skip
            if mates:
                near = min(mates, key=lambda m: abs(m.count.start - o.count.start))
                o.side, o.both, o.rule = near.side, near.both, "rule_list"
    for m in _SINCE_WHEN.finditer(s):
        if not any(m.start("what") <= d.start < m.end("what") for d in dates):
            # "the first swap since late last month, when 180 were released": a recall with no
            # date of its own is background.
            for o in out:
                if o.count.start >= m.end():
                    o.cumulative = True
    for i, o in enumerate(out):
        heads = [h for h in out[:i] if not h.count.is_part]
        if o.count.is_part and heads and heads[-1].cumulative:
            o.cumulative = True  # "3,100 released since February 2022, including 150 civilians"
    strong = {o.side for o in out if o.side and o.rule not in WEAK_RULES and not o.count.additive}
    for o in out:
        if o.count.other_group and o.rule in WEAK_RULES and len(strong) == 1:
            # "together with 114 other servicemen, 115 in all, whom the Russian side got back"
            o.side, o.rule = next(iter(strong)), "rule_other_group"
    dated = [o.date for o in out if o.date is not None and not o.previous]
    dated_before = [o.date for o in out if o.date is not None and o.previous]
    for o in out:
        if o.date is None and not o.previous and dated:
            # One sentence, one event: "11 hostages were freed on Monday and Israel freed 33".
            o.date = dated[0]
        elif o.date is None and o.previous and dated_before:
            # "... in September 2022, when 215 came home, in exchange for 55 Russians"; "two
            # weeks after they traded prisoners on March 2, in which ... Moscow recovered 120".
            o.date, o.previous_days = dated_before[0], None
    by_side: dict[str, set[int]] = {}
    for o in out:
        if o.side and o.count.party and o.count.value and not o.count.is_part:
            by_side.setdefault(o.side, set()).add(o.count.value)
    if len(by_side) == 2:
        a, b = by_side.values()
        sums = {x + y for x in a for y in b}
        # "206 captives, 103 of them Russian and 103 Ukrainian": the 206 counts both sides.
        out = [o for o in out if o.count.party or o.count.value not in sums]
    # "95 на 95": the pair states one figure for each side once, not twice.
    out = [
        o for i, o in enumerate(out)
        if not (o.rule == "rule_n_for_n" and i > 0 and out[i - 1].rule == "rule_n_for_n"
                and out[i - 1].count.value == o.count.value and out[i - 1].sentence == o.sentence)
    ]  # fmt: skip
    both_values = {o.count.value for o in out if o.both and o.count.value}
    # "180 captives, 90 from each side": the 180 counts both sides together.
    return [
        o for o in out
        if o.both or o.count.value is None or o.count.value / 2 not in both_values
        or o.count.party is not None
    ]  # fmt: skip


def _dash_breakdown(c: Compiled, gap: str) -> bool:
    """Whether the words between a group and a later count open its breakdown with a dash
    ("120 людей - бійці ЗСУ та троє цивільних"); not a gapped "а Росія - 110", nor "- а також"."""
    m = re.match(r"([^,;]*?)\s[-—–]\s", gap)
    if m is None or c.additive.find(gap):
        return False
    words = m.group(1).split()
    return not (words and c.parties.find(words[-1]))


_SINCE_WHEN = re.compile(r"\bsince\b(?P<what>[^.;]{0,40}?),\s*when\b", re.I)
#: A count's noun in the possessive: "soldiers' bodies", "POWs' letters", "the men's families".
_POSSESSIVE = re.compile(r"'s?\s+")


def _casualty(c: Compiled, s: str, k: Count) -> bool:
    """ "Four people were killed", "11 hospitalised", "claimed to have killed 120 soldiers": a
    count of casualties, not of persons returned ("the remains of 20 soldiers killed in action"
    are bodies)."""
    if k.category == "bodies" or c.bodies.find(s, max(0, k.start - 25), k.start):
        return False
    if c.casualty_after is not None and c.casualty_after.match(s, max(k.end, k.head_end)):
        return True
    before = s[max(0, k.start - 30) : k.start]
    return c.casualty_before is not None and c.casualty_before.search(before) is not None


def _captured(c: Compiled, s: str, k: Count) -> bool:
    """ "took 46 servicemen prisoner", "taking hundreds of conscripts prisoner": a count whose
    persons are followed by a word of capture (after their own noun) is a capture."""
    end = max(k.end, k.head_end)
    pos = end
    while pos < len(s) and s[pos] == " ":
        pos += 1
    if c.capture.match_at(s, pos) is not None:
        return True
    phrase = s[k.start : end]
    last = re.search(r"([^\W\d_]+)\W*$", phrase)
    if last is None or c.capture.match_at(phrase, last.start(1)) is None:
        return False
    return len(c.persons.find(phrase, 0, last.start(1))) > 0


_GROUP_VERB = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:were|was|are|included|includes|include|comprised|numbered)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _part_of_party(c: Compiled, s: str, k: Count) -> str | None:
    """The party a part marker names: "Among the Ukrainians freed on Sunday were 33 officers"."""
    before = s[max(0, k.start - 60) : k.start]
    marks = c.parts.find(before)
    if marks and not re.search(r"\d", before[marks[0][0] :]):
        parties = {p for _s, _e, p in c.parties.find(before, marks[0][0])}
        if len(parties) == 1:
            return next(iter(parties))
    # "the freed Ukrainians were 60 soldiers and seven civilians": the demonym is the group.
    hits = c.parties.find(before)
    if hits and not re.search(r"\d", before[hits[-1][1] :]):
        ps, pe, party = hits[-1]
        if re.search(r"\bthe\s+(?:[\w-]+\s+)?$", before[:ps], re.I) and _GROUP_VERB.match(
            before, pe
        ):
            return party
    return None


def _same_clause(s: str, a: Count, b: Count) -> bool:
    """Whether two counts stand in one clause ("..., while Kyiv got back ..." starts another)."""
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = s[max(first.end, first.head_end) : second.start]
    return not re.search(r",\s+(?:while|whereas|but)\b|;", gap)


def _after_space(s: str, pos: int) -> int:
    return pos + len(s[pos:]) - len(s[pos:].lstrip())


def _each_covers(target: Count | None, k: Count, counts: list[Count]) -> bool:
    """Whether an "each" about ``target`` covers ``k``: the count itself, or a later group of
    its list ("each side returned 185 servicemen and 20 civilians")."""
    if target is None:
        return False
    if target is k:
        return True
    if not (target.in_list and k.in_list):
        return False
    i, j = counts.index(target), counts.index(k)
    return i < j and all(o.in_list for o in counts[i : j + 1])


def join_lists(c: Compiled, s: str, counts: list[Count]) -> None:
    """ "270 servicemen and 120 civilians": one list; the second shares the first's party, and a
    generic first noun names the soldiers among them. "55 Russians plus Viktor Medvedchuk": +1."""
    for a, b in itertools.pairwise(counts):
        if c.list_joiners is None:
            continue
        gap = s[max(a.head_end, a.end) : b.start]
        if b.is_part:
            # "said 270 Russian servicemen and 120 civilians" (the parts of an earlier 390):
            # the second part is still of the first one's party.
            if a.is_part and c.list_joiners.match(gap) and b.category not in ("total", "bodies"):
                a.in_list = b.in_list = True
                b.party = b.party or a.party
            continue
        if (
            b.category == "total"
            and a.category not in ("total", "bodies", "wounded", "seriously_wounded_or_sick")
            and not b.bare
            and b.party in (None, a.party)
            and c.list_joiners.match(gap)
        ):
            # "80 border guards and two members of the State Special Transport Service": a
            # group beside a named one; it sums, but names no category of its own.
            b.category, b.soldier_word = "soldiers", False
        if (
            b.category == "total"
            and a.category == "total"
            and not (a.bare or b.bare or a.is_part)
            and (a.party is None or b.party in (None, a.party))
            and c.civilian_words.find(s, b.end, b.head_end)
            and not c.civilian_words.find(s, a.end, a.head_end)
            and c.list_joiners.match(gap)
        ):
            # "146 военнопленных и восемь граждан Украины": the citizens beside the soldiers.
            b.category, a.category = "civilians", "soldiers"
        if not c.list_joiners.match(gap) or b.category in ("total", "bodies"):
            continue
        a.in_list = b.in_list = True
        if b.party is None:
            b.party = a.party
            # "146 of our servicemen and eight residents of Kursk": ours too.
            b.first_person = b.first_person or a.first_person
        wounded = b.category in ("wounded", "seriously_wounded_or_sick")
        # The base stays the base beside the wounded where the annotation lists only the groups
        # beyond it (uk/ru), or names soldiers only by the word (English).
        beyond = c.lexicon.composition_beyond_base or c.soldier_words is not None
        if wounded and beyond and a.category == "total":
            # "246 prisoners of war and 31 wounded prisoners", "175 servicemen, and also 22
            # seriously wounded": a group beside the base, on top of it.
            b.additive = True
        if a.category == "total" and not a.bare and a.party == b.party and not (wounded and beyond):
            a.category = "soldiers"  # "270 servicemen and 120 civilians": the soldiers
    for k in counts:
        if c.plus_named is None or k.value is None:
            continue
        m = c.plus_named.match(s, k.head_end)
        if m is None:
            continue
        name = m.group("name")
        known = c.parties.find(name) or c.mediators.find(name) or c.actors.find(name)
        lead = s[k.head_end : m.start("name")]
        # "and two members of the State Special Transport Service", "and 5 residents of
        # Belgorod Oblast": a group with its own number or noun, not one person handed over.
        grouped = bool(
            c.lexicon.find_numbers(lead) or c.persons.find(lead) or re.search(r"\bof\s+$", lead)
        )
        # "and ex-Security Service officers": the capitals name the group's employer.
        after = s[m.end("name") : m.end("name") + 30]
        space = re.match(r"\s+", after)
        if space and c.persons.match_at(after, space.end()) is not None:
            grouped = True
        if (
            not known
            and not grouped
            and not c.persons.find(name)
            and not c.lexicon.find_dates(name, None)
        ):
            k.value += 1
            k.extra_named = name


def join_formulas(c: Compiled, s: str, counts: list[Count]) -> list[Count]:
    """ "120 на 120 военными и 15 на 15 гражданскими": a list of formulas, each one group that
    each side received; the groups sum (the leading number of each formula is dropped)."""
    if c.list_joiners is None or len(counts) < 4:
        return counts
    drop: set[int] = set()
    i = 0
    while i + 3 < len(counts):
        a1, a2, b1, b2 = counts[i : i + 4]
        gap = s[max(a2.end, a2.head_end) : b1.start]
        if (
            a1.bare
            and b1.bare
            and a1.value is not None
            and a1.value == a2.value
            and b1.value is not None
            and b1.value == b2.value
            and for_mate(c, s, counts, i) == i + 1
            and for_mate(c, s, counts, i + 2) == i + 3
            and not a2.bare
            and not b2.bare
            and not (a2.is_part or b2.is_part)
            and b2.category not in ("total", "bodies")
            and a2.category != "bodies"
            and a2.party is None
            and b2.party is None
            and c.list_joiners.match(gap)
        ):
            if a2.category == "total":
                a2.category = "soldiers"
            a2.in_list = b2.in_list = a2.each_pair = b2.each_pair = True
            drop.update((i, i + 2))
            i += 4
            continue
        i += 1
    return [k for j, k in enumerate(counts) if j not in drop]


def join_named_before(c: Compiled, s: str, counts: list[Count]) -> None:
    """ "Viktor Medvedchuk was handed over to Russia along with 55 prisoners": +1, and the
    recipient named before the count receives the whole group."""
    if c.named_along is None:
        return
    for k in counts:
        if k.value is None:
            continue
        lo = max(0, k.start - 160)
        m = c.named_along.search(s, lo, k.start)
        if m is None or m.group("name") is None:
            continue
        name = m.group("name")
        if c.parties.find(name) or c.mediators.find(name) or c.actors.find(name):
            continue
        if re.search(r"\b(?:the|of)\s+$", s[max(0, m.start("name") - 8) : m.start("name")]):
            continue  # "soldiers of the Armed Forces and 20 border guards": an institution
        if c.lexicon.find_dates(name, None):
            continue  # "on Friday and 15 more": a day, not a person handed over
        k.value += 1
        k.extra_named = name
        for _r0, r1, _v in c.recipient.find(s, m.end("name"), k.start):
            hit = c.parties.match_at(s, r1 + len(s[r1:]) - len(s[r1:].lstrip()))
            if hit is not None:
                k.party = hit[1]
                break


# Rules that read the side off the count's own words ("the same number of Russian servicemen",
# "to Ukraine"): those stand even when they repeat the earlier side.
_EXPLICIT_SIDE_RULES = frozenset(
    ("rule_noun_phrase_party", "rule_possessive", "rule_first_person", "rule_recipient")
)


def same_number_side(
    v: SentenceView,
    k: Count,
    out: list[Candidate],
    previous: list[Candidate],
    side: str | None,
    rule: str,
) -> tuple[str | None, str]:
    """ "..., and the same number went back to Russia": the counterpart of the side it repeats.

    A "same number" stated with its own verb describes the other half of the exchange, so when
    the generic rules gave it no side, or the earlier count's side, the other side receives it.
    """
    here = [o for o in out if o.count.value is not None and o.count is not k]
    ref = here[-1] if here else (previous[-1] if previous else None)
    if ref is None or ref.side is None or ref.both or rule in _EXPLICIT_SIDE_RULES:
        return side, rule
    if side is not None and side != ref.side:
        return side, rule
    if here:
        # "90 soldiers and the same number of civilians" under one verb stays with that side.
        verbs = [t for t in v.triggers if ref.count.head_end <= t[0] < k.start]
        if not verbs:
            return side, rule
    return other_of(v, ref.side), "rule_same_number"


def _in_subset_clause(c: Compiled, s: str, at: int) -> bool:
    """Whether ``at`` lies in a clause after every number that opens with a part marker ("...,
    серед яких жителі області, «незаконно вивезені» торік"): it says where some came from."""
    numbers = c.lexicon.find_numbers(s)
    last = max((n.end for n in numbers), default=0)
    if not numbers or at < last:
        return False
    return any(
        last <= m[0] < at and m[1] - m[0] > 3 and s[: m[0]].rstrip().endswith(",")
        for m in c.parts.find(s, last, at)
    )


def mark_sum_parts(c: Compiled, s: str, counts: list[Count], previous: list[Candidate]) -> None:
    """Counts that add up to an earlier total are its parts: "49 people: 38 servicemen and 11 civilians"."""
    totals = [k.value for k in counts if k.value] + [
        p.count.value for p in previous if p.count.value
    ]
    # "277 people: 246 servicemen under the 246-for-246 deal and another 31 wounded": a bare
    # pair inside the list does not break it.
    counts = [k for k in counts if not k.bare]
    for i in range(len(counts)):
        for j in range(i + 2, len(counts) + 1):
            run = counts[i:j]
            if any(k.value is None or k.category == "bodies" for k in run):
                break
            value = sum(k.value or 0 for k in run)
            earlier = [k.value for k in counts[:i] if k.value] + [
                p.count.value for p in previous if p.count.value
            ]
            parties = {k.party for k in run if k.party}
            # "21 freed in all. The US got 12, Russia got 6 and three minors": clauses of
            # their own, each with its verb, go to different sides, not one side's breakdown.
            if (
                value in earlier
                and value in totals
                and len(parties) <= 1
                and not any(
                    table.find(s, a.end, b.start)
                    for a, b in itertools.pairwise(run)
                    for table in (c.give, c.receive, c.returns)
                )
            ):
                wounded = any(k.category in ("wounded", "seriously_wounded_or_sick") for k in run)
                for k in run:
                    k.is_part = True
                    if k.category == "total" and not k.bare and not wounded:
                        k.category = "soldiers"
                return


def mutual_object(c: Compiled, s: str, k: Count, counts: list[Count]) -> bool:
    """Whether ``k`` is the direct object of a mutual exchange verb, and the only count."""
    # (A figure of another day after it, "…, а в пятницу — 390", is no rival.)
    rivals = [o for o in counts if not o.day_gapped]
    if k.party is not None or k.first_person or k.is_part or len(rivals) > 1:
        return False
    if _GRAND_TOTAL.match(s, k.head_end) or re.search(r"total\s+of\s*$", s[: k.start], re.I):
        return False
    for _s, e, _v in c.mutual.find(s, max(0, k.start - 30), k.start):
        if re.fullmatch(r"\s+(?:(?:a\s+)?(?:further|another|other)\s+)?", s[e : k.start]):
            return True
    return False


def each_count(
    s: str, mark: tuple[int, int, str], counts: list[Count], parts: Table | None = None
) -> Count | None:
    """The count an "each" speaks about: the nearest one within 40 characters, same clause."""
    if re.match(r"both\s+sides\b", s[mark[0] : mark[1] + 1], re.I) and re.search(
        r"\b(?:from|of)\s+$", s[max(0, mark[0] - 6) : mark[0]], re.I
    ):
        return None  # "180 captives from both sides": where they came from, not "each"
    best: Count | None = None
    best_gap = 41
    for k in counts:
        if k.end > mark[1] and _GRAND_TOTAL.match(s, k.head_end):
            continue  # "150 from each side, 300 in all": the sum of both sides is no side's
        if k.end > mark[1] and k.is_part and best is not None:
            continue  # "120 were released by each side, including 40 civilians": the head
        # "80 prisoners each": measured from the count's noun.
        head = max(k.end, k.head_end) if k.head_end <= mark[0] else k.end
        lo, hi = (head, mark[0]) if k.end <= mark[0] else (mark[1], k.start)
        gap = s[lo:hi]
        # "... 230 citizens back, both sides agreed": after a comma, "both sides" is a subject.
        crossing = r"[;:,]|\d" if k.end <= mark[0] else r"[;:]|\d"
        if k.start > mark[1] and parts is not None and parts.find(gap):
            continue  # "freed by each side, among them 120 civilians": the 120 is a part
        if len(gap) < best_gap and not re.search(crossing, gap):
            best, best_gap = k, len(gap)
    return best


def other_of(v: SentenceView, party: str) -> str:
    """The other party of the sentence's pair."""
    return v.pair[0] if party == v.pair[1] else v.pair[1]


def for_mate(c: Compiled, s: str, counts: list[Count], i: int) -> int | None:
    """Index of the count paired with counts[i] by "for" / "in exchange for", if any."""
    k = counts[i]
    for j in (i - 1, i + 1):
        if not 0 <= j < len(counts) or (k.is_part and counts[j].is_part):
            continue  # "among them 20 officers and 5 women": two parts of one group
        a, b = (counts[j], k) if j < i else (k, counts[j])
        gap = s[a.head_end if a.head_end > a.end else a.end : b.start]
        if len(gap) > 60:
            continue
        if re.fullmatch(
            r"\s*(?:-\s*for\s*-|-to-|for|in\s+exchange\s+for|in\s+return\s+for|in\s+a\s+swap\s+for|were\s+(?:\w+\s+){0,3}in\s+(?:exchange|return)\s+for|(?:,\s*)?(?:and\s+)?(?:in\s+return|in\s+exchange)(?:,)?\s*(?:\w+\s+){0,4}?)\s*",
            gap,
            re.I,
        ):
            return j
        # The lexicon's own word for "for" ("95 на 95", "248 в обмен на 230").
        core = gap.strip(" -,")
        if core and c.exchange_for.regex is not None and c.exchange_for.regex.fullmatch(core):
            return j
    return None


def exchange_noun(c: Compiled, phrase: str) -> bool:
    """Whether a trigger is an exchange noun ("swap", "обмен"): English by its list; in a lexicon
    with Cyrillic exchange words that lists its mutual verbs ("обменялись"), every other
    exchange word."""
    if NOUN_TRIGGERS.match(phrase):
        return True
    return (
        bool(c.lexicon.mutual_verbs)
        and not phrase.isascii()
        and bool(c.exchange.find(phrase))
        and not c.mutual.find(phrase)
    )


def is_planned(
    c: Compiled,
    v: SentenceView,
    k: Count,
    plan_in_sentence: bool,
    when: DateSpan | None,
    published: date | None,
) -> bool:
    """Whether a count belongs to a plan (modal, plan word, future date), not a report."""
    future = (
        when is not None
        and when.iso is not None
        and published is not None
        and len(when.iso) == 10
        and date.fromisoformat(when.iso) > published + timedelta(days=1)
    )
    if future:
        return True
    if not plan_in_sentence:
        return False
    near = sorted(v.triggers, key=lambda t: (abs(t[0] - k.start), t[0] > k.start))
    done = c.done.find(v.s)
    lo = max([0, *(m.end() for m in re.finditer(r"[;:]|,\s", v.s[: k.start]))])
    # ("будет проведен обмен — тысяча на тысячу": a done word under a modal is still to come.)
    done_before = [d for d in c.done.find(v.s, lo, k.start) if not governed(c, v.s, d[0])]
    if c.future.find(v.s, lo, k.start) and not done_before:
        return True  # "the next swap could see up to 500 people return home"
    # After the count, in its clause: "обмен 1000 на 1000 должен состояться", "the 300 are
    # to be exchanged" — a future word with no return verb between it and the count, or a
    # modal governing the first verb of return after the count.
    stop = re.search(r"[;.!?]|,\s", v.s[k.end :])
    hi = k.end + stop.start() if stop else len(v.s)
    after = sorted(t for t in v.triggers if k.end <= t[0] < hi)
    futures = c.future.find(v.s, k.end, hi)
    if not c.done.find(v.s, k.end, hi):
        if futures and not [t for t in after if t[0] < futures[0][0]]:
            return True
        if after and governed(c, v.s, after[0][0]):
            return True
    for t in near:
        if t[0] == t[1]:
            continue  # the verb carried over from the sentence before: no word of its own here
        phrase = v.s[t[0] : t[1]]
        if governed(c, v.s, t[0]):
            return True
        end = c.future.match_at(v.s, t[0])
        if end is not None and end[0] == t[1]:
            return True  # a verb in the perfective future ("повернуться") is a plan by itself
        if exchange_noun(c, phrase):
            continue
        return False
    # A done marker ("took place") that no plan word governs makes the sentence a report.
    return not (done and not any(governed(c, v.s, d[0]) for d in done))


_FORWARD = re.compile(r"bring|brings|bringing|rais|total|number", re.I)


def marks_count(c: Compiled, s: str, ms: int, me: int, counts: list[Count]) -> Count | None:
    """The count a running-total marker speaks about, if any."""
    before = s[max(0, ms - 60) : ms]
    if c.superlatives.find(before) and not re.search(r"\d", before[-30:]):
        return None
    last_words = " ".join(re.findall(r"[\w'-]+", before)[-2:])
    if c.exchange.find(last_words) and not _FORWARD.match(s[ms:me]):
        return None  # "the 60th exchange since the start of the war" dates the exchange
    if _FORWARD.match(s[ms:me]) or not s[:ms].strip():
        # "Since 2022, Ukraine, by the headquarters' count, has brought home ...": a marker
        # opening the sentence covers its first count, in its own clause.
        after = [x for x in counts if x.start >= me]
        if after and not _FORWARD.match(s[ms:me]) and re.search(r"[:;]", s[me : after[0].start]):
            return None
        return after[0] if after else None
    same = []
    for x in counts:
        lo, hi = (x.end, ms) if x.end <= ms else (me, x.start)
        if not re.search(r"[,;:]", s[lo:hi]) and not c.clause_breaks.find(s, lo, hi):
            same.append(x)
    if not same:
        return None
    return min(same, key=lambda x: (x.start - me) if x.start >= me else (ms - x.end))


def cumulative(
    c: Compiled,
    s: str,
    k: Count,
    counts: list[Count],
    marks: list[tuple[int, int, str]],
    weak: list[tuple[int, int, str]],
    pair: tuple[str, ...] = ("Russia", "Ukraine"),
) -> tuple[bool, bool]:
    """Whether a count is a running total (strong marker) or maybe one (weak, too big)."""
    strong = any(marks_count(c, s, ms, me, counts) is k for ms, me, _v in marks)
    # "Since the start of the invasion, Ukraine has brought home ...": a marker opening the
    # sentence before a comma covers every count of its main clause.
    strong = strong or any(
        ms <= 3 and re.match(r"[^,;:]{0,40},", s[me:]) and k.start > me
        and not re.search(r"[;:]", s[me : k.start]) and not c.superlatives.find(s, 0, ms + 60)
        for ms, me, _v in marks
    )  # fmt: skip
    if (
        k.value is None
        and k.approximate
        and k.category != "bodies"
        and pair == ("Russia", "Ukraine")
        and _THOUSANDS.search(s, k.start, max(k.end, k.head_end))
    ):
        # "Thousands of Ukrainians have come home": no one exchange between Russia and Ukraine
        # returned thousands to a side, so it is a running total.
        strong = True
    weak_hit = any(marks_count(c, s, ms, me, counts) is k for ms, me, _v in weak)
    # No single exchange between Russia and Ukraine has returned more than about a thousand
    # persons to one side (other conflicts differ: Israel released 1,968 in one day).
    if (
        k.value is not None
        and k.value > LARGEST_PLAUSIBLE
        and pair == ("Russia", "Ukraine")
        and k.category != "bodies"  # thousands of bodies do come back at once
    ):
        weak_hit = True
    return strong, weak_hit


def deal_figure(c: Compiled, s: str, k: Count, counts: list[Count], dated: bool) -> bool:
    """Whether ``k`` is the size of a whole deal rather than what one stage returned.

    "the 1,000-for-1,000 exchange" (an N-for-N pair naming a deal noun, or next to smaller
    figures in the same sentence), "the deal foresees 1,000 prisoners on each side" (each side,
    a deal or stage word and no date of its own).
    """
    if k.value is None or k.is_part or k.category == "bodies":
        return False
    i = counts.index(k)
    j = for_mate(c, s, counts, i)
    mate = counts[j] if j is not None and counts[j].value == k.value else None
    if mate is None and k.head_end > k.end:
        # "the exchange of 1,000 prisoners for 1,000 began ...": the mate is a bare number.
        gap = re.match(r"\s*", s[k.head_end :])
        at = k.head_end + (gap.end() if gap else 0)
        word = c.exchange_for.match_at(s, at)
        if word is not None:
            rest = s[word[0] : word[0] + 20]
            lead = re.match(r"\s*", rest)
            mates = c.lexicon.find_numbers(rest)
            if (
                mates
                and mates[0].start == (lead.end() if lead else 0)
                and mates[0].value == k.value
            ):
                others = [
                    o.value for o in counts
                    if o is not k and o.value and not o.is_part
                    and o.category not in ("bodies", "wounded", "seriously_wounded_or_sick")
                ]  # fmt: skip
                if others and k.value > max(others):
                    return True
    if mate is not None:
        second = mate if mate.start > k.start else k
        noun = re.match(r"[\s-]*", s[second.end :])
        if c.exchange.match_at(s, second.end + (noun.end() if noun else 0)) is not None:
            return True  # "the 1,000-for-1,000 exchange"
        others = [
            o.value for o in counts
            if o is not k and o is not mate and o.value and not o.is_part
            and o.category not in ("bodies", "wounded", "seriously_wounded_or_sick")
        ]  # fmt: skip
        if others and k.value > max(others):
            return True  # "... of the 1,000-for-1,000 exchange: 270 soldiers and 120 civilians"
    window = (max(0, k.start - 12), min(len(s), k.head_end + 25))
    return bool(not dated and c.each.find(s, *window) and c.stages.find(s))


def _part_owner(v: SentenceView, k: Count) -> str | None:
    """The party a part belongs to when the sentence names the whole by its people:
    "The freed Ukrainians included four civilians", "Among the Ukrainians were 20 women"."""
    if k.party is not None:
        return None
    lo = _clause_start(v.s, k.start, loose=True)
    for start, end, party in reversed(v.parties):
        if not lo <= start < k.start or party not in v.pair:
            continue
        if any(o.start <= start < max(o.end, o.head_end) for o in v.counts):
            continue  # the party word of another count ("75 Ukrainians")
        if v.c.persons.match_at(v.s, start) is None:
            continue  # "Ukraine", "Russian": not the people themselves
        if v.c.captivity.match_at(v.s, _skip_space(v.s, end)) is not None:
            continue
        words = re.findall(r"[\w'-]+", v.s[max(0, start - 12) : start])
        prep = words and v.c.prepositions.match_at(words[-1], 0)
        if prep and prep[0] == len(words[-1]) and not v.c.parts.find(v.s, max(0, start - 14), end):
            continue  # "handed over to Ukrainians": not the owner
        return party
    return None


def _group_value(counts: list[Count]) -> int | None:
    """The figure a "same number" repeats: the last count, or the sum of the list it ends
    ("185 soldiers and 20 civilians ... the same number of Russians" -> 205)."""
    if not counts:
        return None
    run = [counts[-1]]
    for k in reversed(counts[:-1]):
        if not (k.in_list and run[0].in_list) or k.category == "bodies":
            break
        run.insert(0, k)
    if len(run) > 1 and len({k.party for k in run}) == 1:
        return sum(k.value or 0 for k in run)
    return counts[-1].value
