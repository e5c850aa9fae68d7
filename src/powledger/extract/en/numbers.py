"""English cardinal numbers: digits ("1,000", "1 000") and words ("two hundred and seven")."""

from __future__ import annotations

import re

from powledger.extract.base import NumberSpan

_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000}

# "one" is also a pronoun ("one of them"); it counts only inside a longer number or before a noun.
_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)"
_WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?:an?\s+(?=hundred|thousand|dozen))?{_WORD}(?:(?:\s+and\s+|\s*-\s*|\s+)(?:an?\s+(?=hundred|thousand))?{_WORD})*(?![\w-])",
    re.IGNORECASE,
)
# Thousands separated by a comma or by a (narrow, non-breaking) space: "1,000", "1 000".
_FOR_WORDS = re.compile(
    rf"(?<![\w-])({_WORD}(?:-{_WORD})?)-for-({_WORD}(?:-{_WORD})?)(?![\w-])", re.I
)
_DIGITS = re.compile(
    r"(?<![\d.,/:])(?:\d{1,3}(?:(?:,|\u00a0|\u202f| )\d{3})+|\d+)(?![\d]|[.,:/]\d|\s*(?:st|nd|rd|th)\b|-(?:year|month|day|km|kilomet))",
    re.IGNORECASE,
)
_APPROX_BEFORE = re.compile(
    r"(?:\b(?:more\s+than|over|about|around|nearly|almost|some|at\s+least|roughly|approximately|"
    r"up\s+to|upwards\s+of|close\s+to|an\s+estimated|just\s+over|just\s+under|fewer\s+than|"
    r"less\s+than|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|at\s+most|approx\.?|"
    r"well\s+over|nigh\s+on|circa|c\.)\s+|~\s*)$",
    re.IGNORECASE,
)
# "handed over 103" is not an approximation; nor is "turned over", "passed over".
_OVER_VERB = re.compile(r"\b(?:hand\w*|turn\w*|pass\w*|tak\w*|took|gave|give\w*)\s+over\s+$", re.I)
_APPROX_AFTER = re.compile(r"^(?:\s*(?:-\s*)?(?:odd|plus|or\s+so|or\s+more)\b|\+)", re.IGNORECASE)


def words_to_int(phrase: str) -> int | None:
    """Turn "two hundred and seven" or "forty-nine" into an int; None when it is not a number."""
    tokens = [t for t in re.split(r"[\s-]+", phrase.lower()) if t and t not in ("and", "a", "an")]
    if not tokens:
        return None
    total = 0
    current = 0
    seen = False
    for token in tokens:
        if token in _UNITS and not (token == "dozen" and current):
            current += _UNITS[token]
            seen = True
        elif token == "dozen" and current:
            # "two dozen" is 24; "a dozen" alone is 12 (from the units table).
            current *= 12
        elif token == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif token == "thousand":
            total += max(current, 1) * 1000
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _digits_value(raw: str) -> int:
    return int(re.sub(r"[^\d]", "", raw))


def _is_approximate(text: str, start: int, end: int) -> tuple[bool, int, int]:
    """Whether an approximation surrounds text[start:end]; return the widened span."""
    before = text[max(0, start - 24) : start]
    match = _APPROX_BEFORE.search(before)
    approximate = False
    if match and not (match.group(0).lower().startswith("over") and _OVER_VERB.search(before)):
        start -= len(match.group(0))
        approximate = True
    after = _APPROX_AFTER.match(text[end : end + 12])
    if after:
        end += len(after.group(0))
        approximate = True
    return approximate, start, end


def find_numbers(text: str) -> list[NumberSpan]:
    """Return every cardinal number in ``text`` in order, approximations folded into the span."""
    found: list[NumberSpan] = []
    for match in _DIGITS.finditer(text):
        raw = match.group(0)
        # "1 000" only groups when the space sits between digit groups; "In 2022 100" does not.
        value = _digits_value(raw)
        approx, start, end = _is_approximate(text, match.start(), match.end())
        found.append(NumberSpan(start, end, value, approx))
    for match in _WORD_NUMBER.finditer(text):
        parsed = words_to_int(match.group(0))
        if parsed is None:
            continue
        value = parsed
        if re.search(
            r"(?:several|few|many|of)\s+$", text[max(0, match.start() - 12) : match.start()], re.I
        ) and re.match(r"(?:hundred|thousand|dozen)s?$", match.group(0), re.I):
            continue  # "several thousand" is vague, not a thousand
        if match.group(0).lower() == "one" and re.match(
            r"\s+(?:of|another|by)\b", text[match.end() :]
        ):
            continue
        approx, start, end = _is_approximate(text, match.start(), match.end())
        found.append(NumberSpan(start, end, value, approx))
    for match in _FOR_WORDS.finditer(text):
        # "a one-for-one swap": hyphens hide these from the word pattern above.
        for group in (1, 2):
            parsed = words_to_int(match.group(group))
            if parsed is not None:
                found.append(NumberSpan(match.start(group), match.end(group), parsed, False))
    found.sort(key=lambda n: n.start)
    return found
