"""Browser tests: Playwright drives Debian's Chromium against `powledger serve` on a loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from web_seed import EDITOR, PASSWORD, Seeded, seed

from powledger.store.db import open_engine

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def _browser_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module (Debian's, never a downloaded build)."""
    reason = _browser_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {reason}")
        print(f"skipping browser tests: {reason}", file=sys.stderr)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Seeded]]:
    """`powledger serve` in a subprocess over a seeded SQLite database."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser')}/web.db"
    ids = seed(open_engine(url))
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "powledger", "--db", url, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/api/v1/auth/me", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                err = process.stderr.read().decode() if process.stderr else ""
                pytest.fail(f"powledger serve did not start: {err[-2000:]}")
            time.sleep(0.2)
        yield base, ids
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def page(browser: Any, server: tuple[str, Seeded]) -> Iterator[Any]:
    """A fresh browser context; fails the test on any request to another site or a console error."""
    base, _ = server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    foreign: list[str] = []
    errors: list[str] = []
    tab.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(base) else None)
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    context.close()
    assert foreign == [], f"requests to other sites: {foreign}"
    assert errors == [], f"console errors (CSP violations included): {errors}"


def _shot(tab: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_home_shows_the_charts_with_labelled_axes(page: Any, server: tuple[str, Seeded]) -> None:
    base, _ = server
    page.goto(base + "/")
    timeline = page.locator("svg.chart").first
    assert timeline.is_visible()
    assert page.locator("svg.chart").count() == 2
    text = page.locator("svg.chart").first.text_content() or ""
    assert "Date of exchange" in text and "Persons returned" in text
    assert page.locator(".total-card").first.inner_text().startswith("Returned to Russia")
    _shot(page, "home")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_home_fits_a_phone_screen(page: Any, server: tuple[str, Seeded]) -> None:
    base, ids = server
    page.set_viewport_size({"width": 390, "height": 844})
    for path, name in [
        ("/", "home-phone"),
        (f"/events/{ids.events[0]}", "event-phone"),
        ("/review", "review-phone"),
    ]:
        page.goto(base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways on a phone ({width}px)"
        _shot(page, name)


def test_open_an_event_click_a_figure_and_see_the_quote_in_the_document(
    page: Any, server: tuple[str, Seeded]
) -> None:
    base, ids = server
    page.goto(base + "/events")
    page.get_by_role("link", name="2024-05-31").first.click()
    page.wait_for_url(f"**/events/{ids.events[0]}")
    figure = page.locator("details.figure").first
    source = figure.locator("blockquote mark").first
    assert not source.is_visible(), "sources stay folded until asked for"
    figure.locator("summary").click()
    # Waits (not instant checks): a loaded CI machine may run the page's script a little later.
    source.wait_for(state="visible")
    assert "75" in source.inner_text()
    page.wait_for_function("location.hash.includes('figure-1')")  # the open figure can be linked
    _shot(page, "event")
    figure.locator("a.open-source").first.click()
    page.wait_for_url("**/documents/*#claim-*")
    target = page.url.split("#", 1)[1]
    mark = page.locator(f"mark#{target}")
    mark.wait_for(state="visible")
    page.wait_for_function(  # the quote is marked current and focus moves to it
        f"document.getElementById('{target}').classList.contains('current')"
        f" && document.activeElement && document.activeElement.id === '{target}'"
    )
    assert (
        page.evaluate(f"getComputedStyle(document.getElementById('{target}')).backgroundColor")
        != "rgba(0, 0, 0, 0)"
    )
    _shot(page, "document")


def test_log_in_and_review_a_claim(page: Any, server: tuple[str, Seeded]) -> None:
    base, ids = server
    page.goto(base + "/review")
    assert page.get_by_role("button", name="Save review").count() == 0
    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("User name").fill(EDITOR)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/review")
    claim = ids.claims[2]
    item = page.locator(f"#review-{claim}")
    item.get_by_label(f"Corrected value for claim {claim}").fill("74")
    assert item.get_by_label("Correct to").is_checked(), "typing a value selects 'Correct to'"
    item.get_by_label("Accept").check()
    item.get_by_label("Reason").fill("matches the ministry's own post")
    _shot(page, "review")
    item.get_by_role("button", name=f"Save review of #{claim}").click()
    page.wait_for_url(f"**/review?state=unreviewed&done={claim}")
    assert page.get_by_role("status").inner_text() == f"Review of claim #{claim} saved."
    assert page.locator(f"#review-{claim}").count() == 0, "reviewed claims leave the queue"
    assert "matches the ministry" in page.locator("#history-h + .table-scroll").inner_text()
    _shot(page, "review-done")
    page.goto(base + "/review?state=accepted")
    assert page.locator(f"#review-{claim}").is_visible()


def test_search_and_add_report_pages(page: Any, server: tuple[str, Seeded]) -> None:
    base, _ = server
    page.goto(base + "/search")
    page.get_by_label("Words to find").fill("defenders")
    page.get_by_role("button", name="Search").click()
    assert page.locator(".snippet mark").first.inner_text().lower() == "defenders"
    _shot(page, "search")
    page.goto(base + "/reports/new")
    assert page.get_by_role("button", name="Add the report").is_disabled()
    _shot(page, "add-report")


def test_every_other_page_gets_a_screenshot(page: Any, server: tuple[str, Seeded]) -> None:
    base, ids = server
    for path, name in [
        ("/events", "events"),
        ("/documents", "documents"),
        (f"/documents/{ids.documents[2]}", "document-hostile"),
        ("/history", "history"),
        ("/login", "login"),
    ]:
        response = page.goto(base + path)
        assert response is not None
        assert response.status == 200
        assert page.locator("h1").count() == 1
        _shot(page, name)
