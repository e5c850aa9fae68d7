"""Answers remembered for the document at hand, forgotten when the next document starts.

The pipeline asks the same phrase table or date finder about the same text (the whole document,
one sentence) several times; a look-up costs far less than a scan. Every memo here is a plain
dict filled through :func:`recall`; :func:`forget_document` empties the ones in use.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")

#: The memos holding some answer, for ``forget_document``.
_IN_USE: list[dict[Any, Any]] = []


def recall(memo: dict[K, T], key: K, compute: Callable[[], T], limit: int) -> T:
    """``memo[key]``, computed once; a memo grown to ``limit`` entries starts over."""
    hit = memo.get(key)
    if hit is None:
        if not memo:
            _IN_USE.append(memo)
        elif len(memo) >= limit:
            memo.clear()
        hit = memo[key] = compute()
    return hit


def forget_document() -> None:
    """Drop every remembered answer (a new document: the last one's texts go)."""
    for memo in _IN_USE:
        memo.clear()
    _IN_USE.clear()
