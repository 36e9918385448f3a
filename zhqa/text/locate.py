"""Offsets to 1-based line/column, and short excerpts around a span."""

from __future__ import annotations

import bisect
import re

_NL = re.compile("\n")
EXCERPT_CONTEXT = 6
EXCERPT_MAX_SPAN = 40


class LineIndex:
    """Maps code-point offsets of one text to 1-based (line, column)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in _NL.finditer(text))

    def locate(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of one ``offset`` (clamped to the text), without building an index."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def shorten(text: str, n: int) -> str:
    """``text``, or its first ``n - 1`` characters and "…" when it is longer than ``n``."""
    return text if len(text) <= n else text[: n - 1] + "…"


def excerpt(text: str, start: int, end: int, context: int = EXCERPT_CONTEXT) -> str:
    """The span with a few characters either side, kept on its own line(s)."""
    lo = max(0, start - context)
    nl = text.rfind("\n", lo, start)
    if nl != -1:
        lo = nl + 1
    hi = min(len(text), end + context)
    nl = text.find("\n", end, hi)
    if nl != -1:
        hi = nl
    if end - start > EXCERPT_MAX_SPAN:
        half = EXCERPT_MAX_SPAN // 2
        return text[lo : start + half] + "…" + text[end - half : hi]
    return text[lo:hi]
