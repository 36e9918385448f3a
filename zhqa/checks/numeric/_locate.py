"""The sentence around one position, exactly as :func:`zhqa.text.sentences.sentences` splits it.

The N4xx checks look at few sentences (those around a trigger word), so they locate each one
from its trigger instead of splitting the whole text: a paragraph is a line trimmed of spaces,
and a sentence ends after a run of 。！？!? (or of …) and the closing marks right after it.
The work per call grows with the sentence, not the text (a one-line 10 MB text stays linear).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

# Same pattern as zhqa.text.sentences._SENT: one sentence from a sentence start.
_SENT = re.compile(r"[^。！？!?…]*(?:[。！？!?]+|…+|$)[”’」』）》]*")
_CLOSERS = re.compile(r"[”’」』）》]*")
_FINALS = "。！？!?…"
_NOT_PLAIN = frozenset(_FINALS + "”’」』）》")
_SPACE = " \t\r\u3000\u00a0\ufeff"  # as zhqa.text.paragraphs: trimmed at both ends of a line
_LEAD = re.compile(f"[{_SPACE}]*")
_NEWLINE = re.compile("\n")


@lru_cache(maxsize=4)
def _newlines(text: str) -> list[int]:
    return [m.start() for m in _NEWLINE.finditer(text)]


@lru_cache(maxsize=256)
def _paragraph(text: str, ls: int, le: int) -> tuple[int, int]:
    """The line ``text[ls:le]`` trimmed of spaces at both ends, as (start, end)."""
    ps = _LEAD.match(text, ls, le).end()  # type: ignore[union-attr]
    pe = le
    while pe > ps and text[pe - 1] in _SPACE:
        pe -= 1
    return ps, pe


def _last_final(text: str, lo: int, hi: int) -> int:
    """The last index in ``[lo, hi)`` of a final mark, or -1; searched back in growing windows."""
    width = 64
    while True:
        a = max(lo, hi - width)
        k = max(text.rfind(c, a, hi) for c in _FINALS)
        if k >= 0 or a == lo:
            return k
        hi, width = a, width * 4


def sentence_span(text: str, pos: int) -> tuple[int, int] | None:
    """``(start, end)`` of the sentence that holds ``text[pos]``; None outside every sentence."""
    nls = _newlines(text)
    i = bisect_left(nls, pos)
    le = nls[i] if i < len(nls) else len(text)
    ps, pe = _paragraph(text, nls[i - 1] + 1 if i else 0, le)
    if not ps <= pos < pe:
        return None
    if text[pos] in _NOT_PLAIN:
        start = ps  # inside a run of final or closing marks: walk from the paragraph start
    else:
        # a plain character: its sentence starts after the last final mark and its closers
        last = _last_final(text, ps, pos)
        start = ps if last < 0 else _CLOSERS.match(text, last + 1, pe).end()  # type: ignore[union-attr]
    while True:
        m = _SENT.match(text, start, pe)
        end = m.end()  # type: ignore[union-attr]
        if end > pos:
            break
        start = end
    if not text[start:end].strip():
        return None
    return start, end
