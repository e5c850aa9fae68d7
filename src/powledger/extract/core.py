"""The extraction pipeline for one document: normalise, split, tag, compose, attribute, assemble."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from datetime import date, timedelta

from powledger.capture.base import normalise_date
from powledger.extract.assemble import _listed_value, assemble
from powledger.extract.attribution import (
    Hits,
    Sentence,
    actor_kind,
    attribute,
    paragraph_of,
    party_speaker,
    voice_party,
)
from powledger.extract.base import DateSpan, Lexicon, get_lexicon
from powledger.extract.compose import (
    Candidate,
    Count,
    find_counts,
)
from powledger.extract.dating import (
    date_before,
    dateline_date,
    event_dates,
    forward_weekday,
    inside_dateline,
    numbers_outside_dates,
)
from powledger.extract.memo import forget_document
from powledger.extract.patterns import Compiled, actor_party, compile_lexicon
from powledger.extract.prefilter import has_strong_word, looks_relevant
from powledger.extract.sentence import (
    exchange_noun,
    governed,
    mediators_in,
    outermost,
    sentence_candidates,
)
from powledger.extract.sides import SHARED_LANGUAGES, SentenceView
from powledger.extract.text import normalise, split_sentences
from powledger.models import CleanDocument, DocumentExtraction

EXTRACTOR = "powledger.rules"
EXTRACTOR_VERSION = "1.0"

_YEAR = re.compile(r"^\d{4}")
_THEY_INCLUDE = re.compile(
    r"(?:they|those|the\s+\w+)\s+(?:returned\s+|freed\s+|released\s+)?(?:include|included|are|were)\b",
    re.I,
)
_BULLET = re.compile(r"\s*[-\u2022\u2013\u2014*]\s+\S")
_N_FOR_N = re.compile(r"\d\s*(?:-\s*for\s*-\s*|\s+for\s+)\d")
# "in return", "in exchange" (not followed by "for"): an idiom before a trigger noun.
# "80 soldiers freed", "80 soldiers are home": a headline's participle after the count.
_SAID_FREED = re.compile(
    r"\s+(?:were\s+|have\s+been\s+|are\s+|had\s+been\s+)?(?:freed|released|returned|home|back)\b",
    re.I,
)
# "the 65th exchange since the start of the war": an ordinal, not a running total.
_ORDINAL_SINCE = re.compile(r"\d+(?:st|nd|rd|th)\b[^.;]{0,20}\bsince\b", re.I)
# A verb in the past: "swapped", "secured the return of", "brought home", "got back".
_PAST = re.compile(r"(?:\w+ed|brought|got|took|won|gave)\b", re.I)
_IDIOM_IN = re.compile(r"\bin\s+$", re.I)
_FOR = re.compile(r"\s+for\b", re.I)
# "207 of them today." and nothing more: the number counts the group the sentence before named.
_OF_THEM_ALONE = re.compile(
    r"\s+of\s+them(?:\s+(?:today|tonight|now|again|this\s+\w+))?\s*(?:[.!,;]|$)", re.I
)


def parse_published(published: str | None) -> date | None:
    """The publication date as a date, read as ingestion reads it (``capture.base.normalise_date``)."""
    if not published:
        return None
    read = normalise_date(published)
    if read is None or read[1] != "day":
        return None
    return date.fromisoformat(read[0])


def extract_document(
    text: str,
    *,
    published: str | None = None,
    language: str | None = None,
    doc_id: str | None = None,
) -> DocumentExtraction:
    """Extract the exchanges a document reports (pure: no I/O, never raises on any text).

    Without a ``language`` (or with ``und``), the language is detected from the text.
    """
    lang = (language or "").lower()
    if lang in ("", "und"):
        from powledger.capture.langid import detect_language

        lang = detect_language(text or "") or "en"
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
    strong = has_strong_word(text, lexicon)
    candidates, mediators, dateline = _candidates(ntext, lexicon, pub_date, weak_only=not strong)
    if not strong:
        # Words of return alone ("thousands of Ukrainians returned home") also describe
        # refugees: without a word of captivity or exchange, only a named side and a number count
        # (or a guessed side in a sentence that names an exchange: "наступний обмін ...").
        exchange = compile_lexicon(lexicon).exchange
        candidates = [
            k for k in candidates
            if (k.count.value is not None or k.rule == "rule_unnumbered_plan")
            and k.rule != "rule_unnumbered"
            and not (k.rule == "rule_voice" and k.count.category == "total" and not k.count.is_part
                     and not exchange.find(ntext, k.sentence[0], k.sentence[1]))
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


def _doc_pair(c: Compiled, text: str) -> tuple[str, str] | None:
    """The pair of parties the document is most about. With no party or actor named, Russia and
    Ukraine only when the text is about that war (a place, "our defenders") or speaks of
    prisoners and names no other conflict; else None (a Taliban hostage swap, a health study):
    parties come from the text, never by default."""
    counts: Counter[str] = Counter(v for _s, _e, v in c.parties.find(text))
    if not counts:
        # "Zelensky: 95 of ours are home": an actor names the party.
        for _s, _e, actor in c.actors.find(text):
            party = actor_party(actor)
            if party:
                counts[party] += 1
    pairs = {
        ("Russia", "Ukraine"): counts["Russia"] + counts["Ukraine"],
        ("Hamas", "Israel"): counts["Israel"] + counts["Hamas"],
        ("Armenia", "Azerbaijan"): counts["Armenia"] + counts["Azerbaijan"],
    }
    if (
        counts["United States"]
        and counts["Russia"]
        and counts["United States"] >= counts["Ukraine"]
    ):
        # (Ukraine named in passing - a detail of a biography - does not make the pair.)
        pairs[("Russia", "United States")] = counts["United States"] + counts["Russia"]
    if counts["United States"] and counts["Iran"]:
        pairs[("Iran", "United States")] = counts["United States"] + counts["Iran"]
    russia_elsewhere = (
        counts["Russia"]
        and not counts["Ukraine"]
        and c.lexicon.war_context
        and not c.war_context.find(text)
        and c.foreign_context.find(text)
    )
    if russia_elsewhere:
        # "Russia freed a US reporter in exchange for 8 people held in the West", "Georgia
        # released 3 Russian citizens": Russia with another country and no trace of the war.
        pairs[("Russia", "Ukraine")] = 0
    best = max(pairs.items(), key=lambda kv: kv[1])
    if best[1] > 0:
        return best[0]
    if russia_elsewhere:
        return None
    if not c.lexicon.war_context or c.war_context.find(text):
        return ("Russia", "Ukraine")
    if has_strong_word(text, c.lexicon) and not c.foreign_context.find(text):
        return ("Russia", "Ukraine")  # "The two sides swapped 390 prisoners on Friday."
    return None


def _sentence_pair(parties: set[str], default: tuple[str, str]) -> tuple[str, str]:
    if parties and parties <= set(default):
        return default  # "Росія звільнила 16 осіб" in a report of a Russia-US swap
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


#: "US officials said", "according to Israeli officials": no body of that party is meant.
_UNNAMED_SOURCE = re.compile(
    r"\b(?:officials?|authorities|sources?|officers?|diplomats?)\b"
    r"|(?<!\w)(?:чиновник\w*|джерел\w*|источник\w*|посадовц\w*|официальн\w+\s+лиц\w*)",
    re.I,
)


def _candidates(
    text: str, lexicon: Lexicon, published: date | None, weak_only: bool = False
) -> tuple[list[Candidate], list[tuple[int, str]], DateSpan | None]:
    """The document's candidate figures, its mediators and its dateline.

    With ``weak_only`` (no strong word in the text), the caller keeps only candidates with a
    number or unnumbered plans, so a text with neither a figure, a named person nor a word of
    plans leaves before the costly second pass (the same answer, sooner).
    """
    forget_document()  # (a new document: the answers about the last one's texts go)
    c = compile_lexicon(lexicon)
    spans = split_sentences(text)
    paras = paragraph_of(text, spans)
    sentences = [Sentence(s, e, p) for (s, e), p in zip(spans, paras, strict=True)]
    dateline = dateline_date(c, text, published)
    head_dateline = dateline
    reference = published
    if dateline is not None and dateline.iso and len(dateline.iso) == 10:
        day = date.fromisoformat(dateline.iso)
        # A wire's dateline is the day its "yesterday" counts from, even when the page that
        # carries it was published a day or two later.
        if reference is None or timedelta(0) < reference - day <= timedelta(days=3):
            reference = day
    headings = _day_headings(lexicon, text, sentences, dateline, reference)
    heading_ends = {sent.end for sent in sentences for start, _d in headings if sent.start == start}
    # Pass 1 (cheap): which sentences may state a figure at all.
    trigger_starts = [m.start() for m in c.triggers.finditer(text)] if c.triggers else []
    interesting: list[tuple[Sentence, str, list[Count], bool, bool, bool]] = []
    last_trigger_para, last_trigger_end = -1, -10
    any_trigger = False
    bullets_open = False
    for sent in sentences:
        i = bisect_left(trigger_starts, sent.start)
        has_trigger = i < len(trigger_starts) and trigger_starts[i] < sent.end
        any_trigger = any_trigger or has_trigger
        local = text[sent.start : sent.end]
        part_start = bool(c.parts.match_at(local, 0) or _THEY_INCLUDE.match(local))
        if (
            _BULLET.match(local)
            and last_trigger_end >= sent.start - 3
            and (text[:last_trigger_end].rstrip().endswith(":") or bullets_open)
        ):
            # "95 Ukrainians returned from captivity:\n- 45 soldiers ...;\n- 30 ...": the list's
            # lines are parts of the figure before the colon.
            part_start = bullets_open = True
        else:
            bullets_open = False
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
        carried = not has_trigger and (
            (last_trigger_para == sent.paragraph and last_trigger_end >= sent.start - 3)
            # "… обменялись 210 на 210. Суббота, 14 июня. Последний день — по 185": the verb of
            # the day-by-day account goes on after a day's heading.
            or (any_trigger and any(0 <= sent.start - e <= 3 for e in heading_ends))
        )
        if has_trigger or (part_start and last_trigger_end >= sent.start - 3):
            # (A breakdown goes on: "Of the Ukrainians, nine are officers ... Six are marines,
            # 14 are border guards", in the paragraph of the return.)
            last_trigger_para, last_trigger_end = sent.paragraph, sent.end
        if not (has_trigger or led_by_date or carried or part_start or _N_FOR_N.search(local)):
            continue
        numbers = numbers_outside_dates(lexicon, local, reference)
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
                elif carried and _OF_THEM_ALONE.match(local, n.end):
                    # "Our people are home! 207 of them today.": "them" is the group just named.
                    counts.append(
                        Count(n.start, n.end, n.value, n.approximate, "total", None, False, n.end)
                    )
        if counts or has_trigger:
            interesting.append((sent, local, counts, has_trigger, carried, part_start))
    if not any_trigger and not any(counts for _s, _l, counts, *_rest in interesting):
        return [], [], dateline
    stamps = _timestamp_lines(lexicon, text, sentences, reference)
    # Pass 2: attribution, parties and the side rules on the sentences that matter.
    found_pair = _doc_pair(c, text)
    if found_pair is None:
        return [], [], dateline
    default_pair = found_pair
    if (
        not any(counts for _s, _l, counts, *_rest in interesting)
        and not any(_named_persons(c, local) for _s, local, _k, trig, *_r in interesting if trig)
        and not _unnumbered_plan(c, text, sentences, default_pair, reference=reference)
        and (
            weak_only
            or not (
                _next_stage(c, text, sentences, default_pair, reference)
                or _undisclosed(c, text, sentences[:6], default_pair, reference, head_dateline)
                # (With a voice in the pair, "our defenders" finds a side whatever the voice.)
                or _unnumbered(c, text, sentences[:4], default_pair, default_pair[0])
            )
        )
    ):
        # No figure and no named person: only the figureless fallbacks below could find
        # something (the same calls; they read no attribution), and with weak words only
        # ("the team returned home") all but a plan are dropped by the caller. When none does,
        # attribution and the side rules are skipped.
        return [], [], dateline
    attribute(c, text, sentences, published)
    voice = voice_party(sentences)
    if voice not in default_pair:
        # No speaker named: words only one side uses («киевский режим», «оккупанты»).
        cued = {party for pattern, party in c.voice_cues if pattern.search(text)}
        if len(cued) == 1 and next(iter(cued)) in default_pair:
            voice = next(iter(cued))
    voice_guessed = voice not in default_pair
    if voice not in default_pair:
        voice = "Ukraine" if "Ukraine" in default_pair else None
    out: list[Candidate] = []
    mediators: list[tuple[int, str]] = []
    cue_starts = Hits(c.mediation.find(text))
    for sent in sentences:
        if cue_starts.within(sent.start, sent.end):
            for med in mediators_in(c, text[sent.start : sent.end]):
                mediators.append((sent.start, med))
    previous_sentence_side: list[Candidate] = []
    staged = bool(c.stages.find(text))
    lead = text[: sentences[min(1, len(sentences) - 1)].end] if sentences else ""
    # "першого дня звільнено 240" (this report's stage), not "Першого дня, у п'ятницю, 390, у
    # суботу - 307" (a list of the deal's days, the first one dated).
    opening_stage = any(
        not lexicon.find_dates(lead[e : e + 25], reference)
        for _b, e, _v in c.opening_stages.find(lead)
    )
    trigger_dates: list[DateSpan] = []
    done_dates: list[DateSpan] = []
    report_dates: list[DateSpan] = []
    # "3 березня 2024 року відбувся обмін. Україна повернула 130 людей": a dated sentence of an
    # exchange with no figure dates the undated figures of the sentence right after it.
    pending: tuple[DateSpan, int] | None = None
    done_days: list[DateSpan] = []
    recalls: list[Candidate] = []
    last_day: str | None = None
    named_days: list[DateSpan] = []
    for sent, local, counts, has_trigger, carried, part_start in interesting:
        sent_ref = _reference_at(stamps, sent.start, reference)
        if has_trigger:
            said_on: list[DateSpan] = []
            found = event_dates(c, local, sent_ref, said_on)
            report_dates.extend(said_on)
            if said_on and said_on[0].iso and len(said_on[0].iso) == 10:
                # '"Today 103 of ours are home," Zelensky wrote on Saturday': "today" and
                # "yesterday" in a statement are the statement's day, not the publication's.
                sent_ref = date.fromisoformat(said_on[0].iso)
                found = event_dates(c, local, sent_ref)
            # ("... the exchange agreed during the negotiations in Istanbul on 2 June"; "the
            # previous exchange, when on 27 December Kyiv got 60": an earlier one's date.)
            trigger_dates.extend(
                DateSpan(d.start + sent.start, d.end + sent.start, d.iso, d.precision, d.relative)
                for d in found
                if d.iso and not inside_dateline(d, dateline, sent.start)
                and not c.plan.find(local, max(0, d.start - 40), d.start)
                and not any(m[1] <= d.start for m in c.previous.find(local))
            )  # fmt: skip
            span = _states_when(c, local) if found else None
            if span is None and found and not counts:
                span = _persons_returned_when(c, local)
            if span is not None:
                done_dates.extend(
                    DateSpan(d.start + sent.start, d.end + sent.start, d.iso, d.precision, d.relative)
                    for d in found
                    if d.iso and not inside_dateline(d, dateline, sent.start)
                    and span[0] - 25 <= d.start and d.end <= span[1] + 25
                    and not re.search(r"[,;(]", local[min(d.end, span[1]) : max(d.start, span[1])])
                )  # fmt: skip
            own = [d for d in found if d.iso and not inside_dateline(d, dateline, sent.start)]
            if own and not counts:
                named_days = own
            # ("вчера, 24 мая": two words of one day.)
            one_day = len({d.iso for d in own}) == 1 and own[0].precision == "day"
            # ("Переговоры, прошедшие 16 мая, завершились договоренностью об обмене": a day of
            # talks, not of an exchange.)
            done_at = c.done.find(local)
            # ("The handover took place overnight Wednesday, shortly after the talks ended": a
            # word of talks after the event's own verb and day does not make it the talks' day.)
            if (
                not counts
                and one_day
                and done_at
                and not any(p[0] < max(done_at[0][1], own[0].end) for p in c.plan.find(local))
            ):
                pending = (DateSpan(0, 0, own[0].iso, "day", own[0].relative), sent.end)
                if not c.previous.find(local):
                    # "Обмен состоялся вчера при посредничестве ОАЭ": the exchange's own day.
                    done_days.append(pending[0])
        if not counts and has_trigger and default_pair != ("Russia", "Ukraine"):
            counts = _named_persons(c, local, default_pair)
        if not counts and has_trigger and c.lexicon.deal_stages_are_plans:
            recall = _dated_recall(c, local, sent, default_pair, reference)
            if recall is not None:
                recalls.append(recall)
        elif not counts and has_trigger and _UNDISCLOSED_NUMBER.search(local):
            recall = _undisclosed_stage(c, local, sent, default_pair, sent_ref)
            if recall is not None:
                recalls.append(recall)
        if not counts:
            continue
        inherited = pending if pending and 0 <= sent.start - pending[1] <= 3 else None
        pending = None
        orphan_part = not (has_trigger or carried) and part_start and not previous_sentence_side
        if orphan_part and not (
            _N_FOR_N.search(local) or lexicon.find_dates(local[:40], reference)
        ):
            continue
        if c.along_with_named is not None and c.along_with_named.match(local):
            _join_named_before_sentence(c, text, sentences, sent, counts)
        parties = c.parties.find(local)
        pair = _sentence_pair(
            {p[2] for p in parties} | {k.party for k in counts if k.party}, default_pair
        )
        triggers = outermost(
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
        speaker_party = speaker_party or sent.speaker_party
        if speaker_party is None:
            speaker_party = party_speaker(c, local, parties, counts)
        view = SentenceView(
            c, local, counts, parties, triggers, speaker_party, voice, pair, voice_guessed
        )
        sentence_out = sentence_candidates(
            c,
            view,
            sent,
            text,
            sent_ref,
            published,
            part_start and not has_trigger,
            previous_sentence_side,
            dateline,
            staged,
            opening_stage=opening_stage,
        )
        if not triggers:
            # Only a noun of remains ("body weight") brought the sentence in: no verb of return.
            for cand in sentence_out:
                cand.extra["no_verb"] = True
        for cand in sentence_out:
            if (
                cand.side is None
                and not cand.both
                and cand.rule == "none"
                and speaker_party in pair
                and _SAID_FREED.match(local, max(cand.count.end, cand.count.head_end))
            ):
                # "Kyiv says 80 soldiers freed in latest swap": the speaker's own people.
                cand.side, cand.rule = speaker_party, "rule_voice"
        for cand in sentence_out:
            if cand.side is None and not cand.both and cand.rule == "none":
                released = _released_group_party(c, local, cand.count.start, pair)
                if released is not None:
                    # "… приступил к освобождению палестинцев из тюрем: на свободу выходят около
                    # 600 человек": the group whose release opened the sentence.
                    cand.side, cand.rule = released, "rule_released_group"
        if inherited is not None:
            for cand in sentence_out:
                if cand.date is None and not cand.previous:
                    cand.date = inherited[0]
        if c.current.find(local) and not c.previous.find(local):
            # "В новом обмене …" after a recall with a date of its own: the report's exchange.
            for cand in sentence_out:
                cand.extra["current"] = True
        section = [d for start, d in headings if start < sent.start]
        if section:
            # "Пятница, 13 июня. На второй день вернулись 205": that day's own exchange.
            for cand in sentence_out:
                if cand.date is None and not (cand.previous or cand.cumulative or cand.planned):
                    cand.date = section[-1]
                    cand.extra["section"] = True
        if c.respectively.find(local) and len(sentence_out) > 1:
            # "Перший етап пройшов у понеділок, другий - у вівторок. ... отримала 150 і 205
            # своїх військових відповідно": the i-th figure goes with the i-th day named.
            days = [d for d in named_days if d.iso and d.precision == "day"]
            figures = [cand for cand in sentence_out if cand.count.value and not cand.previous]
            if len(figures) == len(days) > 1 and len({d.iso for d in days}) == len(days):
                for cand, named in zip(figures, days, strict=True):
                    cand.date = DateSpan(0, 0, named.iso, "day", named.relative)
        if last_day is not None and c.next_day.find(local):
            # "Наступного дня ... повернулися ще 140": the day after the last date given.
            following = (date.fromisoformat(last_day) + timedelta(days=1)).isoformat()
            for cand in sentence_out:
                if cand.date is None and not cand.previous:
                    cand.date = DateSpan(0, 0, following, "day", True)
        for cand in sentence_out:
            if cand.date is not None and cand.date.iso and len(cand.date.iso) == 10:
                last_day = cand.date.iso
        if carried and previous_sentence_side and all(p.planned for p in previous_sentence_side):
            # "They agreed to swap 1,200 more. That is 1,200 prisoners, including the wounded":
            # a sentence with no verb of its own goes on with the plan before it.
            for cand in sentence_out:
                cand.planned = True
        prior = [p for p in sentences if p.end <= sent.start and p.paragraph == sent.paragraph]
        if (
            sentence_out
            and prior
            and not any(cand.planned for cand in sentence_out)
            # (No verb or noun of return at all: "Речь идет о 1200 пленных с каждой стороны".)
            and all(
                t[1] == 0  # (the verb carried over from the sentence before)
                or exchange_noun(c, local[t[0] : t[1]])
                or c.return_nouns.match_at(local, t[0])
                for t in triggers
            )
            and not c.done.find(local)
        ):
            # «Стороны согласились возобновить обмены. Речь идет о возвращении 300 украинцев»:
            # only nouns of return here, after a sentence of plans with no figure or done word.
            before = text[prior[-1].start : prior[-1].end]
            # (Ages are no figure: "… военнослужащих в возрасте от 18 до 22 лет. Речь идет о 500".)
            numbers = lexicon.find_numbers(before)
            if (
                c.plan.find(before)
                and not c.done.find(before)
                and not find_counts(c, before, numbers)
            ):
                for cand in sentence_out:
                    cand.planned = True
        if (
            sentence_out
            and sent.asserted_by is None
            and speaker_party is not None
            and not _UNNAMED_SOURCE.search(local)
        ):
            for cand in sentence_out:
                cand.extra["party_speaker"] = speaker_party
        if sentence_out:
            out.extend(sentence_out)
            heads = [k for k in sentence_out if not k.count.is_part]
            previous_sentence_side = heads or [k for k in sentence_out if k.side or k.both]
    out.extend(_echoes(c, lexicon, text, sentences, out))
    # "Russia said it got back 150 soldiers ... The Russian defence ministry said ...": the
    # party speaks through the body the same report names for it. A person is no such body:
    # "Ukraine says ..." is not Zelensky's claim because he is quoted elsewhere, nor a body's
    # that speaks paragraphs away about something else, nor one in the candidate's own sentence
    # (there the party spoke: "Moscow said ..., a day after Putin's spokesman said ...").
    starts = [sent.start for sent in sentences]
    for cand in out:
        party = cand.extra.get("party_speaker")
        if cand.asserted_by is not None or not isinstance(party, str):
            continue
        i = bisect_left(starts, cand.sentence[0])
        for near in sentences[max(0, i - 1) : i + 2]:
            if (
                near.start != cand.sentence[0]
                and near.asserted_by
                and actor_party(near.asserted_by) == party
                and actor_kind(near.asserted_by) in ("ministry", "agency")
            ):
                cand.asserted_by, cand.asserted_by_text = near.asserted_by, near.asserted_by_text
                break
    if not lexicon.body_promises_are_plans:
        # "Россия пообещала передать 6000 тел": a promise about remains only is no plan.
        out = [o for o in out if not (o.planned and o.count.category == "bodies")]
    reported = not lexicon.positions_are_plans and any(
        o.count.value and not (o.planned or o.cumulative or o.previous) for o in out
    )
    if not out:
        # An exchange carried out with no figure, before any open-ended plan: "Our POWs are back
        # home after a new exchange, ... adding that figures would follow" is no plan.
        # ("Our" has no side in a language both sides write when no speaker is named.)
        shared = voice_guessed and c.lexicon.language in SHARED_LANGUAGES
        out = _unnumbered(c, text, sentences[:4], default_pair, None if shared else voice)
        if not out:
            out = _undisclosed(c, text, sentences[:6], default_pair, reference, head_dateline)
        done_fallback = {cand.sentence for cand in out}
        out.extend(
            k for k in _unnumbered_plan(c, text, sentences, default_pair, reference=reference)
            if k.sentence not in done_fallback and not any(cand.planned for cand in out)
        )  # fmt: skip
        if not any(cand.planned for cand in out):
            out.extend(
                k for k in _next_stage(c, text, sentences, default_pair, reference)
                if k.sentence not in done_fallback
            )  # fmt: skip
    else:
        # Only background, running totals or figures with no value ("the same number", an age):
        # the exchange may still be reported, with its figures undisclosed ("...; the numbers
        # were not disclosed. The biggest swap to date returned 900").
        figureless = not any(
            o.count.value is not None and not o.cumulative and not o.previous and not o.planned
            for o in out
        )
        # (A deal's size in its terms, "the agreements cover 1,000 on each side", is no plan of
        # the report: it neither stops a done exchange nor stays once one is found.)
        terms_only = [o for o in out if o.extra.get("deal_terms_size")]
        if all(o.planned for o in out):
            # (Only plans so far: the report may still open on a return without a number.)
            shared = voice_guessed and c.lexicon.language in SHARED_LANGUAGES
            out = out + _unnumbered(c, text, sentences[:4], default_pair, None if shared else voice)
        if (
            figureless
            and not all(o.planned and o not in terms_only for o in out)
            and not any(o.extra.get("unnumbered") and not o.planned for o in out)
        ):
            used = {k.sentence for k in out}
            undisclosed = [
                k for k in _undisclosed(c, text, sentences[:6], default_pair, reference, head_dateline)
                if k.sentence not in used
            ]  # fmt: skip
            for o in terms_only if undisclosed else []:
                o.cumulative = True
            out = undisclosed + out
        if figureless and not any(o.extra.get("unnumbered") and not o.planned for o in out):
            # «вернули первую партию военнослужащих; взамен отдали столько же»: a return with a
            # side and no number at all is still a reported exchange.
            sided = [
                o for o in out
                if o.side and o.count.value is None and not o.count.approximate
                and not (o.planned or o.cumulative or o.previous)
            ]  # fmt: skip
            if sided and has_strong_word(text, lexicon):
                sided[0].extra["unnumbered"] = True
        if not any(cand.planned for cand in out):
            # In a report of a done exchange, "Kyiv insists on all for all" is a stated position.
            out.extend(
                _unnumbered_plan(
                    c, text, sentences, default_pair, no_phrases=reported, reference=reference,
                    today=reference if reported else None,
                )
            )  # fmt: skip
            if not any(cand.planned for cand in out):
                out.extend(_next_stage(c, text, sentences, default_pair, reference))
        elif c.plan_phrases.find(text) and (
            lexicon.positions_are_plans
            or not any(o.planned and o.count.value and o.count.category != "bodies" for o in out)
        ):
            # (ru: a second, open-ended plan next to a numbered one is the same deal; merged.)
            # "... and Kyiv still wants an all-for-all swap": a second, open-ended plan.
            out.extend(_unnumbered_plan(c, text, sentences, default_pair, phrases_only=True))

    def usable(found: list[DateSpan]) -> list[DateSpan]:
        return [
            d for d in found
            if d.iso and (published is None or len(d.iso) != 10
                          or date.fromisoformat(d.iso) <= published + timedelta(days=1))
        ]  # fmt: skip

    # "The exchange took place on Wednesday": the sentence saying when the exchange happened
    # dates it, before the dateline or the day of the statement ("Zelensky said on Thursday").
    if usable(done_dates):
        dateline = usable(done_dates)[0]
        for cand in out:
            if cand.extra.get("quoted_date"):
                cand.date = None  # '"Today ...," he said. The exchange took place on Saturday.'

    if recalls and any(o.count.value for o in out if not (o.planned or o.cumulative)):
        # Only next to a reported exchange: a dated recall with no figure is its own exchange.
        out.extend(recalls)
    # "Qatar has mediated before: in 2022 it helped free three Americans": a mediator's record
    # with another pair, no day, beside the report's own exchange, is no exchange.
    out = [
        o for o in out
        if not (
            (o.date is None or o.date.precision != "day")
            and c.past_mediation.find(text, o.sentence[0], o.sentence[1])
            and any(x.parties != o.parties and x.count.value for x in out if not x.planned)
        )
    ]  # fmt: skip
    main_undated = not any(
        o.date is not None for o in out if not (o.previous or o.planned or o.cumulative)
    )
    if (
        not usable(done_dates)
        and done_days
        and main_undated
        and (dateline is None or dateline.iso != done_days[0].iso)
    ):
        # A sentence saying when the exchange took place beats the report's own dateline.
        dateline = done_days[0]
    # Fallbacks for the main event's date: the dateline, the report's own date ("said on
    # Friday"), then a date in the lead.
    lead_end = sentences[min(2, len(sentences) - 1)].end if sentences else 0
    said_in_lead = [d for d in usable(report_dates) if d.start < lead_end and d.precision == "day"]
    if (
        dateline is not None
        and dateline is head_dateline
        and main_undated
        and said_in_lead
        and dateline.iso is not None
        and len(dateline.iso) == 10
        and said_in_lead[0].iso is not None
        and said_in_lead[0].iso < dateline.iso
    ):
        # "March 10 (UPI) -- ... officials in Kyiv said Saturday": the day of the statement in
        # the lead is nearer the event than the day the wire's dateline was written.
        dateline = said_in_lead[0]
    for fallback in (
        usable(report_dates),
        usable(date_before(c, text, sentences, out, reference)),
        usable([d for d in trigger_dates if d.start < lead_end and not _other_figure(out, d)]),
        usable(event_dates(c, text[: sentences[0].end], reference) if sentences else []),
    ):
        if dateline is None and fallback:
            dateline = fallback[0]
    if dateline is None and any(
        o.date is None and o.count.value
        for o in out
        if not (o.previous or o.planned or o.cumulative)
    ):
        # "On Saturday Yermak ... said the 14 were marines": with no day of the event, the day
        # of the first statement about it dates the exchange.
        dateline = next(iter(usable(_statement_days(c, text, sentences, reference))), None)
    coarse = (
        dateline is not None
        and dateline.precision in ("month", "year")
        and dateline.iso is not None
        and published is not None
        and published.isoformat().startswith(dateline.iso)
    )
    if (dateline is None or coarse) and published is not None and c.present.find(text):
        # ("Це перший у березні обмін" names the month of a report of today's exchange.)
        # An official post saying "are home" or "today" speaks of its own day (a live blog's
        # entry, of the day stamped on it).
        day = _reference_at(stamps, len(text), published) or published
        dateline = DateSpan(0, 0, day.isoformat(), "day", True)
    if reference is not None:
        for cand in out:
            if cand.planned:
                cand.date = _plan_day(c, text[cand.sentence[0] : cand.sentence[1]], cand, reference)
    return out, mediators, dateline


def _statement_days(
    c: Compiled, text: str, sentences: list[Sentence], reference: date | None
) -> list[DateSpan]:
    """Days of statements ("said on Saturday", "On Saturday Yermak, ..., said"): a day's
    weekday heading a sentence with a reporting verb, or right after one."""
    out: list[DateSpan] = []
    if reference is None:
        return out
    for sent in sentences[:10]:
        s = text[sent.start : sent.end]
        said: list[DateSpan] = []
        event_dates(c, s, reference, said)
        out.extend(d for d in said if d.precision == "day")
        if c.reporting.find(s):
            days = c.lexicon.find_dates(s[:40], reference)
            out.extend(
                d for d in days[:1]
                if d.precision == "day" and d.relative and not s[: d.start].strip(" \"'“«")
            )  # fmt: skip
        if out:
            break
    return out


def _plan_day(c: Compiled, s: str, cand: Candidate, reference: date) -> DateSpan | None:
    """A plan's day named by a weekday is the coming one ("Следующий этап пройдет в пятницу",
    "следующую группу передадут в субботу"), never the past one a report's weekday means."""
    d = cand.date
    if not c.future.find(s):
        return d  # "Во вторник делегации договорились …": the day of the talks
    if d is None and cand.extra.get("unnumbered"):
        found = [
            x for x in c.lexicon.find_dates(s, reference)
            if x.iso and len(x.iso) == 10 and x.relative and not re.search(r"\d", s[x.start : x.end])
        ]  # fmt: skip
        if len(found) != 1:
            return d
        day = date.fromisoformat(found[0].iso or "")
        if 2 <= (reference - day).days <= 6:
            day += timedelta(days=7)
        if day <= reference:
            return d
        return DateSpan(found[0].start, found[0].end, day.isoformat(), "day", True)
    if (
        d is None
        or not d.relative
        or d.iso is None
        or len(d.iso) != 10
        or re.search(r"\d", s[d.start : d.end])
    ):
        return d
    day = date.fromisoformat(d.iso)
    if 2 <= (reference - day).days <= 6:
        return DateSpan(d.start, d.end, (day + timedelta(days=7)).isoformat(), "day", True)
    return d


def _other_figure(out: list[Candidate], when: DateSpan) -> bool:
    """Whether the sentence of a date in the lead gives a side another figure than an earlier,
    undated one ("… обмен по формуле 140 на 140. В начале марта … тогда по 80"): the date of an
    earlier exchange, not of the main one."""
    here = [
        o for o in out
        if o.sentence[0] <= when.start < o.sentence[1] and o.count.value is not None
        and not (o.planned or o.cumulative)
    ]  # fmt: skip
    for o in here:
        sides = {o.side} if not o.both else set(o.parties)
        value, category = o.count.value, o.count.category
        if o.count.in_list and category not in ("total", "bodies"):
            # "Вчера мы встречали 270 военных и 120 мирных жителей": the list's sum.
            value, category = _listed_value(o, here), "total"
        for e in out:
            if (
                e.sentence[1] <= o.sentence[0]
                and e.date is None
                and e.count.value is not None
                and e.count.value != value
                and e.count.category == category
                and not (e.planned or e.cumulative or e.previous or e.count.is_part)
                and not (o.count.is_part or e.extra.get("unnumbered"))
                and sides & ({e.side} if not e.both else set(e.parties))
            ):
                return True
    return False


_WAS_CARRYING = re.compile(
    r"\b(?:had\s+been|was|were)\s+(?:carrying|taking|transporting|bringing|driving)\b", re.I
)
_THEY_WERE = re.compile(r"\b(?:they|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:were|had\s+been)\s+$", re.I)


def _persons_returned_when(c: Compiled, s: str) -> tuple[int, int] | None:
    """The span of a figure-less "they were handed to the Red Cross on Saturday" (persons or
    "they", then a passive verb of return), which dates the exchange like "the swap took place"."""
    if c.plan.find(s) or c.previous.find(s) or c.background.find(s) or c.negation.find(s):
        return None
    for vs, ve, _v in c.give.find(s) + c.returns.find(s):
        head = s[max(0, vs - 40) : vs]
        if _THEY_WERE.search(head) and (c.persons.find(head) or re.search(r"\bthey\b", head, re.I)):
            return vs, min(len(s), ve + 20)  # "handed to Red Cross staff on Friday"
    return None


def _states_when(c: Compiled, s: str) -> tuple[int, int] | None:
    """The span from an exchange noun to its done marker when ``s`` says when this exchange
    happened ("The swap took place on Wednesday"); None for a plan, an earlier exchange or a
    negation. Only a date right around that span dates it."""
    if c.plan.find(s) or c.previous.find(s) or c.background.find(s) or c.negation.find(s):
        return None
    nouns = [t for t in c.exchange.find(s) if exchange_noun(c, s[t[0] : t[1]])]
    done = c.done.find(s)
    if nouns and done and 0 <= done[0][0] - nouns[0][1] < 60:
        return nouns[0][0], done[0][1]
    if nouns and done and 0 <= nouns[0][0] - done[0][1] < 30:
        return done[0][0], nouns[0][1]  # "the two countries carried out a swap on Tuesday"
    return None


def _echoes(
    c: Compiled, lexicon: Lexicon, text: str, sentences: list[Sentence], found: list[Candidate]
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


def _skip_space(s: str, pos: int) -> int:
    return pos + len(s[pos:]) - len(s[pos:].lstrip())


#: A person's name in Cyrillic: two or three capitalised words (English text is left to its
#: own rules, where a name next to a group of prisoners is one more of them).
_NAME = re.compile(
    r"(?<![\w-])[А-ЯЁІЇЄҐ][а-яёіїєґ']+(?:-[А-ЯЁІЇЄҐ][а-яёіїєґ']+)?"
    r"(?:\s+[А-ЯЁІЇЄҐ][а-яёіїєґ']+(?:-[А-ЯЁІЇЄҐ][а-яёіїєґ']+)?){1,2}(?![\w-])"
)


def _named_persons(c: Compiled, s: str, pair: tuple[str, str] | None = None) -> list[Count]:
    """ "Russia released Marc Fogel, and Alexander Vinnik came back to Russia": in a swap of
    named persons outside the Russia-Ukraine war, each name counts one person, of the party of
    a demonym right before it ("американку Ксению Карелину")."""
    found: list[Count] = []
    counted = any(n.value > 1 and not 1900 <= n.value <= 2100 for n in c.lexicon.find_numbers(s))
    for m in sorted([*_NAME.finditer(s), *_LATIN_NAME.finditer(s)], key=lambda m: m.start()):
        name = m.group(0)
        if c.actors.find(name) or c.parties.find(name) or c.mediators.find(name):
            continue
        latin = name.isascii()
        before = s[max(0, m.start() - (50 if latin else 25)) : m.start()]
        # ("American teacher John Doe": a Latin name needs its demonym, a title word between.)
        gap = _TITLE_GAP if latin else re.compile(r"\s*")
        hits = [h for h in c.parties.find(before) if gap.fullmatch(before[h[1] :])]
        party = hits[-1][2] if hits else None
        described = False
        if latin and party is None:
            # "Anna Lee, a US-Russian dual citizen,", "Oleg Sokol, a Russian held in the US": the
            # appositive names a person (its party only when it names one alone).
            m_app = _APPOSITIVE.match(s, m.end())
            if m_app is not None:
                words = m_app.group(1)
                app_hits = c.parties.find(words)
                described = bool(app_hits)
                # The head demonym ("a Russian held in the US") names the party; a compound
                # ("a US-Russian dual citizen") names none.
                if app_hits and app_hits[0][0] == 0 and not re.match(r"\S*-", words):
                    party = app_hits[0][2]
        if latin and ((party is None and not described) or counted or _TITLE.match(name)):
            # "the White House", "Abu Dhabi": capitalised words, no person; "freed 16, among
            # them the American reporter X": a part of a figure, not the figure.
            continue
        found.append(Count(m.start(), m.end(), 1, False, "total", party, False, m.end()))
    known = {k.party for k in found if k.party}
    if pair is not None and len(known) == 1 and known <= set(pair):
        # "A, a Russian, in return for B, a dual citizen": B is of the pair's other party.
        other = next(p for p in pair if p not in known)
        found = [k if k.party else dataclasses.replace(k, party=other) for k in found]
    return found if len(found) <= 4 else []


#: "John Doe", "Mary-Ann O'Neil": two or three capitalised Latin words.
_LATIN_NAME = re.compile(
    r"(?<![\w-])[A-Z][a-z']+(?:-[A-Z][a-z']+)?(?:\s+[A-Z][a-z']+(?:-[A-Z][a-z']+)?){1,2}(?![\w-])"
)
#: "US President Joe Biden", "Russian Foreign Minister ...": an office, not a freed person.
_TITLE = re.compile(
    r"(?:President|Prime|Minister|Foreign|Defen[cs]e|Secretary|Senator|Chancellor|King|Queen|"
    r"Pope|General|Colonel|Governor|Mayor|Ambassador|Envoy|Director|Chief|Deputy|Spokes\w*)\b"
)
_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s+([^,.;:]{2,50})")
#: The words between a demonym and a name: "American teacher", "Russian arms dealer".
_TITLE_GAP = re.compile(
    r"\s+(?:(?!(?:at|in|on|to|from|for|of|and|with|by|as|was|were|is|are|has|had)\s)"
    r"[a-z][a-z'-]+\s+){0,2}"
)


def _dated_recall(
    c: Compiled, s: str, sent: Sentence, pair: tuple[str, str], reference: date | None
) -> Candidate | None:
    """ "В последний раз стороны меняли пленных 27 декабря": an earlier exchange on a day of its
    own, with no figure (for lexicons whose annotations make one of it, ru)."""
    if reference is None or c.plan.find(s) or c.negation.find(s) or c.cumulative.find(s):
        return None
    if c.trial.find(s) or c.not_exchange.find(s) or not c.persons.find(s):
        return None
    mutual = [m for m in c.mutual.find(s) if c.persons.find(s)]
    if not mutual:
        return None
    days = [
        d for d in c.lexicon.find_dates(s, reference)
        if d.iso and d.precision == "day" and not d.relative
        and (reference - date.fromisoformat(d.iso)).days > 2
    ]  # fmt: skip
    if len(days) != 1:
        return None
    d = days[0]
    count = Count(mutual[0][0], mutual[0][1], None, False, "total", None, False, mutual[0][1])
    cand = Candidate(count, None, "rule_dated_recall", (sent.start, sent.end))
    cand.parties = pair
    cand.extra["unnumbered"] = True
    cand.date = DateSpan(d.start, d.end, d.iso, d.precision, d.relative)
    return cand


#: "an undisclosed number of prisoners", "an unspecified number of POWs".
_UNDISCLOSED_NUMBER = re.compile(
    r"\b(?:an?|the)\s+(?:undisclosed|unspecified|unknown|unannounced)\s+number\b", re.I
)


def _undisclosed_stage(
    c: Compiled, s: str, sent: Sentence, pair: tuple[str, str], reference: date | None
) -> Candidate | None:
    """ "On Monday, the first stage saw both sides return an undisclosed number of prisoners":
    an earlier exchange (or stage) on a day of its own, done, with its figures undisclosed."""
    if reference is None or c.plan.find(s) or c.future.find(s) or c.negation.find(s):
        return None
    if c.cumulative.find(s) or c.trial.find(s) or c.not_exchange.find(s):
        return None
    m = _UNDISCLOSED_NUMBER.search(s)
    if m is None or not c.persons.find(s, m.end(), min(len(s), m.end() + 40)):
        return None
    days = [
        d for d in event_dates(c, s, reference)
        if d.iso and d.precision == "day" and date.fromisoformat(d.iso) < reference
    ]  # fmt: skip
    if len({d.iso for d in days}) != 1:
        return None
    d = days[0]
    count = Count(m.start(), m.end(), None, False, "total", None, False, m.end())
    cand = Candidate(count, None, "rule_dated_recall", (sent.start, sent.end))
    cand.parties, cand.previous = pair, True  # (an earlier event: never the main one)
    cand.asserted_by, cand.asserted_by_text = sent.asserted_by, sent.asserted_by_text
    cand.extra["unnumbered"] = True
    cand.date = DateSpan(d.start, d.end, d.iso, d.precision, d.relative)
    return cand


def _next_stage(
    c: Compiled,
    text: str,
    sentences: list[Sentence],
    pair: tuple[str, str],
    reference: date | None,
) -> list[Candidate]:
    """ "The exchange will continue tomorrow", "the final stage is expected on Sunday": a dated
    plan with no figure, for lexicons whose stages of a deal are plans (ru)."""
    if not c.lexicon.deal_stages_are_plans:
        return []
    for sent in sentences:
        s = text[sent.start : sent.end]
        nouns = [t for t in c.exchange.find(s) if exchange_noun(c, s[t[0] : t[1]])]
        futures = c.future.find(s)
        # "Завершающий этап … ожидается": a final stage still to come is not a done word.
        done = [d for d in c.done.find(s) if not c.stages.match_at(s, _skip_space(s, d[1]))]
        if not nouns or not futures or done or c.negation.find(s):
            continue
        if c.trial.find(s) or c.not_exchange.find(s) or c.background.find(s):
            continue
        future = getattr(c.lexicon.find_dates, "future", None)
        found = [
            d
            for d in [
                *(future(s, reference) if future else []),
                *c.lexicon.find_dates(s, reference),
            ]
            if d.iso and len(d.iso) == 10
        ]
        when: DateSpan | None = None
        if found and reference is not None:
            d = found[0]
            day = date.fromisoformat(d.iso)
            if d.relative and day <= reference:
                day += timedelta(days=7)  # "ожидается в воскресенье": the coming Sunday
            if day <= reference:
                continue
            when = DateSpan(d.start, d.end, day.isoformat(), "day", True)
        elif not c.persons.find(s) or c.lexicon.find_dates(s, reference):
            continue  # undated: only "обмен пленными может состояться …" with its prisoners
        count = Count(nouns[0][0], nouns[0][1], None, False, "total", None, False, nouns[0][1])
        cand = Candidate(count, None, "rule_next_stage", (sent.start, sent.end))
        cand.parties, cand.planned = pair, True
        cand.asserted_by, cand.asserted_by_text = sent.asserted_by, sent.asserted_by_text
        cand.extra["unnumbered"] = True
        cand.date = when
        return [cand]
    return []


def _unnumbered_plan(
    c: Compiled,
    text: str,
    sentences: list[Sentence],
    pair: tuple[str, str],
    phrases_only: bool = False,
    reference: date | None = None,
    no_phrases: bool = False,
    today: date | None = None,
) -> list[Candidate]:
    """ "Both sides agreed to exchange all seriously wounded prisoners": a plan without a number.

    In a text about prisoners, "Kyiv is preparing a new exchange" needs no persons named.
    With ``today`` (a report of a done exchange), "сьогодні відбудеться обмін" in an early
    entry of a live blog is that exchange announced, not another plan.
    """
    strong_doc = has_strong_word(text, c.lexicon)
    for sent in sentences:
        s = text[sent.start : sent.end]
        phrases = c.plan_phrases.find(s)
        if not phrases and (phrases_only or not c.plan.find(s)):
            continue  # (neither kind of plan below without a word of plans: a cheap test first)
        if today is not None and any(d.iso == today.isoformat() for d in event_dates(c, s, today)):
            continue
        triggers = c.exchange.find(s) + c.give.find(s) + c.return_nouns.find(s)
        if (
            phrases and triggers and not (c.trial.find(s) or c.not_exchange.find(s) or no_phrases)
        ):  # ("a rally of relatives called for an all-for-all swap": a plea, no plan)
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
        # "if Putin would in return give ...": the idiom, not a return of persons.
        triggers = [
            t for t in triggers
            if not (_IDIOM_IN.search(s, max(0, t[0] - 4), t[0]) and not _FOR.match(s, t[1]))
        ]  # fmt: skip
        plan_words = c.plan.find(s)
        if not triggers or not plan_words or c.trial.find(s) or c.not_exchange.find(s):
            continue
        if _WISH.fullmatch(s[plan_words[0][0] : plan_words[0][1]]):
            continue  # "Kyiv is calling for a swap"; "his relatives had hoped he would be freed"
        if reference is not None and any(
            int(y) < reference.year for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", s)
        ):
            continue  # "In 2023, the prisoners were being taken to a planned exchange": history
        if _WAS_CARRYING.search(s):
            continue  # "the plane had been carrying prisoners to an exchange": history too
        # "Наступний етап обміну запланований на понеділок", "Наступний обмін може відбутися
        # до Різдва": a future word before an exchange noun, in a report of prisoners.
        foreseen = (
            not c.done.find(s)
            and not c.lexicon.find_numbers(s)  # (a numbered plan is read with its numbers)
            and any(
                exchange_noun(c, s[t[0] : t[1]]) or not s[t[0] : t[1]].isascii()
                for t in c.exchange.find(s)
                if any(
                    not re.search(r"[,;:.]", s[f[1] : t[0]]) and t[0] - f[1] <= 25
                    for f in c.future.find(s, 0, t[0])
                )
                # "Another exchange will take place on Sunday", "the final stage of the
                # exchange is expected on Monday": a word of plans right after, with its day.
                or (
                    any(
                        not re.search(r"[,;:.]", s[t[1] : f[0]]) and f[0] - t[1] <= 12
                        for f in [*c.future.find(s, t[1]), *c.plan.find(s, t[1])]
                    )
                    and _plan_date(c, s, reference) is not None
                )
            )
            and bool(c.persons.find(text))
            and any(p[2] in pair for p in c.parties.find(text))
        )
        if (
            foreseen
            and not c.lexicon.preparations_are_plans
            and not c.lexicon.find_dates(s, reference)
        ):
            # "К следующему обмену уже готовятся": "next" before the noun alone, with no day
            # and no verb of the exchange to come, is an intention, not a plan.
            nouns = c.exchange.find(s)
            foreseen = any(
                not any(0 <= t[0] - f[1] <= 2 and not s[f[1] : t[0]].strip() for t in nouns)
                for f in c.future.find(s)
            )
        if not foreseen and not any(governed(c, s, t[0]) for t in triggers):
            continue
        if not (has_strong_word(s, c.lexicon) or c.mutual.find(s)) and (
            not foreseen or all(s[t[0] : t[1]].isascii() for t in triggers)
        ):
            continue  # "a plan to return people in a refugee camp to their homes"
        if not foreseen and not any(
            _plan_object(c, s, t)
            or (strong_doc and c.mutual.find(s, t[0], t[1]))
            or not s[t[0] : t[1]].isascii()  # (the object test reads English word order)
            for t in triggers
        ):
            continue  # "its offer to provide free flu shots to detainees"
        if c.bodies.find(s) and not c.lexicon.body_promises_are_plans:
            continue  # "пообещала передать 6000 тел погибших военных": remains only
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
        cand.date = _plan_date(c, s, reference)
        return [cand]
    return []


def _plan_date(c: Compiled, s: str, reference: date | None) -> DateSpan | None:
    """ "The exchange is scheduled for Monday": a plan's own date is one still to come."""
    if reference is None:
        return None
    for d in event_dates(c, s, reference):
        d = forward_weekday(c, s, d, reference)
        if d.iso and len(d.iso) == 10 and date.fromisoformat(d.iso) > reference:
            return d
    return None


#: Wishes, not plans: "calls for", "hoped", "wants", "urged", "insists on".
_WISH = re.compile(
    r"call(?:s|ed|ing)?\s+for|urg\w*|demand\w*|hop(?:e|es|ed|ing)|wants?|wanted|seek(?:s|ing)?"
    r"|sought|intend\w*|aims?\s+to|insist\w*|plead\w*",
    re.I,
)


_PASSIVE_GAP = re.compile(
    r"\s+(?:(?:will|would|could|should|to|may|might|are|is)\s+)?be(?:ing)?\s+$", re.I
)
_OBJECT_GAP = re.compile(r"[^,;:.!?]{0,40}", re.I)
_NOT_OBJECT = re.compile(r"\b(?:to|for|into|from)\b", re.I)


def _plan_object(c: Compiled, s: str, trigger: tuple[int, int, str]) -> bool:
    """Whether persons or remains are what the plan's verb or noun acts on: after it in the same
    clause ("exchange all prisoners", "the release of 300 POWs"), or its passive subject
    ("the prisoners would be exchanged"); "free flu shots to detainees" is not."""
    start, end, _v = trigger
    if has_strong_word(s[start:end], c.lexicon) and c.lexicon.prefilter_words:
        return True  # "a new prisoner exchange": the noun names the persons
    window = _OBJECT_GAP.match(s, end)
    hi = window.end() if window else end
    for ps, _pe, _cat in c.persons.find(s, end, hi) + c.bodies.find(s, end, hi):
        if not _NOT_OBJECT.search(s, end, ps):
            return True
    for _ps, pe, _cat in c.persons.find(s, max(0, start - 60), start):
        if _PASSIVE_GAP.fullmatch(s, pe, start) or _PASSIVE_GAP.match(s[pe:start]):
            return True
    return False


def _unnumbered(
    c: Compiled,
    text: str,
    lead: list[Sentence],
    pair: tuple[str, str],
    voice: str | None = None,
) -> list[Candidate]:
    """ "Ukrainian servicemen under 25 returned home": an exchange reported without a number."""
    for sent in lead:
        s = text[sent.start : sent.end]
        triggers = c.returns.find(s) + c.receive.find(s) + c.give.find(s)
        if not triggers or any(governed(c, s, t[0]) for t in triggers):
            continue
        if c.plan.find(s, 0, max(t[1] for t in triggers)):
            continue  # a plan word before the verb ("... adding that figures would follow" is fine)
        if c.trial.find(s) or c.not_exchange.find(s):
            continue
        if c.cumulative.find(s) or c.background.find(s):
            continue  # "since the war began, thousands of Russian servicemen have come home"
        # "Україна повернула з полону ще одну групу захисників": the subject of a verb of
        # receiving, right before it.
        received = c.receive.find(s)
        subject = None
        if received:
            named = [p for p in c.parties.find(s, 0, received[0][0]) if p[2] in pair]
            if named and not s[named[-1][1] : received[0][0]].strip(" ,"):
                subject = named[-1][2]
        for start, end, _cat in c.persons.find(s):
            if re.match(r"'s?\s", s[end : end + 3]):
                continue  # "1,200 Russian POWs' letters": what they own, not the persons
            if c.casualty_after is not None and c.casualty_after.match(s, end):
                continue  # "civilians were freed from a basement", "prisoners interviewed by"
            if re.search(
                r"\blists?\s+of\s+(?:[\w-]+\s+){0,3}$", s[max(0, start - 40) : start], re.I
            ):
                continue  # "We handed over lists of our military personnel": names on lists
            window = s[max(0, start - 50) : start]
            marks = c.ages.find(window)
            if marks and re.fullmatch(
                r"[\s\d]*(?:[^\W\d_][\w-]*\s+[\d\s]*){0,5}", window[marks[-1][1] :]
            ):
                continue  # "список из более чем 600 российских военнопленных": a list, or ages
            if not any(_verb_takes(s, t, start, end) for t in triggers):
                continue  # "freed from a basement in a village retaken by Ukrainian troops"
            if all(re.search(r"[;:]", s[min(t[1], start) : max(t[0], end)]) for t in triggers):
                continue  # "... brought home 12 athletes; the prisoner swap talks stalled'
            before = s[max(0, start - 30) : start]
            parties = c.parties.find(before)
            party = parties[-1][2] if parties and not before[parties[-1][1] :].strip(" -") else None
            if party is None:
                tail = re.match(r"\s+of\s+(?:the\s+)?", s[end : end + 12])
                hit = c.parties.match_at(s, end + tail.end()) if tail else None
                party = hit[1] if hit else None
            if party is None and subject is not None and start > received[0][1]:
                party = subject
            if party is None and voice in pair:
                fp = c.first_person.find(before)
                if fp and not before[fp[-1][1] :].strip():
                    party = voice  # "ще частина наших захисників удома"
            if party is None and parties:
                # "Россия вернула пленных …": the subject and its verb right before the persons.
                gap = before[parties[-1][1] :]
                verb = c.receive.match_at(gap, len(gap) - len(gap.lstrip()))
                kind = "receive"
                if verb is None:
                    verb, kind = c.give.match_at(gap, len(gap) - len(gap.lstrip())), "give"
                if verb is not None and not gap[verb[0] :].strip():
                    who = parties[-1][2]
                    party = who if kind == "receive" else (pair[0] if who == pair[1] else pair[1])
            if party in pair:
                count = Count(start, end, None, False, "total", party, False, end)
                cand = Candidate(count, party, "rule_unnumbered", (sent.start, sent.end))
                cand.parties = pair
                cand.asserted_by = sent.asserted_by
                cand.extra["unnumbered"] = True
                return [cand]
    return []


def _verb_takes(s: str, trigger: tuple[int, int, str], start: int, end: int) -> bool:
    """Whether the persons at ``start:end`` are the subject (just before, same clause) or the
    object (just after, no preposition between) of a verb of return."""
    if end <= trigger[0]:
        gap = re.sub(
            r"^,\s*(?:including|among\s+them|some\s+of\s+them)[^,;:]*,", "", s[end : trigger[0]]
        )
        return len(gap) <= 60 and not re.search(r"[,;:]", gap)
    gap = s[trigger[1] : start]
    return len(gap) <= 60 and not re.search(
        r"[,;:]|\b(?:to|for|into|from|by|in|at|of|with|after|near)\b", gap, re.I
    )


_HEADING_WORD = re.compile(r"[\W_]*(?:[^\W\d_]+)?[\W_]*")


_CAPITALISED_NAME = re.compile(
    r"(?<![\w-])[A-Z\u0400-\u042f][\w'-]+(?:\s+[A-Z\u0400-\u042f][\w'-]+)+"
)


def _join_named_before_sentence(
    c: Compiled, text: str, sentences: list[Sentence], sent: Sentence, counts: list[Count]
) -> None:
    """ "Бывший депутат Игорь Лесной оказался в России. Вместе с ним освободили 40 военных":
    the group and the person named in the sentence before, with no number of its own (41)."""
    i = bisect_left([s.start for s in sentences], sent.start)
    if i == 0 or not counts or counts[0].value is None or counts[0].extra_named:
        return
    if counts[0].category == "bodies" or counts[0].is_part:
        return
    before = text[sentences[i - 1].start : sentences[i - 1].end]
    if re.search(r"\d", before) or c.lexicon.find_numbers(before):
        return
    for m in _CAPITALISED_NAME.finditer(before):
        name = m.group(0)
        if (
            c.parties.find(name)
            or c.mediators.find(name)
            or c.actors.find(name)
            or c.persons.find(name)
            or c.lexicon.find_dates(name, None)
        ):
            continue
        counts[0].value += 1
        counts[0].extra_named = name
        return


def _released_group_party(
    c: Compiled, s: str, start: int, pair: tuple[str, str] | None
) -> str | None:
    """The party of the group named right after a noun of release in the clause before a colon
    that opens the figure's clause ("к освобождению палестинцев …: … 600 человек")."""
    colon = s.rfind(":", 0, start)
    if colon < 0 or pair is None:
        return None
    for _b, e, _v in reversed(c.return_nouns.find(s, 0, colon)):
        hit = c.parties.match_at(s, e + len(s[e:colon]) - len(s[e:colon].lstrip()))
        if hit is not None and hit[1] in pair and not re.search(r"[,;]", s[e:colon]):
            return hit[1]
    return None


def _day_headings(
    lexicon: Lexicon,
    text: str,
    sentences: list[Sentence],
    dateline: DateSpan | None,
    reference: date | None,
) -> list[tuple[int, DateSpan]]:
    """Sections of a day-by-day account: sentences that are only a day, perhaps after one word
    ("Четверг, 12 июня.", "Friday, 13 June."), each opening the figures of that day up to the
    next one. Two such headings with different days at least; the dateline is none."""
    out: list[tuple[int, DateSpan]] = []
    for sent in sentences:
        local = text[sent.start : sent.end]
        if len(local) > 40 or (dateline is not None and sent.start <= dateline.start < sent.end):
            continue
        found = [d for d in lexicon.find_dates(local, reference) if d.iso]
        if len(found) != 1 or found[0].precision != "day" or len(found[0].iso or "") != 10:
            continue
        d = found[0]
        rest = local[: d.start] + " " + local[d.end :]
        if _HEADING_WORD.fullmatch(rest) and not rest.strip()[:1].islower():
            out.append((sent.start, DateSpan(0, 0, d.iso, "day", False)))
    return out if len({d.iso for _s, d in out}) >= 2 else []


def _timestamp_lines(
    lexicon: Lexicon, text: str, sentences: list[Sentence], reference: date | None
) -> list[tuple[int, date]]:
    """Lines that are only a date and a time ("Sat 14 Sep 2024 10.32 BST"): a live blog's
    entry stamps, the day "today" means in the lines below them."""
    out: list[tuple[int, date]] = []
    for sent in sentences:
        line = text[sent.start : sent.end]
        if len(line) > 60 or not re.search(r"\d", line):
            continue
        found = [d for d in lexicon.find_dates(line, reference) if d.iso and len(d.iso) == 10]
        if not found or found[0].relative:
            continue
        rest = line[: found[0].start] + line[found[0].end :]
        # Only clock times and a few words (weekday, "Updated", a zone) besides the date.
        clock = re.search(r"\b\d{1,2}[.:]\d\d\b", rest)
        words = re.findall(r"[^\W\d_]{3,}", re.sub(r"\d{1,2}[.:]\d\d", " ", rest))
        if (clock and len(words) <= 3) or not words:
            out.append((sent.start, date.fromisoformat(found[0].iso or "")))
    return out


def _reference_at(stamps: list[tuple[int, date]], pos: int, default: date | None) -> date | None:
    """The date of the last entry stamp before ``pos``, else ``default``."""
    before = [d for start, d in stamps if start < pos]
    return before[-1] if before else default


def _undisclosed(
    c: Compiled,
    text: str,
    lead: list[Sentence],
    pair: tuple[str, str],
    reference: date | None,
    dateline: DateSpan | None = None,
) -> list[Candidate]:
    """ "Another exchange took place on Friday; the numbers were not disclosed": an exchange
    carried out with no figure, still an event (null figures)."""
    named = any(p[2] in pair for p in c.parties.find(text)) or any(
        actor_party(a[2]) in pair for a in c.actors.find(text)
    )
    if not named and not (pair == ("Russia", "Ukraine") and c.war_context.find(text)):
        return []  # "a swap deal done" in football: neither party of a war is named
    for sent in lead:
        s = text[sent.start : sent.end]
        if c.trial.find(s) or c.not_exchange.find(s) or c.background.find(s):
            continue
        if (c.cumulative.find(s) and not _ORDINAL_SINCE.search(s)) or any(
            m[0] > 20 and not c.plan.find(s, max(0, m[0] - 25), m[0]) for m in c.previous.find(s)
        ):
            continue  # "since the war began the sides have held 60 exchanges" (but "Today
            # another exchange took place" is this one, and "a swap agreed at talks last week"
            # dates the talks)
        if c.deal_terms.find(s):
            continue  # "the deal provides for the release of the hostages": terms
        nouns = [
            t
            for t in c.exchange.find(s)
            if exchange_noun(c, s[t[0] : t[1]])
            and (
                not s[t[0] : t[1]].isascii()
                or c.mutual.find(s, t[0], t[1])
                or _plan_object(c, s, t)
            )
        ]  # "the release of the film" is no release of persons; "the exchange" needs none
        done = c.done.find(s)
        if not nouns and done:
            # "Сьогодні відбувся обмін полоненими": a language whose exchange words are no
            # English noun. Then the exchange word must stand next to the done word and the
            # sentence must date it ("обміни відбувалися регулярно" is no event).
            dated = [
                d for d in event_dates(c, s, reference)
                if not (sent.start == 0 and re.match(r"\s*[^\W\d_]+[,.]", s) and d.start < 40)
            ]  # fmt: skip
            nouns = [
                t for t in c.exchange.find(s)
                if dated and re.fullmatch(
                    r"\s+(?:[^\W\d_]+\s+){0,2}",
                    s[min(t[1], done[0][1]) : max(t[0], done[0][0])] or " ",
                )
            ]  # fmt: skip
            if not nouns:
                # "Коордштаб повідомив про повернення першої групи": a done marker that holds
                # the word of return itself reports the event, dated or not.
                nouns = [
                    t for t in c.exchange.find(s)
                    if any(d[0] <= t[0] and t[1] <= d[1] for d in done)
                ]  # fmt: skip
        if not (nouns and done) and c.lexicon.mutual_verbs and not c.lexicon.find_numbers(s):
            # «Москва и Киев накануне обменялись пленными»: a past mutual verb and its persons.
            mutual = [
                m for m in c.mutual.find(s)
                if not s[m[0] : m[1]].isascii()
                and c.persons.match_at(s, m[1] + len(s[m[1] :]) - len(s[m[1] :].lstrip()))
            ]  # fmt: skip
            nouns = done = mutual
        if not nouns or not done:
            # "Ukraine and Russia swapped prisoners of war on Wednesday", "Russia secured the
            # return of a group of its soldiers from captivity": a done verb acting on persons.
            verb = _done_verb_on_persons(c, s)
            if verb is None:
                continue
            nouns, done = [verb], [verb]
        lo, hi = min(nouns[0][0], done[0][0]), max(nouns[0][1], done[0][1])
        if hi - lo > 90 or c.negation.find(s, max(0, lo - 20), hi):
            continue  # "The exchange, the 65th since the start of the war, was completed"
        # A plan word counts unless it only follows a report ("held another exchange under
        # the Istanbul agreements"): none before the exchange, and no modal on the done word.
        if any(p[0] < hi for p in c.plan.find(s)) or governed(c, s, done[0][0]):
            continue
        before = c.lexicon.find_numbers(s[max(0, nouns[0][0] - 25) : nouns[0][0]])
        if any(n.value > 1 for n in before):
            continue  # "more than 60 exchanges have taken place": a count of exchanges
        count = Count(nouns[0][0], nouns[0][1], None, False, "total", None, False, nouns[0][1])
        cand = Candidate(count, None, "rule_undisclosed", (sent.start, sent.end))
        cand.parties = pair
        cand.asserted_by = sent.asserted_by
        cand.asserted_by_text = sent.asserted_by_text
        cand.extra["unnumbered"] = True
        found = [
            d for d in event_dates(c, s, reference) if not inside_dateline(d, dateline, sent.start)
        ]
        if found:
            d = found[0]
            cand.date = DateSpan(d.start, d.end, d.iso, d.precision, d.relative)
        return [cand]
    return []


def _done_verb_on_persons(c: Compiled, s: str) -> tuple[int, int, str] | None:
    """A past verb of exchange or return whose object is persons, with no number, in a sentence
    about captivity: "swapped prisoners of war", "brought home more of its people from captivity"."""
    if not (has_strong_word(s, c.lexicon) or c.captivity.find(s)):
        return None
    verbs = outermost(c.mutual.find(s) + c.receive.find(s))
    for verb in verbs:
        start, end, _v = verb
        if governed(c, s, start) or _IDIOM_IN.search(s, max(0, start - 4), start):
            continue
        if not _PAST.match(s, start) or c.negation.find(s, max(0, start - 25), start):
            continue  # "bringing prisoners home" (a headline's gerund), "have not swapped"
        if exchange_noun(c, s[start:end]):
            continue  # a noun ("an exchange") needs a done marker, handled by the caller
        window = _OBJECT_GAP.match(s, end)
        hi = min(window.end() if window else end, end + 45)
        if c.bodies.find(s, end, hi):
            continue
        for ps, _pe, _cat in c.persons.find(s, end, hi):
            if not _NOT_OBJECT.search(s, end, ps):
                return verb
    return None


def extract_clean_document(doc: CleanDocument) -> DocumentExtraction:
    """Extract a cleaned document (the per-document hook ``ingest`` runs before storing)."""
    return extract_document(
        doc.text,
        published=doc.published,
        language=doc.language,
        doc_id=doc.external_id or doc.source,
    )
