"""The REST API and the application factory (``create_app``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from powledger.config import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the web application (imported lazily: the web extras are optional)."""
    from powledger.api.app import create_app as build

    return build(settings)


__all__ = ["create_app"]
