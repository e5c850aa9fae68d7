"""Extraction of exchange facts from report text: a language-neutral core plus lexicons per language.

``powledger.extract`` is both this package and a function: ``powledger.extract(text)`` runs
:func:`extract_text`. Importing the package stays cheap; the rules load on first use.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from powledger.models import DocumentExtraction


def extract_text(
    text: str,
    published: str | None = None,
    language: str | None = None,
    *,
    doc_id: str | None = None,
) -> DocumentExtraction:
    """Extract the exchanges ``text`` reports; ``published`` (ISO date) resolves "on Monday"."""
    from powledger.extract.core import extract_document

    return extract_document(text, published=published, language=language, doc_id=doc_id)


class _CallableModule(types.ModuleType):
    """Lets ``powledger.extract(...)`` work although ``powledger.extract`` is a package."""

    def __call__(
        self,
        text: str,
        published: str | None = None,
        language: str | None = None,
        *,
        doc_id: str | None = None,
    ) -> DocumentExtraction:
        return extract_text(text, published, language, doc_id=doc_id)


sys.modules[__name__].__class__ = _CallableModule

__all__ = ["extract_text"]
