"""Ukrainian reports, fourth pass: a dash after a count's noun opens an apposition.

The sentences were written for this file; none is copied from a real article.
"""

from __future__ import annotations

from typing import Any

import pytest

import powledger


def _categories(text: str, language: str = "uk") -> list[tuple[str, int | None]]:
    data: dict[str, Any] = powledger.extract(
        text, published="2025-02-05", language=language
    ).to_dict()
    return [(c["category"], c["value"]) for e in data["exchanges"] for c in e["claims"]]


@pytest.mark.parametrize(
    "text",
    [
        "Сьогодні з полону повернулися 150 українців, зокрема медики, а також 23 жінки — військові та цивільні.",
        "Додому повернулися 150 захисників. Серед звільнених - 23 жінки - військові та цивільні.",
    ],
)
def test_dash_after_noun_is_apposition_not_second_kind(text: str) -> None:
    found = _categories(text)
    assert ("women", 23) in found
    assert ("total", 23) not in found
    assert ("total", 150) in found


def test_english_dash_apposition() -> None:
    found = _categories(
        "Today 150 Ukrainians came home, including 23 women - soldiers and civilians.", "en"
    )
    assert ("women", 23) in found and ("total", 23) not in found


def test_hyphenated_noun_still_joins() -> None:
    # No spaces around the hyphen: not an apposition, the plain "women" count stays.
    found = _categories("Додому повернулися 150 захисників, серед них 23 жінки.")
    assert ("women", 23) in found


@pytest.mark.parametrize(
    "text",
    [
        "Сьогодні з полону повернулися 200 захисників. Про це заявили в Міністерстві оборони Росії.",
        "У Міноборони РФ повідомили про обмін полоненими.\nДодому повертаються 57 захисників.",
    ],
)
def test_defenders_are_ukraines_own_whoever_speaks(text: str) -> None:
    data = powledger.extract(text, published="2025-02-05", language="uk").to_dict()
    sides = [(c["side"], c["value"]) for e in data["exchanges"] for c in e["claims"]]
    assert sides and all(side == "Ukraine" for side, _v in sides)


def test_generic_soldiers_still_follow_the_speaker() -> None:
    text = "У Міноборони РФ повідомили про обмін.\nСьогодні з полону повернулися 200 військових."
    data = powledger.extract(text, published="2025-02-05", language="uk").to_dict()
    assert [e["returned_to"]["Russia"] for e in data["exchanges"]] == [200]


def test_later_day_labelling_its_own_figure_does_not_date_the_first() -> None:
    text = "Першого дня, у п'ятницю, додому повернулися 390 українців, у суботу — 307."
    data = powledger.extract(text, published="2025-05-25", language="uk").to_dict()
    got = [(e["date"], e["returned_to"]["Ukraine"]) for e in data["exchanges"]]
    assert got == [("2025-05-23", 390), ("2025-05-24", 307)]
