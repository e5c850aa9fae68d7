"""Claims from one sentence: which numbers count persons, and what the words around them say.

Which side received each count is decided by the named rules in :mod:`powledger.extract.sides`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from powledger.extract.base import DateSpan, NumberSpan
from powledger.extract.patterns import Compiled

_WORD = re.compile(r"[\w'.-]+|[^\w\s]")
_CLAUSE_END = re.compile(r"[;()]|,\s+(?:while|whereas|but|and\s+(?:the|a|an)\b)|\.\s|:\s")
OPPONENTS: dict[str, str] = {
    "Russia": "Ukraine", "Ukraine": "Russia", "Israel": "Hamas", "Hamas": "Israel",
    "Armenia": "Azerbaijan", "Azerbaijan": "Armenia",
}  # fmt: skip
PAST_HINT = re.compile(
    r"(?:ed|were|was|been|came|brought|got|took|went|freed|home|back|free|is\s+home|are\s+home)\b",
    re.I,
)
NOUN_TRIGGERS = re.compile(
    r"^(?:exchanges?|swaps?|release|return|handover|repatriation|homecoming|trades?|prisoner\s+exchange|prisoner\s+swap|POW\s+swap)$",
    re.I,
)

#: "..., in addition to a 246-for-246 swap": the count after it is the base (English).
_IN_ADDITION_TO = re.compile(r"\bin\s+addition\s+to\s+(?:an?\s+|the\s+)?$", re.I)

#: Categories that name a state of the persons ("15 seriously wounded") rather than a group.
_STATES = ("wounded", "seriously_wounded_or_sick")


@dataclass
class Count:
    """A number that counts persons (or remains), with what the words around it say."""

    start: int
    end: int
    value: int | None
    approximate: bool
    category: str = "total"
    party: str | None = None
    first_person: bool = False
    head_end: int = 0
    bare: bool = False
    is_part: bool = False
    possessive: bool = False
    additive: bool = False
    same_as_previous: bool = False
    extra_named: str | None = None
    other_group: bool = False
    in_list: bool = False
    #: The head noun may name the soldiers of a list (see ``Lexicon.listed_soldier_words``).
    soldier_word: bool = True
    #: One group of a list of formulas ("120 for 120 soldiers and 15 for 15 civilians"): each
    #: side received it.
    each_pair: bool = False
    #: A figure labelled only by its day after another one ("…, а в пятницу — 390"): it goes
    #: where the figure before it went.
    day_gapped: bool = False


@dataclass
class Candidate:
    """A claim found in one sentence, before assembly into exchanges."""

    count: Count
    side: str | None
    rule: str
    sentence: tuple[int, int]
    planned: bool = False
    cumulative: bool = False
    weak_cumulative: bool = False
    previous: bool = False
    previous_days: int | None = None
    date: DateSpan | None = None
    parties: tuple[str, ...] = ()
    asserted_by: str | None = None
    asserted_by_text: str | None = None
    both: bool = False
    extra: dict[str, object] = field(default_factory=dict)


def _skip_space(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] in " -":
        pos += 1
    return pos


#: "one of the marines", "одного з морпіхів", "одна из женщин" (but not "one of them").
_ONE_OF_GROUP = re.compile(
    r"\s+(?:of\s+the|з|із|зі|из|изо)\s+(?!(?:them|них|яких|которых|тих|those)\b)[^\W\d_]", re.I
)


def find_counts(c: Compiled, s: str, numbers: list[NumberSpan]) -> list[Count]:
    """Numbers of ``s`` that count persons: followed by a person noun, or bare after a verb."""
    counts: list[Count] = []
    starts = {n.start: n for n in numbers}
    for n in numbers:
        if re.match(r"\s*/\s*\d", s[n.end : n.end + 4]) or re.search(r"\d\s*/\s*$", s[: n.start]):
            continue  # "Photo 3 / 12": a gallery counter
        if re.search(r"(?<!\w)[A-ZА-ЯЁІЇЄҐ][^\W\d_]+-$", s[max(0, n.start - 30) : n.start]):
            continue  # "Стамбул-3", "Minsk-2": a name's numeral
        lead = s[max(0, n.start - 30) : n.start]
        age = c.ages.find(lead)
        if age and re.fullmatch(r"[\s\d]*(?:(?:from|to|and|-)\s*[\d\s]*)*", lead[age[-1][1] :]):
            continue  # "aged from 18 to 25", "under the age of 25": an age, not a count
        if n.value == 1 and _ONE_OF_GROUP.match(s, n.end):
            continue  # "Мати одного з морпіхів розповіла": a member of the group, not a count of it
        count = _count_from_noun_phrase(c, s, n, starts)
        if count is None:
            count = _bare_count(c, s, n)
        if count is not None:
            counts.append(count)
    taken_starts = {k.start for k in counts}
    for n in numbers:
        if n.start in taken_starts or (1900 <= n.value <= 2100):
            continue
        # "Returned to Ukraine: 103", "Ukraine - 103, Russia - 103": a party labels the figure.
        label = re.search(
            r"(\S+(?:\s+\S+){0,2})\s*[:-]\s*(?P<each>по\s+)?$", s[max(0, n.start - 40) : n.start]
        )
        if label is None:
            # "Kyiv received 1,245 bodies and Moscow 19": a party, then its gapped figure.
            gap = re.search(
                r"(?:,|\band|\bwhile|\bwhereas)\s+(\S+)\s+$", s[max(0, n.start - 30) : n.start]
            )
            hit = c.parties.find(gap.group(1)) if gap else None
            if (
                hit
                and hit[-1][1] == len(gap.group(1))  # type: ignore[union-attr]
                and re.match(r"\s*(?:[,.;]|$|on\b|in\b|at\b)", s[n.end : n.end + 4])
                and (c.give.find(s, 0, n.start) or c.receive.find(s, 0, n.start))
            ):
                counts.append(
                    Count(n.start, n.end, n.value, n.approximate, "total", None, False, n.end,
                          bare=True)
                )  # fmt: skip
            continue
        if re.match(r"\s*\w", s[n.end : n.end + 2]):
            continue
        hits = c.parties.find(label.group(1))
        dated = c.lexicon.find_dates(label.group(1), None)
        if (
            # ("390 українців, у суботу - 307": a party word before the comma is the last figure's)
            not c.parties.find(label.group(1).rsplit(",", 1)[-1])
            and dated
            and dated[-1].end == len(label.group(1))
            and re.search(
                r",\s*(?:[^\s\d]+\s*){0,3}[:-]?\s*(?:по\s+)?$", s[max(0, n.start - 40) : n.start]
            )
            and (
                c.give.find(s, 0, n.start) + c.receive.find(s, 0, n.start)
                # "в апреле на родину привезли 60 военных, а в марте — 120"
                or c.returns.find(s, 0, n.start)
                # "обменялись …, в субботу — по 307": each side's figure of that day.
                or (label.group("each") and c.exchange.find(s, 0, n.start))
                # "стороны обменялись 307 пленными с каждой стороны, а в пятницу — 390"
                or c.mutual.find(s, 0, n.start)
                # "в пятницу — по 390 человек, в субботу — по 307": a series of "по N".
                or (
                    label.group("each")
                    and any(
                        re.search(r"(?<!\w)по\s+$", s[max(0, k.start - 4) : k.start])
                        for k in counts
                        if k.start < n.start
                    )
                )
            )
        ):
            # "Україна повернула 390 людей, у суботу - 307": a date labels a gapped figure.
            gapped = Count(
                n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True
            )
            gapped.day_gapped = True
            counts.append(gapped)
            continue
        if not hits and c.number_of.find(label.group(1)) and not c.number_of.find(s, n.end):
            # "Точна цифра - 189": the figure named by "the number" (of the sentence before).
            counts.append(
                Count(
                    n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True
                )
            )
            continue
        if hits and hits[-1][1] == len(label.group(1)) and not label.group("each"):
            counts.append(
                Count(
                    n.start,
                    n.end,
                    n.value,
                    n.approximate,
                    "total",
                    hits[-1][2],
                    False,
                    n.end,
                    bare=True,
                )
            )
    for start, end, _v in c.vague.find(s):
        tail = s[end : end + 60]
        # "dozens of prisoners"; Slavic puts the genitive noun right after ("десятки українців").
        m = re.match(r"\s+of\s+", tail) or re.match(r"\s+(?=[^\W\d_])", tail)
        if m:
            fake = NumberSpan(start, end + m.end() - 1, 0, True)
            count = _count_from_noun_phrase(c, s, fake, {})
            if count is not None:
                count.value = None
                count.approximate = True
                counts.append(count)
    for start, end, _v in c.same_number.find(s):
        fake = NumberSpan(start, end, 0, False)
        count = _count_from_noun_phrase(c, s, fake, {})
        if count is None and re.match(r"\s*(?:[,:]|\.|$|were|was|have|had|in\s+return)", s[end:]):
            count = Count(start, end, None, False, "total", None, False, end)
        own = re.match(r"\s+", s[end:])
        poss = c.possessives.match_at(s, end + own.end()) if own and count is None else None
        if poss is not None and re.match(r"\s*(?:[,.;!]|$)", s[poss[0] :]):
            # "Росія отримала стільки ж своїх": the same number of its own.
            count = Count(start, end, None, False, "total", None, False, poss[0])
            count.possessive = True
        if count is not None:
            count.value = None
            count.same_as_previous = True
            counts.append(count)
    taken = {k.start for k in counts}
    for start, end, _v in c.number_of.find(s):
        # "put the number of Russian soldiers it got back at 150"
        fake = NumberSpan(start, end, 0, False)
        shape = _count_from_noun_phrase(c, s, fake, {})
        if shape is None:
            continue
        for n in numbers:
            if n.start < shape.head_end or n.start - end > 120 or n.start in taken:
                continue
            lead = s[max(shape.head_end, n.start - 6) : n.start]
            hit = c.number_at.find(lead)
            if hit and not lead[hit[-1][1] :].strip():
                counts = [k for k in counts if k.start != n.start]
                counts.append(
                    Count(n.start, n.end, n.value, n.approximate, shape.category, shape.party,
                          shape.first_person, n.end, possessive=shape.possessive)
                )  # fmt: skip
                taken.add(n.start)
            break
    # "Кроме того, …, а российская сторона получила 15 раненых": a sentence opening on an
    # addition adds every named group in it.
    opening = c.additive.match_at(s, len(s) - len(s.lstrip()))
    for count in counts:
        if opening is not None and count.category != "total":
            count.additive = True
        before = s[max(0, count.start - 60) : count.start]
        for _s, e, _v in c.additive.find(before):
            if re.fullmatch(
                r",?\s*(?:a\s+further\s+|a\s+|the\s+)?|,?\s+(?:[^\W\d_]+\s+){1,4}", before[e:]
            ):
                count.additive = True
        wide = max(0, count.start - 80)
        for _s, e, _v in c.additive.find(s, wide, count.start):
            # "In a separate humanitarian gesture, Russia handed over 31 ...": a marker opening
            # the sentence or clause, then a few words of its own clause.
            clause_open = not re.search(r"\w", s[max(0, _s - 3) : _s]) or re.search(
                r"(?:^|[,;]\s*)and\s+$", s[max(0, _s - 8) : _s], re.I
            )
            if clause_open and re.fullmatch(r",?\s+(?:[^\W\d]+\s+){1,4}", s[e : count.start]):
                count.additive = True
        if count.head_end > count.end and c.additive.find(s, count.end, count.head_end):
            # "alongside 175 other prisoners": this group comes on top of another one.
            count.additive = True
            count.other_group = True
        for hit_start, hit_end, _v in c.additive.find(s, count.head_end, count.head_end + 100):
            comma = re.match(r"\s*,?\s*", s[count.head_end : hit_start])
            verb_at = count.head_end + (comma.end() if comma else 0)
            verb = c.give.match_at(s, verb_at) or c.returns.match_at(s, verb_at)
            if verb is not None and not s[verb[0] : hit_start].strip():
                count.additive = True  # "15 wounded prisoners of war, handed over in addition"
            # "20 civilians, residents of the Kursk region, have also come home"
            # (A party after "by" or "from" is where they were held: "residents of the Kursk
            # region illegally detained by Ukraine, have also come home".)
            named = [
                p for p in c.parties.find(s, count.head_end, hit_start)
                if not re.search(r"\b(?:by|from|in)\s+(?:the\s+)?$", s[max(0, p[0] - 10) : p[0]])
                # ("civilians ..., whom Ukraine had been holding since spring, came back as well")
                and not re.search(r"\b(?:whom|who|which)\b", s[count.head_end : p[0]])
            ]  # fmt: skip
            if (
                not re.search(r"\d|[;:]", s[count.head_end : hit_start])
                and not named
                and (
                    c.returns.match_at(s, _skip_space(s, hit_end)) is not None
                    # "..., came back as well": the verb right before the marker
                    or any(
                        not s[e:hit_start].strip()
                        for _b, e, _k in c.returns.find(s, max(0, hit_start - 30), hit_start)
                    )
                )
            ):
                count.additive = True
        after = s[count.head_end : count.head_end + 40]
        for hit_start, _e, _v in c.additive.find(after):
            # "Six civilians were returned together with them"
            close = hit_start > 0 and not re.search(r"\d|[,;]", after[:hit_start])
            if close and re.match(r"\s*(?:with\s+)?them\b|\s*$|\s*[.,]", after[_e:]):
                count.additive = True
    for i, count in enumerate(counts):
        if _IN_ADDITION_TO.search(s[max(0, count.start - 30) : count.start]):
            # "31 seriously wounded ... for 15 wounded, in addition to a 246-for-246 swap": the
            # groups before are on top of this one (and of its mate), not this on top of them.
            mate = counts[i + 1] if i + 1 < len(counts) else None
            count.additive = False
            if mate is not None and re.fullmatch(r"\s*-?\s*for\s*-?\s*", s[count.end : mate.start]):
                mate.additive = False
            for earlier in counts[:i]:
                if earlier.category not in ("total", "bodies"):
                    earlier.additive = True
    counts = [k for k in counts if not _casualty(c, s, k)]
    for k in counts:
        # "Our 90 servicemen are home": the pronoun right before the number.
        lead = s[max(0, k.start - 8) : k.start]
        word = re.search(r"(\w+)\s+$", lead)
        if word is None or k.first_person or len(word.group(1)) < 3:
            continue  # "we", "us" before a number are not the persons' own
        pronoun = c.first_person.match_at(lead, word.start(1))
        if pronoun is not None and pronoun[0] == word.end(1):
            k.first_person = True
    counts.sort(key=lambda x: x.start)
    return counts


def _casualty(c: Compiled, s: str, k: Count) -> bool:
    """Whether a count is of the killed or injured: "killed 300 soldiers", "4 were killed"."""
    if c.casualties.regex is None or k.category == "bodies":
        return False  # "the remains of 20 soldiers killed in action" are bodies, handed over
    lead = re.search(
        r"(?:\s+(?:at\s+least|more\s+than|over|about|some|nearly|almost))?\s*$", s[: k.start]
    )
    lo = max(0, k.start - 40)
    edge = (lead.start() if lead else k.start) - lo
    if any(e - lo == edge for _s, e, _v in c.casualties.find(s, lo, k.end)):
        return True
    return c.casualties.match_at(s, _skip_space(s, max(k.end, k.head_end))) is not None


_FREED_WERE = re.compile(
    r"\s+(?:freed|released|returned|exchanged|swapped|brought\s+(?:home|back))\b"
    r"(?:\s+[\w-]+){0,4}?\s+(?:were|are|was|had\s+been)\s+",
    re.I,
)


#: One capitalised word used as a place adjective before a person noun ("Kherson").
_PLACE_WORD = re.compile(r"[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’-]{2,}(?=\s)")


def _count_from_noun_phrase(
    c: Compiled, s: str, n: NumberSpan, starts: dict[int, NumberSpan]
) -> Count | None:
    before = s[max(0, n.start - 40) : n.start]
    bodies = bool(
        re.search(
            r"(?:bod(?:y|ies)|remains)\s+of\s+(?:the\s+|a\s+further\s+|another\s+|further\s+)?$",
            before,
            re.I,
        )
    )
    party: str | None = None
    first = False
    possessive = False
    category: str | None = None
    pos = n.end
    for _step in range(8):
        pos = _skip_space(s, pos)
        if pos >= len(s):
            break
        head = c.persons.match_at(s, pos)
        body = c.bodies.match_at(s, pos)
        if body is not None and (head is None or body[0] >= head[0]):
            end = body[0]
            return Count(
                n.start,
                n.end,
                n.value,
                n.approximate,
                "bodies",
                party or _party_after(c, s, end),
                first,
                end,
            )
        if head is not None and re.fullmatch(r"\s+of\s+the\s+", s[n.end : pos], re.I):
            # "8 of the Ukrainians freed on Tuesday were officers": a part of the freed group,
            # named by what they were (no part named: no figure of a side).
            rest = _FREED_WERE.match(s, head[0])
            if rest is not None:
                kind = c.persons.match_at(s, rest.end()) or c.modifiers.match_at(s, rest.end())
                if kind is None or kind[1] == "total":
                    return None
                hit = c.parties.match_at(s, pos)
                side = c.parties.value_of(s[pos : hit[0]]) if hit and hit[0] == head[0] else None
                count = Count(n.start, n.end, n.value, n.approximate, kind[1], side, False, n.end)
                count.is_part = True
                return count
        if head is not None:
            end, cat = head
            word = s[pos:end]
            if c.parties.match_at(s, pos) is not None and c.parties.match_at(s, pos)[0] == end:  # type: ignore[index]
                party = party or c.parties.value_of(word)
            final = category or cat
            mod = _modifier_after(c, s, end)
            if mod and (final in ("total", "soldiers", "officers") or final == cat):
                final = mod if final in ("total", "soldiers") else final
            if bodies:
                final = "bodies"
            # "22 wounded Ukrainians", "31 wounded Ukrainian soldiers": a noun may follow.
            after_party = c.parties.match_at(s, _skip_space(s, end))
            if after_party is not None and c.persons.match_at(s, _skip_space(s, after_party[0])):
                party = party or after_party[1]
                end = after_party[0]
            nxt = c.persons.match_at(s, _skip_space(s, end))
            if nxt is not None and re.match(r"\s+-\s", s[end : end + 4]):
                nxt = None  # "23 жінки - військові та цивільні": a dash opens an apposition
            if nxt is not None and _skip_space(s, end) > end:
                word2 = s[_skip_space(s, end) : nxt[0]]
                hit2 = c.parties.match_at(s, _skip_space(s, end))
                if hit2 is not None and hit2[0] == nxt[0]:
                    party = party or c.parties.value_of(word2)
                if final == "total" and nxt[1] != "total":
                    final = nxt[1]
                end = nxt[0]
            if party is None:
                party = _party_after(c, s, end)
            if _joint_group(c, s, end, final):
                final = "total"  # "4 women and children": one group of two kinds, neither's count
            fp_head = c.first_person.match_at(s, pos)
            if fp_head is not None and fp_head[0] == head[0]:
                first = True  # "95 наших": the pronoun itself is the persons noun
            count = Count(n.start, n.end, n.value, n.approximate, final, party, first, end)
            count.possessive = possessive
            if re.match(r"\s+of\s+the\s+(?:freed|released|returned|exchanged)\s", s[n.end : pos]):
                count.is_part = True  # "Sixty-one of the freed men defended Mariupol"
            if re.match(r"\s+of\s+(?:the|those)\s+$", s[n.end : pos]) and final == "total":
                # "three of the returnees are teenagers": a part named by what follows
                copula = re.match(r"\s+(?:are|were|is|was)\s+(?:also\s+)?", s[end : end + 20], re.I)
                named = c.persons.match_at(s, end + copula.end()) if copula else None
                named = named or (c.modifiers.match_at(s, end + copula.end()) if copula else None)
                if named is not None and named[1] != "total":
                    count.is_part, count.category, count.head_end = True, named[1], named[0]
            return count
        if (
            pos in starts
            and starts[pos] is not n
            and re.search(r"\bof\s+(?:the\s+)?$", s[n.end : pos], re.I)
        ):
            # "40 of the 80 soldiers ... were conscripts": a part of the group.
            whole = _count_from_noun_phrase(c, s, starts[pos], starts)
            tail = re.match(
                r"\s+(?:\w+\s+){0,4}?(?:were|are|was)\s+", s[whole.head_end :] if whole else ""
            )
            head = c.persons.match_at(s, whole.head_end + tail.end()) if whole and tail else None
            count = Count(
                n.start,
                n.end,
                n.value,
                n.approximate,
                head[1] if head else "total",
                party,
                first,
                n.end,
            )
            count.is_part = True
            return count
        if pos in starts and starts[pos] is not n and category in _STATES:
            break  # "12 seriously wounded and 2 civilians": the state is this count's noun
        if pos in starts and starts[pos] is not n and _verb_between(c, s, n.end, pos):
            return None  # "the two sides each released 95 prisoners": "two" counts no persons
        if pos in starts and starts[pos] is not n and c.additive.find(s, n.end, pos):
            break  # "246 на 246 і ще 31 пораненого": the next number is another group
        if pos in starts and starts[pos] is not n:
            # "103 Ukrainian and 103 Russian prisoners": share the next number's noun.
            shared = _count_from_noun_phrase(c, s, starts[pos], starts)
            if shared is None:
                return None
            return Count(
                n.start, n.end, n.value, n.approximate, shared.category, party, first, n.end
            )
        poss = c.possessives.match_at(s, pos)
        if poss is not None:
            possessive = True
            pos = poss[0]
            continue
        mod_hit = c.modifiers.match_at(s, pos)
        party_hit = c.parties.match_at(s, pos)
        fp = c.first_person.match_at(s, pos)
        filler = c.filler.match_at(s, pos)
        if party_hit is not None and (filler is None or party_hit[0] >= filler[0]):
            party = party or party_hit[1]
            pos = party_hit[0]
        elif fp is not None:
            first = True
            pos = fp[0]
        elif mod_hit is not None and (filler is None or mod_hit[0] >= filler[0]):
            category = category or mod_hit[1]
            pos = mod_hit[0]
        elif filler is not None:
            pos = filler[0]
        elif (place := _PLACE_WORD.match(s, pos)) is not None and c.persons.match_at(
            s, _skip_space(s, place.end())
        ):
            pos = place.end()  # "22 Kherson civilians", "40 Kharkiv residents": a place's name
        else:
            break
    if first and party is None and category is None and _first_person_only(c, s, n.end, pos):
        # "Ще 95 наших вдома", "another 95 of ours": the pronoun stands for the persons.
        return Count(n.start, n.end, n.value, n.approximate, "total", None, True, pos)
    if category in ("wounded", "seriously_wounded_or_sick") and pos > n.end:
        # "plus 15 seriously wounded": the state stands for the persons, like "15 wounded".
        return Count(n.start, n.end, n.value, n.approximate, category, party, first, pos)
    if (
        party is not None
        and re.match(r"\s*(?:[,.;:)]|and\b|$)", s[pos:])
        and _demonym_only(c, s, n.end, pos)
    ):
        # "248 Russian and 230 Ukrainian": the demonym stands for the persons.
        category = "bodies" if bodies else "total"
        return Count(n.start, n.end, n.value, n.approximate, category, party, first, pos)
    if bodies and (pos >= len(s) or not s[pos].isalpha() or pos == n.end):
        # "the bodies of 563" ends there; "the bodies of 3 miners" counts no soldiers.
        return Count(n.start, n.end, n.value, n.approximate, "bodies", party, first, n.end)
    copula = re.match(r"\s+(?:are|were|was|is)\s+(?:(?:all|also)\s+)?", s[n.end : n.end + 20], re.I)
    if copula:
        # "nine are officers", "two are women": a part named by its category.
        pos = n.end + copula.end()
        mod_hit = c.modifiers.match_at(s, pos)
        head = c.persons.match_at(s, pos)
        if head is not None or mod_hit is not None:
            category = (mod_hit or head)[1]  # type: ignore[index]
            end = (mod_hit or head)[0]  # type: ignore[index]
            count = Count(
                n.start,
                n.end,
                n.value,
                n.approximate,
                category if category != "total" else "soldiers",
                party,
                first,
                end,
            )
            count.is_part = True
            return count
    return None


_NOT_JOINABLE = ("total", "bodies", "wounded", "seriously_wounded_or_sick")


def _joint_group(c: Compiled, s: str, end: int, category: str) -> bool:
    """Whether the noun ending at ``end`` is joined to a noun of another category with no number
    of its own ("women and children", "officers and soldiers"): the count is of both together."""
    if category in _NOT_JOINABLE or c.list_joiners is None:
        return False
    for pos in range(end + 1, min(len(s), end + 16)):
        if not s[pos - 1].isspace() or not s[pos].isalpha():
            continue
        gap = s[end:pos]
        if re.search(r"\d", gap) or not re.search(r"[^\W\d_]", gap):
            continue  # "20 civilians, residents of ...": an apposition, not a second kind
        if not c.list_joiners.match(gap):
            continue
        head = c.persons.match_at(s, pos)
        if head is not None and head[1] not in (*_NOT_JOINABLE, category):
            return True
    return False


def _verb_between(c: Compiled, s: str, start: int, end: int) -> bool:
    """Whether a verb of giving, receiving, returning or exchanging lies in s[start:end]."""
    return any(table.find(s, start, end) for table in (c.give, c.receive, c.returns, c.exchange))


def _first_person_only(c: Compiled, s: str, start: int, end: int) -> bool:
    """Whether s[start:end] is one first-person word ("наших", "of ours") and a clause goes on."""
    pos = _skip_space(s, start)
    hit = c.first_person.match_at(s, pos)
    if hit is None or s[hit[0] : end].strip() or hit[0] - pos < 4:
        return False  # "we", "нас" after a number are objects, not the persons counted
    return re.match(r"\s*(?:[,.;:!?)]|$|\w)", s[end:]) is not None


def _demonym_only(c: Compiled, s: str, start: int, end: int) -> bool:
    """Whether s[start:end] holds nothing but one party word (and spaces)."""
    pos = _skip_space(s, start)
    hit = c.parties.match_at(s, pos)
    return hit is not None and not s[hit[0] : end].strip(" ,")


def _modifier_after(c: Compiled, s: str, end: int) -> str | None:
    """A category named right after the noun: "servicemen of the National Guard"."""
    m = re.match(
        r"\s*(?:of|from|(?:(?:who|that)\s+)?(?:had\s+)?defended)\s+(?:the\s+)?",
        s[end : end + 40],
        re.I,
    )
    if not m:
        return None
    hit = c.modifiers.match_at(s, end + m.end())
    return hit[1] if hit else None


def _party_after(c: Compiled, s: str, end: int) -> str | None:
    """A party named right after the noun as the persons' own: "servicemen of Ukraine"."""
    m = re.match(r"\s*(?:of|from)\s+(?:the\s+)?", s[end : end + 30], re.I)
    if not m:
        return None
    pos = end + m.end()
    hit = c.parties.match_at(s, pos)
    if hit is None:
        return None
    # "from Russian captivity" names the holder, not the persons' party.
    if c.captivity.match_at(s, _skip_space(s, hit[0])) is not None:
        return None
    if re.match(r"\s*-?\s*(?:held|controlled|occupied)", s[hit[0] : hit[0] + 15], re.I):
        return None
    if re.match(r"\s*(?:side|forces)?\s*$", s[hit[0] : hit[0] + 10]):
        pass
    return hit[1]


_FORMAT_BEFORE = re.compile(
    r"\b(?:not|never|always|rarely|seldom|usually|often|mostly|strictly|generally|typically)"
    r"\s+(?:(?:always|quite|strictly|exactly|necessarily)\s+)?(?:an?\s+)?$",
    re.I,
)


def _one_for_one_format(s: str, n: NumberSpan) -> bool:
    """"Exchanges are not always one-for-one", "swaps are usually one-for-one": a format with an
    adverb of frequency or a negation before it, not a swap of one person for one."""
    if n.value != 1 or not s[n.start : n.end].isalpha():
        return False
    start = n.start
    back = re.search(r"\bone\s*-\s*for\s*-\s*$", s[max(0, n.start - 20) : n.start], re.I)
    if back:
        start = n.start - len(back.group())
    elif not re.match(r"\s*-\s*for\s*-\s*one\b", s[n.end : n.end + 20], re.I):
        return False
    return _FORMAT_BEFORE.search(s[max(0, start - 40) : start]) is not None


def _bare_count(c: Compiled, s: str, n: NumberSpan) -> Count | None:
    """A number with no noun that still counts persons: "returned 103", "95 for 95", "103 each"."""
    if 1900 <= n.value <= 2100 and not n.approximate:
        return None
    follower = re.match(r"\s+(?=[^\W\d_])", s[n.end : n.end + 3])
    if follower and c.bare_followers.regex is not None:
        # "received 40 tanks", "freed 2 settlements": the number counts something else.
        at = n.end + follower.end()
        if c.bare_followers.match_at(s, at) is None and c.exchange.match_at(s, at) is None:
            return None
    before = s[max(0, n.start - 40) : n.start]
    after = s[n.end : n.end + 40]
    if _one_for_one_format(s, n):
        return None
    own = re.match(r"\s+", after)
    possessive = (
        bool(own) and c.possessives.match_at(s, n.end + (own.end() if own else 0)) is not None
    )
    for table in (c.give, c.receive, c.exchange, c.returns):
        for _s, e, _v in table.find(before):
            gap = before[e:]
            if re.fullmatch(
                r"\s*(?:(?:another|a\s+further|a\s+total\s+of|all|the|some|exactly|back)\s+)*",
                gap,
                re.I,
            ):
                count = Count(
                    n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True
                )
                count.possessive = possessive  # "got back 41 of its own"
                return count
    more = re.match(r"\s+more\s+", after, re.I)
    if more:
        # "307 more came home", "and 15 more who were seriously wounded": a group on top.
        at = n.end + more.end()
        state = re.match(r"(?:who|that)\s+(?:were|was|are|had\s+been)\s+", s[at : at + 30], re.I)
        mod = c.modifiers.match_at(s, at + state.end()) if state else None
        if mod is not None or c.returns.match_at(s, at) is not None:
            count = Count(
                n.start, n.end, n.value, n.approximate, mod[1] if mod else "total", None, False,
                mod[0] if mod else n.end, bare=True,
            )  # fmt: skip
            count.additive = True
            return count
    pos = _skip_space(s, n.end)
    auxiliary = re.match(
        r"(?:were|was|have\s+been|had\s+been|are|have)\s+", s[pos : pos + 20], re.I
    )
    after_aux = pos + (auxiliary.end() if auxiliary else 0)
    if c.returns.match_at(s, pos) is not None or (
        auxiliary is not None and c.give.match_at(s, after_aux) is not None
    ):
        # "246 were freed", "115 released by each country"
        return Count(n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True)
    if c.give.match_at(s, pos) is not None and re.match(r"\w+\s+by\b", s[pos:], re.I):
        return Count(n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True)
    if re.match(r"\s*(?:-|for|to)\s*-?\s*(?:\d|[a-z]+\b)", after, re.I) and re.match(
        r"\s*(?:-\s*for\s*-|for|-to-)\s*", after, re.I
    ):
        return Count(n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True)
    if re.match(
        r"\s*(?:each|apiece|per\s+side|on\s+(?:each|either|both)\s+sides?|from\s+each\s+side)\b",
        after,
        re.I,
    ):
        return Count(n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True)
    mate = re.search(r"(\d[\d,]*)\s+(?:[^\W\d]+\s+){1,3}for\s+$", before)
    if (
        re.search(r"-for-$", before, re.I)
        or (
            re.search(r"(?:-|\bfor\s+|\bto\s+)$", before)
            and re.search(r"\d\s*(?:-\s*for\s*-|\s+for\s+)$", before)
        )
        or (mate and mate.group(1).replace(",", "") == str(n.value))
    ):
        # "95 for 95", "90 prisoners for 90"
        return Count(n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True)
    to_party = re.match(
        r"\s+(?:(?:went|were\s+sent|were\s+handed)\s+)?(?:back\s+)?to\s+(?:the\s+)?", after, re.I
    )
    if to_party and c.parties.match_at(s, n.end + to_party.end()) is not None:
        # "909 were returned to Ukraine and 34 to Russia"
        return Count(n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True)
    if re.match(r"\s+(?:in\s+all|in\s+total|altogether)\b", after, re.I):
        return Count(n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True)
    of_them = re.match(
        r"\s+of\s+(?:them|whom|those|the\s+(?=(?:freed|released|returned|returnees)\b))"
        r"(?:\s*(?:freed|released|returned|returnees)(?:\s+[\w-]+){0,3}?"
        r"(?=\s+(?:were|are|was|(?:had\s+|have\s+)?defended)\b))?"
        r"\s+(?:(?:were|are|was|being)\s+)?",
        s[n.end : n.end + 60],
        re.I,
    )
    if of_them:
        # "270 of them were soldiers": a part of the group named before.
        at = n.end + of_them.end()
        head = c.persons.match_at(s, at)
        condition = c.modifiers.match_at(s, at)
        if head is None and condition is not None and condition[1] in _STATES:
            head = condition  # "20 of whom were seriously wounded": the state names the part
        defended = re.match(r"(?:had\s+|have\s+)?defended\s+(?:the\s+)?", s[at : at + 30], re.I)
        if head is None and defended:
            place = c.modifiers.match_at(s, at + defended.end())
            if place is not None and place[1] == "defenders_of_mariupol":
                head = place  # "12 of them had defended Mariupol"
        if head is None:
            # "175 of them were exchanged" is a part; "30 of them were captured" is not returned.
            if (
                c.returns.match_at(s, n.end + 1)
                or c.exchange.match_at(s, at)
                or c.give.match_at(s, at)
            ):
                count = Count(
                    n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True
                )
                count.is_part = True
                return count
            return None
        category = head[1]
        if category in ("total", "soldiers"):
            # "87 of those freed are defenders of Mariupol": the category after the noun.
            category = _modifier_after(c, s, head[0]) or category
        generic = category == "total"
        if head and generic:
            # "270 of them servicemen and 120 civilians": the generic part is the soldiers.
            category = "soldiers"
        count = Count(
            n.start, n.end, n.value, n.approximate, category, None, False, n.end, bare=True
        )
        if generic and c.soldier_words is not None:
            count.soldier_word = c.soldier_words.match_at(s, at) is not None
        count.is_part = True
        return count
    if _same_number_paired(c, s, n):
        return Count(n.start, n.end, n.value, n.approximate, "total", None, False, n.end, bare=True)
    return None


def _same_number_paired(c: Compiled, s: str, n: NumberSpan) -> bool:
    """ "95 на 95", "двісті п'ять на двісті п'ять", "по 103 з кожного боку" (uk/ru lexicons)."""
    after = re.match(r"[\s-]*", s[n.end :])
    pos = n.end + (after.end() if after else 0)
    if c.each.match_at(s, pos) is not None:
        return True
    if c.exchange_for.regex is None:
        return False
    hit = c.exchange_for.match_at(s, pos)
    if hit is not None:
        rest = s[hit[0] : hit[0] + 60]
        lead = re.match(r"[\s-]*", rest)
        mates = c.lexicon.find_numbers(rest)
        if (
            mates
            and mates[0].start == (lead.end() if lead else 0)
            and (mates[0].value == n.value or _named_exchange(c, s, n.start))
        ):
            return True
    before = s[max(0, n.start - 60) : n.start]
    for start, end, _v in c.exchange_for.find(before):
        if before[end:].strip(" -"):
            continue
        head = before[:start].rstrip(" -")
        mates = c.lexicon.find_numbers(head)
        if mates and mates[-1].end == len(head):
            first = n.start - len(before) + mates[-1].start
            if mates[-1].value == n.value or _named_exchange(c, s, first):
                return True
    return False


def _named_exchange(c: Compiled, s: str, start: int) -> bool:
    """Whether an exchange word names the pair starting at ``start`` ("обмін полоненими 207 на
    195", "обмін за формулою 248 на 230"): then two different figures are a pair too."""
    before = s[max(0, start - 40) : start]
    hits = c.exchange.find(before)
    return bool(hits) and not re.search(r"[,;:.]|\d", before[hits[-1][1] :])
