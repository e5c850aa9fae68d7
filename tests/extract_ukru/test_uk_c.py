"""Ukrainian reports, third pass: the failure kinds of the held-out notes, in new wording.

Every sentence was written for this file in the styles Ukrainian outlets use (Coordination
Headquarters and ombudsman posts, agency wires with datelines, regional news, headlines naming
their source, live blogs, Telegram channels); none is copied from a real article.
"""

from __future__ import annotations

from typing import Any

import pytest

import powledger


def _run(text: str, published: str | None = "2025-03-19") -> dict[str, Any]:
    data: dict[str, Any] = powledger.extract(text, published=published, language="uk").to_dict()
    for exchange in data["exchanges"] + data["planned"]:
        for claim in exchange["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["quote"]
    return data


def _returned(data: dict[str, Any]) -> list[tuple[str | None, int | None, int | None]]:
    return [
        (e["date"], e["returned_to"].get("Ukraine"), e["returned_to"].get("Russia"))
        for e in data["exchanges"]
    ]


def _planned(data: dict[str, Any]) -> list[tuple[int | None, int | None]]:
    return [
        (e["returned_to"].get("Ukraine"), e["returned_to"].get("Russia")) for e in data["planned"]
    ]


# --- a deal's figure is not a stage's -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "Обмін 1000 на 1000 триває: у неділю з полону повернулися ще 303 українських бійці.",
            "2025-05-25",
            [("2025-05-25", 303, None)],
            id="headline-deal-then-day",
        ),
        pytest.param(
            "Завершився обмін полоненими 1000 на 1000.\n"
            "У неділю додому з полону повернулися ще 303 захисники, повідомив Коордштаб.",
            "2025-05-25",
            [("2025-05-25", 303, None)],
            id="completed-deal-then-day",
        ),
        pytest.param(
            "Координаційний штаб\nСтартував обмін за домовленістю «1000 на 1000». Сьогодні, на "
            "першому етапі, з полону звільнено 270 військових та 120 цивільних.",
            "2025-05-23",
            [("2025-05-23", 390, None)],
            id="first-stage-today-is-not-the-past",
        ),
    ],
)
def test_a_deal_figure_is_not_the_stage_figure(
    text: str, published: str, expected: list[tuple[str | None, int | None, int | None]]
) -> None:
    assert _returned(_run(text, published)) == expected


def test_the_deal_of_a_staged_report_is_a_plan() -> None:
    text = (
        "Координаційний штаб\nРозпочато обмін за домовленістю «1000 на 1000». На першому етапі "
        "сьогодні з полону повернулися 390 українців."
    )
    assert _planned(_run(text, "2025-05-23")) == [(1000, 1000)]


def test_a_stage_pair_stays_the_stage_figure() -> None:
    text = "Відбувся другий етап обміну полоненими за формулою 307 на 307, повідомив Зеленський."
    assert _returned(_run(text, "2025-05-24")) == [("2025-05-24", 307, 307)]


# --- datelines -------------------------------------------------------------------------------


def test_a_cyrillic_dateline_dates_today_when_the_feed_is_a_day_late() -> None:
    text = (
        "ЛЬВІВ, 25 червня. ІНФОРМАГЕНЦІЯ — Сьогодні з полону повернулися 90 українських "
        "захисників, повідомив Координаційний штаб."
    )
    assert _returned(_run(text, "2024-06-26")) == [("2024-06-25", 90, None)]


def test_a_dateline_after_the_headline_is_the_reference_for_yesterday() -> None:
    text = (
        "З полону звільнено 95 захисників\n"
        "КИЇВ, 18 жовтня 2024 року — Вчора з російського полону повернулися 95 українських "
        "військових, повідомив Лубінець."
    )
    assert _returned(_run(text, None)) == [("2024-10-17", 95, None)]


# --- vague amounts, parts, receivers -----------------------------------------------------------


def test_dozens_without_of_are_approximate() -> None:
    data = _run("Сьогодні з російського полону повертаються десятки українських захисників.")
    assert [
        (e["returned_to"]["Ukraine"], e["approximate"]["Ukraine"]) for e in data["exchanges"]
    ] == [(None, True)]


def test_dozens_after_a_running_total_are_that_tally() -> None:
    text = (
        "Лубінець підбив підсумки року: з початку повномасштабного вторгнення з полону повернулися "
        "понад 3 тисячі українців. Також удалося повернути десятки цивільних."
    )
    assert _run(text, "2024-12-20")["exchanges"] == []


def test_among_those_who_returned_is_a_part() -> None:
    text = (
        "У четвер Україна та Росія обміняли по 95 полонених. Серед тих, хто повернувся, двоє "
        "прикордонників з Буковини, повідомила обласна адміністрація."
    )
    assert _returned(_run(text, "2024-07-19")) == [("2024-07-18", 95, 95)]


def test_a_part_takes_the_side_of_its_head() -> None:
    text = "Сьогодні з полону повернулися 150 російських військовослужбовців, зокрема 12 офіцерів."
    data = _run(text)
    assert {c["side"] for e in data["exchanges"] for c in e["claims"]} == {"Russia"}


@pytest.mark.parametrize(
    "second",
    [
        "Росії передали 90 військовополонених.",
        "Росії натомість передали 90 полонених окупантів.",
        "Ще 90 полонених отримала Росія.",
        "90 полонених передала Україна.",
    ],
)
def test_the_receiver_in_free_word_order(second: str) -> None:
    text = "Сьогодні Україна повернула з полону 90 своїх захисників. " + second
    assert _returned(_run(text, "2024-06-25")) == [("2024-06-25", 90, 90)]


def test_a_group_added_in_a_new_sentence_counts() -> None:
    text = (
        "Україна повернула з полону 175 захисників. Крім того, росіяни передали ще 22 "
        "важкопоранених бійців."
    )
    assert _returned(_run(text)) == [("2025-03-19", 197, None)]


def test_two_different_figures_named_by_the_exchange() -> None:
    text = "Обмін полоненими 207 на 195: хто повернувся з полону додому"
    assert _returned(_run(text, "2024-01-31")) == [("2024-01-31", 207, 195)]


# --- plans --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "За словами Умєрова, додому мають повернутися щонайменше 500 українських військових.",
        "Планується, що з полону повернуться 300 захисників, повідомив Коордштаб.",
        "Незабаром з російського полону повернуться понад 100 наших військових, заявив Лубінець.",
        "Україна розраховує повернути з полону ще 200 захисників до кінця місяця.",
        "Обмін полоненими 300 на 300 має відбутися найближчим часом, заявили в Україні.",
    ],
)
def test_plans_are_not_reports(text: str) -> None:
    data = _run(text)
    assert data["exchanges"] == []
    assert len(data["planned"]) == 1


def test_a_deal_agreed_with_another_word() -> None:
    data = _run("Україна та Росія договорилися про обмін полоненими 1200 на 1200.")
    assert (data["exchanges"], _planned(data)) == ([], [(1200, 1200)])


# --- undisclosed figures, negations, false positives --------------------------------------------


def test_an_exchange_with_undisclosed_figures_is_detected() -> None:
    text = (
        "У середу відбувся обмін полоненими між Україною та Росією, про який сторони домовилися "
        "в Стамбулі. Кількість звільнених не називають."
    )
    assert _returned(_run(text, "2025-06-11")) == [("2025-06-11", None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Сьогодні обмін полоненими між Україною та Росією так і не відбувся.",
        "Буданов: ми хочемо, щоб обміни полоненими з Росією відбувалися частіше.",
        "Моніторингова місія ООН опитала 120 звільнених з полону українських військових.",
    ],
)
def test_not_an_exchange(text: str) -> None:
    assert _run(text)["exchanges"] == []


# --- attribution --------------------------------------------------------------------------------


def test_a_headline_names_its_source() -> None:
    text = (
        "Ще 75 захисників повернулися з полону — Лубінець\n"
        "Україна та Росія провели обмін за формулою 75 на 75."
    )
    data = _run(text, "2024-05-31")
    assert {c["asserted_by"] for e in data["exchanges"] for c in e["claims"]} == {"Dmytro Lubinets"}


# --- several exchanges in one report -------------------------------------------------------------


def test_an_undated_sentence_goes_on_about_the_dated_exchange_before_it() -> None:
    text = (
        "У середу, 5 березня, з полону звільнено 27 українців.\n\n"
        "Наступного дня, у четвер, штаб повідомив, що з полону повернулися ще 150 захисників. "
        "Росія також отримала 150 військових."
    )
    data = _run(text, "2025-03-06")
    assert sorted(_returned(data)) == [("2025-03-05", 27, None), ("2025-03-06", 150, 150)]


def test_a_dated_sentence_dates_the_figures_of_the_next_one() -> None:
    text = (
        "Сьогодні Україна повернула з полону 84 людей.\n"
        "14 серпня 2024 року відбувся інший великий обмін. Тоді Україна повернула 115 людей, "
        "а Росія - 115 військових."
    )
    data = _run(text, "2025-08-14")
    assert ("2024-08-14", 115, 115) in _returned(data)


def test_gapping_takes_the_gapped_party() -> None:
    text = "За посередництва ОАЕ Україна повернула з полону 207 людей, а Росія - 195 військових."
    assert _returned(_run(text, "2024-01-31")) == [("2024-01-31", 207, 195)]


def test_list_items_share_their_receiver() -> None:
    text = "Москва отримала з полону 146 військових, а також вісьмох цивільних."
    data = _run(text, "2025-08-24")
    assert [e["returned_to"]["Russia"] for e in data["exchanges"]] == [154]


# --- subsets and background ------------------------------------------------------------------------


def test_a_region_s_share_is_not_the_total() -> None:
    text = (
        "Із полону повернулися троє захисників з Житомирщини\n"
        "Учора до України повернулися 150 військових і 25 цивільних."
    )
    assert [e["returned_to"]["Ukraine"] for e in _run(text, "2025-03-07")["exchanges"]] == [175]


def test_a_regional_report_with_only_its_share_is_still_an_exchange() -> None:
    text = "Сьогодні з полону повернулися двоє захисників з Буковини, повідомила обласна адміністрація."
    assert _returned(_run(text)) == [("2025-03-19", None, None)]


def test_an_earlier_exchange_without_a_date_of_its_own_is_background() -> None:
    text = (
        "Сьогодні Україна повернула з полону 90 людей. Попередній обмін відбувся кілька тижнів "
        "тому, тоді з полону вдалося визволити 70 людей."
    )
    assert _returned(_run(text)) == [("2025-03-19", 90, None)]


def test_captures_are_not_returns() -> None:
    text = (
        "Сьогодні Україна повернула з полону 90 людей. За тиждень боїв у полон потрапили понад "
        "200 російських військових."
    )
    assert _returned(_run(text)) == [("2025-03-19", 90, None)]


def test_past_mediators_are_not_this_exchange_s() -> None:
    text = (
        "Сьогодні Україна повернула з полону 90 людей. Посередником стали ОАЕ. У 2022 році "
        "посередниками були Туреччина та Саудівська Аравія."
    )
    assert [e["mediators"] for e in _run(text)["exchanges"]] == [["United Arab Emirates"]]


def test_an_exchange_under_an_earlier_agreement_is_done() -> None:
    text = (
        "Сьогодні в межах домовленостей, досягнутих у Стамбулі, з російського полону повернулися "
        "українські захисники."
    )
    assert _returned(_run(text)) == [("2025-03-19", None, None)]


def test_a_reciprocal_one_is_no_number() -> None:
    data = _run("Україна та Росія мають передати одна одній по 3000 тіл загиблих.")
    assert data["exchanges"] == []
    assert {c["value"] for e in data["planned"] for c in e["claims"]} == {3000}


# --- parties and sources -----------------------------------------------------------------------------


def test_a_us_russia_swap_keeps_its_pair_when_ukraine_is_named_in_passing() -> None:
    text = (
        "Сполучені Штати та Росія обміняли ув'язнених. Американця засудили за донат на підтримку "
        "України. Обмін відбувся за схемою «один на одного»: Росія звільнила 1 особу."
    )
    data = _run(text, "2025-04-10")
    assert [e["parties"] for e in data["exchanges"]] == [["Russia", "United States"]]


def test_the_head_of_the_president_s_office_is_yermak() -> None:
    text = "Україна повернула з полону 60 людей, повідомив голова Офісу Президента Андрій Єрмак."
    data = _run(text)
    assert {c["asserted_by"] for e in data["exchanges"] for c in e["claims"]} == {"Andriy Yermak"}


def test_about_this_reported_in_its_own_paragraph() -> None:
    text = (
        "З полону повернулися 64 українці.\n\n"
        "Про це повідомив Президент України Володимир Зеленський у телеграмі."
    )
    data = _run(text)
    assert {c["asserted_by"] for e in data["exchanges"] for c in e["claims"]} == {
        "Volodymyr Zelensky"
    }


def test_the_next_day_is_the_day_after_the_last_date_given() -> None:
    text = (
        "У четвер, 6 березня, з полону звільнено 31 українця.\n\n"
        "Наступного дня Коордштаб повідомив, що з полону повернулися ще 140 захисників. "
        "Росія теж отримала 140 військових."
    )
    assert sorted(_returned(_run(text, "2025-03-10"))) == [
        ("2025-03-06", 31, None),
        ("2025-03-07", 140, 140),
    ]


def test_the_same_number_of_its_own() -> None:
    text = "Учора до України з полону повернулися 95 захисників. Росія отримала стільки ж своїх."
    assert _returned(_run(text, "2024-10-18")) == [("2024-10-17", 95, 95)]


def test_residents_in_a_list_are_a_group_of_it() -> None:
    text = "Росія отримала з полону 146 військовослужбовців і вісьмох жителів Курщини."
    assert [e["returned_to"]["Russia"] for e in _run(text, "2025-08-24")["exchanges"]] == [154]


def test_respectively_pairs_figures_with_the_days_named() -> None:
    text = (
        "Перший етап обміну полоненими пройшов у понеділок, другий - у вівторок. Росія "
        "підтвердила, що на двох етапах отримала 120 і 185 своїх військових відповідно."
    )
    data = _run(text, "2025-03-12")
    assert sorted((e["date"], e["returned_to"]["Russia"]) for e in data["exchanges"]) == [
        ("2025-03-10", 120),
        ("2025-03-11", 185),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ГУР: Україна повернула з полону ще одну групу захисників. Кількість звільнених не "
        "уточнюють.",
        "Обмін полоненими: ще частина наших захисників удома. Це військові ЗСУ та НГУ.",
    ],
)
def test_a_return_without_a_figure_is_still_an_exchange(text: str) -> None:
    assert [(e["returned_to"]["Ukraine"]) for e in _run(text)["exchanges"]] == [None]


def test_a_figure_in_its_own_segment_takes_its_own_day() -> None:
    text = "Обмін 1000 на 1000 завершився. У п'ятницю Україна повернула з полону 390 людей, у суботу - 307."
    data = _run(text, "2025-05-25")
    assert sorted(_returned(data)) == [("2025-05-23", 390, None), ("2025-05-24", 307, None)]


def test_a_side_and_its_ally_act_together() -> None:
    text = (
        "Сполучені Штати та Росія провели обмін ув'язненими. Москва та Мінськ звільнили 11 осіб, "
        "натомість США передали Росії шістьох громадян РФ."
    )
    data = _run(text, "2025-04-10")
    assert [e["returned_to"] for e in data["exchanges"]] == [{"Russia": 6, "United States": 11}]


def test_prisoners_said_to_be_on_a_crashed_plane_are_no_exchange() -> None:
    text = (
        "Російський літак розбився під Бєлгородом. У Москві заявили, що на борту перебували 65 "
        "українських полонених, яких нібито везли на обмін."
    )
    assert _run(text, "2024-01-25")["exchanges"] == []


def test_the_month_of_a_first_in_month_exchange_is_not_its_date() -> None:
    text = "Україна повернула з полону 31 українця. Це перший у березні обмін полоненими."
    assert _returned(_run(text, "2025-03-07")) == [("2025-03-07", 31, None)]


@pytest.mark.parametrize(
    "text",
    [
        "З евакуації додому повернулися 120 жителів Харкова. Місто відновлює роботу шкіл.",
        "У Львові попрощалися з 3 захисниками, тіла яких повернули в Україну під час репатріації.",
        "Ветерани, які повернулися з полону, відкрили кав'ярню. Серед працівників — 12 колишніх "
        "полонених.",
    ],
)
def test_other_homecomings_are_no_exchange(text: str) -> None:
    assert _run(text)["exchanges"] == []


def test_a_live_blog_s_early_announcement_of_today_s_exchange_is_no_plan() -> None:
    text = (
        "Обмін полоненими: онлайн\n"
        "10:15 За інформацією джерел, сьогодні відбудеться обмін полоненими.\n"
        "14:05 Зеленський: додому з полону повертаються 246 наших захисників."
    )
    data = _run(text, "2025-04-19")
    assert (_returned(data), data["planned"]) == ([("2025-04-19", 246, None)], [])


# --- second round (held-out set 2): recaps, first stages, breakdowns, past modals ----------


def _composition(data: dict[str, Any], index: int = 0) -> dict[str, int | None]:
    return {c["category"]: c["count"] for c in data["exchanges"][index]["composition"]}


@pytest.mark.parametrize(
    "verb",
    ["з полону звільнили", "із полону звільнили", "з полону визволили", "з неволі звільнили"],
)
def test_a_dated_recap_with_the_captivity_before_the_verb_is_its_own_exchange(verb: str) -> None:
    text = (
        "Сьогодні додому повернулися 175 захисників, повідомив Коордштаб.\n"
        f"Це вже третій етап. 6 березня {verb} 190 людей — 160 бійців і 30 цивільних."
    )
    data = _run(text, "2025-03-19")
    assert _returned(data) == [("2025-03-19", 175, None), ("2025-03-06", 190, None)]
    assert _composition(data, 0) == {}
    assert _composition(data, 1) == {"soldiers": 160, "civilians": 30}


@pytest.mark.parametrize(
    ("recap", "ukraine", "russia"),
    [
        ("4 лютого Київ отримав 120 військових і двох цивільних, а Москва — 120 своїх громадян.",
         122, 120),
        ("Ще 4 лютого Україна отримала 120 бійців та двох цивільних.", 122, None),
        ("4 лютого додому повернулися 120 військових і 2 цивільних.", 122, None),
    ],
)  # fmt: skip
def test_a_dated_list_that_is_not_the_main_total_is_another_exchange(
    recap: str, ukraine: int, russia: int | None
) -> None:
    text = (
        "У вівторок, 11 лютого, Україна повернула 65 захисників, а Росії передали 65 її "
        f"військових.\n{recap}"
    )
    data = _run(text, "2025-02-12")
    assert _returned(data) == [("2025-02-11", 65, 65), ("2025-02-04", ukraine, russia)]
    assert _composition(data, 0) == {}
    assert _composition(data, 1) == {"soldiers": 120, "civilians": 2}


@pytest.mark.parametrize(
    "tally",
    [
        "Отже, за тиждень додому повернулися 187 українців.",
        "Таким чином, за три дні з полону повернулися 187 людей.",
        "Загалом за минулий місяць вдалося повернути 187 наших громадян.",
    ],
)
def test_a_tally_over_a_week_or_days_is_no_exchange_figure(tally: str) -> None:
    text = (
        "У четвер, 9 січня, Україна повернула 65 захисників.\n"
        f"2 січня Київ отримав 122 військових. {tally}"
    )
    assert _returned(_run(text, "2025-01-10")) == [
        ("2025-01-09", 65, None),
        ("2025-01-02", 122, None),
    ]


def test_a_week_before_a_holiday_is_a_date_not_a_tally() -> None:
    text = "За тиждень до Великодня з полону повернулися 48 захисників."
    assert _returned(_run(text, "2025-04-14"))[0][1] == 48


@pytest.mark.parametrize(
    "second",
    [
        "а Києву додатково передали шістьох цивільних",
        "а Україні окремо повернули ще шістьох цивільних",
    ],
)
def test_an_add_on_clause_of_a_recalled_exchange_stays_with_it(second: str) -> None:
    text = (
        "Сьогодні Україна повернула 103 людей.\n"
        f"Попередній обмін був 12 травня: кожна сторона отримала по 85 військових, {second}."
    )
    data = _run(text, "2025-06-01")
    assert _returned(data) == [("2025-06-01", 103, None), ("2025-05-12", 91, 85)]
    assert _composition(data, 1) == {"civilians": 6}


@pytest.mark.parametrize(
    "lead",
    [
        "Стартував великий обмін: першого дня звільнено 240 українців.",
        "У перший день обміну додому повернулися 240 українців.",
        "Завершився перший етап обміну: з полону звільнено 240 українців.",
    ],
)
def test_the_other_side_s_first_stage_is_the_reported_stage(lead: str) -> None:
    text = (
        f"{lead}\nУ російському Міноборони повідомили, що на першому етапі Росія отримала 200 "
        "військових і 40 цивільних."
    )
    data = _run(text, "2025-05-23")
    assert _returned(data) == [("2025-05-23", 240, 240)]
    assert {(c["side"], c["category"]) for c in data["exchanges"][0]["composition"]} == {
        ("Russia", "soldiers"),
        ("Russia", "civilians"),
    }


def test_a_first_stage_recalled_in_a_report_of_a_later_one_stays_earlier() -> None:
    text = (
        "Сьогодні, у другий день обміну, з полону повернулися 307 захисників.\n"
        "Нагадаємо, напередодні, на першому етапі, Україна повернула 390 людей."
    )
    data = _run(text, "2025-05-24")
    assert _returned(data)[0] == ("2025-05-24", 307, None)
    assert [e["returned_to"]["Ukraine"] for e in data["exchanges"]].count(390) == 1


@pytest.mark.parametrize(
    "text",
    [
        "За женевськими угодами Москва й Київ мали обміняти не менше ніж по 500 полонених з "
        "кожного боку, наголосив посадовець.",
        "Згідно з домовленостями сторони мали повернути одна одній по 500 військових.",
    ],
)
def test_what_the_sides_were_to_exchange_is_a_plan(text: str) -> None:
    data = _run(text, "2025-06-02")
    assert (data["exchanges"], _planned(data)) == ([], [(500, 500)])


def test_a_report_of_what_they_managed_to_bring_back_is_done() -> None:
    text = "Вчора ми мали змогу повернути з полону 84 захисників, сказав Буданов."
    data = _run(text, "2025-06-02")
    assert (_returned(data), data["planned"]) == ([("2025-06-01", 84, None)], [])


@pytest.mark.parametrize(
    "text",
    [
        "Зокрема, 4 березня сторони обмінялися полоненими: додому повернулися 120 захисників, "
        "Росія отримала 120 своїх військових.",
        "Зокрема, у вівторок з полону повернулися 120 захисників.",
    ],
)
def test_a_sentence_opening_with_zokrema_keeps_its_figures(text: str) -> None:
    assert _returned(_run(text, "2025-03-05"))[0][1] == 120


def test_zokrema_after_a_group_is_still_a_subset() -> None:
    data = _run("Додому повернулися 120 захисників, зокрема 20 цивільних.", "2025-03-05")
    assert (_returned(data), _composition(data)) == ([("2025-03-05", 120, None)], {"civilians": 20})


@pytest.mark.parametrize(
    ("text", "composition"),
    [
        ("З полону звільнено 120 людей — бійці ЗСУ та троє цивільних, повідомив штаб.",
         {"civilians": 3}),
        ("Відбувся обмін. Додому повернулися 120 людей — військові, прикордонники та двоє "
         "цивільних.", {"civilians": 2}),
        ("Відбувся обмін. Додому повернулися 120 людей — 100 військових та 20 цивільних.",
         {"soldiers": 100, "civilians": 20}),
    ],
)  # fmt: skip
def test_a_dash_after_a_group_opens_its_breakdown(text: str, composition: dict[str, int]) -> None:
    data = _run(text, "2025-03-05")
    assert (_returned(data), _composition(data)) == ([("2025-03-05", 120, None)], composition)


def test_a_dash_after_a_party_is_still_gapping() -> None:
    text = "Відбувся обмін: Україна повернула 120 людей, а Росія — 110 військових."
    assert _returned(_run(text, "2025-03-05")) == [("2025-03-05", 120, 110)]


@pytest.mark.parametrize(
    "addon",
    [
        "ще окремо додому повернули п'ятьох цивільних",
        "крім того, додому повернули п'ятьох цивільних",
    ],
)
def test_an_add_on_after_n_for_n_sums(addon: str) -> None:
    data = _run(f"Сьогодні обмінялися 90 на 90, {addon}.", "2025-03-05")
    assert (_returned(data), _composition(data)) == ([("2025-03-05", 95, 90)], {"civilians": 5})


def test_defenders_of_azovstal_in_quotes_are_mariupol_defenders() -> None:
    text = "Україна повернула з полону 95 військових, серед них 20 оборонців «Азовсталі»\nОбмін відбувся сьогодні."
    assert _composition(_run(text, "2025-03-05")) == {"defenders_of_mariupol": 20}


@pytest.mark.parametrize(
    "remark",
    [
        "Мати одного з морпіхів розповіла, що чекала сина два роки.",
        "Один із прикордонників сказав, що мріє побачити доньку.",
    ],
)
def test_one_of_a_group_is_a_person_not_a_count(remark: str) -> None:
    data = _run(f"Сьогодні Україна повернула 80 людей. {remark}", "2025-03-05")
    assert (_returned(data), _composition(data)) == ([("2025-03-05", 80, None)], {})


@pytest.mark.parametrize("origin", ["з нашого міста", "із нашої громади", "з нашого краю"])
def test_a_regional_outlet_s_our_town_is_a_share_not_a_total(origin: str) -> None:
    text = (
        f"Із полону повернулися четверо захисників {origin}\n"
        "Учора до України повернулися 140 військових і 16 цивільних."
    )
    assert _returned(_run(text, "2025-02-06")) == [("2025-02-05", 156, None)]


@pytest.mark.parametrize(
    "recap",
    [
        "Попередній, різдвяний обмін, коли 27 грудня Київ отримав 60 своїх бійців, був меншим.",
        "Попередній обмін, коли 27 грудня додому повернулися 60 захисників, був скромнішим.",
    ],
)
def test_a_when_clause_of_a_previous_exchange_dates_only_that_exchange(recap: str) -> None:
    text = f"Україна повернула з полону 80 людей. {recap}"
    assert _returned(_run(text, "2025-01-15")) == [
        ("2025-01-15", 80, None),
        ("2024-12-27", 60, None),
    ]


def test_a_named_person_handed_over_with_a_group_counts_on_top() -> None:
    text = (
        "Україна й Росія провели обмін полоненими. Росії передали Віктора Медведчука та 55 "
        "військових, Україна отримала 215 захисників."
    )
    assert _returned(_run(text, "2022-09-22")) == [("2022-09-22", 215, 56)]


@pytest.mark.parametrize(
    "tail",
    [
        "Омбудсман передав Червоному Хресту список із 500 полонених.",
        "Омбудсман передав Червоному Хресту список із 500 полонених, яких Україна хоче повернути.",
    ],
)
def test_a_list_of_names_is_no_figure(tail: str) -> None:
    data = _run(f"Сьогодні Україна повернула з полону 80 людей. {tail}", "2025-03-05")
    assert (_returned(data), data["planned"]) == ([("2025-03-05", 80, None)], [])


@pytest.mark.parametrize(
    "text",
    [
        "Обмін полоненими з Росією: Коордштаб повідомив про повернення першої партії українців, "
        "не назвавши кількості.",
        "Стартував новий етап обміну полоненими між Україною та Росією. У Координаційному штабі "
        "повідомили про повернення першої групи захисників, не назвавши їхньої кількості.",
    ],
)
def test_a_reported_return_with_no_number_is_an_undisclosed_exchange(text: str) -> None:
    assert _returned(_run(text, "2025-06-09")) == [("2025-06-09", None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Омбудсман повідомив про повернення в Україну ще однієї депортованої дитини з Росії.",
        "Міністерство повідомило про повернення коштів до бюджету України після скасування угоди "
        "з Росією.",
    ],
)
def test_other_returns_reported_are_no_exchange(text: str) -> None:
    assert _run(text, "2025-06-09")["exchanges"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Стартував обмін, про який сторони домовилися 16 травня у Стамбулі: першого дня звільнено "
        "240 українців.",
        "Обмін полоненими, про який сторони домовилися ще 16 травня в Стамбулі, відбувся. Додому "
        "повернулися 240 захисників.",
    ],
)
def test_the_date_of_the_agreement_is_not_the_exchange_s(text: str) -> None:
    assert _returned(_run(text, "2025-05-23")) == [("2025-05-23", 240, None)]


def test_a_date_after_the_agreement_verb_s_object_still_dates_a_plan() -> None:
    text = "Сторони домовилися провести обмін полоненими 500 на 500 28 травня."
    data = _run(text, "2025-05-23")
    assert [(e["date"], e["returned_to"]["Ukraine"]) for e in data["planned"]] == [
        ("2025-05-28", 500)
    ]


@pytest.mark.parametrize(
    "other",
    [
        "Обмін відбувся на тлі оголошеного Кремлем «великоднього перемир'я» на 19–20 квітня.",
        "Обмін відбувся після телефонної розмови 20 квітня.",
        "Про обмін ішлося на переговорах 20 квітня в Стамбулі.",
    ],
)
def test_the_date_of_another_event_is_not_the_exchange_s(other: str) -> None:
    text = (
        "Україна повернула 60 військових, Росія — стільки ж\n"
        "П'ятниця, 18 квітня 2025, 15:40\n"
        "Додому повернулися 60 українських військових, повідомив штаб.\n"
        f"{other}"
    )
    assert _returned(_run(text, "2025-04-18")) == [("2025-04-18", 60, 60)]


@pytest.mark.parametrize(
    "rally",
    [
        "У Києві 500 людей вимагали повернути з полону всіх захисників Маріуполя.",
        "Понад 300 родичів полонених вимагали від влади пришвидшити обміни.",
    ],
)
def test_a_crowd_demanding_returns_is_no_plan(rally: str) -> None:
    text = f"Відбувся обмін полоненими, Україна повернула 95 людей. {rally}"
    data = _run(text, "2025-03-05")
    assert (_returned(data), data["planned"]) == ([("2025-03-05", 95, None)], [])


def test_a_convoy_driving_prisoners_to_an_exchange_is_no_exchange_yet() -> None:
    text = "Колона автобусів везе 150 полонених на обмін, повідомили в Білорусі."
    assert _run(text, "2025-03-05")["exchanges"] == []


@pytest.mark.parametrize(
    "tail",
    [
        "Омбудсман Дмитро Лубінець передав Міжнародному комітету Червоного Хреста списки "
        "полонених для наступного обміну.",
        "Українська сторона вже передала списки на новий обмін.",
    ],
)
def test_lists_handed_over_for_a_next_exchange_are_no_plan(tail: str) -> None:
    data = _run(f"Сьогодні Україна повернула з полону 84 захисників. {tail}", "2025-03-05")
    assert (_returned(data), data["planned"]) == ([("2025-03-05", 84, None)], [])


@pytest.mark.parametrize(
    "headline",
    [
        "З полону повернулися 12 мешканців Харкова",
        "Додому повернулися 12 жителів Херсона",
        "Серед звільнених — 12 уродженців Сумщини",
    ],
)
def test_residents_of_a_named_place_are_a_share(headline: str) -> None:
    text = f"{headline}\nУчора до України повернулися 140 військових і 16 цивільних."
    data = _run(text, "2025-02-06")
    assert _returned(data) == [("2025-02-05", 156, None)]
    assert _composition(data) == {"soldiers": 140, "civilians": 16}


@pytest.mark.parametrize(
    "text",
    [
        "Суд у Києві розглядає справу про здачу Маріуполя. Усього обвинувачених 30 військових; "
        "двоє з них раніше повернулися додому завдяки обміну полоненими.",
        "Суд у Києві розглядає справу російських військових. Усього обвинувачених — 30 осіб, двоє "
        "з них раніше повернулися в Росію завдяки обміну полоненими.",
    ],
)
def test_defendants_of_a_trial_are_no_exchange(text: str) -> None:
    assert _run(text, "2025-03-05")["exchanges"] == []


@pytest.mark.parametrize(
    ("second", "ukraine", "composition"),
    [
        ("тоді кожна сторона отримала по 85 військових, а Україні окремо повернули тіла 40 "
         "загиблих", 85, {"bodies": 40}),
        ("тоді Україна повернула 85 військових, а додатково Росія передала 7 тяжкопоранених", 92,
         {"seriously_wounded_or_sick": 7}),
    ],
)  # fmt: skip
def test_a_recalled_exchange_keeps_its_bodies_and_wounded(
    second: str, ukraine: int, composition: dict[str, int]
) -> None:
    text = f"Сьогодні Україна повернула 103 людей.\nПопередній обмін відбувся 12 травня: {second}."
    data = _run(text, "2025-06-01")
    assert [e["returned_to"]["Ukraine"] for e in data["exchanges"]] == [103, ukraine]
    assert data["exchanges"][1]["date"] == "2025-05-12"
    assert _composition(data, 1) == composition


@pytest.mark.parametrize(
    "person",
    [
        "Віктора Медведчука, якого затримали у квітні",
        "Віктора Медведчука, якого заарештували навесні",
    ],
)
def test_the_arrest_date_of_a_person_handed_over_is_not_the_exchange_s(person: str) -> None:
    text = (
        "Сьогодні Україна й Росія провели обмін полоненими. Росії передали 55 полонених і "
        f"{person}."
    )
    assert _returned(_run(text, "2022-09-21")) == [("2022-09-21", None, 56)]


def test_an_exact_figure_after_a_hedged_one_wins() -> None:
    text = (
        "Сьогодні з полону повернулися понад 180 захисників. Точна цифра – 189, уточнили в "
        "Коордштабі."
    )
    assert _returned(_run(text, "2025-03-05")) == [("2025-03-05", 189, None)]


def test_a_figure_named_by_cifra_outside_an_exchange_is_nothing() -> None:
    text = "Ціни на пальне зросли. Точна цифра – 189 гривень за десять літрів."
    assert _run(text, "2025-03-05")["exchanges"] == []


@pytest.mark.parametrize("freed", ["з повернених", "з визволених", "з них"])
def test_a_health_remark_about_some_of_the_freed_is_composition(freed: str) -> None:
    text = f"Сьогодні з полону повернулися 120 бійців. Двоє {freed} важко поранені."
    data = _run(text, "2025-03-05")
    assert (_returned(data), _composition(data)) == (
        [("2025-03-05", 120, None)],
        {"seriously_wounded_or_sick": 2},
    )
