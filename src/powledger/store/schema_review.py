"""Tables for review, corrections and event stages (written by the reconciliation work)."""

from __future__ import annotations
