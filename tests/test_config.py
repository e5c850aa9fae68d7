"""Settings and size parsing."""

from __future__ import annotations

import pytest

from powledger.config import DEFAULT_DATABASE_URL, get_settings, parse_size
from powledger.errors import ConfigError


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1048576", 1048576), ("20MB", 20 * 1024**2), ("512k", 512 * 1024), ("1 GB", 1024**3)],
    ids=["bytes", "megabytes", "kilobytes-lower", "with-space"],
)
def test_parse_size(text: str, expected: int) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "twenty", "20XB", "-5"])
def test_parse_size_rejects_garbage(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_size(text)


def test_settings_defaults_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert get_settings().database_url == DEFAULT_DATABASE_URL
    assert get_settings().max_bytes == 20 * 1024**2
    get_settings.cache_clear()
    monkeypatch.setenv("POWLEDGER_DATABASE_URL", "sqlite:////tmp/elsewhere.db")
    monkeypatch.setenv("POWLEDGER_MAX_BYTES", "1MB")
    assert get_settings().database_url == "sqlite:////tmp/elsewhere.db"
    assert get_settings().max_bytes == 1024**2
