"""Charts drawn as SVG on the server: the timeline of exchanges and the cumulative totals."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from markupsafe import Markup, escape

WIDTH = 960
HEIGHT = 340
MARGIN_LEFT = 72
MARGIN_RIGHT = 24
MARGIN_TOP = 36
MARGIN_BOTTOM = 56
#: Colours for the first two sides; both pass WCAG AA contrast against white as text.
SIDE_COLOURS = ("#1d5a9e", "#a3381a")
BAND_COLOURS = ("#a9c4e6", "#ecb9a5")
DASH = ' stroke-dasharray="7 4"'
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def parse_day(text: str | None) -> date | None:
    """A date from YYYY, YYYY-MM or YYYY-MM-DD (missing parts become the first day)."""
    if not text:
        return None
    parts = text[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def nice_step(span: float, target: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``target`` ticks."""
    if span <= 0:
        return 1.0
    raw = span / target
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def _fmt(value: float) -> str:
    return f"{value:,.0f}".replace(",", "\u202f")


def _date_ticks(first: date, last: date) -> list[tuple[date, str]]:
    months = (last.year - first.year) * 12 + last.month - first.month
    ticks: list[tuple[date, str]] = []
    if months > 30:
        for year in range(
            first.year + (1 if first.month > 1 or first.day > 1 else 0), last.year + 1
        ):
            ticks.append((date(year, 1, 1), str(year)))
        return ticks
    step = 1 if months <= 8 else 3 if months <= 20 else 6
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        day = date(year, month, 1)
        if day >= first and (month - 1) % step == 0:
            ticks.append((day, f"{MONTHS[month - 1]} {year}"))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return ticks


class _Frame:
    """Maps dates and values into the plot area of one chart."""

    def __init__(self, first: date, last: date, low: float, high: float) -> None:
        # A little room on both sides so the first and last bars are drawn whole.
        pad = max(3, (last.toordinal() - first.toordinal()) // 40)
        self.data_last = last
        first = date.fromordinal(first.toordinal() - pad)
        last = date.fromordinal(last.toordinal() + pad)
        self.first, self.last, self.low, self.high = first, last, low, high
        self.plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
        self.plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def x(self, day: date) -> float:
        span = self.last.toordinal() - self.first.toordinal()
        return MARGIN_LEFT + (day.toordinal() - self.first.toordinal()) / span * self.plot_w

    def y(self, value: float) -> float:
        span = (self.high - self.low) or 1.0
        return MARGIN_TOP + (self.high - value) / span * self.plot_h


def _svg_open(chart_id: str, title: str, description: str) -> list[str]:
    return [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]


def _axes(frame: _Frame, step: float, x_label: str, y_label: str, values_from: float) -> list[str]:
    out = ['<g class="axis" font-size="15" fill="#222">']
    value = math.ceil(values_from / step) * step
    while value <= frame.high + 1e-9:
        y = frame.y(value)
        out.append(
            f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{"#444" if value == 0 else "#d4d4d4"}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{MARGIN_LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{_fmt(abs(value))}</text>'
        )
        value += step
    bottom = HEIGHT - MARGIN_BOTTOM
    out.append(
        f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{bottom}" y2="{bottom}" stroke="#444"/>'
    )
    for day, label in _date_ticks(frame.first, frame.last):
        x = frame.x(day)
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{bottom}" y2="{bottom + 6}" stroke="#444"/>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{bottom + 22}" text-anchor="middle">{escape(label)}</text>'
        )
    out.append(
        f'<text x="{MARGIN_LEFT + frame.plot_w / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle" '
        f'font-weight="bold">{escape(x_label)}</text>'
    )
    mid = MARGIN_TOP + frame.plot_h / 2
    out.append(
        f'<text x="16" y="{mid:.1f}" text-anchor="middle" font-weight="bold" '
        f'transform="rotate(-90 16 {mid:.1f})">{escape(y_label)}</text>'
    )
    out.append("</g>")
    return out


def _legend(sides: list[str], suffix: str) -> list[str]:
    out = ['<g class="legend" font-size="15" fill="#222">']
    x: float = MARGIN_LEFT
    for i, side in enumerate(sides):
        out.append(
            f'<rect x="{x}" y="10" width="14" height="14" fill="{SIDE_COLOURS[i % 2]}"/>'
            f'<text x="{x + 20}" y="22">{escape(side)}{escape(suffix)}</text>'
        )
        x += 34 + 8.5 * (len(side) + len(suffix))
    out.append("</g>")
    return out


def main_sides(events: list[dict[str, Any]], limit: int = 2) -> list[str]:
    """The sides that received the most persons, in alphabetical order so colours stay put."""
    totals: dict[str, int] = {}
    for event in events:
        for side, fig in event["sides"].items():
            totals[side] = totals.get(side, 0) + (fig["value"] or 0)
    largest = [s for s, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]
    return sorted(largest)


def _empty(chart_id: str, title: str) -> Markup:
    parts = _svg_open(chart_id, title, "No completed exchange with figures is in the ledger yet.")
    parts.append(
        f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" font-size="16" fill="#222">'
        "No exchanges with figures yet</text></svg>"
    )
    return Markup("".join(parts))


#: Above this many exchanges the charts draw one bar (and one step) per month instead.
MAX_BARS = 120


def by_month(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events summed per calendar month (value, low and high per side), dated mid-month."""
    months: dict[str, dict[str, Any]] = {}
    for event in events:
        day = parse_day(event["date"])
        if day is None:
            continue
        key = f"{day.year:04d}-{day.month:02d}"
        month = months.setdefault(key, {"id": key, "date": f"{key}-15", "sides": {}, "count": 0})
        month["count"] += 1
        for side, fig in event["sides"].items():
            acc = month["sides"].setdefault(side, {"value": 0, "low": 0, "high": 0})
            value = fig["value"] or 0
            acc["value"] += value
            acc["low"] += fig["low"] if fig["low"] is not None else value
            acc["high"] += fig["high"] if fig["high"] is not None else value
    return [months[k] for k in sorted(months)]


def timeline_svg(events: list[dict[str, Any]]) -> Markup:
    """Persons returned to each side per exchange: the first side above the axis, the second below."""
    title = "Persons returned per exchange"
    unit = "exchange"
    if len(events) > MAX_BARS:
        # Thousands of hairline bars are unreadable (and heavy): one bar per month instead.
        events, title, unit = by_month(events), "Persons returned per month", "month"
    dated = [(parse_day(e["date"]), e) for e in events]
    points = [(d, e) for d, e in dated if d is not None]
    sides = main_sides([e for _, e in points])
    if not points or not sides:
        return _empty("timeline", title)
    up = [(d, (e["sides"].get(sides[0]) or {}).get("value") or 0) for d, e in points]
    down = (
        [(d, (e["sides"].get(sides[1]) or {}).get("value") or 0) for d, e in points]
        if len(sides) > 1
        else []
    )
    top = max([v for _, v in up] + [1])
    bottom = max([v for _, v in down] + [0])
    step = nice_step(top + bottom, 6)
    high = math.ceil(top / step) * step
    low = -math.ceil(bottom / step) * step if down else 0.0
    frame = _Frame(points[0][0], points[-1][0], low, high)
    description = (
        f"{len(points)} {unit}s from {points[0][0].isoformat()} to {points[-1][0].isoformat()}. "
        f"Bars above the axis: persons returned to {sides[0]}"
        + (f"; below the axis: persons returned to {sides[1]}." if down else ".")
    )
    parts = _svg_open("timeline", title, description)
    parts += _axes(
        frame, step, "Date of exchange" if unit == "exchange" else "Month", "Persons returned", low
    )
    bar = max(1.5, min(8.0, frame.plot_w / max(len(points), 1) * 0.6))
    zero = frame.y(0)
    parts.append(f'<g fill="{SIDE_COLOURS[0]}">')
    for (day, value), (_, event) in zip(up, points, strict=True):
        if value:
            y = frame.y(value)
            parts.append(
                f'<rect x="{frame.x(day) - bar / 2:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                f'height="{zero - y:.1f}"><title>{escape(event["id" if unit == "month" else "date"])}: {value} returned to '
                f"{escape(sides[0])}</title></rect>"
            )
    parts.append("</g>")
    if down:
        parts.append(f'<g fill="{SIDE_COLOURS[1]}">')
        for (day, value), (_, event) in zip(down, points, strict=True):
            if value:
                parts.append(
                    f'<rect x="{frame.x(day) - bar / 2:.1f}" y="{zero:.1f}" width="{bar:.1f}" '
                    f'height="{frame.y(-value) - zero:.1f}"><title>{escape(event["id" if unit == "month" else "date"])}: {value} '
                    f"returned to {escape(sides[1])}</title></rect>"
                )
        parts.append("</g>")
    parts += _legend(sides[:1], " (above)") if len(sides) == 1 else _legend_pair(sides)
    parts.append("</svg>")
    return Markup("".join(parts))


def _legend_pair(sides: list[str]) -> list[str]:
    return _legend([f"Returned to {sides[0]} (above)", f"Returned to {sides[1]} (below)"], "")


def _steps(points: list[tuple[float, float]], end_x: float) -> list[tuple[float, float]]:
    """A running total as a staircase: flat until the next exchange, and flat to ``end_x``."""
    out: list[tuple[float, float]] = []
    for x, y in points:
        if out:
            out.append((x, out[-1][1]))
        out.append((x, y))
    if out:
        out.append((end_x, out[-1][1]))
    return out


def cumulative_svg(events: list[dict[str, Any]]) -> Markup:
    """Cumulative persons returned to each side, the line the rule's value, the band low to high."""
    title = "Cumulative persons returned, with uncertainty band"
    if len(events) > MAX_BARS:
        # Month totals give the same running totals at each month's end, in far fewer points.
        events = by_month(events)
    points = [(parse_day(e["date"]), e) for e in events]
    dated = [(d, e) for d, e in points if d is not None]
    sides = main_sides([e for _, e in dated])
    if not dated or not sides:
        return _empty("cumulative", title)
    series: dict[str, list[tuple[date, int, int, int]]] = {s: [] for s in sides}
    running = {s: [0, 0, 0] for s in sides}
    for day, event in dated:
        for side in sides:
            fig = event["sides"].get(side)
            if fig is None:
                continue
            acc = running[side]
            acc[0] += fig["value"] or 0
            acc[1] += fig["low"] if fig["low"] is not None else fig["value"] or 0
            acc[2] += fig["high"] if fig["high"] is not None else fig["value"] or 0
            series[side].append((day, acc[0], acc[1], acc[2]))
    top = max([acc[2] for acc in running.values()] + [1])
    step = nice_step(top, 6)
    frame = _Frame(dated[0][0], dated[-1][0], 0.0, math.ceil(top / step) * step)
    summary = "; ".join(
        f"{s}: {_fmt(running[s][0])} (range {_fmt(running[s][1])} to {_fmt(running[s][2])})"
        for s in sides
    )
    parts = _svg_open("cumulative", title, f"Totals at the last exchange: {summary}.")
    parts += _axes(frame, step, "Date of exchange", "Persons returned in all", 0.0)
    end_x = frame.x(frame.data_last)
    for i, side in enumerate(sides):
        rows = series[side]
        if not rows:
            continue
        upper = _steps([(frame.x(d), frame.y(h)) for d, _, _, h in rows], end_x)
        lower = _steps([(frame.x(d), frame.y(lo)) for d, _, lo, _ in rows], end_x)
        outline = upper + list(reversed(lower))
        parts.append(
            f'<polygon points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in outline)}" '
            f'fill="{BAND_COLOURS[i % 2]}" fill-opacity="0.6" stroke="none"/>'
        )
    labels: list[tuple[float, int, str]] = []
    for i, side in enumerate(sides):
        rows = series[side]
        if not rows:
            continue
        # A step line: the total stays flat between exchanges, and after the last one.
        coords: list[str] = []
        previous: float | None = None
        for d, value, _, _ in rows:
            x, y = frame.x(d), frame.y(value)
            if previous is not None:
                coords.append(f"{x:.1f},{previous:.1f}")
            coords.append(f"{x:.1f},{y:.1f}")
            previous = y
        coords.append(f"{end_x:.1f},{previous:.1f}")
        parts.append(
            f'<polyline points="{" ".join(coords)}" fill="none" stroke="{SIDE_COLOURS[i % 2]}" '
            # The second side is dashed so that overlapping lines stay apart without colour.
            f'stroke-width="2.5"{DASH if i % 2 else ""}/>'
        )
        labels.append((frame.y(rows[-1][1]) - 8, i, f"{side}: {_fmt(rows[-1][1])}"))
    # Labels sit at the right end of their line; a label too close to the one above moves down.
    placed: list[float] = []
    for y, i, text in sorted(labels):
        while any(abs(y - other) < 16 for other in placed):
            y += 16
        placed.append(y)
        parts.append(
            f'<text x="{end_x - 4:.1f}" y="{y:.1f}" text-anchor="end" font-size="15" '
            f'font-weight="bold" fill="{SIDE_COLOURS[i % 2]}">{escape(text)}</text>'
        )
    parts += _legend([f"Returned to {s}" for s in sides], "")
    parts.append(
        f'<text x="{WIDTH - MARGIN_RIGHT}" y="22" text-anchor="end" font-size="14" fill="#333">'
        "Shaded: lowest to highest reported</text>"
    )
    parts.append("</svg>")
    return Markup("".join(parts))
