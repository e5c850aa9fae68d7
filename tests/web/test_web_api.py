"""The REST API on SQLite and PostgreSQL: lists, filters, formats, ETags, auth and the one error shape."""

from __future__ import annotations

import csv
import io
import re
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_seed import EDITOR, PASSWORD, Seeded

from powledger.store.db import open_engine, session_scope
from powledger.store.schema import Document

ROOT = Path(__file__).resolve().parents[2]


def _token(client: TestClient) -> dict[str, str]:
    response = client.post("/api/v1/auth/token", json={"name": EDITOR, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def test_documents_list_items_have_ids_and_paginate(client: TestClient, ids: Seeded) -> None:
    body = client.get("/api/v1/documents", params={"limit": 2, "sort": "published"}).json()
    assert body["total"] == 3
    assert [d["id"] for d in body["items"]] == ids.documents[:2]
    assert "text" not in body["items"][0]
    assert body["next"] and "offset=2" in body["next"]
    rest = client.get(body["next"]).json()
    assert [d["id"] for d in rest["items"]] == ids.documents[2:]
    assert rest["next"] is None


def test_documents_filter_and_descending_sort(client: TestClient) -> None:
    body = client.get("/api/v1/documents", params={"outlet": "tass"}).json()
    assert [d["outlet"] for d in body["items"]] == ["tass"]
    newest = client.get("/api/v1/documents", params={"sort": "-published"}).json()["items"][0]
    assert newest["published"] == "2024-06-25"
    window = client.get(
        "/api/v1/documents", params={"published_from": "2024-06", "published_to": "2024-06"}
    ).json()
    assert {d["published"] for d in window["items"]} == {"2024-06-01", "2024-06-25"}


def test_document_detail_has_text_and_claims(client: TestClient, ids: Seeded) -> None:
    body = client.get(f"/api/v1/documents/{ids.documents[0]}").json()
    assert body["text"].startswith("On Friday Ukraine")
    quotes = {c["quote"] for c in body["claims"]}
    assert "Ukraine brought home 75 defenders" in quotes
    for claim in body["claims"]:
        assert body["text"][claim["start"] : claim["end"]] == claim["quote"]


def test_events_list_with_figures_filters_and_csv(client: TestClient, ids: Seeded) -> None:
    body = client.get("/api/v1/events").json()
    assert [e["id"] for e in body["items"]] == ids.events
    first = body["items"][0]
    assert first["returned_to"] == {"Russia": 75, "Ukraine": 75}
    assert first["status"] == "corroborated"
    assert body["items"][1]["returned_to"]["Ukraine"] == 90
    newest = client.get("/api/v1/events", params={"sort": "-date", "limit": 1}).json()
    assert [e["id"] for e in newest["items"]] == [ids.events[1]]
    assert newest["next"] is not None
    june = client.get("/api/v1/events", params={"from": "2024-06-01"}).json()
    assert [e["id"] for e in june["items"]] == [ids.events[1]]
    assert client.get("/api/v1/events", params={"party": "Belarus"}).json()["total"] == 0
    assert client.get("/api/v1/events", params={"party": "Ukraine"}).json()["total"] == 2
    response = client.get("/api/v1/events", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [int(r["id"]) for r in rows] == ids.events
    assert rows[0]["returned_to.Ukraine"] == "75"
    by_accept = client.get("/api/v1/events", headers={"Accept": "text/csv"})
    assert by_accept.text == response.text


def test_event_detail_links_each_figure_to_its_quotes(client: TestClient, ids: Seeded) -> None:
    response = client.get(f"/api/v1/events/{ids.events[0]}")
    assert response.status_code == 200
    assert re.fullmatch(r'"[0-9a-f]{20}"', response.headers["etag"])
    body = response.json()
    figures = {f["side"]: f for f in body["figures"] if f["category"] == "total"}
    assert figures["Ukraine"]["value"] == 75
    sources = figures["Ukraine"]["supporting"]
    assert {s["claim_id"] for s in sources} == {ids.claims[0], ids.claims[3]}
    assert all(s["quote"] and s["document_id"] in ids.documents for s in sources)
    assert len(body["document_list"]) == 2
    again = client.get(
        f"/api/v1/events/{ids.events[0]}", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304


def test_totals_cumulate_per_side(client: TestClient) -> None:
    body = client.get("/api/v1/totals").json()
    (pair,) = body["pairs"]
    assert pair["totals"]["Ukraine"]["value"] == 165
    assert pair["totals"]["Russia"]["value"] == 75
    assert [t["cumulative"]["Ukraine"] for t in pair["timeline"]] == [75, 165]
    early = client.get("/api/v1/totals", params={"as_of": "2024-06-30"}).json()
    assert early["pairs"] == [], "nothing had been captured by then"
    csv_text = client.get("/api/v1/totals", params={"format": "csv"}).text
    assert csv_text.splitlines()[0].startswith("parties,side,value,low,high")


def test_actors_and_claims_lists(client: TestClient, ids: Seeded) -> None:
    actors = client.get("/api/v1/actors").json()
    assert actors["items"][0]["aliases"] == ["KSHPPV"]
    assert client.get(f"/api/v1/actors/{ids.actor}").json()["party"] == "Ukraine"
    claims = client.get("/api/v1/claims", params={"side": "Russia"}).json()
    assert {c["id"] for c in claims["items"]} == {ids.claims[1], ids.claims[2]}
    by_event = client.get("/api/v1/claims", params={"event_id": ids.events[1]}).json()
    assert [c["id"] for c in by_event["items"]] == [ids.claims[4]]


def test_search_finds_words_and_reports_match_offsets(client: TestClient, ids: Seeded) -> None:
    body = client.get("/api/v1/search", params={"q": "defenders"}).json()
    assert [h["id"] for h in body["items"]] == [ids.documents[0]]
    hit = body["items"][0]
    start, end = hit["matches"][0]
    assert hit["snippet"][start:end].lower() == "defenders"
    both = client.get("/api/v1/search", params={"q": "servicemen returned"}).json()
    assert ids.documents[1] in [h["id"] for h in both["items"]]
    # FTS operators typed by a user are taken as plain words, never a syntax error.
    odd = client.get("/api/v1/search", params={"q": 'NEAR( "75 OR *'})
    assert odd.status_code == 200


def test_search_works_on_cyrillic_text(client: TestClient, seeded: tuple[str, Seeded]) -> None:
    url, _ = seeded
    text = "Україна повернула додому 95 полонених захисників, повідомив координаційний штаб."
    with session_scope(open_engine(url)) as session:
        session.add(
            Document(
                sha256="c" * 64,
                content_type="text",
                captured_at=datetime(2024, 7, 1, tzinfo=UTC),
                raw_size=len(text.encode()),
                raw_zlib=zlib.compress(text.encode()),
                text=text,
                title="Обмін полоненими",
                language="uk",
            )
        )
    body = client.get("/api/v1/search", params={"q": "полонених захисників"}).json()
    assert body["total"] == 1
    hit = body["items"][0]
    assert hit["title"] == "Обмін полоненими"
    assert [hit["snippet"][a:b] for a, b in hit["matches"]] == ["полонених", "захисників"]


def test_review_needs_editor_and_if_match(client: TestClient, ids: Seeded) -> None:
    url = f"/api/v1/claims/{ids.claims[0]}"
    etag = client.get(url).headers["etag"]
    review = {"action": "correct", "value": 76, "reason": "the ministry corrected itself"}
    assert client.post(f"{url}/review", json=review).status_code == 401
    auth = _token(client)
    missing = client.post(f"{url}/review", json=review, headers=auth)
    assert missing.status_code == 428
    stale = client.post(f"{url}/review", json=review, headers={**auth, "If-Match": '"0000"'})
    assert stale.status_code == 412
    done = client.post(f"{url}/review", json=review, headers={**auth, "If-Match": etag})
    assert done.status_code == 200, done.text
    assert done.json()["review_state"] == "corrected"
    assert done.json()["review"]["value"] == 76
    assert done.headers["etag"] != etag
    # The correction reaches the ledger at once.
    event = client.get("/api/v1/events").json()["items"][0]
    assert event["returned_to"]["Ukraine"] == 76
    # A second reviewer still holding the old ETag cannot overwrite the first one's change.
    late = client.post(
        f"{url}/review",
        json={"action": "accept", "reason": "looks right"},
        headers={**auth, "If-Match": etag},
    )
    assert late.status_code == 412
    history = client.get("/api/v1/history").json()["items"]
    assert history[0]["by"] == EDITOR and history[0]["action"] == "correct"
    assert history[0]["reason"] == "the ministry corrected itself"


def test_cookie_session_writes_need_the_csrf_header(client: TestClient, ids: Seeded) -> None:
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text)
    assert token
    login = client.post(
        "/login",
        data={"name": EDITOR, "password": PASSWORD, "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    assert login.status_code == 303
    url = f"/api/v1/claims/{ids.claims[1]}"
    etag = client.get(url).headers["etag"]
    body = {"action": "accept", "reason": "checked against the ministry's site"}
    forged = client.post(f"{url}/review", json=body, headers={"If-Match": etag})
    assert forged.status_code == 403
    assert forged.json()["error"]["code"] == "csrf_failed"
    ok = client.post(
        f"{url}/review", json=body, headers={"If-Match": etag, "X-CSRF-Token": token.group(1)}
    )
    assert ok.status_code == 200
    assert ok.json()["review_state"] == "accepted"


def test_merge_and_split_events(client: TestClient, ids: Seeded) -> None:
    auth = _token(client)
    first, second = ids.events
    tags = [client.get(f"/api/v1/events/{e}").headers["etag"] for e in (first, second)]
    body = {"event_ids": [first, second], "reason": "one exchange reported twice"}
    partial = client.post("/api/v1/events/merge", json=body, headers={**auth, "If-Match": tags[0]})
    assert partial.status_code == 412
    merged = client.post(
        "/api/v1/events/merge", json=body, headers={**auth, "If-Match": ", ".join(tags)}
    )
    assert merged.status_code == 200, merged.text
    kept = merged.json()["event_id"]
    claims = {c["claim_id"] for c in client.get(f"/api/v1/events/{kept}").json()["claims"]}
    assert set(ids.claims) == claims
    etag = client.get(f"/api/v1/events/{kept}").headers["etag"]
    split = client.post(
        f"/api/v1/events/{kept}/split",
        json={"claim_ids": [ids.claims[4]], "reason": "the June swap is separate"},
        headers={**auth, "If-Match": etag},
    )
    assert split.status_code == 200, split.text
    new_id = split.json()["new_event_id"]
    moved = client.get(f"/api/v1/events/{new_id}").json()["claims"]
    assert [c["claim_id"] for c in moved] == [ids.claims[4]]
    actions = [h["action"] for h in client.get("/api/v1/history").json()["items"]]
    assert actions[:2] == ["split", "merge"]


def test_logout_invalidates_the_token(client: TestClient) -> None:
    auth = _token(client)
    assert client.get("/api/v1/auth/me", headers=auth).json() == {"user": EDITOR}
    assert client.post("/api/v1/auth/logout", headers=auth).status_code == 200
    assert client.get("/api/v1/auth/me", headers=auth).json() == {"user": None}


def test_openapi_schema_lists_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/v1/events", "/api/v1/documents", "/api/v1/events/{event_id}"} <= paths
    assert not any(not p.startswith("/api/v1/") for p in paths), "pages stay out of the API schema"


def test_every_api_route_is_documented(client: TestClient) -> None:
    reference = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for path, operations in client.get("/openapi.json").json()["paths"].items():
        for method in operations:
            assert f"`{method.upper()} {path}`" in reference, f"docs/api.md lacks {method} {path}"


ERROR_CASES = [
    ("unknown route", "GET", "/api/v1/nothing-here", None, {}, 404, "not_found"),
    ("unknown event", "GET", "/api/v1/events/999999", None, {}, 404, "not_found"),
    ("unknown document", "GET", "/api/v1/documents/999999", None, {}, 404, "not_found"),
    ("unknown claim", "GET", "/api/v1/claims/999999", None, {}, 404, "not_found"),
    ("unknown actor", "GET", "/api/v1/actors/999999", None, {}, 404, "not_found"),
    ("wrong method", "DELETE", "/api/v1/events", None, {}, 405, "method_not_allowed"),
    ("id not a number", "GET", "/api/v1/events/abc", None, {}, 422, "validation_error"),
    ("limit too big", "GET", "/api/v1/events?limit=100000", None, {}, 422, "validation_error"),
    ("search without q", "GET", "/api/v1/search", None, {}, 422, "validation_error"),
    ("bad sort", "GET", "/api/v1/documents?sort=password", None, {}, 400, "bad_request"),
    ("bad rule", "GET", "/api/v1/events?rule=loudest", None, {}, 400, "bad_request"),
    ("bad format", "GET", "/api/v1/events?format=xml", None, {}, 400, "bad_request"),
    ("search of symbols", "GET", "/api/v1/search?q=%2A%2A", None, {}, 400, "bad_request"),
    (
        "review anonymously",
        "POST",
        "/api/v1/claims/{claim}/review",
        {"action": "accept", "reason": "x"},
        {},
        401,
        "unauthorized",
    ),
    (
        "wrong password",
        "POST",
        "/api/v1/auth/token",
        {"name": EDITOR, "password": "nope"},
        {},
        401,
        "unauthorized",
    ),
    (
        "review body invalid",
        "POST",
        "/api/v1/claims/{claim}/review",
        {"action": "shout"},
        {"auth": "1"},
        422,
        "validation_error",
    ),
    (
        "review without If-Match",
        "POST",
        "/api/v1/claims/{claim}/review",
        {"action": "accept", "reason": "x"},
        {"auth": "1"},
        428,
        "precondition_required",
    ),
    (
        "review with stale ETag",
        "POST",
        "/api/v1/claims/{claim}/review",
        {"action": "accept", "reason": "x"},
        {"auth": "1", "If-Match": '"stale"'},
        412,
        "precondition_failed",
    ),
    (
        "correct without value",
        "POST",
        "/api/v1/claims/{claim}/review",
        {"action": "correct", "reason": "x"},
        {"auth": "1", "If-Match": "*"},
        400,
        "bad_request",
    ),
    (
        "split off every claim",
        "POST",
        "/api/v1/events/{event}/split",
        {"claim_ids": ["{claim}"], "reason": "x"},
        {"auth": "1", "If-Match": "*"},
        409,
        "conflict",
    ),
    (
        "merge one event",
        "POST",
        "/api/v1/events/merge",
        {"event_ids": ["{event}", "{event}"], "reason": "x"},
        {"auth": "1", "If-Match": "*"},
        400,
        "bad_request",
    ),
    ("malformed JSON", "POST", "/api/v1/auth/token", "{not json", {}, 422, "validation_error"),
]


def _fill(value: object, ids: Seeded) -> object:
    if isinstance(value, str):
        filled = value.replace("{claim}", str(ids.claims[4])).replace("{event}", str(ids.events[1]))
        return int(filled) if filled.isdigit() and filled != value else filled
    if isinstance(value, list):
        return [_fill(v, ids) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    return value


@pytest.mark.parametrize(
    ("method", "path", "body", "headers", "status", "code"),
    [case[1:] for case in ERROR_CASES],
    ids=[case[0] for case in ERROR_CASES],
)
def test_every_error_has_the_one_shape(
    client: TestClient,
    ids: Seeded,
    method: str,
    path: str,
    body: object,
    headers: dict[str, str],
    status: int,
    code: str,
) -> None:
    sent = dict(headers)
    if sent.pop("auth", None):
        sent.update(_token(client))
    url = str(_fill(path, ids))
    if isinstance(body, str):
        response = client.request(
            method, url, content=body, headers={**sent, "Content-Type": "application/json"}
        )
    else:
        response = client.request(method, url, json=_fill(body, ids), headers=sent)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    payload = response.json()
    assert set(payload) == {"error"}
    assert payload["error"]["code"] == code
    assert isinstance(payload["error"]["message"], str) and payload["error"]["message"]
    assert "Traceback" not in response.text


def test_an_unexpected_failure_is_a_500_in_the_same_shape(client: TestClient) -> None:
    def explode() -> None:
        raise RuntimeError("boom: secret internals")

    client.app.add_api_route("/api/v1/explode", explode)  # type: ignore[attr-defined]
    response = client.get("/api/v1/explode")
    assert response.status_code == 500
    assert response.json() == {
        "error": {
            "code": "internal_error",
            "message": "internal error: the server could not answer",
        }
    }
    assert "secret internals" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/api/v1/events", "/", "/static/app.css", "/api/v1/nothing"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    response = client.get(path)
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"
