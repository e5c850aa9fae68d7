"""Short reports in the styles of real outlets, each written for this test (not copied)."""

from __future__ import annotations

import pytest

from powledger.extract.core import extract_document

STYLES = [
    (
        "wire-agency",
        "2024-06-25",
        "KYIV, Ukraine (AP) - Russia and Ukraine exchanged 90 prisoners of war each on Tuesday "
        "in a deal brokered by the United Arab Emirates, officials said.",
        {"Russia": 90, "Ukraine": 90},
        "2024-06-25",
        ("United Arab Emirates",),
    ),
    (
        "tass-style",
        "2024-10-18",
        "MOSCOW, October 18. /TASS/. Ninety-five Russian servicemen have been returned from "
        "territory controlled by the Kiev regime, the Russian Defense Ministry said. In exchange, "
        "95 Ukrainian POWs were handed over.",
        {"Russia": 95, "Ukraine": 95},
        "2024-10-18",
        (),
    ),
    (
        "ukrinform-style",
        "2025-02-05",
        "Ukraine has returned 150 of its citizens from Russian captivity, President Volodymyr "
        "Zelensky announced on Telegram on Wednesday.",
        {"Ukraine": 150},
        "2025-02-05",
        (),
    ),
    (
        "kyiv-independent-style",
        "2024-12-30",
        "Ukraine brought home 189 POWs on Dec. 30 in the last prisoner exchange of 2024, "
        "the Coordination Headquarters for the Treatment of Prisoners of War reported. "
        "Russia said it received 150 of its soldiers.",
        {"Ukraine": 189, "Russia": 150},
        "2024-12-30",
        (),
    ),
    (
        "al-jazeera-style",
        "2025-04-19",
        "Russia and Ukraine have swapped 246 prisoners each in an Easter exchange, with Moscow "
        "also handing over 31 wounded Ukrainian soldiers, the Russian Defence Ministry said.",
        {"Russia": 246, "Ukraine": 277},
        None,
        (),
    ),
    (
        "telegram-post",
        "2024-08-24",
        "Our people are home! 115 Ukrainian defenders. I thank the UAE for the mediation.",
        {"Ukraine": 115},
        "2024-08-24",
        ("United Arab Emirates",),
    ),
    (
        "bbc-style",
        "2023-01-08",
        "Fifty Ukrainian soldiers have been freed in a prisoner swap with Russia, Kyiv says, with "
        "Moscow saying the same number of its troops had been returned.",
        {"Ukraine": 50, "Russia": 50},
        None,
        (),
    ),
    (
        "turkey-mediated",
        "2022-09-22",
        "Ukraine secured the release of 215 fighters, including commanders of the Azovstal "
        "defence, in a swap mediated by Turkey and Saudi Arabia.",
        {"Ukraine": 215},
        None,
        ("Turkey", "Saudi Arabia"),
    ),
]


@pytest.mark.parametrize(
    ("published", "text", "returned_to", "when", "mediators"),
    [pytest.param(p, t, r, w, m, id=i) for i, p, t, r, w, m in STYLES],
)
def test_wire_style(
    published: str,
    text: str,
    returned_to: dict[str, int],
    when: str | None,
    mediators: tuple[str, ...],
) -> None:
    result = extract_document(text, published=published, language="en")
    assert result.exchanges, text
    main = result.exchanges[0]
    assert {k: v for k, v in main.returned_to.items() if v is not None} == returned_to
    if when is not None:
        assert main.date == when
    assert set(main.mediators) == set(mediators)


MORE = [
    (
        "bodies-both-ways",
        "Russia and Ukraine exchanged the bodies of fallen soldiers on Friday: 909 were returned "
        "to Ukraine and 34 to Russia.",
        {},
        {("Ukraine", "bodies", 909), ("Russia", "bodies", 34)},
    ),
    (
        "ombudsman-thanks",
        "Ombudsman Dmytro Lubinets said 103 Ukrainians had returned home and thanked the UAE.",
        {"Ukraine": 103},
        set(),
    ),
    (
        "hostages-large",
        "Hamas released 4 Israeli hostages on Saturday in exchange for about 200 Palestinian prisoners.",
        {"Israel": 4, "Hamas": 200},
        set(),
    ),
    (
        "headline-comma",
        "Russia, Ukraine swap 150 POWs each",
        {"Russia": 150, "Ukraine": 150},
        set(),
    ),
    (
        "liveblog-time",
        "16:42 Ukraine says 84 prisoners of war have been freed from Russian captivity.",
        {"Ukraine": 84},
        set(),
    ),
]


@pytest.mark.parametrize(
    ("text", "returned_to", "composition"),
    [pytest.param(t, r, c, id=i) for i, t, r, c in MORE],
)
def test_more_styles(
    text: str, returned_to: dict[str, int], composition: set[tuple[str, str, int]]
) -> None:
    result = extract_document(text, published="2025-01-25", language="en")
    assert result.exchanges, text
    main = result.exchanges[0]
    assert {k: v for k, v in main.returned_to.items() if v is not None} == returned_to
    assert {(c.side, c.category, c.count) for c in main.composition} == composition
