"""A figure of captives "from both sides" is the two sides' combined total, never each side's.

"from/of both sides" after a count says where the persons came from; unlike "each side" or
"both sides freed 90", it does not give each side that many. The per-side figures stay unknown
unless the report states them; the combined count is kept as a claim without a side.
"""

from __future__ import annotations

import pytest

from powledger.extract import extract_text

PUB = "2025-05-14"


def _main(text: str) -> dict[str, object]:
    result = extract_text(text, published=PUB, language="en")
    assert result.exchanges, "no exchange found"
    return result.exchanges[0].to_dict()


COMBINED = [
    pytest.param(
        "Russia and Ukraine carried out a prisoner swap on Wednesday involving 180 captives "
        "from both sides, officials said.",
        id="wire-involving-from-both-sides",
    ),
    pytest.param(
        "A swap of 240 prisoners of war from both sides took place on Wednesday at the "
        "Belarusian border.",
        id="swap-of-n-from-both-sides",
    ),
    pytest.param(
        "On Wednesday 66 servicemen of both sides were exchanged with Turkish mediation.",
        id="passive-of-both-sides",
    ),
]


@pytest.mark.parametrize("text", COMBINED)
def test_from_both_sides_is_no_per_side_figure(text: str) -> None:
    ex = _main(text)
    returned = ex["returned_to"]
    assert returned in ({"Russia": None, "Ukraine": None},), returned


EACH = [
    pytest.param(
        "Both sides freed 90 prisoners of war on Wednesday in a swap mediated by the UAE.",
        id="both-sides-subject",
    ),
    pytest.param(
        "Russia and Ukraine exchanged 90 prisoners from each side on Wednesday.",
        id="from-each-side",
    ),
]


@pytest.mark.parametrize("text", EACH)
def test_each_side_still_gives_each_the_figure(text: str) -> None:
    assert _main(text)["returned_to"] == {"Russia": 90, "Ukraine": 90}


def test_stated_split_beside_the_combined_figure() -> None:
    ex = _main(
        "Russia and Ukraine swapped 180 captives from both sides on Wednesday: 90 went home to "
        "Ukraine and 90 to Russia."
    )
    assert ex["returned_to"] == {"Russia": 90, "Ukraine": 90}
