"""An official post asserts its own figures; an exchange without figures is still an exchange."""

from __future__ import annotations

import pytest

from powledger.extract import extract_text

POSTS = [
    pytest.param(
        "Statement by the Ministry of Foreign Affairs of the UAE\n"
        "The UAE succeeded in a mediation between Russia and Ukraine resulting in the release "
        "of 150 captives from each side.",
        "United Arab Emirates Ministry of Foreign Affairs", id="uae-statement-heading",
    ),
    pytest.param(
        "Ukraine's defence ministry\nPosted on Telegram\n\n"
        "95 defenders are home from Russian captivity. Among them are 10 officers.",
        "Ukrainian Ministry of Defence", id="telegram-channel-heading",
    ),
    pytest.param(
        "Volodymyr Zelensky\n2 hours ago\nWe brought home 95 of our people. 10 of them are officers.",
        "Volodymyr Zelensky", id="president-post",
    ),
    pytest.param(
        "The Ministry of Defence of the Russian Federation reports:\n\n"
        "On 14 September, 103 Russian servicemen were returned from the territory controlled "
        "by the Kyiv regime.",
        "Russian Ministry of Defence", id="moscow-reports-colon",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actor"), POSTS)
def test_post_heading_asserts_every_figure(text: str, actor: str) -> None:
    ex = extract_text(text, published="2024-09-14", language="en").exchanges[0]
    assert ex.claims
    assert {c.asserted_by for c in ex.claims} == {actor}


def test_figure_then_source_carries_to_the_next_sentence() -> None:
    text = (
        "Ukraine brought home 95 soldiers on Thursday, the country's defence ministry said. "
        "Among them are 10 officers."
    )
    ex = extract_text(text, published="2024-08-02", language="en").exchanges[0]
    assert [(c.value, c.asserted_by) for c in ex.claims] == [
        (95, "Ukrainian Ministry of Defence"),
        (10, "Ukrainian Ministry of Defence"),
    ]


def test_defence_ministry_in_moscow_is_russian() -> None:
    text = "The defence ministry in Moscow said 49 Russian soldiers had been returned on Wednesday."
    ex = extract_text(text, published="2025-03-20", language="en").exchanges[0]
    assert ex.claims[0].asserted_by == "Russian Ministry of Defence"


UNDISCLOSED = [
    pytest.param(
        "Ukraine and Russia held another prisoner exchange on Friday, but neither side "
        "disclosed how many people were freed.", "2025-05-30", id="held-neither-disclosed",
    ),
    pytest.param(
        "KYIV - A further prisoner swap between Kyiv and Moscow took place on Friday; the "
        "numbers were not made public.", "2025-05-30", id="took-place-not-public",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "day"), UNDISCLOSED)
def test_exchange_with_undisclosed_figures_is_detected(text: str, day: str) -> None:
    result = extract_text(text, published="2025-05-31", language="en")
    (ex,) = result.exchanges
    assert ex.returned_to == {"Russia": None, "Ukraine": None}
    assert ex.date == day


NOT_EVENTS = [
    pytest.param("No prisoner exchange between Russia and Ukraine took place on Friday.", id="negated"),
    pytest.param("Talks on a new prisoner exchange between Russia and Ukraine were held in Istanbul.", id="talks"),
]  # fmt: skip


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_negated_or_talked_about_exchange_is_not_detected(text: str) -> None:
    assert extract_text(text, published="2025-05-31", language="en").exchanges == ()


def test_welcomed_back_with_source_after_the_figure() -> None:
    text = (
        "Ukraine welcomed back 95 soldiers on Thursday, its human rights ombudsman Dmytro "
        "Lubinets said. Moscow did not immediately comment."
    )
    ex = extract_text(text, published="2025-05-09", language="en").exchanges[0]
    assert ex.returned_to["Ukraine"] == 95
    assert ex.claims[0].asserted_by == "Dmytro Lubinets"


TRAILING = [
    pytest.param(
        "Another 95 Ukrainian defenders have been returned home from Russian captivity. Among "
        "them are servicemen of the Armed Forces and the National Guard, the Coordination "
        "Headquarters reports.",
        "Coordination Headquarters for the Treatment of Prisoners of War", id="hq-reports-at-end",
    ),
    pytest.param(
        "As a result of the negotiation process, 103 Russian servicemen were returned from "
        "territory controlled by the Kyiv regime. The Russian Ministry of Defence reports.",
        "Russian Ministry of Defence", id="ministry-reports-sentence",
    ),
    pytest.param(
        "Ukrainian ombudsman Dmytro Lubinets: 'Today, as a result of another exchange, 49 "
        "Ukrainians returned home.'",
        "Dmytro Lubinets", id="title-name-colon",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actor"), TRAILING)
def test_source_named_after_the_figures(text: str, actor: str) -> None:
    ex = extract_text(text, published="2024-09-14", language="en").exchanges[0]
    assert {c.asserted_by for c in ex.claims} == {actor}


def test_a_source_in_the_next_sentence_with_its_own_statement_is_not_carried_back() -> None:
    text = (
        "Ukraine brought home 95 soldiers on Thursday. Zelensky thanked the United Arab Emirates "
        "for its help in a video address."
    )
    ex = extract_text(text, published="2024-09-14", language="en").exchanges[0]
    assert ex.claims[0].asserted_by is None


def test_signature_closing_a_post_asserts_its_figures() -> None:
    text = (
        "We are bringing our people home. 103 soldiers of the Armed Forces, National Guard and "
        "border guards. Glory to Ukraine!\n\nVolodymyr Zelensky, President of Ukraine"
    )
    ex = extract_text(text, published="2024-09-14", language="en").exchanges[0]
    assert ex.returned_to["Ukraine"] == 103
    assert {c.asserted_by for c in ex.claims} == {"Volodymyr Zelensky"}
