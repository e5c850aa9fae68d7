"""Normalisation that keeps every offset, and sentence splitting with offsets."""

from __future__ import annotations

import re

# Every replacement maps one character to one character, so the offset map from the
# normalised text back to the original is the identity: text[start:end] holds for both.
_ONE_TO_ONE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2033": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ",
        "\u200a": " ", "\u2002": " ", "\u2003": " ", "\t": " ", "\u200b": " ", "\ufeff": " ",
        "\u00ad": " ", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\u0085": "\n",
    }
)  # fmt: skip


def normalise(text: str) -> str:
    """Straighten quotes, unify dashes and spaces; the result has the same length as ``text``."""
    out = text.translate(_ONE_TO_ONE)
    # Some characters change length when lower-cased; the core never lowercases the whole
    # text (it matches case-insensitively), so the length invariant is all that matters here.
    assert len(out) == len(text)
    return out


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "st",
        "no",
        "nos",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "approx",
        "est",
        "inc",
        "corp",
        "co",
        "gov",
        "rep",
        "sen",
        "adm",
        "cmdr",
        "pres",
    ]
)
# A sentence goes on after "6 тыс. тел": the next sentence starts with a capital (Latin or
# Cyrillic, Ґ included) or a digit, perhaps after a quote mark.
_BOUNDARY = re.compile(
    r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9\u0400-\u042f\u0490])|[.!?]+[\"')\]]*$"
)
_LINE = re.compile(r"[^\n]+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every sentence; each line (headline, caption, bullet) splits too."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        end_of_line = line.end()
        for boundary in _BOUNDARY.finditer(text, line.start(), end_of_line):
            stop = boundary.end()
            word = re.search(r"([\w.]+)[.]+[\"')\]]*$", text[max(start, stop - 12) : stop])
            if word and boundary.group(0).startswith("."):
                token = word.group(1).lower().rstrip(".")
                # "Dec. 30", "U.S. officials", initials "V. Zelensky": not an end.
                if token in _ABBREVIATIONS or len(token) == 1:
                    continue
            _append(text, spans, start, stop)
            start = stop
        _append(text, spans, start, end_of_line)
    return spans


#: A "sentence" longer than this (a table, a run-on list) is cut at spaces: the rules look at
#: clauses, and unbounded sentences would make them quadratic.
MAX_SENTENCE = 1500


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _append(text, spans, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
