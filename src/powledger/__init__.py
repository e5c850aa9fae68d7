"""powledger: an evidence-grade ledger of prisoner exchanges built from preserved reports."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract"]


def __getattr__(name: str) -> object:
    """Load ``powledger.extract`` on first use so that ``import powledger`` stays cheap."""
    if name == "extract":
        import importlib

        # The package is callable: powledger.extract(text, published=None, language=None).
        return importlib.import_module("powledger.extract")
    raise AttributeError(f"module 'powledger' has no attribute {name!r}")
