"""powledger: an evidence-grade ledger of prisoner exchanges built from preserved reports."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
