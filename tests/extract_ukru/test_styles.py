"""Sentences in the styles of the sources that report exchanges in Ukrainian and Russian.

Each case is written for this test (no source text is copied): the Coordination Headquarters,
the ombudsman's and the president's Telegram posts, the Russian defence ministry, the TASS and
RIA wires, Suspilne and Ukrainska Pravda news.
"""

from __future__ import annotations

from typing import Any

import pytest

import powledger

PUBLISHED = "2025-03-19"


def _run(language: str, text: str) -> dict[str, Any]:
    data: dict[str, Any] = powledger.extract(text, published=PUBLISHED, language=language).to_dict()
    for exchange in data["exchanges"] + data["planned"]:
        for claim in exchange["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["quote"]
    return data


def _cases(*rows: tuple[object, ...]) -> list[object]:
    """One ``pytest.param`` per row; the row's first item is its readable id."""
    return [pytest.param(*row[1:], id=str(row[0])) for row in rows]


# --- plans: an agreement about an exchange, or one still to come -------------------------

PLANS = _cases(
    ("uk-agreement-noun", "uk", "Сторони досягли домовленості про обмін 1000 на 1000 полоненими."),
    ("ru-agreement-noun", "ru", "Стороны достигли договоренности об обмене 1000 на 1000 пленными."),
    ("uk-next-could", "uk", "Зеленський заявив, що наступний обмін може відбутися вже цього тижня і повернуться 300 людей."),
    ("ru-next-could", "ru", "По словам Мединского, в ходе следующего обмена могут вернуться еще 500 военнопленных."),
    ("uk-planned-soon", "uk", "Найближчим часом планується обмін 200 полоненими, повідомили в Коордштабі."),
    ("ru-will-take-place", "ru", "Как сообщил источник ТАСС, в ближайшее время состоится обмен пленными 300 на 300."),
)  # fmt: skip


@pytest.mark.parametrize(("language", "text"), PLANS)
def test_plans_are_plans_and_not_reports(language: str, text: str) -> None:
    data = _run(language, text)
    assert data["exchanges"] == []
    assert data["planned"], "the plan was not kept"


CARRIED_OUT = _cases(
    ("uk-under-agreement", "uk", "У межах домовленостей, досягнутих у Стамбулі, сьогодні додому повернулися 390 захисників.", "Ukraine", 390),
    ("ru-under-agreement", "ru", "В рамках договоренностей, достигнутых в Стамбуле, из плена возвращены 390 российских военнослужащих.", "Russia", 390),
    ("uk-next-day-past", "uk", "Наступного дня з полону повернулися ще 84 оборонці.", "Ukraine", 84),
    ("ru-next-day-past", "ru", "На следующий день из плена вернулись еще 84 российских военных.", "Russia", 84),
)  # fmt: skip


@pytest.mark.parametrize(("language", "text", "side", "value"), CARRIED_OUT)
def test_returns_under_an_agreement_are_carried_out(
    language: str, text: str, side: str, value: int
) -> None:
    data = _run(language, text)
    assert data["planned"] == []
    assert data["exchanges"][0]["returned_to"][side] == value


def test_ages_are_not_counts() -> None:
    data = _run("uk", "З полону повернулися 20 захисників віком від 19 до 60 років.")
    assert data["exchanges"][0]["returned_to"]["Ukraine"] == 20
    data = _run("ru", "Вернулись 20 российских военнослужащих в возрасте от 19 до 60 лет.")
    assert data["exchanges"][0]["returned_to"]["Russia"] == 20


# --- remains: the noun comes before the count, without an "of" ---------------------------

BODIES = _cases(
    ("ru-mod-bodies", "ru", "Россия передала Украине тела 34 военных.", 34),
    ("ru-tass-thousand", "ru", "МОСКВА, 14 февраля. /ТАСС/. Украине переданы тела 1 000 погибших военнослужащих.", 1000),
    ("uk-coord-bodies", "uk", "Росія передала Україні тіла 563 військових.", 563),
    ("uk-remains", "uk", "Сьогодні Україні повернуто останки 49 захисників.", 49),
)  # fmt: skip


@pytest.mark.parametrize(("language", "text", "value"), BODIES)
def test_bodies_named_before_the_count_are_remains(language: str, text: str, value: int) -> None:
    claims = [c for ex in _run(language, text)["exchanges"] for c in ex["claims"]]
    assert [(c["category"], c["value"]) for c in claims] == [("bodies", value)]


def test_living_servicemen_stay_persons() -> None:
    claims = _run("ru", "Из плена вернулись 34 российских военных.")["exchanges"][0]["claims"]
    assert [(c["category"], c["value"]) for c in claims] == [("total", 34)]


# --- dateless posts: the short passive is a perfect, so the post speaks of its own day -----

DATELESS_POSTS = _cases(
    ("ru-ombudsman-post", "ru", "Из плена возвращены 40 российских военнослужащих! Они уже на территории Беларуси."),
    ("ru-mod-wire", "ru", "С подконтрольной киевскому режиму территории возвращены 40 российских военнослужащих."),
    ("uk-coord-post", "uk", "З російського полону звільнено 40 українських захисників."),
    ("uk-passive-after", "uk", "Сорок наших воїнів повернуто з полону."),
    ("ru-tass-adjective", "ru", "Россия вернула из украинского плена 95 военнослужащих, сообщили в Минобороны РФ."),
    ("uk-suspilne-adjective", "uk", "Україна повернула з російського полону 95 військових."),
    ("uk-yermak-words", "uk", "Повернули двадцять п'ять наших захисників."),
    ("ru-mod-territory-after", "ru", "84 российских военнослужащих возвращены с подконтрольной Киеву территории."),
)  # fmt: skip


@pytest.mark.parametrize(("language", "text"), DATELESS_POSTS)
def test_a_dateless_post_in_the_perfect_is_dated_by_publication(language: str, text: str) -> None:
    assert _run(language, text)["exchanges"][0]["date"] == PUBLISHED


def test_a_past_date_still_wins_over_the_publication_day() -> None:
    data = _run("ru", "12 марта из плена возвращены 40 российских военнослужащих.")
    assert data["exchanges"][0]["date"] == "2025-03-12"


def test_sailors_of_civilian_ships_are_civilians() -> None:
    text = "В ходе обмена пленными Россия получила 110 человек, из которых 72 — моряки гражданских судов."
    parts = _run("ru", text)["exchanges"][0]["composition"]
    assert [(p["category"], p["count"]) for p in parts] == [("civilians", 72)]
    text = "Серед звільнених 12 цивільних моряків і 30 військових моряків."
    assert "navy" in {
        c["category"] for c in _cases_claims("uk", f"З полону повернулися 42 українці. {text}")
    }


def _cases_claims(language: str, text: str) -> list[dict[str, Any]]:
    return [c for ex in _run(language, text)["exchanges"] for c in ex["claims"]]


# --- whose voice an unsigned post is -------------------------------------------------------

VOICES = _cases(
    ("ru-mod-formula", "ru", "12 марта в результате переговорного процесса возвращены 40 российских военнослужащих. Взамен переданы 40 военнопленных ВСУ.", "Russian Ministry of Defence"),
    ("ru-ombudsman-office", "ru", "Из плена освобождены 40 российских военнослужащих! Родные могут обратиться в мой аппарат.", "Tatyana Moskalkova"),
)  # fmt: skip


@pytest.mark.parametrize(("language", "text", "actor"), VOICES)
def test_an_unsigned_post_speaks_in_its_authors_voice(language: str, text: str, actor: str) -> None:
    claims = _cases_claims(language, text)
    assert claims and {c["asserted_by"] for c in claims} == {actor}


def test_a_wire_quoting_the_formula_keeps_its_named_source() -> None:
    text = "В результате переговорного процесса возвращены 40 российских военнослужащих, сообщил Песков."
    assert {c["asserted_by"] for c in _cases_claims("ru", text)} == {"Dmitry Peskov"}


# --- distractors: numbers of people coming back, but not from captivity --------------------

NOT_EXCHANGES = _cases(
    ("uk-rescue", "uk", "На Київщині рятувальники звільнили з-під завалів 7 людей."),
    ("ru-rescue", "ru", "В Белгороде спасатели извлекли из-под завалов 4 человек."),
    ("ru-tourists", "ru", "На родину вернулись 50 российских туристов, застрявших в Египте."),
    ("uk-lists", "uk", "Україна та Росія обмінялися списками на обмін 1000 осіб."),
    ("ru-lists", "ru", "Стороны передали друг другу списки на обмен 1000 пленных."),
    ("uk-strikes", "uk", "Сторони обмінялися ударами: окупанти випустили по Харкову 40 ракет."),
    ("uk-still-held", "uk", "У полоні досі перебувають понад 8 тисяч українців, заявив Лубінець."),
    ("ru-surrendered", "ru", "В плен сдались 40 украинских военнослужащих, сообщили в Минобороны России."),
    ("uk-rotation", "uk", "Ротація: 300 бійців повернулися додому з передової."),
)  # fmt: skip


@pytest.mark.parametrize(("language", "text"), NOT_EXCHANGES)
def test_other_returns_are_not_exchanges(language: str, text: str) -> None:
    assert _run(language, text)["exchanges"] == []


def test_a_possible_exchange_is_a_plan() -> None:
    data = _run("ru", "Песков: Кремль не комментирует возможный обмен пленными 500 на 500.")
    assert data["exchanges"] == [] and data["planned"]


# --- composition: who came back ------------------------------------------------------------

COMPOSITION = _cases(
    ("uk-servicewomen", "uk", "З полону повернулися 90 українців, серед них 10 військовослужбовиць.", 90, [("women", 10)]),
    ("uk-women-defenders", "uk", "Сьогодні повернулися 7 захисниць Маріуполя.", 7, [("women", 7)]),
    ("ru-women-defenders", "ru", "Сегодня вернулись 7 защитниц Мариуполя.", 7, [("women", 7)]),
    ("uk-list-after-colon", "uk", "Повернулися 60 захисників: 20 тероборонівців, 15 строковиків і 25 нацгвардійців.", 60,
     [("soldiers", 20), ("conscripts", 15), ("national_guard", 25)]),
)  # fmt: skip


@pytest.mark.parametrize(("language", "text", "total", "parts"), COMPOSITION)
def test_composition(language: str, text: str, total: int, parts: list[tuple[str, int]]) -> None:
    event = _run(language, text)["exchanges"][0]
    assert event["returned_to"]["Ukraine"] == total
    assert [(p["category"], p["count"]) for p in event["composition"]] == parts


@pytest.mark.parametrize(
    ("language", "text"),
    [
        pytest.param(
            "uk",
            "Футбольні клуби домовилися про обмін: нападник перейде до Дніпра, а 2 захисники повернуться до Львова.",
            id="uk-football",
        ),
        pytest.param(
            "ru",
            "Клубы договорились об обмене: полузащитник перейдет в Ростов, а взамен вернутся 2 защитника.",
            id="ru-football",
        ),
    ],
)
def test_a_swap_of_players_is_neither_a_report_nor_a_plan(language: str, text: str) -> None:
    data = _run(language, text)
    assert data["exchanges"] == [] and data["planned"] == []
