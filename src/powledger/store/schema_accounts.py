"""Tables for editor accounts and sessions (written by the web work)."""

from __future__ import annotations
