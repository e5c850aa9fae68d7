"""Pure parts of the web layer: highlighting, snippets, charts, CSV cells, If-Match parsing."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from powledger.api.deps import parse_etags
from powledger.api.formats import to_csv
from powledger.store.search import MARK_END, MARK_START, split_snippet
from powledger.web.charts import by_month, cumulative_svg, nice_step, timeline_svg
from powledger.web.highlight import Span, excerpt, mark_spans

_TAG = re.compile(r'<mark id="[^"]*"(?: class="[^"]*")? title="[^"]*" tabindex="-1">|</mark>')


@given(
    st.text(max_size=200),
    st.lists(st.tuples(st.integers(-5, 210), st.integers(-5, 210)), max_size=6),
)
def test_marking_keeps_the_text_and_escapes_everything(
    text: str, raw_spans: list[tuple[int, int]]
) -> None:
    spans = [Span(a, b, f"claim-{i}", "<b>label</b>") for i, (a, b) in enumerate(raw_spans)]
    out = str(mark_spans(text, spans))
    inner = _TAG.sub("", out)
    assert "<" not in inner and ">" not in inner, "only our own <mark> tags are markup"
    assert html.unescape(inner) == text
    assert out.count("<mark") == out.count("</mark>")


def test_excerpt_marks_the_quote_with_its_context() -> None:
    text = "word " * 100 + "Kyiv brought home 95 defenders" + " more" * 100
    start = text.index("Kyiv")
    out = str(excerpt(text, start, start + 30, "q-1", "claim 1", context=40))
    assert '<mark id="q-1"' in out and "Kyiv brought home 95 defenders</mark>" in out
    assert out.startswith("… ") and out.endswith(" …")


def test_snippet_markers_become_offsets() -> None:
    plain, spans = split_snippet(f"the {MARK_START}swap{MARK_END} of {MARK_START}95{MARK_END}")
    assert plain == "the swap of 95"
    assert [plain[a:b] for a, b in spans] == ["swap", "95"]


def test_nice_steps_are_round() -> None:
    assert nice_step(100, 5) == 20
    assert nice_step(7, 6) == 2
    assert nice_step(0) == 1


def _events(count: int) -> list[dict[str, object]]:
    return [
        {
            "id": i,
            "date": f"{2022 + i // 300}-{1 + (i // 25) % 12:02d}-{1 + i % 25:02d}",
            "sides": {
                "Ukraine": {"value": 10, "low": 9, "high": 12},
                "Russia": {"value": 8, "low": 8, "high": 8},
            },
        }
        for i in range(count)
    ]


def test_charts_label_their_axes_and_sum_by_month_when_crowded() -> None:
    few = str(timeline_svg(_events(10)))  # type: ignore[arg-type]
    assert "Date of exchange" in few and "Persons returned" in few
    assert few.count("<rect") >= 20
    many = str(timeline_svg(_events(600)))  # type: ignore[arg-type]
    assert "Persons returned per month" in many
    months = by_month(_events(600))  # type: ignore[arg-type]
    assert sum(m["sides"]["Ukraine"]["value"] for m in months) == 6000
    assert many.count("<rect") < 2 * len(months) + 5
    band = str(cumulative_svg(_events(600)))  # type: ignore[arg-type]
    assert "<polygon" in band and "Ukraine: 6\u202f000" in band


def test_chart_text_is_escaped() -> None:
    events = [
        {"id": 1, "date": "2024-01-02", "sides": {"<script>": {"value": 5, "low": 5, "high": 5}}}
    ]
    out = str(timeline_svg(events)) + str(cumulative_svg(events))
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_csv_cells_never_start_a_formula() -> None:
    text = to_csv([{"id": 1, "title": '=HYPERLINK("x")', "nested": {"a": 2}, "tags": ["x", "y"]}])
    header, row = text.splitlines()
    assert header == "id,title,nested.a,tags"
    assert row.startswith("1,\"'=HYPERLINK")
    assert row.endswith(",2,x; y")


def test_if_match_lists_are_parsed() -> None:
    assert parse_etags('W/"a", "b" ,"c"') == {'"a"', '"b"', '"c"'}
    assert parse_etags("*") == {"*"}
