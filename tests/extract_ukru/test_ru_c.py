"""Russian reports, third pass: phrasings from wires, official posts, Ukrainian outlets in Russian.

Each test is a class of phrasing, in sentences of our own; the corpus documents of this pass are
in tests/corpus/ru/set_c.jsonl.
"""

from __future__ import annotations

from typing import Any

import pytest

import powledger


def _extract(text: str, published: str | None = "2025-03-20") -> Any:
    return powledger.extract(text, published=published, language="ru")


def _main(text: str, published: str | None = "2025-03-20") -> Any:
    result = _extract(text, published)
    assert result.exchanges, "no exchange found"
    return result.exchanges[0]


# --- the figure handed over in return is the other side's --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Из украинского плена возвращены 115 российских военнослужащих. В обмен переданы 115 "
        "военнопленных ВСУ.",
        "МОСКВА, 20 марта. /ТАСС/. Российская сторона вернула из плена 115 военнослужащих. "
        "Взамен украинской стороне переданы 115 военнопленных.",
        "Сегодня домой вернулись 115 наших соотечественников. В ответ Украине переданы 115 "
        "человек, сообщила Москалькова.",
    ],
    ids=["wire-short-passive", "dateline-взамен", "ombudsman-в-ответ"],
)
def test_what_is_handed_over_in_return_goes_to_ukraine(text: str) -> None:
    assert _main(text).returned_to == {"Russia": 115, "Ukraine": 115}


def test_a_dative_before_an_active_verb_receives() -> None:
    exchange = _main("Кроме того, Украине передали 1200 тел погибших военных.")
    assert [(c.side, c.category, c.count) for c in exchange.composition] == [
        ("Ukraine", "bodies", 1200)
    ]


# --- whose "our" ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Зеленский: домой вернулись 95 наших военных.", "Ukraine"),
        ("Сегодня домой вернулись 95 наших военных, сообщил Координационный штаб.", "Ukraine"),
        ("Домой вернулись 95 наших военнослужащих, сообщила Москалькова.", "Russia"),
        ("Домой возвращаются 95 наших бойцов. Киеву отдали столько же пленных ВСУ.", "Russia"),
        ("Из российского плена домой вернулись 95 наших ребят.", "Ukraine"),
    ],
    ids=["zelensky", "coordination-hq", "moskalkova", "z-channel-voice", "ua-voice"],
)
def test_our_people_go_to_the_speakers_side(text: str, side: str) -> None:
    exchange = _main(text)
    assert exchange.returned_to[side] == 95


def test_our_people_with_no_voice_get_no_side() -> None:
    exchange = _main("Домой вернулись 95 наших военнослужащих.")
    assert exchange.returned_to == {"Russia": None, "Ukraine": None}


def test_a_list_of_ours_is_summed_for_the_speaker() -> None:
    exchange = _main(
        "Домой вернулись 146 наших военнослужащих и восемь жителей Курской области, сообщила "
        "Москалькова."
    )
    assert exchange.returned_to["Russia"] == 154
    assert {(c.category, c.count) for c in exchange.composition} == {
        ("soldiers", 146),
        ("civilians", 8),
    }


# --- each, parts and additions ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Каждая сторона вернула 185 военнослужащих и 20 гражданских лиц.",
        "Стороны вернули по 185 военнослужащих и 20 гражданских.",
    ],
)
def test_each_covers_every_group_of_its_list(text: str) -> None:
    assert _main(text).returned_to == {"Russia": 205, "Ukraine": 205}


def test_a_part_stays_a_part_of_its_side() -> None:
    exchange = _main("Из плена вернулись 75 российских военнослужащих, включая четырех офицеров.")
    assert exchange.returned_to["Russia"] == 75
    assert [(c.side, c.category, c.count) for c in exchange.composition] == [
        ("Russia", "officers", 4)
    ]


def test_a_group_added_with_words_between_the_marker_and_the_count() -> None:
    exchange = _main(
        "Из плена вернулись 246 российских военнослужащих, сообщили в Минобороны. Кроме того, "
        "из плена дополнительно вернулись 15 наших раненых военнопленных."
    )
    assert exchange.returned_to["Russia"] == 261


# --- a deal's figure against the day's ---------------------------------------------------------


def test_the_deals_figure_yields_to_the_days_own() -> None:
    text = (
        "Россия и Украина приступили к выполнению договоренности, достигнутой в Стамбуле, — "
        "обмену пленными по формуле 1000 на 1000.\n"
        "В пятницу на родину вернулись 270 российских военнослужащих и 120 мирных жителей, "
        "сообщили в Минобороны России. Украине передано столько же — 390 человек."
    )
    exchange = _main(text, "2025-05-24")
    assert exchange.returned_to == {"Russia": 390, "Ukraine": 390}
    assert exchange.date == "2025-05-23"


def test_a_sum_over_several_days_yields_to_the_days_figure() -> None:
    text = (
        "За три дня домой вернулись 1000 украинцев, сообщил Зеленский. В воскресенье из "
        "российского плена освобождены 303 украинских защитника."
    )
    assert _main(text, "2025-05-26").returned_to["Ukraine"] == 303


def test_a_running_total_opening_the_sentence_is_not_the_exchange() -> None:
    text = (
        "Сегодня домой вернулись 84 украинских защитника. С начала года Украина, по подсчетам "
        "штаба, вернула из плена больше тысячи человек."
    )
    result = _extract(text)
    assert [e.returned_to["Ukraine"] for e in result.exchanges] == [84]


@pytest.mark.parametrize(
    "text",
    [
        "Ранее Украина и Россия уже проводили обмен по формуле 103 на 103.",
        "Во время прошлого обмена стороны передали друг другу по 95 человек.",
        "Крупнейшим остается обмен 1000 на 1000.",
    ],
)
def test_background_about_earlier_exchanges_is_no_exchange(text: str) -> None:
    assert _extract(f"Сегодня в Киеве прошла пресс-конференция. {text}").exchanges == ()


# --- exchanges without figures, and plans ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "В понедельник Россия и Украина провели обмен военнопленными, сообщили в Минобороны. "
        "Число освобожденных не раскрывается.",
        "В пятницу Россия и Украина провели еще один обмен пленными в рамках стамбульских "
        "договоренностей.",
        "11:40 Россия и Украина провели очередной обмен военнопленными. Украине переданы столько "
        "же военнопленных ВСУ.",
    ],
)
def test_an_exchange_with_undisclosed_figures_is_found(text: str) -> None:
    exchange = _main(text)
    assert exchange.returned_to == {"Russia": None, "Ukraine": None}


@pytest.mark.parametrize(
    "text",
    [
        "С начала войны стороны провели более 60 обменов.",
        "Он отметил, что проведение обменов по равной формуле затруднено.",
        "Обмен так и не состоялся.",
    ],
)
def test_talk_about_exchanges_is_no_undisclosed_exchange(text: str) -> None:
    assert _extract(f"Россия и Украина. {text}").exchanges == ()


@pytest.mark.parametrize(
    "text",
    [
        "Песков: обмен пленными 1000 на 1000 должен состояться в ближайшее время.",
        "Умеров: первые пленные в рамках обмена 1000 на 1000 должны вернуться на этой неделе.",
        "Обмен должен состояться в ближайшие дни: стороны договорились обменять по 300 пленных.",
        "В Кремле не исключили новый обмен 1000 на 1000.",
    ],
)
def test_a_plan_word_around_the_count_makes_a_plan(text: str) -> None:
    result = _extract(text)
    assert result.exchanges == ()
    assert result.planned


@pytest.mark.parametrize(
    "text",
    [
        "Мединский: Россия передала Украине списки первых 640 военнопленных для обмена.",
        "Мониторинговая миссия ООН опросила 150 освобожденных украинских военнопленных.",
        "Освобожденные из плена рассказали о пытках, которым подвергались 200 человек.",
    ],
)
def test_lists_and_interviews_are_no_exchange(text: str) -> None:
    assert _extract(text).exchanges == ()


# --- datelines and headlines -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (
            "МОСКВА, 1 февраля 2024 года. /ТАСС/. Вчера из украинского плена вернулись 195 "
            "российских военнослужащих.",
            None,
            "2024-01-31",
        ),
        (
            "Россия вернула из плена 95 военных\nМОСКВА, 18 окт — РИА Новости. Вчера возвращены "
            "95 российских военнослужащих.",
            "2024-10-18",
            "2024-10-17",
        ),
        (
            "Киев, 25 июня. ИНТЕРФАКС-УКРАИНА - Вчера Украина вернула из плена 90 военных.",
            "2024-06-27",
            "2024-06-24",
        ),
    ],
    ids=["tass-no-published", "ria-after-headline", "interfax-title-case"],
)
def test_a_cyrillic_dateline_dates_relative_words(
    text: str, published: str | None, day: str
) -> None:
    assert _main(text, published).date == day


def test_a_day_first_sentence_is_no_dateline_when_a_comma_follows() -> None:
    text = "Сегодня, 14 сентября, Украина вернула из плена 90 военных."
    assert _main(text, "2024-09-15").date == "2024-09-14"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Россия вернула из плена 90 военных — Минобороны\nВ результате переговорного процесса "
            "возвращены 90 российских военнослужащих.",
            "Russian Ministry of Defence",
        ),
        (
            "Из плена вернули еще 25 украинцев — Зеленский\nВ воскресенье домой вернулись 25 "
            "защитников.",
            "Volodymyr Zelensky",
        ),
    ],
)
def test_a_headline_closing_on_its_source_asserts_the_report(text: str, actor: str) -> None:
    exchange = _main(text)
    assert {c.asserted_by for c in exchange.claims} == {actor}


def test_a_signature_with_a_long_title_asserts_the_post() -> None:
    text = (
        "На родину вернулись 84 наших военнослужащих.\n"
        "Татьяна Москалькова, Уполномоченный по правам человека в Российской Федерации"
    )
    exchange = _main(text)
    assert exchange.returned_to["Russia"] == 84
    assert {c.asserted_by for c in exchange.claims} == {"Tatyana Moskalkova"}


# --- second batch: sums, destinations, background, talks, numbers -----------------------------


def test_each_repeated_on_every_group_of_a_list() -> None:
    exchange = _main(
        "В пятницу Москва и Киев передали друг другу по 60 военнопленных и по 7 мирных жителей."
    )
    assert exchange.returned_to == {"Russia": 67, "Ukraine": 67}
    assert {(c.side, c.category, c.count) for c in exchange.composition} == {
        (side, category, count)
        for side in ("Russia", "Ukraine")
        for category, count in (("soldiers", 60), ("civilians", 7))
    }


def test_a_group_added_in_the_next_sentence_goes_to_the_same_side() -> None:
    exchange = _main(
        "На родину возвращены 120 российских военнослужащих. Кроме того, домой вернулись двое "
        "жителей Брянской области."
    )
    assert exchange.returned_to["Russia"] == 122
    assert [(c.side, c.category, c.count) for c in exchange.composition] == [
        ("Russia", "civilians", 2)
    ]


def test_wounded_named_beyond_the_base_are_added_and_listed_alone() -> None:
    exchange = _main("Из плена вернулись 180 украинских защитников, а также 20 тяжелораненых.")
    assert exchange.returned_to["Ukraine"] == 200
    assert [(c.category, c.count) for c in exchange.composition] == [
        ("seriously_wounded_or_sick", 20)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В Россию вернули 110 военнослужащих, а в Украину — 108 человек.",
            {"Russia": 110, "Ukraine": 108},
        ),
        ("Взамен россиянам отдали 40 пленных.", {"Russia": 40, "Ukraine": None}),
        (
            "Киев получил 44 пленных, тогда как в Россию вернулись 46 человек.",
            {"Russia": 46, "Ukraine": 44},
        ),
    ],
    ids=["two-destinations", "dative-demonym", "destination-in-second-clause"],
)
def test_a_destination_or_dative_names_the_receiver(
    text: str, expected: dict[str, int | None]
) -> None:
    assert _main(text).returned_to == expected


@pytest.mark.parametrize(
    "text",
    [
        "Предыдущий, по формуле «120 на 120», прошел летом.",
        "Два прошлых обмена прошли по схемам «90 на 90» и «160 на 160».",
        "За несколько дней до этого стороны меняли 50 на 50.",
        "Еще летом Киев получил 70 человек, отдав 64.",
    ],
)
def test_recalls_with_only_a_vague_time_are_background(text: str) -> None:
    result = _extract(f"Сегодня из плена вернулись 90 украинских военных. {text}")
    assert [e.returned_to["Ukraine"] for e in result.exchanges] == [90]


def test_a_past_mutual_verb_with_no_figure_is_an_undisclosed_exchange() -> None:
    exchange = _main("Москва и Киев накануне обменялись пленными.")
    assert exchange.date == "2025-03-19"
    assert exchange.returned_to == {"Russia": None, "Ukraine": None}


def test_running_totals_alone_make_no_exchange() -> None:
    text = "С начала СВО домой вернулись несколько тысяч российских военнослужащих."
    assert _extract(text).exchanges == ()


def test_a_stage_of_a_deal_keeps_its_own_figure() -> None:
    text = (
        "Третий этап обмена 1000 на 1000: сегодня из плена возвращены 303 российских "
        "военнослужащих. Украине переданы 303 военнопленных ВСУ."
    )
    assert _main(text).returned_to == {"Russia": 303, "Ukraine": 303}


def test_an_agreement_in_talks_is_a_plan_and_its_gloss_too() -> None:
    text = (
        "По итогам переговоров делегации условились обменяться еще 1200 пленными с каждой "
        "стороны. По его словам, речь идет о тысяче двухстах военнопленных."
    )
    result = _extract(text)
    assert result.exchanges == ()
    assert [p.returned_to for p in result.planned] == [{"Russia": 1200, "Ukraine": 1200}]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("тысячи двухсот", 1200), ("тысяче двухстах", 1200), ("тысяча двести", 1200)],
)
def test_a_thousand_in_any_case_composes_with_hundreds(phrase: str, value: int) -> None:
    from powledger.extract.ru import LEXICON

    assert [n.value for n in LEXICON.find_numbers(f"о {phrase} пленных")] == [value]


def test_a_sentence_goes_on_after_a_short_thousand() -> None:
    exchange = _main("Россия передала Украине 6 тыс. тел погибших военнослужащих.")
    assert [(c.side, c.category, c.count) for c in exchange.composition] == [
        ("Ukraine", "bodies", 6000)
    ]


def test_an_institution_named_in_the_next_sentence_asserts() -> None:
    text = (
        "Из плена освобождены 64 украинца. Информацию подтвердили в Координационном штабе по "
        "вопросам обращения с военнопленными."
    )
    assert {c.asserted_by for c in _main(text).claims} == {
        "Coordination Headquarters for the Treatment of Prisoners of War"
    }


# --- third batch: parts, speakers, mediators, fixed days, recalled dates, deals -----------------


def test_parts_listed_with_also_are_never_added() -> None:
    exchange = _main(
        "Сегодня домой вернулись 95 украинских военных. Среди освобожденных 20 офицеров, а также "
        "5 женщин."
    )
    assert exchange.returned_to == {"Russia": None, "Ukraine": 95}
    assert {(c.side, c.category, c.count) for c in exchange.composition} == {
        ("Ukraine", "officers", 20),
        ("Ukraine", "women", 5),
    }


def test_a_pronoun_speaker_is_the_person_named_before_the_quote() -> None:
    text = (
        "Песков сообщил о новом обмене. «Сегодня домой вернулись 90 наших военных», — сказал он "
        "журналистам. Зеленский позже подтвердил обмен."
    )
    exchange = _main(text)
    assert exchange.returned_to["Russia"] == 90
    assert {c.asserted_by for c in exchange.claims} == {"Dmitry Peskov"}


def test_nationalities_of_the_freed_credit_no_mediator() -> None:
    text = (
        "Сегодня вернулись 95 украинских военных. Среди освобожденных — граждане Великобритании и "
        "США, их передали при посредничестве Саудовской Аравии."
    )
    assert _main(text).mediators == ("Saudi Arabia",)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Накануне Нового года из плена вернулись 140 украинцев.", "2025-01-02"),
        ("В последний день прошлого года домой вернулись 140 военнопленных.", "2025-01-03"),
    ],
)
def test_new_years_eve_is_the_31st_of_december(text: str, published: str) -> None:
    assert _main(text, published).date == "2024-12-31"


def test_a_since_date_followed_by_when_dates_the_recalled_exchange() -> None:
    text = (
        "Сегодня вернулись 95 украинских военных. Это первый обмен с 5 января, когда стороны "
        "передали друг другу по 25 человек."
    )
    result = _extract(text)
    assert [(e.date, e.returned_to) for e in result.exchanges] == [
        ("2025-03-20", {"Russia": None, "Ukraine": 95}),
        ("2025-01-05", {"Russia": 25, "Ukraine": 25}),
    ]


def test_a_first_stage_leaves_the_deal_as_a_plan_and_a_completed_deal_does_not() -> None:
    first = _extract(
        "Сегодня из плена вернулись 390 украинцев. Это первый этап обмена «1000 на 1000»."
    )
    assert [e.returned_to["Ukraine"] for e in first.exchanges] == [390]
    assert [p.returned_to for p in first.planned] == [{"Russia": 1000, "Ukraine": 1000}]
    last = _extract(
        "Сегодня из плена вернулись 303 украинца. Так стороны завершили обмен «1000 на 1000»."
    )
    assert [e.returned_to["Ukraine"] for e in last.exchanges] == [303]
    assert last.planned == ()


def test_an_agreement_carried_out_in_the_same_report_is_no_plan() -> None:
    result = _extract(
        "Стороны договорились об обмене 84 на 84. В четверг обмен состоялся: домой вернулись 84 "
        "украинских военных."
    )
    assert result.planned == ()
    assert result.exchanges[0].returned_to["Ukraine"] == 84


def test_a_position_inside_a_report_is_no_plan() -> None:
    result = _extract(
        "Сегодня домой вернулись 150 украинских военных. Киев продолжает настаивать на обмене "
        "«всех на всех»."
    )
    assert result.planned == ()


def test_a_digests_shelling_news_adds_no_composition() -> None:
    exchange = _main(
        "Сегодня из плена вернулись 90 украинцев. Тем временем в Херсоне в результате обстрела "
        "ранены трое жителей."
    )
    assert exchange.composition == ()


# --- fourth batch: additions far from their marker, vague plans, a side's own list --------------


def test_an_addition_with_a_destination_goes_to_that_side() -> None:
    exchange = _main(
        "Из плена вернулись 146 российских военнослужащих, сообщили в Минобороны. Кроме того, на "
        "территорию России возвращены восемь жителей Курской области."
    )
    assert exchange.returned_to["Russia"] == 154


def test_a_sides_own_list_beats_the_other_sides_figure() -> None:
    text = (
        "Из плена вернулись 146 российских военнослужащих, сообщили в Минобороны РФ. Взамен "
        "передано 146 военнопленных ВСУ.\n"
        "Зеленский подтвердил, что домой вернулись 146 украинских защитников и восемь гражданских."
    )
    assert _main(text).returned_to == {"Russia": 146, "Ukraine": 154}


def test_several_hundred_in_any_case_is_vague() -> None:
    result = _extract(
        "Москалькова сообщила, что стороны согласовали списки для нового обмена. По ее словам, "
        "речь может идти о нескольких сотнях человек с каждой стороны. «Мы надеемся, что обмен "
        "состоится в ближайшее время», — сказала омбудсмен. Она напомнила, что в этом году домой "
        "вернулись более двух тысяч россиян."
    )
    assert result.exchanges == ()
    assert [p.returned_to for p in result.planned] == [{"Russia": None, "Ukraine": None}]


def test_a_sentence_opening_on_an_addition_adds_every_group_to_its_side() -> None:
    text = (
        "Из плена возвращены 246 российских военнослужащих, сообщили в Минобороны. Кроме того, в "
        "качестве жеста доброй воли Украине переданы 31 раненый военнопленный ВСУ, а российская "
        "сторона получила 15 раненых военнослужащих."
    )
    assert _main(text).returned_to["Russia"] == 261


def test_a_sides_own_total_already_holds_what_the_other_side_added() -> None:
    text = (
        "Минобороны: из плена возвращены 246 российских военнослужащих. Кроме того, Украине "
        "переданы 31 раненый военнопленный ВСУ.\n"
        "Зеленский подтвердил обмен: «Домой вернулись 277 наших воинов»."
    )
    assert _main(text).returned_to["Ukraine"] == 277


def test_a_future_return_with_a_vague_figure_is_a_plan() -> None:
    text = (
        "Ермак заявил, что Украина готовит новый этап обмена пленными. «Мы рассчитываем, что в "
        "ближайшие недели домой вернутся сотни наших людей», — подчеркнул он."
    )
    result = _extract(text)
    assert result.exchanges == ()
    assert [p.returned_to for p in result.planned] == [{"Russia": None, "Ukraine": None}]


@pytest.mark.parametrize(
    "text",
    [
        "Россия и США провели обмен заключенными: в Россию вернулся Александр Винник, "
        "американской стороне передан Марк Фогель.",
        "Москва обменяла американку Ксению Карелину на россиянина Артура Петрова.",
    ],
)
def test_a_swap_of_named_persons_counts_one_each(text: str) -> None:
    exchange = _main(text)
    assert exchange.parties == ("Russia", "United States")
    assert exchange.returned_to == {"Russia": 1, "United States": 1}


def test_names_among_a_group_of_the_war_add_nobody() -> None:
    text = (
        "Домой вернулись 146 украинских защитников и восемь гражданских, в том числе журналист "
        "Дмитрий Хилюк, сообщил Зеленский."
    )
    assert _main(text).returned_to["Ukraine"] == 154


def test_the_head_of_the_occupied_donetsk_region_speaks_for_russia() -> None:
    exchange = _main(
        "Глава ДНР Денис Пушилин сообщил, что на территорию республики вернулись 20 "
        "военнослужащих из украинского плена."
    )
    assert exchange.returned_to["Russia"] == 20
    assert {c.asserted_by for c in exchange.claims} == {"Denis Pushilin"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Домой вернулись 103 украинских защитника, взамен передано 103 человека.",
            {"Russia": 103, "Ukraine": 103},
        ),
        (
            "Из плена вернулись 95 украинских военных, а 90 человек получила Россия.",
            {"Russia": 90, "Ukraine": 95},
        ),
    ],
    ids=["in-return-handed-over", "subject-after-verb"],
)
def test_the_second_clause_is_not_decided_by_the_first(
    text: str, expected: dict[str, int | None]
) -> None:
    assert _main(text).returned_to == expected


def test_an_explainer_quoting_a_headline_reports_nothing() -> None:
    text = "За каждым заголовком «домой вернулись 95 защитников» стоят месяцы переговоров."
    assert _extract(text).exchanges == ()


def test_a_pair_followed_by_a_report_verb_is_a_pair() -> None:
    text = "Обмен военнопленными в формате 150 на 150 состоялся в среду при посредничестве ОАЭ."
    exchange = _main(text, "2025-02-06")
    assert (exchange.date, exchange.returned_to) == ("2025-02-05", {"Russia": 150, "Ukraine": 150})


def test_a_running_total_opening_the_sentence_does_not_reach_past_a_colon() -> None:
    text = (
        "С февраля 2022 года стороны провели более 50 обменов, последний из них состоялся в среду: "
        "тогда домой вернулись 150 украинцев."
    )
    assert _main(text, "2025-02-06").returned_to["Ukraine"] == 150


def test_russia_opening_its_clause_before_a_verb_of_giving_is_a_dative() -> None:
    exchange = _main(
        "В ходе обмена на Украину возвращены тела 757 погибших военнослужащих, России передали 34 "
        "тела."
    )
    assert {(c.side, c.category, c.count) for c in exchange.composition} == {
        ("Ukraine", "bodies", 757),
        ("Russia", "bodies", 34),
    }


def test_the_sides_own_parts_that_sum_to_the_total_credit_its_actor() -> None:
    text = (
        "Киев и Москва обменялись 67 пленными в пятницу. Зеленский сообщил, что домой вернулись 60 "
        "военных и семеро гражданских."
    )
    exchange = _main(text)
    assert exchange.returned_to == {"Russia": 67, "Ukraine": 67}
    assert any(
        c.side == "Ukraine" and c.value == 67 and c.asserted_by == "Volodymyr Zelensky"
        for c in exchange.claims
    )


@pytest.mark.parametrize(
    "text",
    [
        "Обмен пленными может состояться на следующей неделе, сообщил источник.",
        "Обмен военнопленными планируется провести на следующей неделе.",
        "Военнопленные должны быть обменяны до конца месяца.",
        "Россия и Украина договорились о крупном обмене военнопленными в ближайшие дни.",
    ],
)
def test_talk_of_a_coming_exchange_is_an_open_plan(text: str) -> None:
    result = _extract(text)
    assert result.exchanges == ()
    assert [p.returned_to for p in result.planned] == [{"Russia": None, "Ukraine": None}]


@pytest.mark.parametrize("tail", ["говорится в сообщении ведомства", "говорится в заявлении"])
def test_the_body_named_before_speaks_in_its_statement(tail: str) -> None:
    text = f"Минобороны России сообщило о новом обмене. Из плена возвращены 95 российских военнослужащих, {tail}."
    assert {c.asserted_by for c in _main(text).claims} == {"Russian Ministry of Defence"}


def test_a_party_speaking_for_itself_gives_its_own_figure() -> None:
    text = (
        "МОСКВА, 31 января. /РИА Новости/. Россия вернула из плена 195 военнослужащих, Украине "
        "передано такое же число пленных, сообщило Минобороны.\n"
        "На борту разбившегося самолета находились 65 украинских военнопленных, которых везли на "
        "обмен.\n"
        "Киев заявил о возвращении 207 человек."
    )
    assert _main(text, "2024-01-31").returned_to == {"Russia": 195, "Ukraine": 207}


@pytest.mark.parametrize(
    "text",
    [
        "Колонна с телами 800 военнослужащих ожидает на границе, заявили в Москве.",
        "Письма от 700 пленных передали родственникам, сообщил Красный Крест.",
        "Минобороны сообщило, что в плен взяты 9 украинских военных. В результате удара погибли "
        "четыре человека, 11 госпитализированы.",
    ],
)
def test_letters_waiting_trucks_and_casualties_are_no_exchange(text: str) -> None:
    result = _extract(text)
    assert result.exchanges == ()
    assert result.planned == ()


def test_an_unnumbered_return_takes_the_side_of_its_subject_and_verb() -> None:
    exchange = _main("Россия вернула пленных в возрасте от 18 до 25 лет, сообщили в Минобороны.")
    assert exchange.returned_to == {"Russia": None, "Ukraine": None}
    assert [c.side for c in exchange.claims] == ["Russia"]


def test_a_sentence_saying_when_the_exchange_took_place_beats_the_dateline() -> None:
    text = (
        "МОСКВА, 4 января. Возвращение из плена двухсот сорока восьми российских военнослужащих "
        "стало крупнейшим обменом, напомнили в Минобороны. Обмен состоялся вчера при "
        "посредничестве ОАЭ."
    )
    assert _main(text, "2024-01-04").date == "2024-01-03"


def test_the_first_exchange_of_a_year_is_dated_by_the_report_not_the_year() -> None:
    text = "Первый обмен пленными в 2025 году: домой вернулись 25 украинских военных."
    assert _main(text, "2025-01-05").date == "2025-01-05"


def test_a_clock_stamped_live_blog_entry_is_of_its_day() -> None:
    text = (
        "Война: онлайн\n"
        "08:40 Ночью над Киевской областью работала ПВО.\n"
        "12:10 Координационный штаб: из российского плена вернулись 84 человека."
    )
    assert _main(text, "2025-08-14").date == "2025-08-14"


def test_returned_residents_once_taken_away_are_an_addition_to_the_destination() -> None:
    text = (
        "Из плена возвращены 146 российских военнослужащих, сообщили в Минобороны. Кроме того, в "
        "Россию возвращены восемь жителей Курской области, незаконно вывезенных ВСУ на Украину."
    )
    exchange = _main(text, "2025-08-24")
    assert exchange.returned_to["Russia"] == 154
    assert [(c.side, c.category, c.count) for c in exchange.composition] == [
        ("Russia", "civilians", 8)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Обмен пленными: домой вернулись 90 наших парней, киевская хунта получила столько же "
            "всушников. #обмен",
            {"Russia": 90, "Ukraine": 90},
        ),
        (
            "Наши дома! Из плена вернулись 90 наших, оркам отдали их пленных.",
            {"Russia": None, "Ukraine": 90},
        ),
    ],
    ids=["z-channel", "ua-channel"],
)
def test_a_channels_own_words_tell_whose_our(text: str, expected: dict[str, int | None]) -> None:
    assert _main(text).returned_to == expected


def test_a_part_of_a_running_total_is_a_running_total_too() -> None:
    text = (
        "Сегодня домой вернулись 95 украинских военных. Всего с 2022 года из плена вернулись 5800 "
        "украинцев, в том числе 150 гражданских."
    )
    exchange = _main(text)
    assert exchange.returned_to["Ukraine"] == 95
    assert exchange.composition == ()


def test_a_promise_of_remains_is_a_plan() -> None:
    # (The Russian annotations keep a promise of remains as a plan; see body_promises_are_plans.)
    result = _extract(
        "Сегодня из плена вернулись 84 украинских военных. Россия также пообещала передать 6000 "
        "тел погибших."
    )
    assert len(result.planned) == 1


def test_a_gerund_of_return_reports_the_figure() -> None:
    text = "Украина провела 40-й обмен с Россией, вернув домой 160 человек, сообщил Зеленский."
    assert _main(text).returned_to["Ukraine"] == 160


# --- held-out set 2 kinds -------------------------------------------------------------------


def test_a_recall_in_the_middle_of_a_month_is_an_exchange_of_its_own() -> None:
    text = (
        "Сегодня вернулись 95 украинских военных. Предыдущий обмен состоялся в середине марта – "
        "тогда стороны передали друг другу по 80 пленных."
    )
    result = _extract(text, "2025-05-01")
    assert [(e.date, e.returned_to) for e in result.exchanges] == [
        ("2025-05-01", {"Russia": None, "Ukraine": 95}),
        ("2025-03", {"Russia": 80, "Ukraine": 80}),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Сегодня вернулись 95 украинских военных. «Он держится», — объясняет специалист одного "
        "из реабилитационных центров.",
        "Сегодня вернулись 95 украинских военных. Жена одного из освобожденных пограничников "
        "рассказала о встрече.",
    ],
)
def test_one_of_is_no_count(text: str) -> None:
    exchange = _main(text)
    assert exchange.returned_to == {"Russia": None, "Ukraine": 95}
    assert exchange.composition == ()


def test_deaths_and_captures_are_no_figures() -> None:
    text = (
        "Россия и Украина в пятницу обменялись пленными, число не раскрывается. В Херсоне в "
        "результате обстрела погибли два человека. Накануне ВСУ взяли в плен двух солдат."
    )
    exchange = _main(text, "2025-05-03")
    assert exchange.returned_to == {"Russia": None, "Ukraine": None}


def test_a_numeral_in_a_name_is_no_count() -> None:
    text = (
        "Кремль ждет выполнения договоренностей Стамбула-3 по обмену пленными. Стороны договорились "
        "об обмене 1200 на 1200."
    )
    result = _extract(text)
    assert [p.returned_to for p in result.planned] == [{"Russia": 1200, "Ukraine": 1200}]


def test_a_named_person_before_the_group_adds_one() -> None:
    exchange = _main("Украина вернула 215 человек, отдав Виктора Медведчука и 55 военных.")
    assert exchange.returned_to == {"Russia": 56, "Ukraine": 215}


def test_a_dated_stage_sentence_dates_the_figures_of_the_next_one() -> None:
    text = (
        "Обмен пленными: онлайн\n"
        "Сегодня из плена вернулись 303 украинских защитника, сообщил Зеленский.\n"
        "Напоминаем, что вчера, 24 мая, прошел второй этап обмена. Тогда, по данным обеих сторон, "
        "было передано по 307 человек."
    )
    result = _extract(text, "2025-05-25")
    assert [(e.date, e.returned_to) for e in result.exchanges] == [
        ("2025-05-25", {"Russia": None, "Ukraine": 303}),
        ("2025-05-24", {"Russia": 307, "Ukraine": 307}),
    ]


def test_an_agreement_at_dated_talks_is_a_plan_not_a_done_exchange() -> None:
    text = (
        "Первый раунд переговоров, прошедший в пятницу, 16 мая, в Стамбуле, завершился "
        "договоренностью о крупном обмене пленными.\n"
        "«Договорились о том, что в ближайшие дни будет проведен обмен — тысяча на тысячу», — "
        "сказал Мединский."
    )
    result = _extract(text, "2025-05-17")
    assert result.exchanges == ()
    assert [p.returned_to for p in result.planned] == [{"Russia": 1000, "Ukraine": 1000}]


def test_a_first_group_under_agreements_is_done_and_the_agreement_a_plan() -> None:
    text = (
        "Минобороны: возвращена первая группа российских военнослужащих\n"
        "В рамках договоренностей, достигнутых в Стамбуле, с подконтрольной Киеву территории "
        "возвращена первая группа российских военнослужащих в возрасте до 25 лет. В обмен передана "
        "такая же группа военнопленных ВСУ.\n"
        "Сколько всего человек вернулось — официально не называют. Ранее стороны договорились "
        "менять пленных поэтапно — по словам Мединского, не менее 1000 человек с каждой стороны."
    )
    result = _extract(text, "2025-06-09")
    assert [(e.date, e.returned_to) for e in result.exchanges] == [
        ("2025-06-09", {"Russia": None, "Ukraine": None})
    ]
    assert [p.returned_to for p in result.planned] == [{"Russia": 1000, "Ukraine": 1000}]


def test_a_sentence_opening_on_an_older_day_is_another_exchange() -> None:
    text = (
        "Сегодня из плена вернулись 84 украинских военных, сообщил Зеленский.\n"
        "6 мая Украина вернула 45 защитников Мариуполя, Россия тогда получила троих военных."
    )
    result = _extract(text, "2025-06-01")
    assert [(e.date, e.returned_to) for e in result.exchanges] == [
        ("2025-06-01", {"Russia": None, "Ukraine": 84}),
        ("2025-05-06", {"Russia": 3, "Ukraine": 45}),
    ]


def test_a_dated_recall_without_figures_is_an_exchange_of_its_own() -> None:
    text = (
        "Сегодня из плена вернулись 84 украинских военных, сообщил Зеленский. В последний раз "
        "стороны меняли пленных 27 декабря."
    )
    result = _extract(text, "2025-01-10")
    assert [(e.date, e.returned_to) for e in result.exchanges] == [
        ("2025-01-10", {"Russia": None, "Ukraine": 84}),
        ("2024-12-27", {"Russia": None, "Ukraine": None}),
    ]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Сегодня из плена вернулись 303 украинских защитника. Второй этап состоялся вчера, 9 "
            "апреля. Тогда стороны вернули по 210 человек.",
            ("2025-04-09", {"Russia": 210, "Ukraine": 210}),
        ),
        (
            "Сегодня из плена вернулись 84 украинских военных. До этого пленными обменивались 27 "
            "декабря.",
            ("2024-12-27", {"Russia": None, "Ukraine": None}),
        ),
    ],
    ids=["stage-then", "recall-no-figures"],
)
def test_a_dated_earlier_stage_or_recall_is_its_own_exchange(
    text: str, second: tuple[str, dict[str, int | None]]
) -> None:
    result = _extract(text, "2025-04-10")
    assert [(e.date, e.returned_to) for e in result.exchanges][1] == second


def test_a_figure_named_only_by_a_noun_after_a_plan_is_the_plans() -> None:
    result = _extract(
        "Стороны согласились возобновить обмены пленными. Речь идет о возвращении 300 украинцев."
    )
    assert result.exchanges == ()
    assert [p.returned_to for p in result.planned] == [{"Russia": None, "Ukraine": 300}]


def test_a_first_batch_with_no_number_is_a_reported_exchange_beside_a_plan() -> None:
    text = (
        "Минобороны: вернули первую партию военнослужащих; взамен отдали столько же. Официальных "
        "цифр нет. Стороны условились обменять всех тяжелораненых — по оценке Мединского, минимум "
        "по 500 с каждой стороны."
    )
    result = _extract(text, "2025-04-10")
    assert [e.returned_to for e in result.exchanges] == [{"Russia": None, "Ukraine": None}]
    assert [p.returned_to for p in result.planned] == [{"Russia": 500, "Ukraine": 500}]


# --- second round (ru2): formula lists, day-by-day stages, recalls, plans by weekday ---------


def _comp(exchange: Any) -> list[tuple[str, str, int]]:
    return sorted((c.side or "", c.category, c.count or 0) for c in exchange.composition)


@pytest.mark.parametrize(
    "text",
    [
        "Штаб уточнил: Украина и Россия поменялись 120 на 120 военными и 15 на 15 гражданскими.",
        "Россия и Украина провели обмен: 120 на 120 военнопленными и 15 на 15 мирными жителями, "
        "сообщили в Минобороны РФ.",
        "Украина и Россия обменялись 120 на 120 военнослужащими, а также 15 на 15 гражданскими.",
    ],
    ids=["hq-поменялись", "mod-colon", "а-также"],
)
def test_a_list_of_formulas_sums_for_each_side(text: str) -> None:
    exchange = _main(text)
    assert exchange.returned_to == {"Russia": 135, "Ukraine": 135}
    assert _comp(exchange) == [
        ("Russia", "civilians", 15),
        ("Russia", "soldiers", 120),
        ("Ukraine", "civilians", 15),
        ("Ukraine", "soldiers", 120),
    ]


def test_a_single_formula_with_the_colloquial_verb_is_mutual() -> None:
    assert _main("Россия и Украина поменялись пленными: 95 на 95.").returned_to == {
        "Russia": 95,
        "Ukraine": 95,
    }


@pytest.mark.parametrize(
    "text",
    [
        "Обмен прошёл в два дня. В пятницу Россия и Украина обменялись 390 пленными с каждой "
        "стороны, в субботу — по 307.",
        "Россия и Украина провели обмен в два этапа: в пятницу — по 390 человек, в субботу — по 307.",
        "Обмен «1000 на 1000» завершён. Россия и Украина, по данным Минобороны, обменивались три "
        "дня: в пятницу — по 390 человек, в субботу — по 307, в воскресенье — по 303.",
    ],
    ids=["sentence-then-gap", "stage-list", "three-days"],
)
def test_each_day_of_a_stage_summary_is_an_exchange_of_its_own(text: str) -> None:
    result = _extract(text, "2025-05-26")
    days = {e.date: e.returned_to for e in result.exchanges}
    assert days["2025-05-23"] == {"Russia": 390, "Ukraine": 390}
    assert days["2025-05-24"] == {"Russia": 307, "Ukraine": 307}
    assert result.planned == ()


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "Россия и Украина сегодня провели обмен пленными по формуле 140 на 140. В середине марта "
            "Москва и Киев уже менялись пленными, тогда каждая сторона получила по 80 человек.",
            "2025-03-20",
        ),
        (
            "Россия и Украина провели обмен пленными по формуле 140 на 140, сообщили в Минобороны "
            "РФ. В начале марта стороны уже менялись — тогда каждая получила по 80 человек.",
            "2025-03-20",
        ),
    ],
    ids=["same-month", "undated-main"],
)
def test_a_recall_dated_to_part_of_a_month_is_its_own_exchange(text: str, published: str) -> None:
    result = _extract(text, published)
    assert [(e.date, e.returned_to["Russia"]) for e in result.exchanges][1] == ("2025-03", 80)
    assert result.exchanges[0].returned_to == {"Russia": 140, "Ukraine": 140}
    assert result.exchanges[0].date != "2025-03"


def test_a_list_from_yesterday_that_sums_to_another_figure_is_yesterdays_exchange() -> None:
    text = (
        "Второй день обмена! На Родину вернулись ещё 210 наших военнослужащих.\nВчера мы встречали "
        "190 военнослужащих и 14 мирных жителей Курской области."
    )
    result = _extract(text, "2025-06-10")
    assert [(e.date, e.returned_to["Russia"]) for e in result.exchanges] == [
        ("2025-06-10", 210),
        ("2025-06-09", 204),
    ]


def test_a_list_that_breaks_down_todays_figure_stays_with_it() -> None:
    text = (
        "Сегодня на Родину вернулись 150 российских военнослужащих. Вчера мы встречали 120 военных "
        "и 30 мирных жителей."
    )
    result = _extract(text, "2025-03-20")
    assert len(result.exchanges) == 1


@pytest.mark.parametrize(
    ("text", "when", "figure"),
    [
        (
            "Россия и Украина провели обмен пленными: по 150 человек с каждой стороны. Следующий "
            "этап пройдет в пятницу.",
            "2025-03-21",
            None,
        ),
        (
            "Россия и Украина провели обмен пленными: по 150 человек с каждой стороны. Следующий "
            "этап ожидается в субботу: стороны передадут друг другу по 200 человек.",
            "2025-03-22",
            200,
        ),
    ],
    ids=["bare-weekday", "weekday-with-figure"],
)
def test_a_next_stage_on_a_weekday_is_the_coming_day(
    text: str, when: str, figure: int | None
) -> None:
    result = _extract(text, "2025-03-20")  # a Thursday
    assert [(p.date, p.returned_to["Russia"]) for p in result.planned] == [(when, figure)]


def test_the_weekday_of_talks_is_not_moved_into_the_future() -> None:
    result = _extract(
        "Во вторник делегации России и Украины договорились обменяться 500 пленными с каждой "
        "стороны.",
        "2025-03-20",
    )
    assert [p.date for p in result.planned] in ([None], ["2025-03-18"])


@pytest.mark.parametrize(
    "text",
    [
        "Сегодня на Родину возвращаются 84 наших военнослужащих, а передаем мы 84 пленных, в их "
        "числе 10 женщин, — сообщила Москалькова.",
        "Сегодня на Родину вернулись 84 наших военнослужащих, а мы передали 84 пленных, среди них "
        "10 женщин, — сообщила Москалькова.",
    ],
    ids=["передаем-мы", "мы-передали"],
)
def test_what_a_first_person_speaker_hands_over_goes_to_the_other_side(text: str) -> None:
    exchange = _main(text)
    assert exchange.returned_to == {"Russia": 84, "Ukraine": 84}
    assert _comp(exchange) == [("Ukraine", "women", 10)]


def test_citizens_listed_after_soldiers_are_civilians() -> None:
    exchange = _main(
        "Россия вернула 120 российских военнослужащих. Украинской стороне переданы 120 "
        "военнопленных и шесть граждан Украины."
    )
    assert exchange.returned_to["Ukraine"] == 126
    assert ("Ukraine", "civilians", 6) in _comp(exchange)
    # Alone, citizens are the whole group.
    assert _main("Домой из плена вернулись 95 граждан Украины.").returned_to["Ukraine"] == 95


def test_a_completion_word_with_yo_ends_the_deal() -> None:
    result = _extract(
        "Обмен пленными по формуле «1000 на 1000» завершён. Сегодня Россия и Украина обменялись "
        "ещё 303 военнопленными с каждой стороны."
    )
    assert [e.returned_to for e in result.exchanges] == [{"Russia": 303, "Ukraine": 303}]
    assert result.planned == ()


@pytest.mark.parametrize(
    "text",
    [
        "В феврале Москва отпустила американца Марка Фогеля, получив взамен россиянина Александра "
        "Винника. В четверг Россия передала США Ксению Карелину, а в ответ в Россию вернулся Артур "
        "Петров.",
        "В четверг Россия передала США Ксению Карелину, а в ответ в Россию вернулся Артур Петров. "
        "В феврале Москва отпустила американца Марка Фогеля, получив взамен россиянина Александра "
        "Винника.",
    ],
    ids=["recall-first", "recall-after"],
)
def test_a_one_for_one_swap_in_another_month_is_another_exchange(text: str) -> None:
    result = _extract(text, "2025-04-11")
    assert sorted(e.date or "" for e in result.exchanges) == ["2025-02", "2025-04-10"]
    for exchange in result.exchanges:
        assert exchange.returned_to == {"Russia": 1, "United States": 1}


@pytest.mark.parametrize(
    "line",
    [
        "Читайте также: Когда состоится следующий обмен пленными",
        "Смотрите также: стороны договорились о новом обмене «всех на всех»",
    ],
)
def test_a_link_to_another_article_is_no_plan(line: str) -> None:
    result = _extract(
        f"Россия и Украина в четверг обменялись 120 пленными с каждой стороны.\n{line}"
    )
    assert [e.returned_to for e in result.exchanges] == [{"Russia": 120, "Ukraine": 120}]
    assert result.planned == ()


def test_a_figure_labelled_by_another_day_after_an_each_side_figure_is_that_days() -> None:
    text = (
        "Накануне, в субботу, стороны обменялись 307 пленными с каждой стороны, а в пятницу — 390. "
        "В воскресенье Россия и Украина обменялись 303 пленными."
    )
    result = _extract(text, "2025-05-26")
    assert {e.date: e.returned_to["Ukraine"] for e in result.exchanges} == {
        "2025-05-23": 390,
        "2025-05-24": 307,
        "2025-05-25": 303,
    }


def test_the_wounded_of_the_other_side_after_a_gesture_are_on_top_too() -> None:
    text = (
        "Из плена вернулись 246 российских военнослужащих. Взамен переданы 246 украинских "
        "военнопленных. Помимо этого, в качестве жеста доброй воли на родину возвращены 15 раненых "
        "российских военнослужащих. Киеву переданы 31 раненый военнопленный ВСУ."
    )
    assert _main(text).returned_to == {"Russia": 261, "Ukraine": 277}


def test_wounded_in_a_new_exchange_without_a_gesture_are_not_added() -> None:
    text = (
        "Из плена вернулись 246 российских военнослужащих. Киеву переданы 31 раненый военнопленный."
    )
    assert _main(text).returned_to["Ukraine"] == 31


def test_preparing_for_the_next_exchange_is_no_plan_but_a_dated_next_stage_is() -> None:
    done = "Россия и Украина в четверг обменялись 120 пленными с каждой стороны. "
    assert _extract(done + "К следующему обмену уже готовятся, сообщил штаб.").planned == ()
    planned = _extract(done + "Следующий обмен состоится в ближайшее время.").planned
    assert [p.returned_to for p in planned] == [{"Russia": None, "Ukraine": None}]


def test_a_figure_with_no_verb_after_an_agreement_is_the_agreements() -> None:
    result = _extract(
        "Россия и Украина договорились о новом обмене. Речь идет о тысяче двухстах пленных с "
        "каждой стороны."
    )
    assert result.exchanges == ()
    assert [p.returned_to for p in result.planned] == [{"Russia": 1200, "Ukraine": 1200}]
    done = _extract("Россия и Украина провели обмен пленными. Всего 1200 пленных с каждой стороны.")
    assert [e.returned_to for e in done.exchanges] == [{"Russia": 1200, "Ukraine": 1200}]


# --- a day-by-day account: each "<weekday>, <day>." heading opens that day's exchange ----------


@pytest.mark.parametrize(
    "text",
    [
        "Четверг, 12 июня. Москва и Киев обменялись пленными в формате 210 на 210.\n"
        "Пятница, 13 июня. На второй день домой вернулись 205 украинцев, Россия получила столько "
        "же.\nСуббота, 14 июня. Последний день — по 185 с каждой стороны.\nВсего — по 600.",
        "Хроника по дням.\n\nЧетверг, 12 июня.\nРоссия передала 210 украинских военных в обмен на "
        "210 российских.\n\nПятница, 13 июня.\nЕще по 205 с каждой стороны вернулись домой.\n\n"
        "Суббота, 14 июня.\nЕще по 185 с каждой стороны. Итого — по 600.",
    ],
)
def test_day_headings_split_the_days(text: str) -> None:
    result = _extract(text, "2025-06-16")
    assert [(e.date, e.returned_to) for e in result.exchanges] == [
        ("2025-06-12", {"Russia": 210, "Ukraine": 210}),
        ("2025-06-13", {"Russia": 205, "Ukraine": 205}),
        ("2025-06-14", {"Russia": 185, "Ukraine": 185}),
    ]


def test_one_dated_line_or_a_dateline_is_no_day_heading() -> None:
    one = _extract(
        "Москва, 12 июня. Россия и Украина обменялись пленными, по 210 с каждой стороны. "
        "Вернувшиеся проходят лечение.",
        "2025-06-12",
    )
    assert [(e.date, e.returned_to) for e in one.exchanges] == [
        ("2025-06-12", {"Russia": 210, "Ukraine": 210})
    ]


# --- "в новом обмене / на этот раз" is the report's own exchange, not the recall named last ---


@pytest.mark.parametrize("marker", ["В новом обмене", "На этот раз", "В нынешнем обмене"])
def test_the_new_exchange_is_the_main_one_after_a_dated_recall(marker: str) -> None:
    result = _extract(
        "Москва и Киев 12 марта снова обменялись пленными, по 175 с каждой стороны. Предыдущий "
        "обмен был 29 ноября, тогда стороны вернули по 90 человек. "
        f"{marker} Минобороны сообщило: «возвращены 175 российских военнослужащих, взамен "
        "переданы 175 военнопленных ВСУ». Посредником снова стал Катар.",
        "2025-03-13",
    )
    assert [(e.date, e.returned_to, e.mediators) for e in result.exchanges] == [
        ("2025-03-12", {"Russia": 175, "Ukraine": 175}, ("Qatar",)),
        ("2024-11-29", {"Russia": 90, "Ukraine": 90}, ()),
    ]


# --- a named person handed over with a group counts one more ---------------------------------


def test_along_with_him_adds_the_person_named_in_the_sentence_before() -> None:
    text = (
        "Бывший депутат Игорь Лесной оказался в России. Вместе с ним освободили 40 российских "
        "военных, сообщил Пушилин."
    )
    assert _main(text).returned_to["Russia"] == 41
    # No person in the sentence before (a mediator): nothing added.
    assert (
        _main(
            "Катар снова выступил посредником. Вместе с ним освободили 40 российских военных."
        ).returned_to["Russia"]
        == 40
    )


def test_a_quoted_party_name_before_the_person_keeps_the_plus_one() -> None:
    text = (
        "Прошлый обмен был 2 мая, тогда из украинского плена вернулись 40 российских военных, а "
        'также экс-глава партии "Единый путь — Вперед" Олег Кравцов.'
    )
    assert _main(text).returned_to["Russia"] == 41


# --- a list of names handed over is no return --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "В феврале омбудсмен заявляла, что передала Киеву список из более чем 600 российских "
        "военнопленных, пропавших без вести.",
        "Москалькова передала украинскому коллеге списки из 350 пленных, о судьбе которых ничего "
        "не известно.",
    ],
)
def test_a_list_of_prisoners_handed_over_is_no_exchange(text: str) -> None:
    assert _extract(text).exchanges == ()


def test_a_list_beside_a_return_keeps_the_return() -> None:
    text = (
        "Из плена вернулись 120 российских военнослужащих. Кроме того, омбудсмен передала Киеву "
        "список из 600 пропавших без вести."
    )
    assert _main(text).returned_to["Russia"] == 120
    mixed = "Москва передала Киеву список, и в пятницу домой вернулись 150 российских военных."
    assert _main(mixed).returned_to["Russia"] == 150


# --- "<side> сообщил о N вернувшихся": the side's own returned ---------------------------------


@pytest.mark.parametrize("russia", [175, 90])
def test_a_recall_of_returned_counts_per_side_even_with_the_main_figure(russia: int) -> None:
    result = _extract(
        "Москва и Киев 12 марта снова обменялись пленными, по 175 с каждой стороны. Предыдущий "
        f"обмен был в конце ноября: 29 ноября российское ведомство объявило о возвращении {russia} "
        "своих военных, а Киев сообщил о 203 вернувшихся.",
        "2025-03-13",
    )
    assert [(e.date, e.returned_to) for e in result.exchanges] == [
        ("2025-03-12", {"Russia": 175, "Ukraine": 175}),
        ("2024-11-29", {"Russia": russia, "Ukraine": 203}),
    ]


# --- "Речь идет о N" after an agreement on groups of an age range is that plan ----------------


def test_an_age_range_in_the_agreement_does_not_make_its_figure_done() -> None:
    result = _extract(
        "«Ключевой итог встречи — гуманитарные договоренности: взаимная передача всех "
        "тяжелобольных и военнослужащих в возрасте от 18 до 22 лет. Речь идет о пятистах "
        "человек с каждой стороны», — сказал Ушаков."
    )
    assert result.exchanges == ()
    assert [p.returned_to for p in result.planned] == [{"Russia": 500, "Ukraine": 500}]


# --- "как и при прошлых обменах": this exchange's mediator too --------------------------------


def test_a_mediator_as_in_earlier_exchanges_is_credited_now() -> None:
    done = (
        "Минобороны России сообщило о возвращении 120 российских военнослужащих, взамен Украине "
        "отдали 120 военнопленных ВСУ. "
    )
    likewise = done + "Посредничество, как и при прошлых обменах, взял на себя Катар."
    assert _main(likewise).mediators == ("Qatar",)
    past = done + "При прошлых обменах посредником выступал Катар."
    assert _main(past).mediators == ()


# --- a trial's defendants, some handed over "in one of the exchanges", are no exchange ---------


def test_defendants_handed_over_in_one_of_the_exchanges_are_background() -> None:
    text = (
        "Вначале на скамье подсудимых было 19 человек, но трое из них, как узнало издание, были "
        "переданы Украине в ходе одного из обменов, и теперь их судят заочно."
    )
    assert _extract(text).exchanges == ()
    largest = "В среду в ходе одного из крупнейших обменов Украина вернула 300 военных."
    assert _main(largest).returned_to["Ukraine"] == 300


# --- an aim ("Наша задача — … вернуть наших людей домой") is no return done --------------------


@pytest.mark.parametrize("pows", [" пленными", ""])
def test_an_aim_is_no_done_exchange(pows: str) -> None:
    result = _extract(
        "Кирилл Буданов\nНачальник ГУР\nПровел встречи в Катаре и Египте при содействии "
        f"партнеров. Наша задача — сдвинуть обмены{pows} с мертвой точки и вернуть наших людей "
        "домой.\nДоговорились о возврате к прежним договоренностям. Речь идет об освобождении 800 "
        "украинцев."
    )
    assert result.exchanges == ()
    assert [p.returned_to for p in result.planned] == [{"Russia": None, "Ukraine": 800}]
    done = _extract("Украина вернула домой 150 военных. Наша задача — вернуть всех.")
    assert [e.returned_to["Ukraine"] for e in done.exchanges] == [150]


# --- a gapped recall ("в апреле … 60, а в марте — 120") keeps the verb and side of its clause --


def test_a_gapped_month_in_a_recall_is_that_months_exchange_of_the_same_side() -> None:
    result = _extract(
        "Киев, 10 июля. Украина вернула 70 защитников, сообщил Зеленский. Весной обмены шли "
        "часто: в апреле на родину привезли 60 украинских военных, а в марте — 120; российская "
        "сторона тогда забрала 118 своих.",
        "2025-07-10",
    )
    assert [(e.date, e.returned_to) for e in result.exchanges] == [
        ("2025-07-10", {"Russia": None, "Ukraine": 70}),
        ("2025-04", {"Russia": None, "Ukraine": 60}),
        ("2025-03", {"Russia": 118, "Ukraine": 120}),
    ]


# --- "по схеме N на N, а сверх того … еще A в обмен на B": both sides get their addition -------


def test_additions_on_top_of_a_formula_count_for_both_sides() -> None:
    text = (
        "В Координационном штабе пояснили, что обмен прошел по схеме 180 на 180, а сверх того "
        "Россия отдала еще 20 тяжелораненых украинцев в обмен на 9 раненых россиян. Минобороны "
        "России объявило о возвращении 180 российских военных."
    )
    assert _main(text).returned_to == {"Russia": 189, "Ukraine": 200}


# --- the month of a capture or an arrest is never the exchange's date ---------------------------


@pytest.mark.parametrize(
    "clause",
    ["которые были задержаны еще в марте", "задержанных в марте", "попавших в плен в марте"],
)
def test_a_capture_month_does_not_date_the_exchange(clause: str) -> None:
    text = f"МОСКВА, 5 октября. Из Украины вернулись 20 российских граждан, {clause}."
    assert _main(text, "2025-10-05").date == "2025-10-05"


# --- a recall with a day of its own keeps the mediator it names --------------------------------


def test_a_dated_recall_keeps_its_mediator() -> None:
    result = _extract(
        "МОСКВА, 20 марта. Россия вернула 120 военных. Прошлый обмен, 2 февраля, тоже шел при "
        "посредничестве Катара: Россия тогда получила 95 военнослужащих.",
        "2025-03-20",
    )
    assert [(e.date, e.mediators) for e in result.exchanges] == [
        ("2025-03-20", ()),
        ("2025-02-02", ("Qatar",)),
    ]


@pytest.mark.parametrize("hedge", ["не менее чем о", "как минимум о", "примерно о"])
def test_a_hedge_before_the_preposition_of_rech_idet_is_approximate(hedge: str) -> None:
    result = _extract(
        "Стороны договорились о новом обмене. "
        f"Речь идет {hedge} пятистах военнопленных с каждой стороны."
    )
    assert [(p.returned_to, p.approximate) for p in result.planned] == [
        ({"Russia": 500, "Ukraine": 500}, {"Russia": True, "Ukraine": True})
    ]


# --- promises that the work goes on, and a stock "to be used for an exchange", are no plans ----


@pytest.mark.parametrize(
    "tail",
    [
        "Работа по возвращению всех наших людей будет продолжена, заявил Зеленский.",
        "Омбудсмен пообещала, что работа по возвращению пленных продолжится.",
        "Мы продолжим работу по возвращению всех.",
        "Их планируется использовать для обмена.",
    ],
)
def test_ongoing_work_and_a_stock_are_no_plans(tail: str) -> None:
    done = "Россия и Украина в пятницу обменялись пленными, по 150 человек с каждой стороны. "
    result = _extract(done + tail)
    assert result.planned == ()
    assert [e.returned_to for e in result.exchanges] == [{"Russia": 150, "Ukraine": 150}]
    within = _extract("В рамках работы по возвращению пленных домой вернулись 150 украинцев.")
    assert [e.returned_to["Ukraine"] for e in within.exchanges] == [150]


# --- "к освобождению <group>: на свободу выходят N человек": the group released gets N ---------


def test_the_group_whose_release_opens_the_sentence_gets_the_figure_after_the_colon() -> None:
    text = (
        "ТЕЛЬ-АВИВ, 4 марта. ХАМАС во вторник передал Международному комитету Красного Креста "
        "всех 12 израильских заложников. Израиль со своей стороны приступил к освобождению "
        "палестинцев из тюрем: на свободу выходят около 600 человек."
    )
    exchange = _main(text, "2025-03-04")
    assert exchange.returned_to == {"Hamas": 600, "Israel": 12}
    assert exchange.approximate["Hamas"] is True
    # A party named as the origin ("из России") is no released group.
    origin = _main(
        "Украина начала возвращение своих граждан из России: домой вернулись 100 человек."
    )
    assert origin.returned_to["Ukraine"] == 100
