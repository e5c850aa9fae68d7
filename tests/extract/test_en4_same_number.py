""""the same number" closing its clause before a colon that lists its parts.

"Moscow said it had received the same number: 210 military personnel and 90 civilians" repeats
the other side's figure, and the list after the colon is that side's breakdown, as it already
was after a comma. A semicolon still ends the clause ("freed the same number; Kyiv said 189").
"""

from __future__ import annotations

import pytest

from powledger.extract import extract_text

PUB = "2025-05-24"


def _main(text: str) -> dict[str, object]:
    result = extract_text(text, published=PUB, language="en")
    assert result.exchanges, "no exchange found"
    return result.exchanges[0].to_dict()


CASES = [
    pytest.param(
        "Zelensky said 300 Ukrainians were back home on Saturday: 210 soldiers and 90 civilians. "
        "Moscow's defence ministry reported that it had received the same number: 210 military "
        "personnel and 90 civilians.",
        id="colon-list-of-parts",
    ),
    pytest.param(
        "Kyiv's headquarters said 300 Ukrainians came home on Saturday, 210 soldiers and 90 "
        "civilians. The Russian side, for its part, received the same number: 210 soldiers and "
        "90 civilians, according to its defence ministry.",
        id="for-its-part-colon",
    ),
]


@pytest.mark.parametrize("text", CASES)
def test_same_number_before_colon_goes_to_the_other_side(text: str) -> None:
    ex = _main(text)
    assert ex["returned_to"] == {"Russia": 300, "Ukraine": 300}
    comp = {(c["side"], c["category"], c["count"]) for c in ex["composition"]}  # type: ignore[index, union-attr]
    assert ("Russia", "civilians", 90) in comp
    assert ("Ukraine", "civilians", 90) in comp


def test_semicolon_still_ends_the_clause() -> None:
    ex = _main(
        "On Dec. 30 Russia said it received 150 servicemen and freed the same number; Ukraine "
        "said 189 of its people came home."
    )
    assert ex["returned_to"] == {"Russia": 150, "Ukraine": 189}


def test_same_sentence_colon_keeps_both_totals() -> None:
    # (The other side's parts in the same sentence are not all kept yet; the totals are.)
    ex = _main(
        "Ukraine got back 300 of its citizens on Saturday, 210 troops and 90 civilians, and "
        "Russia said it had received the same number: 210 servicemen and 90 civilians."
    )
    assert ex["returned_to"] == {"Russia": 300, "Ukraine": 300}
