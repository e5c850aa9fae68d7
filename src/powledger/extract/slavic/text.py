"""Folding: lower-case, unify apostrophes, spaces and ё, and keep every offset."""

from __future__ import annotations

# Apostrophes, non-breaking spaces and hyphens that reports mix freely: each maps to one
# character so that offsets in the folded text are offsets in the original.
FOLD_TABLE = str.maketrans(
    {
        "’": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "‘": "'",
        "ё": "е",
        "Ё": "е",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u2011": "-",
        "\u00ad": "-",
    }
)


def fold(text: str) -> str:
    """Return ``text`` lower-cased with apostrophes, spaces and ё unified, of the same length."""
    folded = text.translate(FOLD_TABLE).lower()
    if len(folded) == len(text):
        return folded
    # A few non-Cyrillic letters grow when lower-cased (İ); keep those as they are.
    return "".join(c2 if len(c2 := c.translate(FOLD_TABLE).lower()) == 1 else c for c in text)
