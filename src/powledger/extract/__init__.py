"""Extraction of exchange facts from report text: a language-neutral core plus lexicons per language."""

from __future__ import annotations
