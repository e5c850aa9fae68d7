"""Language detection on sentences written for these tests."""

from __future__ import annotations

import pytest

from powledger.capture.langid import UNDETERMINED, detect_language, detect_language_code

CASES = [
    ("en", "Ukraine and Russia swapped 103 prisoners of war on Friday, officials in Kyiv said."),
    ("en", "The ministry said the soldiers had been held since the spring and were now home."),
    ("uk", "Додому повернулися 103 захисники, повідомив президент у своєму зверненні."),
    ("uk", "Україна повернула з полону ще 95 військових, серед них офіцери та рядові."),
    ("uk", "Обмін полоненими відбувся за посередництва ОАЕ, це вже п'ятдесят восьмий обмін."),
    ("ru", "Россия и Украина провели обмен пленными при посредничестве ОАЭ."),
    ("ru", "Минобороны России сообщило, что из плена вернули 95 военнослужащих."),
    ("ru", "По словам омбудсмена, обмен стал возможен после долгих переговоров."),
    (
        "de",
        "Die Ukraine und Russland haben erneut Gefangene ausgetauscht, wie das Ministerium mitteilte.",
    ),
    (
        "fr",
        "L'Ukraine et la Russie ont procédé à un nouvel échange de prisonniers, selon le ministère.",
    ),
    ("es", "Ucrania y Rusia realizaron un nuevo intercambio de prisioneros, según el ministerio."),
    ("pl", "Ukraina i Rosja przeprowadziły wymianę jeńców, poinformowało ministerstwo obrony."),
    ("el", "Η Ουκρανία και η Ρωσία αντάλλαξαν αιχμαλώτους πολέμου"),
]


@pytest.mark.parametrize(
    ("expected", "sentence"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_detects_language_of_sentences(expected: str, sentence: str) -> None:
    assert detect_language(sentence) == expected


@pytest.mark.parametrize(
    "text",
    ["", "12345 67", "OK", "Привет", "https://example.org/a/b?c=1", "— … !!!"],
    ids=["empty", "digits", "one-latin-word", "one-cyrillic-word", "url", "punctuation"],
)
def test_says_undetermined_on_thin_evidence(text: str) -> None:
    assert detect_language(text) is None
    assert detect_language_code(text) == UNDETERMINED


def test_one_distinctive_letter_settles_ukrainian_against_russian_words() -> None:
    # A Ukrainian headline quoting a Russian phrase still reads as Ukrainian: the letters ї/є weigh more.
    text = "Їхні родини чекали на цей обмін: «обмен состоялся», написали в Москві. Це є перемога."
    assert detect_language(text) == "uk"


def test_russian_text_with_a_ukrainian_name_stays_russian() -> None:
    text = "Об этом сообщил Дмитрий Лубинец, который также заявил, что обмен был сложным. Київ."
    assert detect_language(text) == "ru"


def test_mixed_script_page_goes_with_majority() -> None:
    text = (
        "Prisoner exchange: "
        + "Україна повернула додому ще двісті військових, яких утримували в полоні. " * 3
    )
    assert detect_language(text) == "uk"


def test_long_text_is_fast() -> None:
    import time

    text = (
        "The exchange took place on the border, and the officials said it was the largest. " * 5000
    )
    started = time.perf_counter()
    for _ in range(20):
        assert detect_language(text) == "en"
    # Only a sample of a long text is read; 20 calls on 400 KB stay far below a second.
    assert time.perf_counter() - started < 1.0
