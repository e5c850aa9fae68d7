"""docs/languages.md tests itself: its Python example prints what its comments say."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "languages.md"


def test_the_example_prints_what_the_comments_say() -> None:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert block is not None
    code = block.group(1)
    expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(DOC), "exec"), {})
    assert out.getvalue().splitlines() == expected


def test_every_category_in_the_table_is_in_the_vocabulary() -> None:
    from powledger.models import CATEGORIES

    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Categories", 1)[1].split("##", 1)[0]
    named = set(re.findall(r"`([a-z_]+)`", section))
    assert named and named <= set(CATEGORIES)
