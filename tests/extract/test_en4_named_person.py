"""A named person handed over with a group adds one, also after a hyphenated descriptor.

"55 Russians and pro-Russian businessman Viktor Medvedchuk" -> 56, with or without "the"; a
capitalised employer before a noun of persons ("and ex-Security Service officers") is a group,
not a person, and adds nothing.
"""

from __future__ import annotations

import pytest

from powledger.extract import extract_text

PUB = "2022-09-22"


def _russia(text: str) -> object:
    result = extract_text(text, published=PUB, language="en")
    assert result.exchanges, "no exchange found"
    return result.exchanges[0].to_dict()["returned_to"]["Russia"]  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine got back 215 people on Wednesday, and in return handed over 55 Russians and "
        "pro-Russian businessman Viktor Medvedchuk.",
        "Ukraine got back 215 people on Wednesday in exchange for 55 Russians and the "
        "pro-Russian politician Viktor Medvedchuk.",
        "Kyiv freed 55 Russians as well as ex-lawmaker Viktor Medvedchuk and got 215 back.",
    ],
    ids=["no-the", "the", "as-well-as-ex"],
)
def test_person_after_hyphenated_descriptor_adds_one(text: str) -> None:
    assert _russia(text) == 56


def test_capitalised_employer_of_a_group_adds_nothing() -> None:
    text = (
        "Ukraine got back 215 people on Wednesday in exchange for 55 Russians and "
        "ex-Ukrainian Security Service officers."
    )
    assert _russia(text) == 55
