"""Report text turned into safe HTML with chosen spans wrapped in <mark>."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the text to mark, with the anchor id and the tooltip of its <mark>."""

    start: int
    end: int
    anchor: str
    label: str
    css: str = ""


def mark_spans(text: str, spans: list[Span], *, offset: int = 0) -> Markup:
    """Escape ``text`` and wrap each span in ``<mark id=...>``; overlapping spans are clipped."""
    out: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        start = max(span.start - offset, cursor)
        end = min(span.end - offset, len(text))
        if end <= start:
            continue
        out.append(str(escape(text[cursor:start])))
        css = f' class="{escape(span.css)}"' if span.css else ""
        out.append(
            f'<mark id="{escape(span.anchor)}"{css} title="{escape(span.label)}" tabindex="-1">'
            f"{escape(text[start:end])}</mark>"
        )
        cursor = end
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))


def excerpt(text: str, start: int, end: int, anchor: str, label: str, context: int = 240) -> Markup:
    """The quote at ``text[start:end]`` marked, with some of the text around it."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = max(0, start - context)
    right = min(len(text), end + context)
    # Cut at a space so the excerpt does not begin or end mid-word.
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    body = mark_spans(text[left:right], [Span(start, end, anchor, label)], offset=left)
    prefix = "… " if left > 0 else ""
    suffix = " …" if right < len(text) else ""
    return Markup(prefix) + body + Markup(suffix)
