"""Who asserts each figure: reporting verbs, quotations, bylines, institutions, statements."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache

from powledger.extract import actors_data
from powledger.extract.compose import (
    Count,
)
from powledger.extract.patterns import Compiled, Table, actor_party, make_table


@dataclass
class Sentence:
    """A sentence's span, its paragraph and who asserts what it says."""

    start: int
    end: int
    paragraph: int
    asserted_by: str | None = None
    asserted_by_text: str | None = None
    #: The party of a speaker the actor list does not know, from the title given with the name.
    speaker_party: str | None = None


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


# --- speakers the actor list does not know -----------------------------------------------

_CAP = "A-ZА-ЯЁІЇЄҐ"
_LOW = "a-zа-яёіїєґ"
_TOKEN = rf"[{_CAP}][{_LOW}'’]+(?:-[{_CAP}]?[{_LOW}'’]+)?"
_RUN = re.compile(rf"(?<![\w'’-]){_TOKEN}(?:\s+{_TOKEN})*(?![\w'’])")
#: Words that start with a capital in a run of them but are not a person's name: titles,
#: institutions, calendar words, sentence openers, demonyms (checked lower-cased, by prefix
#: for the Slavic ones, whose endings vary).
_NOT_NAME = frozenset(
    re.findall(
        r"\S+",
        """president presidential prime minister ministers deputy vice foreign defence defense interior
    justice secretary spokesman spokeswoman spokesperson press head chief director ombudsman
    commissioner governor mayor leader general colonel major lieutenant captain adviser advisor
    aide envoy ambassador negotiator chairman chair speaker senator representative official
    officials mr mrs ms dr sheikh his her their its state security council national intelligence
    service services ministry office headquarters staff army forces military agency department
    committee government human rights parliament news press the a an this that these those it he
    she they we our on in at as for from with by to of and but or also earlier later after before
    meanwhile however then when while if monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december red
    cross crescent kremlin white house united nations states republic people's eu european union
    coordination treatment prisoners prisoner war pow pows russian ukrainian armenian azerbaijani
    israeli iranian american belarusian palestinian emirati turkish qatari saudi egyptian chinese
    british french german occupied occupation moscow-appointed kremlin-installed russian-installed
    russia-installed self-proclaimed regional region district oblast city local acting former
    top senior junior first second new old telegram facebook x twitter statement photo video
    read more update breaking live latest exclusive analysis opinion""",
    )
)
#: Slavic title and institution stems (prefixes, four letters or more).
_NOT_NAME_SLAVIC = (
    "президент",
    "прем'єр",
    "премьер",
    "міністр",
    "министр",
    "заступник",
    "заместител",
    "керівник",
    "руководител",
    "речни",
    "пресс-",
    "прес-",
    "представни",
    "генерал",
    "полковник",
    "секретар",
    "уповноважен",
    "уполномоченн",
    "омбудсм",
    "губернатор",
    "очільни",
    "лідер",
    "лидер",
    "україн",
    "украин",
    "російськ",
    "российск",
    "міністерств",
    "министерств",
    "офіс",
    "офис",
    "служб",
    "координаційн",
    "координационн",
    "держав",
    "государств",
    "збройн",
    "вооруженн",
    "генштаб",
    "верховн",
    "правительств",
    "кабінет",
    "кабинет",
    "сьогодні",
    "сегодня",
    "вчора",
    "вчера",
    "неділ",
    "воскресен",
    "понеділ",
    "понедель",
    "вівтор",
    "вторник",
    "четвер",
    "п'ятниц",
    "пятниц",
    "субот",
    "січн",
    "лютого",
    "березн",
    "квітн",
    "травн",
    "червн",
    "липн",
    "серпн",
    "вересн",
    "жовтн",
    "листопад",
    "грудн",
    "январ",
    "феврал",
    "апрел",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
    "телеграм",
    "донецьк",
    "донецк",
    "луганськ",
    "луганск",
    "херсон",
    "запоріз",
    "запорож",
    "міжнародн",
    "международн",
    "об'єднан",
    "объединенн",
    "арабськ",
    "арабск",
    "емірат",
    "эмират",
    "сполучен",
    "соединенн",
)
#: Short Slavic words that open a sentence or name a title, matched whole.
_NOT_NAME_SLAVIC_WORDS = frozenset(
    re.findall(
        r"\S+",
        """про об це это як как за по на у в із из від от після после тоді тогда мер посол
        голова голови глава главы серед середа марта мая фото відео видео днр лнр оае оаэ росія
        россия рф крим крым червоний червоного червоному красный красного красному штаб уряд
        також также теж тоже щодо когда коли""",
    )
)
#: Words that make a capitalised run an institution, a place or a title, not a person.
_INSTITUTION_WORDS = frozenset(
    re.findall(
        r"\S+",
        """organization organisation laboratory administration times insider reporter chronicle
        university institute institution units society transactions federation bureau agency
        press news post journal herald tribune gazette review company co corp inc ltd group bank
        fund commission court party church school college center centre hospital airport station
        street avenue square day show card brothers reports control prevention association union
        foundation network channel radio television tv magazine daily weekly airlines motors
        systems technologies partners capital securities equities exchange market index county
        province state city village island mountains river lake bay port beach park hall house
        museum library stadium arena club team league cup championship festival conference summit
        forum assembly congress senate parliament duma rada ministry office headquarters staff
        army navy force forces guard police service services council committee department
        administrator employee officer executive ceo founder professor analyst economist
        researcher scientist correspondent editor author coach manager international""",
    )
)
_TITLE_WORDS = frozenset(
    re.findall(
        r"\S+",
        """president prime minister deputy secretary spokesman spokeswoman spokesperson head chief
    director ombudsman commissioner governor mayor leader general colonel adviser advisor aide
    envoy ambassador negotiator chairman speaker senator representative official mr mrs ms dr
    sheikh""",
    )
)
_UK_LATIN = dict(
    zip(
        "абвгґдезиіїйклмнопрстуфхцчшщьюяє'’",
        [
            "a",
            "b",
            "v",
            "h",
            "g",
            "d",
            "e",
            "z",
            "y",
            "i",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "iu",
            "ia",
            "ie",
            "",
            "",
        ],
        strict=True,
    )
)
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_RU_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)
_UK_LATIN["ж"] = "zh"


def _ru_letter(word: str, i: int) -> str:
    """One Russian letter the way the English-language press spells names: Yevgeny, Sergei,
    Dmitry, Yuri."""
    ch, before = word[i], word[i - 1] if i else ""
    if ch == "е" and (i == 0 or before in "аеёиоуыэюяьъ"):
        return "ye"
    if ch == "ё":
        return "yo" if i == 0 or before in "аеёиоуыэюяьъ" else "e"
    if ch == "й" and i == len(word) - 1 and before in "иы":
        return ""  # Dmitry, Yuri (the vowel before already gives "y"/"i")
    if ch == "и" and i == len(word) - 2 and word.endswith("ий") and len(word) > 4:
        return "y"
    if ch == "я" and before == "и":
        return "a"  # Maria, Valeria
    if ch == "й" and before == "е":
        return "i"  # Sergei, Andrei, Alexei
    return _RU_LATIN.get(ch, ch)


def transliterate(name: str, language: str) -> str:
    """A Cyrillic name in Latin letters (Ukrainian national system or a plain Russian one)."""
    if not re.search(r"[а-яёіїєґ]", name, re.I):
        return name
    uk = language == "uk" or bool(re.search(r"[іїєґ]", name, re.I))
    out = []
    for word in name.split():
        letters = []
        for i, ch in enumerate(word):
            low = ch.lower()
            if uk:
                latin = _UK_INITIAL.get(low) if i == 0 else None
                latin = latin if latin is not None else _UK_LATIN.get(low, ch)
            else:
                latin = _ru_letter(word.lower(), i)
            letters.append(latin.capitalize() if ch.isupper() and latin else latin)
        out.append("".join(letters))
    return " ".join(out)


def _not_name(token: str, c: Compiled) -> bool:
    low = token.lower().replace("’", "'")
    if low in _NOT_NAME or low.split("-")[0] in _NOT_NAME:
        return True
    if re.search(r"[а-яёіїєґ]", low) and (
        len(low) <= 2
        or low in _NOT_NAME_SLAVIC_WORDS
        or any(low.startswith(w) for w in _NOT_NAME_SLAVIC)
    ):
        return True
    return bool(c.parties.find(token) or c.mediators.find(token))


_SUBJECT_GAP = re.compile(
    r"(?:\s*,[^.;:\n\"]{0,160}?,)?\s*(?:(?:has|had|have|also|later|then|earlier|previously|"
    r"on\s+\w+|у\s+\w+|в\s+\w+|also|теж|також|также|тоже)\s+)*",
    re.I,
)
_TITLE_START = re.compile(
    r"\s*,\s*(?:the|a|an|who|whose|its|his|her|[\w-]+'s|"
    r"(?:[\w'’-]+\s+){0,3}?(?:голов|глав|керівник|руководител|речни|пресс-секретар|"
    r"прес-секретар|представни|заступник|заместител|міністр|министр|президент|уповноважен|"
    r"уполномоченн|омбудсм|секретар|радник|советник|посол|губернатор|очільни|лідер|лидер|"
    r"командувач|командующ|начальник|директор|спікер|спикер|депутат|помічник|помощник|"
    r"deputy|head|chief|minister|spokes|secretary|director|ombudsman|commissioner|adviser|"
    r"advisor|aide|governor|leader|envoy|ambassador|negotiator|president))",
    re.I,
)


def _is_subject(text: str, end: int, cue_start: int) -> bool:
    """``text[end:cue_start]`` lets the name before it be the reporting verb's subject: nothing,
    an adverb, or an appositive that is a title ("X, the head of ..., said"; not "X, Y was handed
    over, officials said")."""
    if end > cue_start:
        return False
    gap = _SUBJECT_GAP.match(text, end, cue_start)
    if gap is None or gap.end() != cue_start:
        return False
    return "," not in text[end:cue_start] or _TITLE_START.match(text, end) is not None


_OBJECT_GAP = re.compile(r"\s*(?:by\s+|to\s+)?(?:[\w'’-]+\s+){0,6}?", re.I)
#: "said in San Francisco", "told reporters at ...": the name after it is a place or an event.
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|at|on|from|for|during|after|before|with|about|into|near|over|у|в|во|на|із|из|під|"
    r"под|після|после|біля|возле)\s+(?:the\s+)?$",
    re.I,
)
#: Cues after which a Slavic name stands in the genitive («за словами», «по данным»).
_GENITIVE_CUE = re.compile(
    r"(?<!\w)(?:за\s+слов\w+|по\s+слов\w+|за\s+даними|по\s+данным|за\s+інформацією|"
    r"по\s+информации|з\s+посиланням\s+на|со\s+ссылкой\s+на|згідно\s+з|согласно)$",
    re.I,
)
_THAT = re.compile(r"\b(?:that|що|что|як|как|when|коли|когда)\b", re.I)


def unknown_speakers(
    c: Compiled,
    text: str,
    known: list[tuple[int, int, str]],
    cues: list[tuple[int, int, str]],
    parties: dict[str, str] | None = None,
) -> list[tuple[int, int, str]]:
    """People the actor list does not know, named with a reporting verb ("Deputy Foreign Minister
    Aram Sargsyan said", "..., said Olena Kovalenko, the head of ...", «Денис Петренко заявив»):
    (start, end, canonical), the canonical name being the full name as written, in Latin letters.
    Their surname alone later in the text is the same person. ``parties`` receives the party
    each one speaks for, when the title says it ("Armenian Deputy Foreign Minister", "the
    Moscow-appointed head of ...", "a spokesman for the Coordination Headquarters")."""
    taken = [(a[0], a[1]) for a in known]
    found: list[tuple[int, int, str]] = []
    surnames: dict[str, str] = {}
    cue_starts = [q[0] for q in cues]
    cue_ends = sorted(q[1] for q in cues)
    verdicts: dict[str, bool] = {}

    def not_name(token: str) -> bool:
        if token not in verdicts:
            verdicts[token] = _not_name(token, c)
        return verdicts[token]

    for m in _RUN.finditer(text):
        if not re.search(r"\s", m.group(0)):
            continue  # one capitalised word is never a full name
        tokens = list(re.finditer(r"\S+", m.group(0)))
        keep = len(tokens)
        while keep > 0 and not not_name(tokens[keep - 1].group(0)):
            keep -= 1
        # The name is the run's tail of name-like words: "Deputy Foreign Minister | Aram Sargsyan".
        name_tokens = tokens[keep:]
        if not 2 <= len(name_tokens) <= 3:
            continue
        start = m.start() + name_tokens[0].start()
        end = m.start() + name_tokens[-1].end()
        if any(s < end and start < e for s, e in taken):
            continue
        before = re.search(r"([\w'’-]+)\s+$", text[max(0, start - 30) : start])
        titled = before is not None and before.group(1).lower() in _TITLE_WORDS
        cyrillic = re.search(r"[а-яёіїєґ]", text[start:end], re.I) is not None
        if cyrillic:
            titled = titled or (keep > 0 and not_name(tokens[keep - 1].group(0)))
        i = bisect_left(cue_starts, end)
        subject = i < len(cues) and _is_subject(text, end, cues[i][0])
        after_cue = False
        for q1 in cue_ends[bisect_left(cue_ends, start - 60) : bisect_left(cue_ends, start + 1)]:
            between = text[q1:start]
            if cyrillic and _GENITIVE_CUE.search(text, max(0, q1 - 30), q1):
                continue  # «за словами Івана Петренка»: an inflected name, not one as written
            if (
                _OBJECT_GAP.fullmatch(between)
                and not _THAT.search(between)
                and not re.search(r"[.,;:!?\n]", between)
                and not _PLACE_PREPOSITION.search(between)
            ):
                after_cue = True
        if not (subject or after_cue or titled):
            continue
        # Cheap tests passed; now the ones that look further.
        words = [t.group(0) for t in name_tokens]
        owned = keep > 0 and re.search(r"['’]s$", tokens[keep - 1].group(0)) is not None
        if (
            owned
            or any(w.lower().strip("'’") in _INSTITUTION_WORDS for w in words)
            or any(re.search(r"['’]s$", w) for w in words)
            or text[end : end + 2] in ("'s", "’s")
        ):
            continue  # "the Jet Propulsion Laboratory said", "Nadia Cruz's lawyer said"
        if keep == 0 and re.search(r"\b(?:the|The)\s+$", text[max(0, m.start() - 5) : m.start()]):
            continue  # "the Drug Enforcement Administration": a body, not a person
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        line_words = re.findall(r"[^\W\d_][\w'’-]*", text[line_start:line_end])
        capitals = sum(1 for w in line_words if w[0].isupper())
        if len(line_words) >= 4 and capitals > 0.6 * len(line_words):
            continue  # a headline in title case
        run = m.group(0)
        places = c.parties.find(run) + c.mediators.find(run)
        if any(e > name_tokens[0].start() for _s, e, _p in places):
            continue  # "The United Arab Emirates said": a country, not a person
        j = bisect_left(cue_starts, line_start)
        cue_in_line = j < len(cues) and cues[j][0] < line_end
        # A Slavic name only as a verb's subject or right after it, where it is nominative.
        if not (subject or after_cue or (cue_in_line and not cyrillic)):
            if not cyrillic:
                # "Security Council official Davit Sargsyan spoke ...": "Sargsyan said" later is
                # that person.
                full = re.sub(r"\s+", " ", text[start:end])
                surnames.setdefault(full.split()[-1], full)
                taken.append((start, end))
            continue
        canonical = transliterate(re.sub(r"\s+", " ", text[start:end]), c.lexicon.language)
        if parties is not None and canonical not in parties:
            title = text[max(line_start, m.start() - 30) : start]
            appositive = re.match(r",[^.;:\n\"]{0,160}?,", text[end : end + 170])
            if appositive is None and after_cue:
                appositive = re.match(r",[^.;:\n\"]{0,120}", text[end : end + 130])
            context = title + (appositive.group(0) if appositive else "")
            sides = [h[2] for h in c.parties.find(context)] + [
                p for a in c.actors.find(context) if (p := actor_party(a[2])) is not None
            ]
            if sides:
                parties[canonical] = sides[0]
        found.append((start, end, canonical))
        taken.append((start, end))
        surnames.setdefault(text[start:end].split()[-1], canonical)
    for surname, canonical in surnames.items():
        if not re.search(r"[A-Za-z]", surname):
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            i = bisect_left(cue_starts, m.end())
            said = i < len(cues) and _is_subject(text, m.end(), cues[i][0])
            if said or any(q1 <= m.start() <= q1 + 12 for _q0, q1, _v in cues):
                found.append((m.start(), m.end(), canonical))
                taken.append((m.start(), m.end()))
    found.sort()
    return found


@cache
def _outlet_table() -> Table:
    return make_table({re.escape(o).replace(r"\ ", r"\s+"): "outlet" for o in actors_data.OUTLETS})


#: Words of a pronoun or generic reference ("the ministry said", «в ведомстве») -> the kind of
#: actor it refers back to.
_ANAPHORA_KINDS = (
    (("ministry", "міністерств", "министерств", "відомств", "ведомств", "мзс", "мид"), "ministry"),
    (
        (
            "headquarters",
            "staff",
            "agency",
            "service",
            "intelligence",
            "штаб",
            "розвідк",
            "разведк",
            "служб",
        ),
        "agency",
    ),
    (("ombudsman", "commissioner", "омбудсм", "уповноважен", "уполномоченн"), "ombudsman"),
    (("president", "leader", "official", "spokes", "президент", "лідер", "лидер"), "official"),
)


def _anaphora_kind(phrase: str) -> str | None:
    low = phrase.lower()
    for words, kind in _ANAPHORA_KINDS:
        if any(w in low for w in words):
            return kind
    return None


def actor_kind(name: str) -> str | None:
    entry = actors_data.SPEAKERS.get(name)
    if entry is None:
        return "official"  # a person named with a title and a reporting verb
    return "agency" if entry[0] == "observer" else entry[0]


_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:to|via|through|with|by|from|for|of|in|under|at|between)\s+(?:the\s+)?"
    r"|(?:за\s+участ\w+|при\s+участии|при\s+содействии|за\s+сприяння|за\s+сприянням"
    r"|за\s+посередництв\w+|при\s+посредничеств\w+|через|передал\w*|передан\w*)\s+)$",
    re.I,
)


_CITING_BEFORE = re.compile(
    r"(?:referring\s+to|citing|quoting|посилаючись\s+на|з\s+посиланням\s+на|ссылаясь\s+на"
    r"|со\s+ссылкой\s+на)\s+(?:the\s+)?$",
    re.I,
)


_GENERIC_SUBJECT = re.compile(
    r"(?:\b(?:officials?|authorities|sources?|diplomats?|negotiators?|officers?)\b"
    r"|(?<!\w)(?:чиновник\w*|джерел\w*|источник\w*|посадовц\w*))"
    r"(?:\s+(?:in|from|of|close\s+to|familiar\s+with)\s+[^,.;]{1,40}?)?\s*$",
    re.I,
)


def _generic_subject(
    text: str, start: int, cue: tuple[int, int, str], pick: tuple[int, int, str]
) -> bool:
    """The first reporting verb's subject is unnamed ("officials said", «джерела повідомили»)
    and the picked name is not that subject ("Viktor Medvedchuk, a close friend of Vladimir
    Putin, was among them, Ukrainian officials said")."""
    if _is_subject(text, pick[1], cue[0]):
        return False
    clause = text[start : cue[0]]
    clause = clause[clause.rfind(",") + 1 :]
    return _GENERIC_SUBJECT.search(clause) is not None


_OWNER_GAP = re.compile(
    r"\s+(?:of\s+(?:the\s+)?)?(?!(?:and|or|та|і|й|и|или|або)\s)(?:[\w'’-]+\s+)?|\s+", re.I
)


def pick_speaker(
    text: str, actors: list[tuple[int, int, str]], cues: list[tuple[int, int, str]]
) -> tuple[int, int, str] | None:
    """Who a reporting verb belongs to: its subject ("X said", "X, the head of Y's office,
    said"), the name right after it ("said X", "according to X"), else the nearest name that is
    not the object of a preposition ("handed to the Red Cross" is no speaker)."""
    for q0, q1, _v in cues:
        subjects = [a for a in actors if _is_subject(text, a[1], q0)]
        if subjects:
            head = subjects[0]
            for a in sorted(actors, reverse=True):
                # "the Main Intelligence Directorate of Ukraine's Ministry of Defence said",
                # «Головне управління розвідки Міністерства оборони повідомило»: the body the
                # genitive belongs to speaks.
                if a[1] <= head[0] and _OWNER_GAP.fullmatch(text, a[1], head[0]):
                    head = a
            return head
        for a in actors:
            between = text[q1 : a[0]]
            if (
                a[0] >= q1
                and len(between) <= 60
                and _OBJECT_GAP.fullmatch(between)
                and not _THAT.search(between)
                and not re.search(r"[.;:!?\n]", between)
            ):
                return a
    anchor = cues[0][0]
    free = [
        a
        for a in actors
        if min(abs(a[0] - q1) for _q0, q1, _v in cues) <= 80
        and (
            not _PREPOSITION_BEFORE.search(text[max(0, a[0] - 40) : a[0]])
            or _CITING_BEFORE.search(text[max(0, a[0] - 40) : a[0]])
            or any(q1 <= a[0] <= q1 + 12 for _q0, q1, _v in cues)
        )
    ]
    if not free:
        return None
    return min(free, key=lambda a: abs(a[0] - anchor))


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
                or (hs >= tail and re.fullmatch(r"\s+(?:of|in)\s+(?:the\s+)?", window[tail:hs]))
            ]
            if not attached and re.search(r"\b(?:its|their)\s+$", window[:head], re.I):
                # "Russia received 75 of its servicemen ..., its defence ministry said": the
                # sentence's first party owns "its".
                before = sorted(h for h in c.parties.find(text, start, m.start()))
                attached = [before[0][2]] if before else []
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
    hits = c.parties.find(m.group(1)) or c.mediators.find(m.group(1))
    return hits[0][2] if hits else None


_SELF_STATEMENT = re.compile(
    r"\s+(?:also\s+|також\s+|также\s+)?(?:thanks|reminds|expresses|informs|urges|calls\s+on|"
    r"дякує|нагадує|висловлює|інформує|закликає|благодарит|напоминает|выражает|информирует|"
    r"призывает)\b",
    re.I,
)


def _name_at(c: Compiled, line: str) -> tuple[int, str] | None:
    """An actor opening ``line``, maybe after a first name («Дмитро Лубінець»)."""
    hit = c.actors.match_at(line, 0)
    if hit is None:
        first = re.match(rf"{_TOKEN}\s+", line)
        if first is not None and not _not_name(first.group(0).strip(), c):
            hit = c.actors.match_at(line, first.end())
    return hit


def find_byline(
    c: Compiled,
    text: str,
    sentences: list[Sentence],
    known: list[tuple[int, int, str]] | None = None,
) -> tuple[str, str] | None:
    """An author named alone on the first line ("Volodymyr Zelensky"), or a statement's voice."""
    if sentences:
        first = text[sentences[0].start : sentences[0].end].strip()
        headline = text.split("\n", 1)[0]
        tail = re.search(r"\s[—–-]\s*([^—–\n]{2,60}?)[.\s]*$", headline)
        if tail is not None and ("\n" in text or len(sentences) == 1):
            # A headline closing on its source: «Россия вернула 95 военных — Минобороны».
            named = actors_in(c, tail.group(1), 0, len(tail.group(1)))
            if len(named) == 1 and named[0][0] == 0 and not tail.group(1)[named[0][1] :].strip():
                return named[0][2], tail.group(1)
        hit = _name_at(c, first)
        if hit is not None and (
            not first[hit[0] :].strip(" .:-")
            or re.match(
                r"\s*[:|,](?!\s*(?:яка|який|які|котр\w+|которая|который|которые|who|which|whose)\b)",
                first[hit[0] :],
            )
        ):
            # "Volodymyr Zelensky" alone, or "Tatyana Moskalkova: ..." opening a post.
            return hit[1], first[: hit[0]]
        head = text[sentences[0].start : sentences[0].end]
        heading = text[sentences[0].end :].lstrip(" \t")[:1] in ("\n", "")
        found = actors_in(c, head, 0, len(head)) if len(first) <= 90 and heading else []
        if found and not re.search(r"\d", head):
            # "Statement by the Ministry of Foreign Affairs of the UAE", "Ukraine's defence
            # ministry" heading a post: a few words around one institution, no figure.
            rest = head[: found[0][0]] + head[found[-1][1] :]
            if len(re.findall(r"[^\W\d_]+", rest)) <= 5:
                return found[0][2], head[found[0][0] : found[0][1]]
    if len(sentences) > 1:
        # A signature closing a post: "Volodymyr Zelensky, President of Ukraine".
        last = text[sentences[-1].start : sentences[-1].end]
        hit = _name_at(c, last.strip())
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
    # Actors that speak somewhere (a reporting verb next to them): a report that quotes the
    # author ("..., сообщило Минобороны РФ") is the outlet's, not the author's own statement.
    speakers = {
        a[2]
        for a in (c.actors.find(text) if known is None else known)
        if c.reporting.find(text, max(0, a[0] - 40), min(len(text), a[1] + 40))
    }
    mentioned = {a[2] for a in (c.actors.find(text) if known is None else known)}
    if len(mentioned) == 1 and not speakers:
        body = next(iter(mentioned))
        entry = actors_data.SPEAKERS.get(body)
        if entry is not None and entry[0] in ("ministry", "agency"):
            for a in known if known is not None else c.actors.find(text):
                # "Координаційний штаб дякує партнерам", "The Coordination Headquarters thanks
                # ...": a body speaking of itself in the present tense is the post's author.
                if _SELF_STATEMENT.match(text, a[1]):
                    return body, text[a[0] : a[1]]
    for pattern, actor in c.voice:
        # A statement in its author's formula; naming only its own author elsewhere ("... in
        # the hospitals of the Ministry of Defence") does not make it someone else's report.
        m = pattern.search(text)
        if m and not speakers:
            return actor, m.group(0)
    return None


def attribute(
    c: Compiled, text: str, sentences: list[Sentence], published: date | None = None
) -> None:
    """Set ``asserted_by`` on every sentence that has a speaker (named, quoted, carried over)."""
    quotes = quote_speakers(c, text, sentences)
    known = c.actors.find(text)
    byline = find_byline(c, text, sentences, known)
    last: tuple[str, str] | None = None
    cue_list = c.reporting.find(text)
    outlets = _outlet_table().find(text)
    known_and_outlets = sorted(known + outlets)
    unknown_party: dict[str, str] = {}
    unknown = unknown_speakers(c, text, known_and_outlets, cue_list, unknown_party)
    actor_hits = Hits(sorted(known + unknown))
    outlet_hits = Hits(outlets)
    cue_hits = Hits(cue_list)
    anaphora = Hits(c.anaphoric.find(text))
    home = dateline_party(c, text)
    history: list[tuple[str, str]] = []
    for j, sent in enumerate(sentences):
        actors = actors_in(c, text, sent.start, sent.end, actor_hits, home)
        outs = [
            o
            for o in outlet_hits.within(sent.start, sent.end)
            if not any(a[0] < o[1] and o[0] < a[1] for a in actors)
        ]
        cues = cue_hits.within(sent.start, sent.end)
        # "Ukrainian ombudsman Dmytro Lubinets: '...'": the actor right before a colon speaks.
        colon = [a for a in actors if re.match(r"\s*:", text[a[1] : a[1] + 3])]
        prev = sentences[j - 1] if j > 0 else None
        speaking, free = _speaking(c, text, actors, cues)
        pick = pick_speaker(text, sorted(speaking + outs), free) if free else None
        if pick is not None and _generic_subject(text, sent.start, cues[0], pick):
            # "Officials in both capitals said 120 ..., after a truce Putin had announced":
            # the figure is the unnamed officials', not the name further on.
            pick = None
            actors = []
        anaphor = anaphora.within(sent.start, sent.end)
        if pick is not None and pick in outs:
            # "TASS reported 80": the outlet's own reporting voice, no actor's claim; "citing
            # the defence ministry" after it still names the source.
            citing = re.search(
                r"(?:citing|quoting|со\s+ссылкой\s+на|з\s+посиланням\s+на|посилаючись\s+на)\s",
                text[pick[1] : sent.end],
                re.I,
            )
            after = [a for a in actors if citing and a[0] >= pick[1] + citing.end()]
            if after:
                sent.asserted_by, sent.asserted_by_text = (
                    after[0][2],
                    text[after[0][0] : after[0][1]],
                )
            else:
                last = None
                continue
        elif pick is not None:
            sent.asserted_by, sent.asserted_by_text = pick[2], text[pick[0] : pick[1]]
        elif colon and not cues:
            sent.asserted_by, sent.asserted_by_text = colon[0][2], text[colon[0][0] : colon[0][1]]
        elif actors and cues and not speaking:
            pass  # "Kyiv said ..., a day after Zelensky met ...": the party speaks, not Zelensky
        elif j in quotes:
            sent.asserted_by, sent.asserted_by_text = quotes[j]
        elif (
            not actors and cues and (named := unlisted_speaker(c, text, sent.start, sent.end, cues))
        ):
            # "The Israel Prison Service said ...": a body not in the actor list is still the
            # source, by the name the report gives.
            sent.asserted_by = sent.asserted_by_text = named
        elif last is not None and anaphor:
            kind = _anaphora_kind(text[anaphor[0][0] : anaphor[0][1]])
            same = [h for h in reversed(history) if kind is None or actor_kind(h[0]) == kind]
            sent.asserted_by, sent.asserted_by_text = same[0] if same else last
        elif (
            last is not None
            and prev is not None
            and prev.asserted_by is not None
            and (
                sent.paragraph == prev.paragraph
                or text[prev.start : prev.end].endswith(":")
                or _RETURN_LEG.match(text, sent.start) is not None
            )
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
            history.extend((a[2], text[a[0] : a[1]]) for a in actors)
        if sent.asserted_by is not None:
            last = (sent.asserted_by, sent.asserted_by_text or sent.asserted_by)
            history.append(last)
    if c.lexicon.carry_back_attribution:
        _carry_back(c, text, sentences, actor_hits, cue_hits)
    for sent in sentences:
        if sent.asserted_by in unknown_party:
            sent.speaker_party = unknown_party[sent.asserted_by]
    _mediator_dispatch(c, text, sentences, cue_hits)
    if published is not None and published > _YERMAK_LEFT:
        for sent in sentences:
            # "the head of the President's Office" after Yermak left the post is someone else.
            if sent.asserted_by == "Andriy Yermak" and not re.search(
                r"rmak|рмак", sent.asserted_by_text or "", re.I
            ):
                sent.asserted_by = sent.asserted_by_text = None


#: "In return, 90 Ukrainian prisoners were handed over": the other leg of the statement before,
#: even on a wire's next line.
_RETURN_LEG = re.compile(
    r"\s*(?:in\s+return|in\s+exchange|в\s+обмен|взамен|в\s+свою\s+очередь|натомість|"
    r"в\s+обмін|у\s+відповідь|своєю\s+чергою|у\s+свою\s+чергу)\b",
    re.I,
)
#: "This was reported by ...", «Об этом сообщили в ...», «Про це повідомив ...»: a sentence that
#: names the source of what was said before it.
_BACK_REFERENCE = re.compile(
    r"\s*(?:this\s+was|that\s+was|the\s+figures?\s+(?:was|were)|об\s+этом|про\s+це|"
    r"такие\s+данные|эти\s+данные|ці\s+дані|такі\s+дані|информацию|інформацію)\b",
    re.I,
)


#: "ABU DHABI, 5th January, 2025 (WAM) --", "KYIV, Oct 18 (Wire) -": a news agency's dateline.
_AGENCY_DATELINE = re.compile(r"\((?:[A-Z]{2,8}|[A-Z][a-z]{2,12})\)\s*[-—–]")


def _mediator_dispatch(c: Compiled, text: str, sentences: list[Sentence], cue_hits: Hits) -> None:
    """A mediating state's dispatch ("<State> has succeeded in a new mediation ..., with N
    captives freed by each side. The Ministry of Foreign Affairs thanked ..."): when that state's
    body is the only one that speaks, the report's unattributed figures are its statement."""
    speakers = {s.asserted_by for s in sentences if s.asserted_by}
    if len(speakers) != 1:
        return
    body = next(iter(speakers))
    entry = actors_data.SPEAKERS.get(body or "")
    if entry is None or entry[0] not in ("ministry", "agency") or entry[1] is None:
        return
    if entry[1] not in actors_data.MEDIATORS or entry[1] in actors_data.PARTIES:
        return
    if _AGENCY_DATELINE.search(text[:200]) or _outlet_table().find(text, 0, min(len(text), 200)):
        return  # a news agency's dispatch: its own voice is null (the lead's ruling)
    for sent in sentences:
        cues = cue_hits.within(sent.start, sent.end) if sent.asserted_by is None else []
        if cues and not any(
            state == entry[1] and _is_subject(text, e, cues[0][0])
            for _s, e, state in c.mediators.find(text, sent.start, cues[0][0])
        ):
            return  # someone else speaks too ("Washington says ..."), not the state itself
    first = next(s for s in sentences if s.asserted_by)
    for sent in sentences:
        if sent.asserted_by is None:
            sent.asserted_by, sent.asserted_by_text = body, first.asserted_by_text


#: Andriy Yermak headed the Office of the President of Ukraine until 28 November 2025.
_YERMAK_LEFT = date(2025, 11, 28)


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
        if (
            not verb
            and re.search(r"according\s+to\s+(?:the\s+)?$", text[max(0, ps - 20) : ps], re.I)
            # "according to Russian Deputy Foreign Minister Pavel Orlov": a person of the party
            and not re.match(r"\s+(?:[A-Z]|(?:deputy|foreign|defen[cs]e|prime)\b)", text[pe:])
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
    if words and words[0] == "As":
        return None  # "As Meduza reported, ...": another outlet's report, in the report's voice
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
        back = _BACK_REFERENCE.match(text, sent.start) is not None
        if not (cue_tail or c.reporting.find(text, sent.start, actors[-1][0])):
            continue
        if len(tail) > 30 and not back:
            # ("Об этом сообщил омбудсмен Лубинец, назвав это 58-м обменом" names its source
            # first and may go on after it.)
            continue
        rest = tail
        for c0, c1, _v in reversed(cue_tail):
            # "... Зеленський у телеграмі.": a reporting phrase after the name is no content.
            rest = rest[: c0 - actors[-1][1]] + rest[c1 - actors[-1][1] :]
        if (
            not back
            and text[sent.start : actors[-1][0]].count(",") == 0
            and len(rest.strip(" .")) > 10
        ):
            continue
        k = j - 1
        paragraph = sent.paragraph
        if (
            sentences[k].paragraph != paragraph
            and (j + 1 == len(sentences) or sentences[j + 1].paragraph != paragraph or back)
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
            party = actor_party(s.asserted_by) or s.speaker_party
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
