"""Who asserts each figure: reporting verbs, quotations, bylines, institutions, statements."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from powledger.extract.compose import (
    Count,
)
from powledger.extract.patterns import Compiled, actor_party


@dataclass
class Sentence:
    """A sentence's span, its paragraph and who asserts what it says."""

    start: int
    end: int
    paragraph: int
    asserted_by: str | None = None
    asserted_by_text: str | None = None


def paragraph_of(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """The paragraph index of each sentence span (a new line starts a paragraph)."""
    out = []
    para = 0
    last_end = 0
    for start, end in spans:
        if "\n" in text[last_end:start]:
            para += 1
        out.append(para)
        last_end = end
    return out


def quote_speakers(c: Compiled, text: str, sentences: list[Sentence]) -> dict[int, tuple[str, str]]:
    """Sentence index -> (actor, alias) for sentences inside a quotation whose speaker is named."""
    result: dict[int, tuple[str, str]] = {}
    for para_match in re.finditer(r"[^\n]+", text):
        line = para_match.group(0)
        base = para_match.start()
        marks = [m.start() + base for m in re.finditer(r'"', line)]
        for i in range(0, len(marks) - 1, 2):
            qs, qe = marks[i], marks[i + 1]
            inside = [j for j, s in enumerate(sentences) if s.start < qe and s.end > qs]
            if not inside:
                continue
            # The speaker is named right after the quote ("...," Zelensky wrote) or before it.
            after_end = min(
                len(text), qe + 120, text.find("\n", qe) if "\n" in text[qe:] else len(text)
            )
            # Only the sentence that closes the quote names its speaker after it: in '"...," he
            # told reporters. Zelensky later confirmed it.' the next sentence's actor is not it.
            closing = [s for s in sentences if s.start <= qe < s.end]
            if closing and closing[0].end > qe + 1:
                after_end = min(after_end, closing[0].end)
            window_after = (qe, after_end)
            first = sentences[inside[0]]
            window_before = (first.start if first.start < qs else max(base, qs - 120), qs)
            speaker = None
            for lo, hi in (window_after, window_before):
                hits = c.actors.find(text, lo, hi)
                if hits:
                    pick = hits[0] if lo == qe else hits[-1]
                    speaker = (pick[2], text[pick[0] : pick[1]])
                    break
            if speaker is not None:
                for j in inside:
                    result.setdefault(j, speaker)
    return result


class Hits:
    """Matches of one table over a whole text, found once and sliced per sentence."""

    def __init__(self, hits: list[tuple[int, int, str]]) -> None:
        self.hits = hits
        self.starts = [h[0] for h in hits]

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Matches starting in [start, end)."""
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end)
        return [h for h in self.hits[i:j] if h[1] <= end]


def actors_in(
    c: Compiled,
    text: str,
    start: int,
    end: int,
    cache: Hits | None = None,
    home: str | None = None,
) -> list[tuple[int, int, str]]:
    """Named actors in text[start:end], generic institutions resolved by the parties nearby."""
    found = cache.within(start, end) if cache is not None else c.actors.find(text, start, end)
    for pattern, by_party in c.generic_actors:
        for m in pattern.finditer(text, start, end):
            if any(a[0] <= m.start() < a[1] or m.start() <= a[0] < m.end() for a in found):
                continue
            lo = max(start, m.start() - 60)
            window = text[lo : min(end, m.end() + 60)]
            hits = c.parties.find(window) + c.mediators.find(window)
            head, tail = m.start() - lo, m.end() - lo

            def distance(h: tuple[int, int, str], head: int = head, tail: int = tail) -> int:
                # "Russia's defence ministry", "the Ministry of Defence of Russia" come first.
                return min(abs(head - h[1]), abs(h[0] - tail))

            near = [p for _s, _e, p in sorted(hits, key=distance)]
            attached = [
                p
                for hs, he, p in hits
                if (he <= head and re.fullmatch(r"(?:'s)?\s*", window[he:head]))
                or (hs >= tail and re.fullmatch(r"\s+of\s+(?:the\s+)?", window[tail:hs]))
            ]
            # "Russia's defence ministry" names its country; else the dateline's city does.
            if attached:
                near = attached + near
            elif home is not None:
                near = [home, *near]
            for party in near:
                if party in by_party:
                    found.append((m.start(), m.end(), by_party[party]))
                    break
    found.sort()
    return found


def dateline_party(c: Compiled, text: str) -> str | None:
    """The party of a dateline's city ("MOSCOW, October 18." -> Russia), if the text opens so."""
    head = text[:40]
    caps = "A-ZА-ЯЁІЇЄҐ"  # Latin and Cyrillic capitals: "MOSCOW,", "МОСКВА,", "КИЇВ,"
    m = re.match(rf"\s*([{caps}][{caps} /'-]{{2,30}}),", head)
    if not m:
        first_line = text.split("\n", 1)[0]
        m = re.match(
            rf"\s*([{caps}][{caps} /'-]{{2,30}}),", text[len(first_line) + 1 : len(first_line) + 41]
        )
    if not m:
        return None
    hits = c.parties.find(m.group(1))
    return hits[0][2] if hits else None


def find_byline(c: Compiled, text: str, sentences: list[Sentence]) -> tuple[str, str] | None:
    """An author named alone on the first line ("Volodymyr Zelensky"), or a statement's voice."""
    if sentences:
        first = text[sentences[0].start : sentences[0].end].strip()
        headline = text.split("\n", 1)[0]
        tail = re.search(r"\s[—–-]\s*([^—–\n]{2,60}?)[.\s]*$", headline)
        if "\n" in text and tail is not None:
            # A headline closing on its source: «Россия вернула 95 военных — Минобороны».
            named = actors_in(c, tail.group(1), 0, len(tail.group(1)))
            if len(named) == 1 and named[0][0] == 0 and not tail.group(1)[named[0][1] :].strip():
                return named[0][2], tail.group(1)
        hit = c.actors.match_at(first, 0)
        if hit is not None and (
            not first[hit[0] :].strip(" .:-") or re.match(r"\s*[:|,]", first[hit[0] :])
        ):
            # "Volodymyr Zelensky" alone, or "Tatyana Moskalkova: ..." opening a post.
            return hit[1], first[: hit[0]]
        head = text[sentences[0].start : sentences[0].end]
        found = actors_in(c, head, 0, len(head)) if len(first) <= 90 else []
        if found and not re.search(r"\d", head):
            # "Statement by the Ministry of Foreign Affairs of the UAE", "Ukraine's defence
            # ministry" heading a post: a few words around one institution, no figure.
            rest = head[: found[0][0]] + head[found[-1][1] :]
            if len(re.findall(r"[^\W\d_]+", rest)) <= 5:
                return found[0][2], head[found[0][0] : found[0][1]]
    if len(sentences) > 1:
        # A signature closing a post: "Volodymyr Zelensky, President of Ukraine".
        last = text[sentences[-1].start : sentences[-1].end]
        hit = c.actors.match_at(last.strip(), 0)
        rest = last.strip()[hit[0] :] if hit else ""
        short = len(re.findall(r"[^\W\d_]+", rest)) <= 5
        if hit and not short:
            # "Татьяна Москалькова, Уполномоченный по правам человека в Российской Федерации":
            # a long title that names the same actor again.
            titles = actors_in(c, rest, 0, len(rest))
            short = bool(titles) and {t[2] for t in titles} == {hit[1]}
        # "Volodymyr Zelensky, President of Ukraine" signs; "Putin did not comment." does not.
        signed = not rest.strip(" .") or re.match(r"\s*[,(|/-]", rest) is not None
        if hit and short and signed and not re.search(r"\d", rest) and not c.reporting.find(rest):
            return hit[1], last.strip()[: hit[0]]
    if not c.actors.find(text):
        for pattern, actor in c.voice:
            m = pattern.search(text)
            if m:
                return actor, m.group(0)
    return None


def attribute(c: Compiled, text: str, sentences: list[Sentence]) -> None:
    """Set ``asserted_by`` on every sentence that has a speaker (named, quoted, carried over)."""
    quotes = quote_speakers(c, text, sentences)
    byline = find_byline(c, text, sentences)
    last: tuple[str, str] | None = None
    last_para = -1
    actor_hits = Hits(c.actors.find(text))
    cue_hits = Hits(c.reporting.find(text))
    anaphora = Hits(c.anaphoric.find(text))
    home = dateline_party(c, text)
    for j, sent in enumerate(sentences):
        actors = actors_in(c, text, sent.start, sent.end, actor_hits, home)
        cues = cue_hits.within(sent.start, sent.end)
        # "Ukrainian ombudsman Dmytro Lubinets: '...'": the actor right before a colon speaks.
        colon = [a for a in actors if re.match(r"\s*:", text[a[1] : a[1] + 3])]
        prev = sentences[j - 1] if j > 0 else None
        speaking, free = _speaking(c, text, actors, cues)
        if speaking and (free or colon):
            anchor = free[0][0] if free else colon[0][0]
            pick = min(speaking, key=lambda a: abs(a[0] - anchor))
            sent.asserted_by, sent.asserted_by_text = pick[2], text[pick[0] : pick[1]]
            title = text[pick[0] : pick[1]][:1].islower() or text.startswith("the ", pick[0])
            before = _NAME_BEFORE_APPOSITIVE.search(text, max(sent.start, pick[0] - 60), pick[0])
            named = _speaker_name(c, before.group("name"), True) if before and title else None
            if named and not c.actors.find(named):
                # "Olena Kovalenko, the head of Zelensky's office, said": the person named.
                sent.asserted_by = sent.asserted_by_text = named
        elif actors and cues and not speaking:
            pass  # "Kyiv said ..., a day after Zelensky met ...": the party speaks, not Zelensky
        elif j in quotes:
            sent.asserted_by, sent.asserted_by_text = quotes[j]
        elif (
            not actors and cues and (named := unlisted_speaker(c, text, sent.start, sent.end, cues))
        ):
            # "Armenian Deputy Foreign Minister Aram Sargsyan said ...": a speaker not in the
            # actor list is still the source, by the name the report gives.
            sent.asserted_by = sent.asserted_by_text = named
        elif last is not None and anaphora.within(sent.start, sent.end):
            sent.asserted_by, sent.asserted_by_text = last
        elif (
            last is not None
            and prev is not None
            and prev.asserted_by is not None
            and (sent.paragraph == prev.paragraph or text[prev.start : prev.end].endswith(":"))
            and not actors
            and not cues
        ):
            # A statement goes on in the same paragraph until someone else is named; after
            # "wrote on Telegram:" it goes on into the next line.
            sent.asserted_by, sent.asserted_by_text = last
        elif byline is not None and not cues and all(a[2] == byline[0] for a in actors):
            # No one else named ("… — Минобороны" names the byline's own actor).
            sent.asserted_by, sent.asserted_by_text = byline
        if actors:
            last = (actors[-1][2], text[actors[-1][0] : actors[-1][1]])
            last_para = sent.paragraph
        if sent.asserted_by is not None:
            last = (sent.asserted_by, sent.asserted_by_text or sent.asserted_by)
            last_para = sent.paragraph
    del last_para
    if c.lexicon.carry_back_attribution:
        _carry_back(c, text, sentences, actor_hits, cue_hits)


def party_cues(
    c: Compiled,
    text: str,
    start: int,
    end: int,
    actors: list[tuple[int, int, str]],
    cues: list[tuple[int, int, str]],
) -> list[tuple[int, int, str]]:
    """Spans where a party itself is the source in text[start:end]: "Kyiv said", "Ukrainian
    officials said", "according to Moscow" (the span runs from the party to the verb).

    A party inside an actor's name ("Ukraine's defence ministry said", "the defence ministry in
    Moscow said") is not one.
    """
    out = []
    for ps, pe, party in c.parties.find(text, start, end):
        m = re.match(
            r"\s*(?:officials?\s+|authorities\s+|side\s+|government\s+)?", text[pe : pe + 20]
        )
        pos = pe + (m.end() if m else 0)
        verb = [q for q in cues if q[0] == pos]
        span = (ps, verb[0][1]) if verb else None
        if not verb and re.search(
            r"according\s+to\s+(?:the\s+)?$", text[max(0, ps - 20) : ps], re.I
        ):
            verb = [q for q in cues if q[1] <= ps and ps - q[1] < 8]
            span = (verb[0][0], pe) if verb else None
        if span is None:
            continue
        if any(
            a[0] <= ps < a[1] or re.fullmatch(r"\s+(?:in|of)\s+(?:the\s+)?", text[a[1] : ps])
            for a in actors
        ):
            continue
        out.append((span[0], span[1], party))
    for m in _GENERIC_SOURCE.finditer(text, start, end):
        verb = [q for q in cues if m.start("verb") == q[0]]
        if verb:
            out.append((m.start(), verb[0][1], ""))
    return out


#: Sources that name no one: "officials in both capitals said", "sources said".
_GENERIC_SOURCE = re.compile(
    r"\b(?:officials|authorities|sources|both\s+sides|the\s+two\s+sides|diplomats)"
    r"(?:\s+(?!said\b|says\b)[\w-]+){0,3}?\s+(?P<verb>said|say|says|reported|confirmed)\b",
    re.I,
)


_CAPS = r"[A-Z][\w'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'-]*){0,6}"
_SPEAKER_BEFORE = re.compile(rf"(?<![\w'-])(?P<name>{_CAPS})(?:,\s+[^,;]{{3,90}},)?\s*$")
_SPEAKER_AFTER = re.compile(rf"\s*(?:the\s+)?(?P<name>{_CAPS})")


_NAME_BEFORE_APPOSITIVE = re.compile(
    r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,2}),\s+(?:the\s+|a\s+)?$"
)


def unlisted_speaker(
    c: Compiled, text: str, start: int, end: int, cues: list[tuple[int, int, str]]
) -> str | None:
    """The name of a speaker who is not in the actor list, read off a reporting verb:
    "<Title> <Name> said", "<Name>, <a description>, said", "said <Name>", "The Israel Prison
    Service said". People and organisations only: a party ("Kyiv said"), an outlet ("TASS
    reported") or a lower-case description ("officials said") gives None."""
    lx = c.lexicon
    if not lx.speaker_verbs:
        return None
    for q0, q1, _v in cues:
        if text[q0:q1].lower() not in lx.speaker_verbs:
            continue
        m = _SPEAKER_BEFORE.search(text, max(start, q0 - 140), q0)
        phrase = m.group("name") if m else None
        if phrase is None and q1 < end:
            after = _SPEAKER_AFTER.match(text, q1, min(end, q1 + 80))
            phrase = after.group("name") if after else None
        name = _speaker_name(c, phrase) if phrase else None
        if name:
            return name
    return None


def _speaker_name(c: Compiled, phrase: str, person_only: bool = False) -> str | None:
    lx = c.lexicon
    words = phrase.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or re.sub(r"'s$", "", words[-1].lower()) in lx.outlet_words:
        return None
    if words[-1].lower() in lx.organisation_words:
        if person_only:
            return None
        return " ".join(words) if len(words) >= 2 else None
    # A person: the capitalised words after the last title word, two or three of them.
    name: list[str] = []
    for word in reversed(words):
        if word.lower() in lx.speaker_titles or len(name) == 3:
            break
        name.insert(0, word)
    if len(name) < 2 or c.parties.find(" ".join(name)) or c.mediators.find(" ".join(name)):
        return None
    return " ".join(name)


def _speaking(
    c: Compiled, text: str, actors: list[tuple[int, int, str]], cues: list[tuple[int, int, str]]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """The actors that may speak a sentence's reporting verbs, and the verbs left to them.

    A verb whose subject is a party ("Kyiv said", "Moscow says") belongs to the party: a named
    official elsewhere in the sentence only speaks through another verb ("Moscow says ...;
    Zelensky says ..."). An observer (the ICRC) speaks only as the verb's own subject ("the
    ICRC said"), not when it merely took part ("handed over to the Red Cross").
    """
    if not actors or not cues:
        return actors, cues
    kept = []
    for a in actors:
        if actors_data_kind(a[2]) == "observer" and not any(
            re.fullmatch(r"[\s,]*(?:has\s+|had\s+)?", text[a[1] : q[0]])
            or re.fullmatch(r"\s*(?:the\s+)?", text[q[1] : a[0]])
            for q in cues
        ):
            continue
        kept.append(a)
    lo = min(min(a[0] for a in actors), cues[0][0])
    hi = max(max(a[1] for a in actors), cues[-1][1])
    taken = party_cues(c, text, max(0, lo - 40), hi, actors, cues)
    free = [q for q in cues if not any(t[0] <= q[0] and q[1] <= t[1] for t in taken)]
    if not free:
        return [], []
    # An actor speaks a free verb only when it is nearer to it than any party's own verb.
    speaking = []
    for a in kept:
        gap = min(min(abs(a[0] - q[1]), abs(q[0] - a[1])) for q in free)
        party_gap = min((min(abs(a[0] - t[1]), abs(t[0] - a[1])) for t in taken), default=10**6)
        if gap <= party_gap or not taken:
            speaking.append(a)
    return speaking, free


def actors_data_kind(name: str) -> str | None:
    """The kind of a named actor ("official", "agency", "observer"), if it is one."""
    from powledger.extract import actors_data

    entry = actors_data.SPEAKERS.get(name)
    return entry[0] if entry else None


def _carry_back(
    c: Compiled, text: str, sentences: list[Sentence], actor_hits: Hits, cue_hits: Hits
) -> None:
    """ "95 defenders are home. Among them are 10 officers, the Coordination Headquarters
    reports.": a source named at the very end of a sentence speaks for the unattributed
    sentences before it in the same paragraph."""
    for j, sent in enumerate(sentences):
        if sent.asserted_by is None or j == 0:
            continue
        actors = actor_hits.within(sent.start, sent.end)
        if not actors or not cue_hits.within(sent.start, sent.end):
            continue
        tail = text[actors[-1][1] : sent.end]
        cue_tail = cue_hits.within(actors[-1][1], sent.end)
        if len(tail) > 30 or not (cue_tail or c.reporting.find(text, sent.start, actors[-1][0])):
            continue
        rest = tail
        for c0, c1, _v in reversed(cue_tail):
            # "... Зеленський у телеграмі.": a reporting phrase after the name is no content.
            rest = rest[: c0 - actors[-1][1]] + rest[c1 - actors[-1][1] :]
        if text[sent.start : actors[-1][0]].count(",") == 0 and len(rest.strip(" .")) > 10:
            continue
        k = j - 1
        paragraph = sent.paragraph
        if (
            sentences[k].paragraph != paragraph
            and (j + 1 == len(sentences) or sentences[j + 1].paragraph != paragraph)
            and not re.search(r"\d", text[sent.start : sent.end])
            and sent.end - sent.start <= 160
        ):
            # "Про це повідомив Зеленський." as a paragraph of its own: it speaks for the
            # paragraph before it.
            paragraph = sentences[k].paragraph
        while k >= 0 and sentences[k].paragraph == paragraph:
            if sentences[k].asserted_by is not None:
                break
            if cue_hits.within(sentences[k].start, sentences[k].end):
                break  # "..., Ukrainian officials said.": that sentence has its own source
            sentences[k].asserted_by = sent.asserted_by
            sentences[k].asserted_by_text = sent.asserted_by_text
            k -= 1


def voice_party(sentences: list[Sentence]) -> str | None:
    """The party the document's speakers mostly speak for, or None."""
    parties: Counter[str] = Counter()
    for s in sentences:
        if s.asserted_by:
            party = actor_party(s.asserted_by)
            if party:
                parties[party] += 1
    return parties.most_common(1)[0][0] if parties else None


def party_speaker(
    c: Compiled, s: str, parties: list[tuple[int, int, str]], counts: list[Count] | None = None
) -> str | None:
    """The party that speaks in "Kyiv said ...", "Ukraine says ...", "according to Moscow"."""
    for start, end, party in parties:
        # "1,212 people that Russia says are soldiers": a claim about the count, not the report.
        if counts and any(
            k.head_end <= start <= k.head_end + 12
            and not re.search(r"[,;:]", s[k.head_end : start])
            for k in counts
        ):
            continue
        m = re.match(r"\s*(?:officials?\s+|authorities\s+|side\s+)?", s[end:])
        pos = end + (m.end() if m else 0)
        nouns = 0
        for _word in range(6):
            # "the Russian ombudswoman said", "Russian state news agency TASS reported",
            # "Russian Defence Minister Andrei Belousov said" (a name after a title)
            noun = c.speaker_nouns.match_at(s, pos)
            acronym = re.match(r"[A-Z]{2,6}\b", s[pos : pos + 7])
            name = re.match(r"[A-Z][a-z'-]+\b", s[pos : pos + 30]) if nouns else None
            if noun is not None:
                end = noun[0]
                nouns += 1
            elif acronym is not None:
                end = pos + acronym.end()
            elif name is not None:
                end = pos + name.end()
            else:
                break
            gap = re.match(r"[\s,]*", s[end:])
            pos = end + (gap.end() if gap else 0)
        if c.reporting.match_at(s, pos) is not None:
            return party
        if re.search(r"according\s+to\s+(?:the\s+)?$", s[max(0, start - 20) : start], re.I):
            return party
    return None
