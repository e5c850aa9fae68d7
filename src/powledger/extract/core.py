"""The extraction pipeline for one document: normalise, split, tag, compose, attribute, assemble."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from powledger.extract.assemble import assemble
from powledger.extract.base import DateSpan, Lexicon, NumberSpan, get_lexicon
from powledger.extract.compose import (
    NOUN_TRIGGERS,
    Candidate,
    Count,
    SentenceView,
    decide_side,
    find_counts,
)
from powledger.extract.patterns import Compiled, actor_party, compile_lexicon
from powledger.extract.prefilter import has_strong_word, looks_relevant
from powledger.extract.text import normalise, split_sentences
from powledger.models import CleanDocument, DocumentExtraction

EXTRACTOR = "powledger.rules"
#: The largest number of persons one side has received in one Russia-Ukraine exchange, with room.
LARGEST_PLAUSIBLE = 1250
#: Side rules that guess from the report's voice rather than from the words around a count.
WEAK_RULES = frozenset({"rule_voice", "none"})
EXTRACTOR_VERSION = "1.0"

_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'-]{1,40},?\s*(?:[A-Za-z]+,?\s*)?(?=[A-Z][a-z]{2,8}\.?\s+\d)"
)
_YEAR = re.compile(r"^\d{4}")
_THEY_INCLUDE = re.compile(
    r"(?:they|those|the\s+\w+)\s+(?:returned\s+|freed\s+|released\s+)?(?:include|included|are|were)\b",
    re.I,
)
_N_FOR_N = re.compile(r"\d\s*(?:-\s*for\s*-\s*|\s+for\s+)\d")


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int
    asserted_by: str | None = None
    asserted_by_text: str | None = None


def parse_published(published: str | None) -> date | None:
    """The publication date as a date (ISO prefix "2024-09-14..."), or None."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def extract_document(
    text: str,
    *,
    published: str | None = None,
    language: str | None = None,
    doc_id: str | None = None,
) -> DocumentExtraction:
    """Extract the exchanges a document reports (pure: no I/O, never raises on any text)."""
    lang = (language or "en").lower()
    lexicon = get_lexicon(lang) or get_lexicon("en")
    assert lexicon is not None
    pub_date = parse_published(published)
    empty = DocumentExtraction(
        id=doc_id,
        language=lang,
        published=published,
        extractor=EXTRACTOR,
        extractor_version=EXTRACTOR_VERSION,
    )
    if not text or not looks_relevant(text, lexicon):
        return empty
    ntext = normalise(text)
    candidates, mediators, dateline = _candidates(ntext, lexicon, pub_date)
    if not has_strong_word(text, lexicon):
        # Words of return alone ("thousands of Ukrainians returned home") also describe
        # refugees: without a word of captivity or exchange, only a named side and a number count.
        candidates = [
            k for k in candidates
            if (k.count.value is not None or k.rule == "rule_unnumbered_plan")
            and k.rule != "rule_unnumbered"
            and not (k.rule == "rule_voice" and k.count.category == "total" and not k.count.is_part)
        ]  # fmt: skip
    if not candidates:
        return empty
    exchanges, planned = assemble(text, candidates, mediators, dateline, pub_date)
    return DocumentExtraction(
        id=doc_id,
        language=lang,
        published=published,
        exchanges=tuple(exchanges),
        planned=tuple(planned),
        extractor=EXTRACTOR,
        extractor_version=EXTRACTOR_VERSION,
    )


def _paragraph_of(text: str, spans: list[tuple[int, int]]) -> list[int]:
    out = []
    para = 0
    last_end = 0
    for start, end in spans:
        if "\n" in text[last_end:start]:
            para += 1
        out.append(para)
        last_end = end
    return out


def _quote_speakers(
    c: Compiled, text: str, sentences: list[_Sentence]
) -> dict[int, tuple[str, str]]:
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


class _Hits:
    """Matches of one table over a whole text, found once and sliced per sentence."""

    def __init__(self, hits: list[tuple[int, int, str]]) -> None:
        self.hits = hits
        self.starts = [h[0] for h in hits]

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Matches starting in [start, end)."""
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end)
        return [h for h in self.hits[i:j] if h[1] <= end]


def _actors_in(
    c: Compiled,
    text: str,
    start: int,
    end: int,
    cache: _Hits | None = None,
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


def _dateline_party(c: Compiled, text: str) -> str | None:
    """The party of a dateline's city ("MOSCOW, October 18." -> Russia), if the text opens so."""
    head = text[:40]
    m = re.match(r"\s*([A-Z][A-Z /'-]{2,30}),", head)
    if not m:
        first_line = text.split("\n", 1)[0]
        m = re.match(
            r"\s*([A-Z][A-Z /'-]{2,30}),", text[len(first_line) + 1 : len(first_line) + 41]
        )
    if not m:
        return None
    hits = c.parties.find(m.group(1))
    return hits[0][2] if hits else None


def _byline(c: Compiled, text: str, sentences: list[_Sentence]) -> tuple[str, str] | None:
    """An author named alone on the first line ("Volodymyr Zelensky"), or a statement's voice."""
    if sentences:
        first = text[sentences[0].start : sentences[0].end].strip()
        hit = c.actors.match_at(first, 0)
        if hit is not None and (
            not first[hit[0] :].strip(" .:-") or re.match(r"\s*[:|,]", first[hit[0] :])
        ):
            # "Volodymyr Zelensky" alone, or "Tatyana Moskalkova: ..." opening a post.
            return hit[1], first[: hit[0]]
    if not c.actors.find(text):
        for pattern, actor in c.voice:
            m = pattern.search(text)
            if m:
                return actor, m.group(0)
    return None


def _attribute(c: Compiled, text: str, sentences: list[_Sentence]) -> None:
    quotes = _quote_speakers(c, text, sentences)
    byline = _byline(c, text, sentences)
    last: tuple[str, str] | None = None
    last_para = -1
    actor_hits = _Hits(c.actors.find(text))
    cue_hits = _Hits(c.reporting.find(text))
    anaphora = _Hits(c.anaphoric.find(text))
    home = _dateline_party(c, text)
    for j, sent in enumerate(sentences):
        actors = _actors_in(c, text, sent.start, sent.end, actor_hits, home)
        cues = cue_hits.within(sent.start, sent.end)
        colon = actors and re.match(r"\s*:", text[actors[0][1] : actors[0][1] + 3])
        prev = sentences[j - 1] if j > 0 else None
        if actors and (cues or colon):
            anchor = cues[0][0] if cues else actors[0][0]
            pick = min(actors, key=lambda a: abs(a[0] - anchor))
            sent.asserted_by, sent.asserted_by_text = pick[2], text[pick[0] : pick[1]]
        elif j in quotes:
            sent.asserted_by, sent.asserted_by_text = quotes[j]
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
        elif byline is not None and not actors and not cues:
            sent.asserted_by, sent.asserted_by_text = byline
        if actors:
            last = (actors[-1][2], text[actors[-1][0] : actors[-1][1]])
            last_para = sent.paragraph
        if sent.asserted_by is not None:
            last = (sent.asserted_by, sent.asserted_by_text or sent.asserted_by)
            last_para = sent.paragraph
    del last_para


def _doc_pair(c: Compiled, text: str) -> tuple[str, str]:
    counts: Counter[str] = Counter(v for _s, _e, v in c.parties.find(text))
    pairs = {
        ("Russia", "Ukraine"): counts["Russia"] + counts["Ukraine"],
        ("Hamas", "Israel"): counts["Israel"] + counts["Hamas"],
        ("Armenia", "Azerbaijan"): counts["Armenia"] + counts["Azerbaijan"],
    }
    if counts["United States"] and counts["Russia"] and not counts["Ukraine"]:
        pairs[("Russia", "United States")] = counts["United States"] + counts["Russia"]
    if counts["United States"] and counts["Iran"]:
        pairs[("Iran", "United States")] = counts["United States"] + counts["Iran"]
    best = max(pairs.items(), key=lambda kv: kv[1])
    return best[0] if best[1] > 0 else ("Russia", "Ukraine")


def _sentence_pair(parties: set[str], default: tuple[str, str]) -> tuple[str, str]:
    if parties & {"Israel", "Hamas"}:
        return ("Hamas", "Israel")
    if parties & {"Armenia", "Azerbaijan"}:
        return ("Armenia", "Azerbaijan")
    if "Iran" in parties and "United States" in parties:
        return ("Iran", "United States")
    if "United States" in parties and "Russia" in parties and "Ukraine" not in parties:
        return ("Russia", "United States")
    if parties & {"Russia", "Ukraine"}:
        return ("Russia", "Ukraine")
    return default


def _dateline(c: Compiled, text: str, published: date | None) -> DateSpan | None:
    head = text[:200]
    m = _DATELINE.match(head)
    if not m:
        return None
    dates = c.lexicon.find_dates(head[m.end() : m.end() + 40], published)
    if dates and dates[0].start == 0 and dates[0].iso:
        d = dates[0]
        return DateSpan(d.start + m.end(), d.end + m.end(), d.iso, d.precision, d.relative)
    return None


def _voice_party(sentences: list[_Sentence]) -> str | None:
    parties: Counter[str] = Counter()
    for s in sentences:
        if s.asserted_by:
            party = actor_party(s.asserted_by)
            if party:
                parties[party] += 1
    return parties.most_common(1)[0][0] if parties else None


def _governed(c: Compiled, s: str, start: int) -> bool:
    """Whether a trigger at ``start`` is governed by a modal ("will return", "agreed to swap")."""
    before = s[max(0, start - 45) : start]
    # Only the words since the last punctuation or number can govern the verb.
    tail = re.split(r"[,;:.!?()\d]", before)[-1]
    if re.search(r"\b(?:to|for)\s+(?:an?|the|another)\s+(?:new\s+|further\s+)?$", tail, re.I):
        return True  # "carrying prisoners to an exchange": a purpose, not an event
    words = re.findall(r"[\w'-]+", tail)[-3:]
    return bool(words) and bool(c.modal.find(" ".join(words)))


def _candidates(
    text: str, lexicon: Lexicon, published: date | None
) -> tuple[list[Candidate], list[tuple[int, str]], DateSpan | None]:
    c = compile_lexicon(lexicon)
    spans = split_sentences(text)
    paras = _paragraph_of(text, spans)
    sentences = [_Sentence(s, e, p) for (s, e), p in zip(spans, paras, strict=True)]
    dateline = _dateline(c, text, published)
    reference = published
    if reference is None and dateline is not None and dateline.iso and len(dateline.iso) == 10:
        reference = date.fromisoformat(dateline.iso)
    # Pass 1 (cheap): which sentences may state a figure at all.
    trigger_starts = [m.start() for m in c.triggers.finditer(text)] if c.triggers else []
    interesting: list[tuple[_Sentence, str, list[Count], bool, bool, bool]] = []
    last_trigger_para, last_trigger_end = -1, -10
    any_trigger = False
    for sent in sentences:
        i = bisect_left(trigger_starts, sent.start)
        has_trigger = i < len(trigger_starts) and trigger_starts[i] < sent.end
        any_trigger = any_trigger or has_trigger
        local = text[sent.start : sent.end]
        part_start = bool(c.parts.match_at(local, 0) or _THEY_INCLUDE.match(local))
        led_by_date = False
        if not has_trigger and re.search(r"[:-]", local[:40]):
            first_dates = lexicon.find_dates(local[:40], reference)
            # "Sunday, May 25: the last 303 on each side" (a date, then a colon or dash).
            led_by_date = (
                bool(first_dates)
                and first_dates[0].start <= 2
                and any(
                    d.start <= 20 and re.match(r"\s*[:-]", local[d.end : d.end + 3])
                    for d in first_dates
                )
            )
        carried = (
            not has_trigger
            and last_trigger_para == sent.paragraph
            and last_trigger_end >= sent.start - 3
        )
        if has_trigger:
            last_trigger_para, last_trigger_end = sent.paragraph, sent.end
        if not (has_trigger or led_by_date or carried or part_start or _N_FOR_N.search(local)):
            continue
        numbers = _numbers_outside_dates(lexicon, local, reference)
        counts = find_counts(c, local, numbers)
        if not counts and (led_by_date or carried):
            # "Yesterday - 390. Today - 307." after "307 of our people are home today".
            for n in numbers:
                label = local[: n.start]
                if re.search(r"[:-]\s*$", label) and lexicon.find_dates(label, reference):
                    counts.append(
                        Count(
                            n.start,
                            n.end,
                            n.value,
                            n.approximate,
                            "total",
                            None,
                            False,
                            n.end,
                            bare=True,
                        )
                    )
                    carried = any_trigger  # the verb is in the report's earlier lines
        if counts or has_trigger:
            interesting.append((sent, local, counts, has_trigger, carried, part_start))
    if not any_trigger and not any(counts for _s, _l, counts, *_rest in interesting):
        return [], [], dateline
    # Pass 2: attribution, parties and the side rules on the sentences that matter.
    _attribute(c, text, sentences)
    default_pair = _doc_pair(c, text)
    voice = _voice_party(sentences)
    if voice not in default_pair:
        voice = "Ukraine" if "Ukraine" in default_pair else None
    out: list[Candidate] = []
    mediators: list[tuple[int, str]] = []
    cue_starts = _Hits(c.mediation.find(text))
    for sent in sentences:
        if cue_starts.within(sent.start, sent.end):
            for med in _mediators(c, text[sent.start : sent.end]):
                mediators.append((sent.start, med))
    previous_sentence_side: list[Candidate] = []
    trigger_dates: list[DateSpan] = []
    report_dates: list[DateSpan] = []
    for sent, local, counts, has_trigger, carried, part_start in interesting:
        if has_trigger:
            found = event_dates(c, local, reference, report_dates)
            trigger_dates.extend(
                DateSpan(d.start + sent.start, d.end + sent.start, d.iso, d.precision, d.relative)
                for d in found
                if d.iso and not _inside(d, dateline, sent.start)
            )
        if not counts:
            continue
        orphan_part = not (has_trigger or carried) and part_start and not previous_sentence_side
        if orphan_part and not (
            _N_FOR_N.search(local) or lexicon.find_dates(local[:40], reference)
        ):
            continue
        parties = c.parties.find(local)
        pair = _sentence_pair(
            {p[2] for p in parties} | {k.party for k in counts if k.party}, default_pair
        )
        triggers = _outermost(
            c.receive.find(local)
            + c.returns.find(local)
            + c.return_nouns.find(local)
            + c.give.find(local)
            + c.exchange.find(local)
        )
        if carried and not triggers:
            # "We bring our people home. 115 Ukrainians!": the verb is in the sentence before.
            triggers = [(0, 0, "return")]
        speaker_party = actor_party(sent.asserted_by) if sent.asserted_by else None
        if speaker_party is None:
            speaker_party = _party_speaker(c, local, parties, counts)
        view = SentenceView(c, local, counts, parties, triggers, speaker_party, voice, pair)
        sentence_out = _sentence_candidates(
            c,
            view,
            sent,
            text,
            reference,
            published,
            part_start and not has_trigger,
            previous_sentence_side,
            dateline,
        )
        if sentence_out and sent.asserted_by is None and speaker_party is not None:
            for cand in sentence_out:
                cand.extra["party_speaker"] = speaker_party
        if sentence_out:
            out.extend(sentence_out)
            heads = [k for k in sentence_out if not k.count.is_part]
            previous_sentence_side = heads or [k for k in sentence_out if k.side or k.both]
    out.extend(_echoes(c, lexicon, text, sentences, out))
    # "Russia said it got back 150 soldiers ... The Russian defence ministry said ...": the
    # party speaks through the body the same report names for it.
    voices: dict[str, tuple[str, str]] = {}
    for sent in sentences:
        if sent.asserted_by and actor_party(sent.asserted_by):
            voices.setdefault(
                actor_party(sent.asserted_by) or "", (sent.asserted_by, sent.asserted_by_text or "")
            )
    for cand in out:
        party = cand.extra.get("party_speaker")
        if cand.asserted_by is None and isinstance(party, str) and party in voices:
            cand.asserted_by, cand.asserted_by_text = voices[party]
    if not any(cand.planned for cand in out):
        out.extend(_unnumbered_plan(c, text, sentences, default_pair))
    elif c.plan_phrases.find(text):
        # "... and Kyiv still wants an all-for-all swap": a second, open-ended plan.
        out.extend(_unnumbered_plan(c, text, sentences, default_pair, phrases_only=True))

    def usable(found: list[DateSpan]) -> list[DateSpan]:
        return [
            d for d in found
            if d.iso and (published is None or len(d.iso) != 10
                          or date.fromisoformat(d.iso) <= published + timedelta(days=1))
        ]  # fmt: skip

    # Fallbacks for the main event's date: the dateline, the report's own date ("said on
    # Friday"), then a date in the lead.
    lead_end = sentences[min(2, len(sentences) - 1)].end if sentences else 0
    for fallback in (
        usable(report_dates),
        usable(_date_before(c, text, sentences, out, reference)),
        usable([d for d in trigger_dates if d.start < lead_end]),
        usable(event_dates(c, text[: sentences[0].end], reference) if sentences else []),
    ):
        if dateline is None and fallback:
            dateline = fallback[0]
    if dateline is None and published is not None and c.present.find(text):
        # An official post saying "are home" or "today" speaks of its own day.
        dateline = DateSpan(0, 0, published.isoformat(), "day", True)
    if not out:
        out = _unnumbered(c, text, sentences[:4], default_pair)
    return out, mediators, dateline


def _echoes(
    c: Compiled, lexicon: Lexicon, text: str, sentences: list[_Sentence], found: list[Candidate]
) -> list[Candidate]:
    """A named speaker repeating a figure already found ("the ministry said the 195 servicemen
    would be flown to Moscow") asserts it too."""
    used = {cand.sentence for cand in found}
    by_value: dict[int, Candidate] = {}
    for cand in found:
        if cand.count.value and cand.count.value > 2 and not cand.count.is_part:
            by_value.setdefault(cand.count.value, cand)
    echoes: list[Candidate] = []
    for sent in sentences:
        if (sent.start, sent.end) in used or sent.asserted_by is None:
            continue
        local = text[sent.start : sent.end]
        if not c.reporting.find(local):
            continue
        for n in lexicon.find_numbers(local):
            model = by_value.get(n.value)
            if model is None or not re.search(
                r"(?:the|these|those|all)\s+$", local[: n.start], re.I
            ):
                continue
            if model.asserted_by == sent.asserted_by:
                continue
            count = Count(n.start, n.end, n.value, n.approximate, model.count.category,
                          model.count.party, False, n.end)  # fmt: skip
            echo = Candidate(
                count, model.side, "rule_echo", (sent.start, sent.end), both=model.both
            )
            echo.parties, echo.planned, echo.previous = model.parties, model.planned, model.previous
            echo.previous_days, echo.date = model.previous_days, model.date
            echo.asserted_by, echo.asserted_by_text = sent.asserted_by, sent.asserted_by_text
            echoes.append(echo)
            break
    return echoes


def _unnumbered_plan(
    c: Compiled,
    text: str,
    sentences: list[_Sentence],
    pair: tuple[str, str],
    phrases_only: bool = False,
) -> list[Candidate]:
    """ "Both sides agreed to exchange all seriously wounded prisoners": a plan without a number."""
    for sent in sentences:
        s = text[sent.start : sent.end]
        triggers = c.exchange.find(s) + c.give.find(s) + c.return_nouns.find(s)
        if c.plan_phrases.find(s) and triggers and not c.trial.find(s):
            # "ready for an exchange on the all-for-all principle"
            count = Count(
                triggers[0][0], triggers[0][1], None, False, "total", None, False, triggers[0][1]
            )
            cand = Candidate(count, None, "rule_unnumbered_plan", (sent.start, sent.end))
            cand.parties, cand.planned = pair, True
            cand.asserted_by, cand.asserted_by_text = sent.asserted_by, sent.asserted_by_text
            cand.extra["unnumbered"] = True
            return [cand]
        if phrases_only:
            continue
        if not triggers or not c.plan.find(s) or c.trial.find(s) or c.not_exchange.find(s):
            continue
        if not any(_governed(c, s, t[0]) for t in triggers):
            continue
        if not (c.persons.find(s) or c.bodies.find(s)):
            continue
        parties = {p for _s, _e, p in c.parties.find(s)}
        if parties and not parties & set(pair):
            continue
        count = Count(
            triggers[0][0], triggers[0][1], None, False, "total", None, False, triggers[0][1]
        )
        cand = Candidate(count, None, "rule_unnumbered_plan", (sent.start, sent.end))
        cand.parties, cand.planned = pair, True
        cand.asserted_by, cand.asserted_by_text = sent.asserted_by, sent.asserted_by_text
        cand.extra["unnumbered"] = True
        return [cand]
    return []


def _unnumbered(
    c: Compiled, text: str, lead: list[_Sentence], pair: tuple[str, str]
) -> list[Candidate]:
    """ "Ukrainian servicemen under 25 returned home": an exchange reported without a number."""
    for sent in lead:
        s = text[sent.start : sent.end]
        triggers = c.returns.find(s) + c.receive.find(s) + c.give.find(s)
        if not triggers or any(_governed(c, s, t[0]) for t in triggers) or c.plan.find(s):
            continue
        if c.trial.find(s) or c.not_exchange.find(s):
            continue
        for start, end, _cat in c.persons.find(s):
            before = s[max(0, start - 30) : start]
            parties = c.parties.find(before)
            party = parties[-1][2] if parties and not before[parties[-1][1] :].strip(" -") else None
            if party is None:
                tail = re.match(r"\s+of\s+(?:the\s+)?", s[end : end + 12])
                hit = c.parties.match_at(s, end + tail.end()) if tail else None
                party = hit[1] if hit else None
            if party in pair:
                count = Count(start, end, None, False, "total", party, False, end)
                cand = Candidate(count, party, "rule_unnumbered", (sent.start, sent.end))
                cand.parties = pair
                cand.asserted_by = sent.asserted_by
                cand.extra["unnumbered"] = True
                return [cand]
    return []


def _numbers_outside_dates(lexicon: Lexicon, s: str, reference: date | None) -> list[NumberSpan]:
    """Numbers of ``s`` that are not part of a date ("Sept 18", "30 December 2024")."""
    numbers = lexicon.find_numbers(s)
    if not numbers:
        return numbers
    dates = lexicon.find_dates(s, reference)
    return [n for n in numbers if not any(d.start <= n.start < d.end for d in dates)]


def _date_before(
    c: Compiled,
    text: str,
    sentences: list[_Sentence],
    found: list[Candidate],
    reference: date | None,
) -> list[DateSpan]:
    """ "On Friday it finally rang. ... one of 95 soldiers freed that day": the sentence before
    the first figure may carry its date."""
    if not found:
        return []
    first = min(cand.sentence[0] for cand in found)
    before = [s for s in sentences if s.end <= first]
    if not before:
        return []
    prev = before[-1]
    dates = event_dates(c, text[prev.start : prev.end], reference)
    return [
        DateSpan(d.start + prev.start, d.end + prev.start, d.iso, d.precision, d.relative)
        for d in dates
    ][-1:]


def _inside(d: DateSpan, dateline: DateSpan | None, offset: int) -> bool:
    """Whether ``d`` (offsets within a sentence at ``offset``) is the dateline's date."""
    return dateline is not None and dateline.start <= d.start + offset < dateline.end


def event_dates(
    c: Compiled, s: str, reference: date | None, reports: list[DateSpan] | None = None
) -> list[DateSpan]:
    """Dates in ``s`` that can date an exchange: not "since May", not "said on Sunday".

    Dates of the report itself ("said on Sunday") go to ``reports`` when it is given.
    """
    out = []
    for d in c.lexicon.find_dates(s, reference):
        before = s[max(0, d.start - 30) : d.start]
        words = re.findall(r"[\w'-]+", before)
        last = words[-1] if words else ""
        if c.not_event_date.find(last):
            continue
        # A date on the reporting verb dates the report, not the exchange.
        reported = words[-2:] if last.lower() in ("on", "in") else words[-1:]
        if reported and c.reporting.find(" ".join(reported)) and d.relative:
            if reports is not None:
                reports.append(d)
            continue
        out.append(d)
    return out


def _party_speaker(
    c: Compiled, s: str, parties: list[tuple[int, int, str]], counts: list[Count] | None = None
) -> str | None:
    """The party that speaks in "Kyiv said ...", "Ukraine says ...", "according to Moscow"."""
    for start, end, party in parties:
        # "1,212 people that Russia says are soldiers": a claim about the count, not the report.
        if counts and any(k.head_end <= start <= k.head_end + 12 for k in counts):
            continue
        m = re.match(r"\s*(?:officials?\s+|authorities\s+|side\s+)?", s[end:])
        pos = end + (m.end() if m else 0)
        if c.reporting.match_at(s, pos) is not None:
            return party
        if re.search(r"according\s+to\s+(?:the\s+)?$", s[max(0, start - 20) : start], re.I):
            return party
    return None


def _outermost(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop matches inside a longer one ("release" inside "secured the release of")."""
    kept: list[tuple[int, int, str]] = []
    for hit in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if any(k[0] <= hit[0] and hit[1] <= k[1] for k in kept):
            continue
        kept.append(hit)
    return kept


def _mediators(c: Compiled, s: str) -> list[str]:
    if not c.mediation.find(s):
        return []
    found = []
    for start, _end, name in c.mediators.find(s):
        before = s[max(0, start - 30) : start]
        if c.not_mediator.find(before):
            continue
        found.append(name)
    return found


def _sentence_candidates(
    c: Compiled,
    v: SentenceView,
    sent: _Sentence,
    text: str,
    reference: date | None,
    published: date | None,
    continuation: bool,
    previous: list[Candidate],
    dateline: DateSpan | None,
) -> list[Candidate]:
    s = v.s
    if c.trial.find(s) and not (c.exchange.find(s) or c.returns.find(s)):
        return []
    if c.not_exchange.find(s):
        return []
    dates = [d for d in event_dates(c, s, reference) if not _inside(d, dateline, sent.start)]
    cumulative_marks = c.cumulative.find(s)
    weak_marks = c.cumulative_weak.find(s)
    previous_marks = c.previous.find(s)
    plan_in_sentence = bool(c.plan.find(s))
    each_marks = c.each.find(s)
    actors = [
        a
        for a in _actors_in(c, s, 0, len(s))
        if c.reporting.find(s, max(0, a[0] - 40), min(len(s), a[1] + 40))
    ]
    out: list[Candidate] = []
    counts = v.counts
    # Parts ("including 21 officers") follow a total or a part marker.
    for i, k in enumerate(counts):
        before = s[max(0, k.start - 40) : k.start]
        previous_part = i > 0 and counts[i - 1].is_part and k.category != "bodies"
        if k.category != "total" and (c.parts.find(before) or previous_part or continuation):
            k.is_part = True
    if c.bodies.find(s) and not any(k.category not in ("total", "bodies") for k in counts):
        for k in counts:
            if k.bare:
                k.category = "bodies"  # "the bodies ...: 909 were returned to Ukraine"
    _mark_sum_parts(counts, previous)
    _join_lists(c, s, counts)
    listed = [k for k in counts if k.category not in ("total", "soldiers", "bodies")]
    for i, k in enumerate(counts):
        if k.category == "soldiers" and not k.is_part and not listed:
            # "195 Russian soldiers were returned": soldiers is the whole group here.
            k.category = "total"
        if k.same_as_previous:
            earlier = [o for o in counts[:i] if o.value is not None]
            if earlier:
                k.value = earlier[-1].value
            elif previous:
                k.value = previous[-1].count.value
    for i, k in enumerate(counts):
        side, rule = decide_side(v, k)
        both = False
        # "95 for 95", "103 Ukrainians in exchange for 103 Russians"
        pair_mate = _for_mate(c, s, counts, i)
        if pair_mate is not None and side is not None and k.party is None:
            mate = counts[pair_mate]
            if mate.party is None and mate.value == k.value and decide_side(v, mate)[0] == side:
                # "a one-for-one swap" after "Russia freed ...": one went each way.
                side, both, rule = None, True, "rule_n_for_n"
            elif mate.party is None and pair_mate < i and decide_side(v, mate)[0] == side:
                side, rule = _other_of(v, side), "rule_exchange_for"
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
                    else _other_of(v, v.voice_party or v.pair[1])
                )
                rule = "rule_n_for_m"
        if (
            not both
            and any(_each_count(s, m, counts) is k for m in each_marks)
            and k.party is None
            and not k.first_person
            and rule in ("none", "rule_voice", "rule_subject_verb")
        ):
            both, rule, side = True, "rule_each", None
        if continuation and side is None and previous:
            side, rule = previous[0].side, "rule_continuation"
            both = previous[0].both
        if k.is_part and side is None:
            heads = [o for o in out if not o.count.is_part] or previous
            if heads:
                side, both, rule = heads[-1].side, heads[-1].both, "rule_part_of"
        cand = Candidate(count=k, side=side, rule=rule, sentence=(sent.start, sent.end), both=both)
        cand.parties = v.pair
        cand.asserted_by = sent.asserted_by
        cand.asserted_by_text = sent.asserted_by_text
        if len(actors) > 1 and sent.asserted_by is not None:
            pick = min(actors, key=lambda a: min(abs(a[0] - k.end), abs(k.start - a[1])))
            cand.asserted_by, cand.asserted_by_text = pick[2], s[pick[0] : pick[1]]
        cand.date = _nearest_date(s, dates, k)
        cand.planned = _is_planned(c, v, k, plan_in_sentence, cand.date, published)
        cand.cumulative, cand.weak_cumulative = _cumulative(
            c, s, k, counts, cumulative_marks, weak_marks, v.pair
        )
        if re.search(
            r"\d\s*-\s*for\s*-\s*\d|\bper\s+side\b", s[max(0, k.start - 10) : k.head_end + 12], re.I
        ):
            others = [o.value for o in counts if o is not k and o.value]
            if c.stages.find(s) or (others and (k.value or 0) > max(others)):
                # "the first stage of a 1,000-for-1,000 exchange": the whole deal, not this event.
                cand.weak_cumulative = True
        if (
            cand.weak_cumulative
            and dates
            and (k.value or 0) <= LARGEST_PLAUSIBLE
            and not c.stages.find(s)
        ):
            # "In total 103 defenders came home today": the day's total, not a running one.
            cand.weak_cumulative = False
            cand.extra["explicit_total"] = True
        for ms, me, _v in previous_marks:
            if k.start >= me:
                cand.previous = True
                # Only a date after "a day after" can date the earlier exchange.
                later = [d for d in dates if d.start >= me]
                cand.date = _nearest_date(s, later, k) if later else None
                words = s[ms:me].lower()
                num = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(
                    words.split()[0]
                )
                if num is None and words.split()[0].isdigit():
                    num = int(words.split()[0])
                if num is not None:
                    cand.previous_days = num * (7 if "week" in words else 1)
        out.append(cand)
    strong = {o.side for o in out if o.side and o.rule not in WEAK_RULES and not o.count.additive}
    for o in out:
        if o.count.other_group and o.rule in WEAK_RULES and len(strong) == 1:
            # "together with 114 other servicemen, 115 in all, whom the Russian side got back"
            o.side, o.rule = next(iter(strong)), "rule_other_group"
    dated = [o.date for o in out if o.date is not None and not o.previous]
    for o in out:
        if o.date is None and not o.previous and dated:
            # One sentence, one event: "11 hostages were freed on Monday and Israel freed 33".
            o.date = dated[0]
    by_side: dict[str, set[int]] = {}
    for o in out:
        if o.side and o.count.party and o.count.value and not o.count.is_part:
            by_side.setdefault(o.side, set()).add(o.count.value)
    if len(by_side) == 2:
        a, b = by_side.values()
        sums = {x + y for x in a for y in b}
        # "206 captives, 103 of them Russian and 103 Ukrainian": the 206 counts both sides.
        out = [o for o in out if o.count.party or o.count.value not in sums]
    both_values = {o.count.value for o in out if o.both and o.count.value}
    # "180 captives, 90 from each side": the 180 counts both sides together.
    return [
        o for o in out
        if o.both or o.count.value is None or o.count.value / 2 not in both_values
        or o.count.party is not None
    ]  # fmt: skip


def _join_lists(c: Compiled, s: str, counts: list[Count]) -> None:
    """ "270 servicemen and 120 civilians": one list; the second shares the first's party, and a
    generic first noun names the soldiers among them. "55 Russians plus Viktor Medvedchuk": +1."""
    for a, b in itertools.pairwise(counts):
        if c.list_joiners is None or b.is_part:
            continue
        gap = s[max(a.head_end, a.end) : b.start]
        if not c.list_joiners.match(gap) or b.category in ("total", "bodies"):
            continue
        if b.party is None:
            b.party = a.party
        if a.category == "total" and not a.bare and a.party == b.party:
            a.category = "soldiers"
    for k in counts:
        if c.plus_named is None or k.value is None:
            continue
        m = c.plus_named.match(s, k.head_end)
        if m is None:
            continue
        name = m.group("name")
        known = c.parties.find(name) or c.mediators.find(name) or c.actors.find(name)
        if not known and not c.persons.find(name):
            k.value += 1
            k.extra_named = name


def _mark_sum_parts(counts: list[Count], previous: list[Candidate]) -> None:
    """Counts that add up to an earlier total are its parts: "49 people: 38 servicemen and 11 civilians"."""
    totals = [k.value for k in counts if k.value] + [
        p.count.value for p in previous if p.count.value
    ]
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
            if value in earlier and value in totals and len(parties) <= 1:
                for k in run:
                    k.is_part = True
                    if k.category == "total" and not k.bare:
                        k.category = "soldiers"
                return


def _each_count(s: str, mark: tuple[int, int, str], counts: list[Count]) -> Count | None:
    """The count an "each" speaks about: the nearest one within 40 characters, same clause."""
    best: Count | None = None
    best_gap = 41
    for k in counts:
        lo, hi = (k.end, mark[0]) if k.end <= mark[0] else (mark[1], k.start)
        gap = s[lo:hi]
        # "... 230 citizens back, both sides agreed": after a comma, "both sides" is a subject.
        crossing = r"[;:,]|\d" if k.end <= mark[0] else r"[;:]|\d"
        if len(gap) < best_gap and not re.search(crossing, gap):
            best, best_gap = k, len(gap)
    return best


def _other_of(v: SentenceView, party: str) -> str:
    return v.pair[0] if party == v.pair[1] else v.pair[1]


def _for_mate(c: Compiled, s: str, counts: list[Count], i: int) -> int | None:
    """Index of the count paired with counts[i] by "for" / "in exchange for", if any."""
    k = counts[i]
    for j in (i - 1, i + 1):
        if not 0 <= j < len(counts):
            continue
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


def _nearest_date(s: str, dates: list[DateSpan], k: Count) -> DateSpan | None:
    """The date that belongs to a count: in its comma-delimited segment, or close by."""
    close = []
    for d in dates:
        lo, hi = (d.end, k.start) if d.end <= k.start else (k.end, d.start)
        gap = s[lo:hi]
        if not re.search(r"[,;]", gap) or len(gap) <= 60:
            close.append(d)
    if not close:
        # "In September 2022, ..., Ukraine recovered 215": a leading date covers the sentence.
        leading = [d for d in dates if d.start <= 20]
        return leading[0] if leading else None
    return min(close, key=lambda d: abs(d.start - k.start))


def _is_planned(
    c: Compiled,
    v: SentenceView,
    k: Count,
    plan_in_sentence: bool,
    when: DateSpan | None,
    published: date | None,
) -> bool:
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
    if c.future.find(v.s, lo, k.start) and not c.done.find(v.s, lo, k.start):
        return True  # "the next swap could see up to 500 people return home"
    for t in near:
        phrase = v.s[t[0] : t[1]]
        if _governed(c, v.s, t[0]):
            return True
        if NOUN_TRIGGERS.match(phrase):
            continue
        return False
    # A done marker ("took place") that no plan word governs makes the sentence a report.
    return not (done and not any(_governed(c, v.s, d[0]) for d in done))


_FORWARD = re.compile(r"bring|brings|bringing|rais|total|number", re.I)


def _marks_count(c: Compiled, s: str, ms: int, me: int, counts: list[Count]) -> Count | None:
    """The count a running-total marker speaks about, if any."""
    before = s[max(0, ms - 60) : ms]
    if c.superlatives.find(before) and not re.search(r"\d", before[-30:]):
        return None
    last_words = " ".join(re.findall(r"[\w'-]+", before)[-2:])
    if c.exchange.find(last_words) and not _FORWARD.match(s[ms:me]):
        return None  # "the 60th exchange since the start of the war" dates the exchange
    if _FORWARD.match(s[ms:me]):
        after = [x for x in counts if x.start >= me]
        return after[0] if after else None
    same = []
    for x in counts:
        lo, hi = (x.end, ms) if x.end <= ms else (me, x.start)
        if not re.search(r"[,;:]", s[lo:hi]) and not c.clause_breaks.find(s, lo, hi):
            same.append(x)
    if not same:
        return None
    return min(same, key=lambda x: (x.start - me) if x.start >= me else (ms - x.end))


def _cumulative(
    c: Compiled,
    s: str,
    k: Count,
    counts: list[Count],
    marks: list[tuple[int, int, str]],
    weak: list[tuple[int, int, str]],
    pair: tuple[str, ...] = ("Russia", "Ukraine"),
) -> tuple[bool, bool]:
    strong = any(_marks_count(c, s, ms, me, counts) is k for ms, me, _v in marks)
    weak_hit = any(_marks_count(c, s, ms, me, counts) is k for ms, me, _v in weak)
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


def extract_clean_document(doc: CleanDocument) -> DocumentExtraction:
    """Extract a cleaned document (the per-document hook ``ingest`` runs before storing)."""
    return extract_document(
        doc.text,
        published=doc.published,
        language=doc.language,
        doc_id=doc.external_id or doc.source,
    )
