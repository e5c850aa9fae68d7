"""Normalisation keeps offsets; sentences split on lines and stops, not on abbreviations."""

from __future__ import annotations

from powledger.extract.text import normalise, split_sentences


def test_normalise_keeps_length_and_straightens() -> None:
    text = "\u201cOur people\u201d \u2014 home\u00a0again\u2019s"
    out = normalise(text)
    assert len(out) == len(text)
    assert out == '"Our people" - home again\'s'


def test_sentences_keep_offsets() -> None:
    text = (
        "KYIV, Dec. 30 (Wire) - U.S. officials said so. Mr. Smith left!\nPhoto: buses at the border"
    )
    spans = split_sentences(text)
    pieces = [text[s:e] for s, e in spans]
    assert pieces == [
        "KYIV, Dec. 30 (Wire) - U.S. officials said so.",
        "Mr. Smith left!",
        "Photo: buses at the border",
    ]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n\n  \n") == []


def test_run_on_sentences_are_cut_at_spaces() -> None:
    from powledger.extract.text import MAX_SENTENCE

    text = " ".join(["word"] * 2000)
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in spans)
    assert all(text[s] != " " and text[e - 1] != " " for s, e in spans)
    assert sum(len(text[s:e].split()) for s, e in spans) == 2000
