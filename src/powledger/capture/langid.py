"""A small offline language detector: script first, then distinctive letters and frequent words.

Good enough to route a report to the right lexicon (en, uk, ru) and to label a few other
languages roughly. It is deliberately conservative: when the evidence is thin it says ``None``
(stored as ``und``) rather than guessing.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

#: Stored when the detector cannot decide (ISO 639-2 "undetermined").
UNDETERMINED: Final = "und"

#: Reports are long; the first few thousand characters decide as well as the whole text.
_SAMPLE_CHARS: Final = 2500
#: The script is settled by an even shorter prefix.
_SCRIPT_CHARS: Final = 1000
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)?")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Letters that occur in one Cyrillic orthography and not in the other.
_UK_LETTERS: Final = frozenset("іїєґ")
_RU_LETTERS: Final = frozenset("ыэъё")
_BE_LETTERS: Final = frozenset("ў")
_SR_LETTERS: Final = frozenset("ђћџљњј")

# Frequent words that are spelled differently in each language (shared ones such as
# "на", "не", "до" tell nothing and are left out).
_CYRILLIC_WORDS: Final[dict[str, frozenset[str]]] = {
    "uk": _words(
        "і й та що це як від який яка які було була були його її їх він вона вони ми ви також "
        "після щоб але або коли тому ще із зі через між під час році року україни україна "
        "українських полонених повернули додому буде може має своїх нашої вже зараз тут всіх "
        "однак заявив повідомив повідомили словами цей ця цього лише тільки"
    ),
    "ru": _words(
        "и что это как который которая которые было была были его её их он она они мы вы "
        "также после чтобы но или когда поэтому ещё еще из через между под время году россии "
        "российских пленных вернули домой будет может имеет своих нашей уже сейчас здесь всех "
        "однако заявил сообщил сообщили словам этот эта этого только стал стала был"
    ),
    "bg": _words("че са като които това беше бяха ще във със след"),
}

_LATIN_WORDS: Final[dict[str, frozenset[str]]] = {
    "en": _words(
        "the and of to in is was were that for with on as by at from this have has had been "
        "are it its which said their after they not who will would"
    ),
    "de": _words(
        "der die das und ist nicht ein eine mit von zu den dem des sich auf für im wurde "
        "wurden sind auch nach bei aus wie oder"
    ),
    "fr": _words(
        "le la les et est des une un du dans que qui pour pas sur avec au aux sont par ont "
        "été cette mais ses leur"
    ),
    "es": _words(
        "el la los las y es de que en un una por con para del se no al fue han sus como pero "
        "más entre este esta"
    ),
    "it": _words(
        "il lo la gli le e è di che per un una con del della sono non nel alla dei anche come "
        "stato più"
    ),
    "pt": _words(
        "o a os as e é de que em um uma por com para do da dos das não foi são mais como ao "
        "pelo pela"
    ),
    "nl": _words(
        "de het een en van is dat op te in met voor niet zijn werd door ook aan bij naar "
        "worden heeft"
    ),
    "pl": _words(
        "i w z na nie się że do jest to o jak ale przez po od za został została są był była "
        "oraz także"
    ),
}

# Letters that settle a tie between Latin-script languages.
_LATIN_LETTERS: Final[dict[str, frozenset[str]]] = {
    "de": frozenset("äöüß"),
    "fr": frozenset("çœêèëîû"),
    "es": frozenset("ñ¿¡"),
    "pt": frozenset("ãõ"),
    "pl": frozenset("ąęłśźżćń"),
}

# Scripts used by a single language we may meet in this domain.
_SINGLE_SCRIPT: Final[tuple[tuple[int, int, str], ...]] = (
    (0x0370, 0x03FF, "el"),
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "ar"),
    (0x0530, 0x058F, "hy"),
    (0x10A0, 0x10FF, "ka"),
)

#: Cyrillic letters after which the absence of і ї є ґ counts as evidence against Ukrainian.
_NO_UK_LETTERS_AFTER: Final = 30

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_OTHER_SCRIPTS = re.compile(
    "".join(["[", *(f"{chr(lo)}-{chr(hi)}" for lo, hi, _ in _SINGLE_SCRIPT), "]"])
)

#: A decision needs this many frequent-word hits (or distinctive letters) to be trusted.
_MIN_EVIDENCE: Final = 2


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or None when it cannot tell."""
    sample = text[:_SAMPLE_CHARS].lower()
    # Regular expressions count letters in C; a Python loop over each character was the
    # slowest step of ingest after trafilatura itself.
    head = sample[:_SCRIPT_CHARS]
    cyrillic = len(_CYRILLIC.findall(head))
    latin = len(_LATIN.findall(head))
    others = _OTHER_SCRIPTS.findall(head)
    if len(others) > max(cyrillic, latin):
        counts = Counter(_script_of(ch) for ch in others)
        lang, count = counts.most_common(1)[0]
        return lang if count >= 3 else None
    if cyrillic > latin:
        return _detect_cyrillic(sample)
    if latin:
        return _detect_latin(sample)
    return None


def _script_of(ch: str) -> str:
    code = ord(ch)
    for low, high, lang in _SINGLE_SCRIPT:
        if low <= code <= high:
            return lang
    return ""


def detect_language_code(text: str) -> str:
    """Like :func:`detect_language`, but ``und`` instead of None (the value we store)."""
    return detect_language(text) or UNDETERMINED


def _count_words(words: list[str], lexicons: dict[str, frozenset[str]]) -> dict[str, int]:
    # Count each distinct word once and look it up in every lexicon: far fewer set lookups
    # than scanning the whole word list once per language.
    counts = Counter(words)
    return {
        lang: sum(n for word, n in counts.items() if word in lexicon)
        for lang, lexicon in lexicons.items()
    }


def _detect_cyrillic(sample: str) -> str | None:
    letters = set(sample)
    if letters & _SR_LETTERS and not letters & (_UK_LETTERS | _RU_LETTERS):
        return "sr"
    if letters & _BE_LETTERS:
        return "be"
    uk_letters = sum(sample.count(ch) for ch in _UK_LETTERS)
    ru_letters = sum(sample.count(ch) for ch in _RU_LETTERS)
    scores = _count_words(_WORD.findall(sample), _CYRILLIC_WORDS)
    # Distinctive letters weigh more than words: one "ї" or "ы" is near-certain evidence,
    # while a frequent word can be a quotation in the other language.
    scores["uk"] += 2 * uk_letters
    # Bulgarian writes "ъ" often and has neither "ы" nor "э"; do not count it for Russian there.
    ru_only = sum(sample.count(ch) for ch in "ыэё")
    scores["ru"] += 2 * (ru_letters if ru_only or not scores["bg"] else ru_only)
    # "і" is among the commonest Ukrainian letters: a longer Cyrillic text without any of
    # і ї є ґ is very unlikely to be Ukrainian.
    if not uk_letters and len(_CYRILLIC.findall(sample)) >= _NO_UK_LETTERS_AFTER:
        scores["ru"] += 2
    lang, score = max(scores.items(), key=lambda kv: kv[1])
    if score < _MIN_EVIDENCE:
        return None
    runner_up = max(v for k, v in scores.items() if k != lang)
    return lang if score > runner_up else None


def _detect_latin(sample: str) -> str | None:
    words = _WORD.findall(sample)
    scores = _count_words(words, _LATIN_WORDS)
    present = set(sample)
    for lang, letters in _LATIN_LETTERS.items():
        if present & letters:
            scores[lang] += 1
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (lang, score), (_, runner_up) = ranked[0], ranked[1]
    if score < _MIN_EVIDENCE:
        return None
    # Short Romance texts share many words; ask for a clear margin before naming one.
    return lang if score >= 1.3 * runner_up and score > runner_up else None
