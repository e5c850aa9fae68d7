"""Categories stated around the figure in wire copy; parts never become extra persons."""

from __future__ import annotations

import pytest

from powledger.extract import extract_text

CASES = [
    pytest.param(
        "Russia returned 103 Ukrainians, including 2 civilians, on Saturday, Kyiv said.",
        103, {("civilians", 2)}, id="including-civilians",
    ),
    pytest.param(
        "Ukraine recovered 103 POWs on Saturday, including 30 National Guard members and 7 "
        "border guards.",
        103, {("national_guard", 30), ("border_guards", 7)}, id="guard-and-border",
    ),
    pytest.param(
        "Russia handed over 95 Ukrainian captives, 20 of them seriously wounded, on Saturday.",
        95, {("seriously_wounded_or_sick", 20)}, id="of-them-seriously-wounded",
    ),
    pytest.param(
        "Russia handed over 95 Ukrainian captives, 20 of whom were officers, on Saturday.",
        95, {("officers", 20)}, id="of-whom-officers",
    ),
    pytest.param(
        "Ukraine got back 95 prisoners on Saturday, the ministry said. Ten of them are officers "
        "and two are women.",
        95, {("officers", 10), ("women", 2)}, id="next-sentence-parts",
    ),
    pytest.param(
        "Ukraine got back 95 prisoners and the bodies of 757 fallen soldiers on Saturday.",
        95, {("bodies", 757)}, id="bodies-never-added",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "total", "parts"), CASES)
def test_composition_around_the_figure(text: str, total: int, parts: set[tuple[str, int]]) -> None:
    ex = extract_text(text, published="2024-09-14", language="en").exchanges[0]
    assert ex.returned_to["Ukraine"] == total
    assert {(c.category, c.count) for c in ex.composition if c.side == "Ukraine"} == parts
