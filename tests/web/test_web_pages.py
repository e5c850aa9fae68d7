"""Server-rendered pages: every page renders, report text is escaped everywhere, forms need CSRF."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from web_seed import EDITOR, HOSTILE, PASSWORD, Seeded

HTML = {"Accept": "text/html"}


class _TagCheck(HTMLParser):
    """Collects what would run in a browser: script tags and on* attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[tuple[str, str]] = []
        self.marks = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
        if tag == "mark":
            self.marks += 1
        for name, _ in attrs:
            if name.lower().startswith("on"):
                self.handlers.append((tag, name))


def _check_safe(html: str) -> _TagCheck:
    check = _TagCheck()
    check.feed(html)
    assert check.handlers == [], f"event handler attributes in the page: {check.handlers}"
    assert all(s.get("src") == "/static/app.js" for s in check.scripts), check.scripts
    assert "<script>alert" not in html
    assert not re.search(r"<img[^>]*onerror", html)
    return check


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert found, "the page has no CSRF token"
    return found.group(1)


def _login(client: TestClient) -> str:
    token = _csrf(client.get("/login").text)
    response = client.post(
        "/login",
        data={"name": EDITOR, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    return _csrf(client.get("/review").text)


def _pages(ids: Seeded) -> list[str]:
    pages = ["/", "/events", "/documents", "/review", "/history", "/login", "/reports/new"]
    pages += [f"/events/{e}" for e in ids.events]
    pages += [f"/documents/{d}" for d in ids.documents]
    pages += [
        "/search?q=Ukraine",
        "/search?q=script",
        "/search?q=onerror",
        "/review?state=corrected",
    ]
    return pages


def test_every_page_renders_accessibly(client: TestClient, ids: Seeded) -> None:
    for path in _pages(ids):
        response = client.get(path, headers=HTML)
        assert response.status_code == 200, (path, response.text[:300])
        html = response.text
        assert 'href="#main"' in html and 'id="main"' in html, f"{path}: no skip link"
        assert html.count("<h1") == 1, f"{path}: one h1"
        assert '<html lang="en">' in html
        # Every form control has a label (by for=, aria-label, or wrapping label).
        for control in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html):
            if 'type="hidden"' in control or 'type="submit"' in control:
                continue
            ident = re.search(r'id="([^"]+)"', control)
            labelled = "aria-label=" in control or (ident and f'for="{ident.group(1)}"' in html)
            wrapped = 'type="radio"' in control
            assert labelled or wrapped, f"{path}: unlabelled control {control}"
        _check_safe(html)


def test_hostile_report_text_is_escaped_on_every_page(client: TestClient, ids: Seeded) -> None:
    token = _login(client)
    hostile = (
        "Kyiv said 41 prisoners returned home. " + HOSTILE + ' <a href="javascript:alert(2)">x</a>'
    )
    added = client.post(
        "/reports/new",
        data={
            "url": "https://example.org/hostile",
            "outlet": "outlet" + HOSTILE,
            "title": "Title " + HOSTILE,
            "published": "2024-07-01",
            "content_type": "text",
            "body": hostile,
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert added.status_code == 303, added.text
    new_page = added.headers["location"].split("?")[0]
    pages = [*_pages(ids), new_page, "/search?q=javascript"]
    for path in pages:
        response = client.get(path, headers=HTML)
        assert response.status_code == 200, path
        _check_safe(response.text)
        assert 'href="javascript:' not in response.text
    document = client.get(new_page).text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in document, (
        "the text is kept, escaped"
    )
    for path in ["/api/v1/documents", f"/api/v1/events/{ids.events[1]}"]:
        response = client.get(path)
        assert response.headers["content-type"].startswith("application/json")


def test_forms_refuse_a_missing_or_wrong_csrf_token(client: TestClient, ids: Seeded) -> None:
    refused = client.post(
        "/login", data={"name": EDITOR, "password": PASSWORD}, headers=HTML, follow_redirects=False
    )
    assert refused.status_code == 403
    assert "security token" in refused.text
    token = _login(client)
    claim = ids.claims[0]
    form = {"action": "accept", "reason": "fine", "etag": "*"}
    for bad in ("", "0" * 64, token[:-1] + ("0" if token[-1] != "0" else "1")):
        response = client.post(
            f"/review/claims/{claim}", data={**form, "csrf_token": bad}, follow_redirects=False
        )
        assert response.status_code == 403, bad
    logout = client.post("/logout", data={}, follow_redirects=False)
    assert logout.status_code == 403


def test_anonymous_visitors_cannot_change_anything(client: TestClient, ids: Seeded) -> None:
    token = _csrf(client.get("/login").text)
    for path, data in [
        (f"/review/claims/{ids.claims[0]}", {"action": "accept", "reason": "x", "etag": "*"}),
        (
            f"/events/{ids.events[0]}/merge",
            {"others": str(ids.events[1]), "reason": "x", "etag": "*"},
        ),
        (
            f"/events/{ids.events[0]}/split",
            {"claim_id": str(ids.claims[0]), "reason": "x", "etag": "*"},
        ),
        ("/reports/new", {"body": "Ukraine got 5 back.", "content_type": "text"}),
    ]:
        response = client.post(
            path, data={**data, "csrf_token": token}, headers=HTML, follow_redirects=False
        )
        assert response.status_code == 401, path
    assert "Log in" in client.get("/review").text
    assert 'name="action"' not in client.get("/review").text


def test_wrong_password_shows_the_form_again(client: TestClient) -> None:
    token = _csrf(client.get("/login").text)
    response = client.post(
        "/login", data={"name": EDITOR, "password": "wrong", "csrf_token": token}
    )
    assert response.status_code == 401
    assert "wrong password" in response.text


def test_review_a_claim_in_the_queue_and_see_it_in_history(client: TestClient, ids: Seeded) -> None:
    token = _login(client)
    queue = client.get("/review").text
    claim = ids.claims[4]
    etag = re.search(
        rf'action="/review/claims/{claim}\?[^"]*"[^>]*>\s*<input[^>]*>\s*<input type="hidden" name="etag" value="([^"]+)"',
        queue,
    )
    assert etag, "the queue shows a review form with the claim's ETag"
    form = {
        "action": "correct",
        "value": "91",
        "reason": "the ombudsman's later post",
        "csrf_token": token,
    }
    done = client.post(
        f"/review/claims/{claim}?next=/review",
        data={**form, "etag": etag.group(1).replace("&#34;", '"')},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    assert done.headers["location"] == f"/review?done={claim}"
    # The same form sent again holds a stale ETag: refused, nothing overwritten.
    stale = client.post(
        f"/review/claims/{claim}",
        data={**form, "etag": etag.group(1).replace("&#34;", '"')},
        headers=HTML,
        follow_redirects=False,
    )
    assert stale.status_code == 412
    history = client.get("/history").text
    assert "the ombudsman&#39;s later post" in history
    assert "90 → 91" in history
    corrected = client.get("/review?state=corrected").text
    assert f"Claim #{claim}" in corrected
    event = client.get("/api/v1/events").json()["items"][1]
    assert event["returned_to"]["Ukraine"] == 91


def test_event_page_opens_each_figure_on_its_highlighted_quotes(
    client: TestClient, ids: Seeded
) -> None:
    html = client.get(f"/events/{ids.events[0]}").text
    check = _check_safe(html)
    assert html.count('<details class="figure"') == 2
    assert check.marks >= 4, "every source quote is marked"
    assert "<mark" in html and "Ukraine brought home 75 defenders</mark>" in html
    assert f'href="/documents/{ids.documents[0]}#claim-{ids.claims[0]}"' in html
    document = client.get(f"/documents/{ids.documents[0]}").text
    assert f'<mark id="claim-{ids.claims[0]}"' in document


def test_merge_and_split_from_the_event_page(client: TestClient, ids: Seeded) -> None:
    token = _login(client)
    first, second = ids.events
    page = client.get(f"/events/{first}").text
    etag = re.search(r'name="etag" value="([^"]+)"', page)
    assert etag
    tag = etag.group(1).replace("&#34;", '"')
    merged = client.post(
        f"/events/{first}/merge",
        data={"others": str(second), "reason": "same swap", "etag": tag, "csrf_token": token},
        follow_redirects=False,
    )
    assert merged.status_code == 303, merged.text
    kept = merged.headers["location"]
    page = client.get(kept).text
    assert page.count('name="claim_id"') == 5
    tag = re.search(r'name="etag" value="([^"]+)"', page).group(1).replace("&#34;", '"')  # type: ignore[union-attr]
    split = client.post(
        f"{kept}/split",
        data={
            "claim_id": [str(ids.claims[4])],
            "reason": "June is separate",
            "etag": tag,
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert split.status_code == 303, split.text
    assert split.headers["location"] != kept
    assert client.get(split.headers["location"]).text.count('name="claim_id"') == 1


def test_add_a_report_by_upload(client: TestClient) -> None:
    token = _login(client)
    body = b"On 2024-08-24 Ukraine brought home 115 defenders, the president said."
    response = client.post(
        "/reports/new",
        data={
            "outlet": "Test outlet",
            "published": "2024-08-24",
            "content_type": "text",
            "csrf_token": token,
        },
        files={"upload": ("report.txt", body, "text/plain")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"].endswith("?added=new")
    page = client.get(response.headers["location"]).text
    assert "Ukraine brought home 115 defenders" in page
    assert "Test outlet" in page
    again = client.post(
        "/reports/new",
        data={
            "outlet": "Test outlet",
            "published": "2024-08-24",
            "content_type": "text",
            "csrf_token": token,
        },
        files={"upload": ("report.txt", body, "text/plain")},
        follow_redirects=False,
    )
    assert again.headers["location"].endswith("?added=known")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"body": "", "content_type": "text"}, "empty"),
        ({"body": "x", "content_type": "pdf"}, "text or html"),
        (
            {"body": "Ukraine got 5 back.", "content_type": "text", "url": "javascript:alert(1)"},
            "http",
        ),
    ],
    ids=["empty", "bad format", "bad url"],
)
def test_add_report_rejects_bad_input_with_one_line(
    client: TestClient, data: dict[str, str], message: str
) -> None:
    token = _login(client)
    response = client.post("/reports/new", data={**data, "csrf_token": token})
    assert response.status_code == 400
    assert message in response.text
    assert 'role="alert"' in response.text


def test_search_page_highlights_matches(client: TestClient, ids: Seeded) -> None:
    html = client.get("/search", params={"q": "servicemen"}).text
    assert "<mark>servicemen</mark>" in html
    assert f'href="/documents/{ids.documents[1]}"' in html
    nothing = client.get("/search", params={"q": "!!!"}).text
    assert "no word to look for" in nothing


def test_page_errors_are_pages(client: TestClient) -> None:
    missing = client.get("/events/999999", headers=HTML)
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("text/html")
    assert "999999" in missing.text and "not found" in missing.text
    bad = client.get("/events?rule=loudest", headers=HTML)
    assert bad.status_code == 400
    as_json = client.get("/events/999999", headers={"Accept": "application/json"})
    assert as_json.json()["error"]["code"] == "not_found"
