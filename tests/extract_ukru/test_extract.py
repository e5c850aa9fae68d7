"""Ukrainian and Russian reports through the whole extractor, under the same contract as English."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import powledger
from powledger.cli import main


def _extract(text: str, language: str, published: str | None = "2024-09-14") -> dict[str, Any]:
    result = powledger.extract(text, published=published, language=language)
    data = result.to_dict()
    for exchange in data["exchanges"] + data["planned"]:
        for claim in exchange["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["quote"]
    return data


def _main(data: dict[str, Any]) -> dict[str, Any]:
    assert data["exchanges"], "no exchange found"
    main_event: dict[str, Any] = data["exchanges"][0]
    return main_event


@pytest.mark.parametrize(
    ("language", "published", "text", "returned_to", "date", "asserted_by"),
    [
        pytest.param(
            "uk", "2024-01-31",
            "Сьогодні додому повернулися двісті сім наших захисників, повідомив Координаційний штаб.",
            {"Russia": None, "Ukraine": 207}, "2024-01-31",
            "Coordination Headquarters for the Treatment of Prisoners of War",
            id="uk-words-first-person-today",
        ),
        pytest.param(
            "uk", "2024-09-16",
            "У суботу з полону звільнили 103 українських військових, заявив Лубінець.",
            {"Russia": None, "Ukraine": 103}, "2024-09-14", "Dmytro Lubinets",
            id="uk-weekday-ombudsman",
        ),
        pytest.param(
            "uk", "2024-09-14", "Ми повернули додому ще 49 наших.",
            {"Russia": None, "Ukraine": 49}, "2024-09-14", None,
            id="uk-we-brought-home",
        ),
        pytest.param(
            "uk", "2024-09-14", "Україна передала Росії 49 військовополонених.",
            {"Russia": 49, "Ukraine": None}, None, None,
            id="uk-giver-is-the-subject",
        ),
        pytest.param(
            "ru", "2024-09-14",
            "Из украинского плена вернулись двести пятьдесят российских военнослужащих.",
            {"Russia": 250, "Ukraine": None}, None, None,
            id="ru-words-from-captivity",
        ),
        pytest.param(
            "ru", "2024-09-16",
            "В субботу из плена вернулись 103 российских военнослужащих, сообщила Москалькова.",
            {"Russia": 103, "Ukraine": None}, "2024-09-14", "Tatyana Moskalkova",
            id="ru-weekday-ombudsman",
        ),
        pytest.param(
            "uk", "2024-09-14", "Росія повернула Україні 49 полонених, серед яких 7 жінок.",
            {"Russia": None, "Ukraine": 49}, None, None,
            id="uk-return-with-dative-receiver",
        ),
        pytest.param(
            "ru", "2024-09-14", "Украина вернула России 30 военнослужащих.",
            {"Russia": 30, "Ukraine": None}, None, None,
            id="ru-return-with-dative-receiver",
        ),
        pytest.param(
            "ru", "2024-09-14", "Российская сторона передала Украине 49 пленных.",
            {"Russia": None, "Ukraine": 49}, None, None,
            id="ru-giver-is-the-subject",
        ),
    ],
)  # fmt: skip
def test_who_received_whom(
    language: str,
    published: str,
    text: str,
    returned_to: dict[str, int | None],
    date: str | None,
    asserted_by: str | None,
) -> None:
    event = _main(_extract(text, language, published))
    assert event["parties"] == ["Russia", "Ukraine"]
    assert event["returned_to"] == returned_to
    assert event["date"] == date
    side = next(s for s, v in returned_to.items() if v is not None)
    assert {c["asserted_by"] for c in event["claims"] if c["side"] == side} == {asserted_by}


def test_russian_ministry_statement_gives_both_sides() -> None:
    text = (
        "14 сентября с подконтрольной киевскому режиму территории возвращены 103 российских "
        "военнослужащих, сообщило Минобороны России. Взамен переданы 103 военнопленных ВСУ."
    )
    event = _main(_extract(text, "ru"))
    assert event["returned_to"] == {"Russia": 103, "Ukraine": 103}
    assert event["date"] == "2024-09-14" and event["date_precision"] == "day"
    russian = [c for c in event["claims"] if c["side"] == "Russia"]
    assert russian and russian[0]["asserted_by"] == "Russian Ministry of Defence"


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        pytest.param("uk", "Обмін полоненими відбувся за формулою 95 на 95.", 95, id="uk-n-na-n"),
        pytest.param("uk", "Україна і Росія обмінялися полоненими 25-на-25.", 25, id="uk-hyphenated"),
        pytest.param("uk", "Сторони обмінялися полоненими по 103 з кожного боку.", 103, id="uk-each-side"),
        pytest.param("ru", "Обмен пленными прошел по формуле 84 на 84.", 84, id="ru-n-na-n"),
        pytest.param("ru", "Россия и Украина обменялись пленными, по 75 с каждой стороны.", 75, id="ru-each-side"),
        pytest.param("ru", "Тогда стороны обменялись сотней пленных каждая.", 100, id="ru-each-after-noun"),
    ],
)  # fmt: skip
def test_same_number_both_ways(language: str, text: str, value: int) -> None:
    assert _main(_extract(text, language))["returned_to"] == {"Russia": value, "Ukraine": value}


def test_perfective_future_is_not_a_report() -> None:
    text = "Наступного тижня Україна і Росія обміняються 500 полоненими з кожного боку."
    assert _extract(text, "uk")["exchanges"] == []
    text = "Мединский: Россия и Украина обменяются 1000 пленных с каждой стороны."
    assert _extract(text, "ru")["exchanges"] == []


@pytest.mark.parametrize(
    ("language", "text", "side", "value"),
    [
        ("ru", "Россия готова вернуть 500 украинских пленных в ближайшее время.", "Ukraine", 500),
        ("uk", "Україна планує повернути ще 300 захисників наступного тижня.", "Ukraine", 300),
    ],
)  # fmt: skip
def test_plans_go_to_planned(language: str, text: str, side: str, value: int) -> None:
    data = _extract(text, language)
    assert data["exchanges"] == []
    assert [p["returned_to"][side] for p in data["planned"]] == [value]


def test_hedged_figure_is_approximate() -> None:
    event = _main(_extract("Понад двісті українців повернулися з полону.", "uk"))
    assert event["returned_to"]["Ukraine"] == 200
    assert event["approximate"] == {"Russia": False, "Ukraine": True}


@pytest.mark.parametrize(
    ("language", "text", "mediator"),
    [
        ("uk", "Обмін полоненими відбувся за посередництва ОАЕ: додому повернулися 103 захисники.", "United Arab Emirates"),
        ("ru", "Обмен пленными прошел при посредничестве ОАЭ, вернулись 90 российских военных.", "United Arab Emirates"),
    ],
)  # fmt: skip
def test_mediators_in_the_exchange_sentence(language: str, text: str, mediator: str) -> None:
    assert _main(_extract(text, language))["mediators"] == [mediator]


def test_parts_go_to_composition() -> None:
    event = _main(_extract("Додому повернулися 95 захисників, серед них 21 офіцер.", "uk"))
    assert event["returned_to"]["Ukraine"] == 95
    assert {"side": "Ukraine", "category": "officers", "count": 21} in event["composition"]


def test_bodies_are_never_a_total() -> None:
    event = _main(_extract("Росія передала Україні тіла 757 загиблих.", "uk"))
    assert event["returned_to"] == {"Russia": None, "Ukraine": None}
    assert event["composition"] == [{"side": "Ukraine", "category": "bodies", "count": 757}]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        pytest.param("uk", "Суд у Ростові засудив 12 українських військовополонених до 20 років ув'язнення.", id="uk-trial"),
        pytest.param("ru", "Суд вынес приговор 15 украинским военнопленным.", id="ru-trial"),
        pytest.param("uk", "Сторони домовилися про обмін 1000 на 1000 найближчим часом.", id="uk-agreed"),
        pytest.param("ru", "Россия готова вернуть 500 украинских пленных в ближайшее время.", id="ru-ready"),
        pytest.param("uk", "Україна планує повернути ще 300 захисників наступного тижня.", id="uk-plan"),
        pytest.param("uk", "Загалом з початку повномасштабного вторгнення з полону повернули 3767 українців.", id="uk-since-invasion"),
        pytest.param("ru", "Всего с начала специальной военной операции из плена вернулись более 2000 российских военнослужащих.", id="ru-since-operation"),
        pytest.param("ru", "Москалькова сообщила, что в плену на Украине остаются около 1000 российских военнослужащих.", id="ru-still-held"),
        pytest.param("uk", "У Києві через обстріл постраждали 12 людей, серед них двоє дітей.", id="uk-casualties"),
        pytest.param("ru", "В Курской области эвакуировали 300 жителей, сообщили власти.", id="ru-evacuees"),
        pytest.param("uk", "З початку року з полону повернули 1358 українців.", id="uk-since-new-year"),
        pytest.param("ru", "С начала года удалось вернуть из плена 1 200 военнослужащих.", id="ru-since-new-year"),
        pytest.param("uk", "Сили оборони звільнили 2 села на Харківщині.", id="uk-liberated-villages"),
        pytest.param("uk", "Уряд звільнив з посади трьох заступників міністра.", id="uk-dismissed"),
        pytest.param("uk", "Громади обмінялися досвідом: 12 делегацій повернулися додому.", id="uk-exchange-of-experience"),
        pytest.param("ru", "Вооруженные силы освободили 2 населенных пункта.", id="ru-liberated-villages"),
        pytest.param("uk", "Сторони обмінялися ударами: загинули 5 людей, ще 12 поранені.", id="uk-exchange-of-strikes"),
        pytest.param("ru", "Стороны обменялись ударами, погибли 5 человек.", id="ru-exchange-of-strikes"),
        pytest.param("uk", "Після ротації 47 бійців повернулися додому до родин.", id="uk-rotation-home"),
        pytest.param("ru", "Из командировки вернулись домой 30 военнослужащих.", id="ru-business-trip-home"),
    ],
)  # fmt: skip
def test_not_carried_out_exchanges(language: str, text: str) -> None:
    assert _extract(text, language)["exchanges"] == []


def test_an_exchange_in_another_conflict_keeps_its_parties() -> None:
    text = "Вірменія та Азербайджан обмінялися полоненими: Баку передав Єревану 32 вірмен."
    event = _main(_extract(text, "uk"))
    assert event["parties"] == ["Armenia", "Azerbaijan"]
    assert event["returned_to"]["Armenia"] == 32


# --- the same exchange in three languages --------------------------------------------------

SAME_EXCHANGE = {
    "en": (
        "Russia and Ukraine swap 103 prisoners each in UAE-mediated deal\n"
        "Russia and Ukraine each handed over 103 prisoners of war on Saturday in an exchange "
        "mediated by the United Arab Emirates, officials on both sides said."
    ),
    "uk": (
        "Додому повертаються 103 захисники\n"
        "Сьогодні, 14 вересня, Україна повернула з полону 103 українських військових, повідомив "
        "Координаційний штаб. Росія отримала 103 своїх військовослужбовців.\n"
        "Обмін відбувся за посередництва Об'єднаних Арабських Еміратів."
    ),
    "ru": (
        "МОСКВА, 14 сентября. /ТАСС/. В субботу с подконтрольной киевскому режиму территории возвращены "
        "103 российских военнослужащих, сообщило Минобороны России. Взамен переданы 103 "
        "военнопленных ВСУ. Посредничество в обмене осуществили ОАЭ."
    ),
}


def test_the_same_exchange_reads_the_same_in_english_ukrainian_and_russian() -> None:
    seen = {}
    for language, text in SAME_EXCHANGE.items():
        event = _main(_extract(text, language, "2024-09-14"))
        seen[language] = (
            event["parties"],
            event["date"],
            event["returned_to"],
            event["mediators"],
        )
    expected = (
        ["Russia", "Ukraine"],
        "2024-09-14",
        {"Russia": 103, "Ukraine": 103},
        ["United Arab Emirates"],
    )
    assert seen == {"en": expected, "uk": expected, "ru": expected}


def test_reconciliation_joins_the_three_reports_into_one_event() -> None:
    from powledger.reconcile.cluster import cluster_units
    from powledger.reconcile.model import ClaimInput
    from powledger.reconcile.units import build_units

    claims = []
    for language, text in SAME_EXCHANGE.items():
        sha = hashlib.sha256(text.encode()).hexdigest()
        data = _extract(text, language, "2024-09-14")
        for index, exchange in enumerate(data["exchanges"]):
            for claim in exchange["claims"]:
                claims.append(
                    ClaimInput(
                        claim_id=None,
                        sha256=sha,
                        document_id=None,
                        exchange_index=index,
                        side=claim["side"],
                        category=claim["category"],
                        value=claim["value"],
                        start=claim["start"],
                        end=claim["end"],
                        approximate=claim["approximate"],
                        asserted_by=claim["asserted_by"],
                        quote=claim["quote"],
                        event_date=exchange["date"],
                        event_date_precision=exchange["date_precision"],
                        published="2024-09-14",
                        parties=tuple(exchange["parties"]),
                        mediators=tuple(exchange["mediators"]),
                    )
                )
    clusters = cluster_units(build_units(claims))
    assert len(clusters) == 1
    assert len({unit.sha256 for unit in clusters[0]}) == 3


# --- the command line ------------------------------------------------------------------------


def test_cli_prints_the_contract_for_ukrainian_and_russian_inputs(tmp_path: Path) -> None:
    lines = [
        {"id": "uk-1", "text": SAME_EXCHANGE["uk"], "published": "2024-09-14", "language": "uk"},
        {"id": "ru-1", "text": SAME_EXCHANGE["ru"], "published": "2024-09-14", "language": "ru"},
    ]
    source = tmp_path / "reports.jsonl"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(source)])
    assert result.exit_code == 0, result.output
    printed = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [(p["id"], p["language"]) for p in printed] == [("uk-1", "uk"), ("ru-1", "ru")]
    for p in printed:
        assert p["exchanges"][0]["returned_to"] == {"Russia": 103, "Ukraine": 103}
