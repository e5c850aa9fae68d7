"""Whole documents: dates, several exchanges, mediators, attribution, the contract's shape."""

from __future__ import annotations

import pytest

from powledger.extract.core import extract_document


def test_second_exchange_a_day_before() -> None:
    text = (
        "Russia and Ukraine each released 84 prisoners of war on Tuesday.\n"
        "The swap came a day after Kyiv secured the release of 49 people held by Moscow."
    )
    result = extract_document(text, published="2025-06-17", language="en")
    assert [e.date for e in result.exchanges] == ["2025-06-17", "2025-06-16"]
    assert result.exchanges[0].returned_to == {"Russia": 84, "Ukraine": 84}
    assert result.exchanges[1].returned_to["Ukraine"] == 49


def test_absolute_date_and_mediator_not_place() -> None:
    text = (
        "The exchange took place on the Belarus border on Dec. 30, 2024. Russia returned 189 "
        "Ukrainians, and the United Arab Emirates mediated. Red Cross staff observed the handover."
    )
    (exchange,) = extract_document(text, published="2024-12-31", language="en").exchanges
    assert (exchange.date, exchange.date_precision) == ("2024-12-30", "day")
    assert exchange.mediators == ("United Arab Emirates",)


def test_dateline_gives_the_date() -> None:
    text = "KYIV, Oct 18 (Wire) - Ukraine and Russia exchanged 95 prisoners of war each."
    (exchange,) = extract_document(text, published="2024-10-18", language="en").exchanges
    assert exchange.date == "2024-10-18"


def test_each_side_keeps_its_own_figure() -> None:
    text = (
        "Russia's defence ministry said 195 Russian servicemen were returned on Wednesday. "
        "Zelensky said 207 Ukrainians came home in the same exchange."
    )
    (exchange,) = extract_document(text, published="2024-01-31", language="en").exchanges
    assert exchange.returned_to == {"Russia": 195, "Ukraine": 207}
    who = {(c.side, c.value): c.asserted_by for c in exchange.claims}
    assert who[("Russia", 195)] == "Russian Ministry of Defence"
    assert who[("Ukraine", 207)] == "Volodymyr Zelensky"


def test_quote_speaker_carries_over() -> None:
    text = '"Our heroes are home. 150 of our people are back," Andriy Yermak wrote on Telegram.'
    (exchange,) = extract_document(text, published="2024-12-30", language="en").exchanges
    assert {c.asserted_by for c in exchange.claims} == {"Andriy Yermak"}


def test_according_to() -> None:
    text = "Ninety Russian soldiers came home on Tuesday, according to Russia's defence ministry."
    (exchange,) = extract_document(text, published="2024-06-25", language="en").exchanges
    assert exchange.claims[0].asserted_by == "Russian Ministry of Defence"


def test_contract_shape_and_quotes() -> None:
    text = "Headline here\nRussia and Ukraine swapped 103 prisoners each on Saturday, Kyiv said."
    result = extract_document(text, published="2024-09-14", language="en", doc_id="doc-1")
    data = result.to_dict()
    assert set(data) == {"id", "language", "published", "exchanges", "planned"}
    assert data["id"] == "doc-1"
    exchange = data["exchanges"][0]
    assert set(exchange) >= {
        "date", "date_precision", "parties", "returned_to", "approximate", "composition",
        "mediators", "claims",
    }  # fmt: skip
    for claim in exchange["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["quote"]


def test_empty_and_irrelevant_text() -> None:
    assert extract_document("", language="en").exchanges == ()
    assert extract_document("The council approved a new bus timetable.").exchanges == ()


def test_library_entry_point() -> None:
    import powledger

    result = powledger.extract(
        "Russia returned 103 Ukrainians on Saturday.", published="2024-09-14"
    )
    assert result.exchanges[0].returned_to["Ukraine"] == 103
    assert result.to_dict()["exchanges"][0]["date"] == "2024-09-14"


def test_exchange_without_each_gives_both_sides_the_figure() -> None:
    # Outlets writing "exchanged 206" with no split mostly mean 206 each way.
    text = "Russia and Ukraine exchanged 206 prisoners of war on Saturday, officials said."
    (exchange,) = extract_document(text, published="2024-09-14", language="en").exchanges
    assert exchange.returned_to == {"Russia": 206, "Ukraine": 206}
    assert [c.value for c in exchange.claims] == [206, 206]
    assert exchange.date == "2024-09-14"


def test_ordinal_exchange_since_is_not_a_running_total() -> None:
    text = (
        "Ukraine brought home 189 prisoners of war on Dec. 30 in the 60th exchange since the "
        "start of the war, President Volodymyr Zelensky announced.\n"
        "In total, 3,956 Ukrainians have been returned from Russian captivity since February 2022."
    )
    (exchange,) = extract_document(text, published="2024-12-31", language="en").exchanges
    assert exchange.returned_to["Ukraine"] == 189
    assert {c.value for c in exchange.claims} == {189}
    assert exchange.claims[0].asserted_by == "Volodymyr Zelensky"


def test_bodies_and_prisoners_in_one_report() -> None:
    text = (
        "Russia and Ukraine swapped 84 prisoners each on Saturday. On Friday, Russia handed over "
        "1,200 bodies, and Ukraine returned the remains of 27 Russian servicemen."
    )
    result = extract_document(text, published="2025-06-14", language="en")
    everything = {(c.side, c.category, c.count) for e in result.exchanges for c in e.composition}
    assert ("Ukraine", "bodies", 1200) in everything
    assert ("Russia", "bodies", 27) in everything
    assert result.exchanges[0].returned_to == {"Russia": 84, "Ukraine": 84}


ATTRIBUTIONS = [
    (
        "quote-on-x",
        "\u201cWe brought back 95 of our people,\u201d Zelenskyy wrote on X.",
        ("Ukraine", 95, "Volodymyr Zelensky"),
    ),
    (
        "said-on-telegram",
        "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said on Telegram that 103 POWs had returned home.",
        ("Ukraine", 103, "Coordination Headquarters for the Treatment of Prisoners of War"),
    ),
    (
        "in-a-statement",
        "The Russian Defense Ministry said in a statement that 103 Russian servicemen had been returned.",
        ("Russia", 103, "Russian Ministry of Defence"),
    ),
    (
        "according-to-title",
        "According to Ukraine's human rights commissioner Dmytro Lubinets, 95 defenders came home from captivity.",
        ("Ukraine", 95, "Dmytro Lubinets"),
    ),
    (
        "colon-then-quote-line",
        "Russian human rights commissioner Tatyana Moskalkova wrote on Telegram:\n\u201c95 of our guys are home from captivity.\u201d",
        ("Russia", 95, "Tatyana Moskalkova"),
    ),
    (
        "agency",
        "Ukrainian military intelligence said 49 Ukrainians had been freed in the exchange.",
        ("Ukraine", 49, "Ukrainian Defence Intelligence (HUR)"),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in ATTRIBUTIONS]
)
def test_attribution_styles(text: str, expected: tuple[str, int, str]) -> None:
    result = extract_document(text, published="2025-01-10", language="en")
    claims = {(c.side, c.value, c.asserted_by) for e in result.exchanges for c in e.claims}
    assert expected in claims


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Key facts about Saturday's exchange\n- 95 Ukrainian POWs returned home\n"
            "- 95 Russian servicemen handed over to Russia\n- Mediator: the United Arab Emirates",
            id="bullets",
        ),
        pytest.param(
            "Prisoner exchange, 14 September 2024\nReturned to Ukraine: 95\nReturned to Russia: 95\n"
            "Mediated by: UAE",
            id="fact-box",
        ),
        pytest.param(
            "Breaking: Russia and Ukraine swap POWs. Ukraine - 95, Russia - 95. The UAE mediated.",
            id="labels",
        ),
    ],
)
def test_lists_and_fact_boxes(text: str) -> None:
    (exchange,) = extract_document(text, published="2024-09-14", language="en").exchanges
    assert exchange.returned_to == {"Russia": 95, "Ukraine": 95}
    assert exchange.mediators == ("United Arab Emirates",)


def test_party_speaks_through_its_named_body() -> None:
    text = (
        "Russia said on Monday it had brought home 150 of its servicemen in the prisoner swap.\n"
        "The Russian defence ministry said in a statement that the soldiers were in Belarus."
    )
    (exchange,) = extract_document(text, published="2024-12-30", language="en").exchanges
    assert exchange.returned_to["Russia"] == 150
    assert exchange.claims[0].asserted_by == "Russian Ministry of Defence"
