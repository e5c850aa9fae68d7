"""Properties that must hold for any text: no exceptions, spans inside the text, quotes exact."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import powledger
from powledger.extract.base import get_lexicon

# Words that steer the extractor into its deeper paths, mixed with arbitrary text.
PIECES = [
    "повернулися", "з полону", "обмін", "двохсот", "сімох", "понад", "тисячі", "сотні", "півтори",
    "95 на 95", "українських", "військовополонених", "Міноборони Росії", "за посередництва ОАЕ",
    "14 вересня", "у суботу", "вернулись", "из плена", "обмен", "двухсот", "пятидесяти", "более",
    "российских", "военнослужащих", "ВСУ", "переданы", "накануне", "1 000", "64-й", "один з",
    "Єрмак", "Ермак", "суд", "договорились", ".", ",", ":", "\n", "«", "»", "ʼ", "’", "\u00a0",
]  # fmt: skip
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(text=TEXT, language=st.sampled_from(["uk", "ru"]))
def test_extraction_never_raises_and_quotes_are_exact(text: str, language: str) -> None:
    data = powledger.extract(text, published="2024-09-16", language=language).to_dict()
    for exchange in data["exchanges"] + data["planned"]:
        for claim in exchange["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["quote"]


@settings(max_examples=200, deadline=None)
@given(text=TEXT, language=st.sampled_from(["uk", "ru"]))
def test_numbers_and_dates_stay_inside_the_text(text: str, language: str) -> None:
    lexicon = get_lexicon(language)
    assert lexicon is not None
    for n in lexicon.find_numbers(text):
        assert 0 <= n.start < n.end <= len(text)
        assert n.value >= 0
    for d in lexicon.find_dates(text, date(2024, 9, 16)):
        assert 0 <= d.start < d.end <= len(text)
        assert d.iso is None or d.precision is not None
