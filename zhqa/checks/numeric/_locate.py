"""The sentence around one position, exactly as :func:`zhqa.text.sentences.sentences` splits it.

The N4xx checks look at few sentences (those around a trigger word), so they locate each one
from its trigger instead of splitting the whole text: a paragraph is a line trimmed of spaces,
and a sentence ends after a run of 。！？!? (or of …) and the closing marks right after it.
"""

from __future__ import annotations

import re

# Same pattern as zhqa.text.sentences._SENT: one sentence from a sentence start.
_SENT = re.compile(r"[^。！？!?…]*(?:[。！？!?]+|…+|$)[”’」』）》]*")
_CLOSERS = re.compile(r"[”’」』）》]*")
_FINALS = "。！？!?…"
_NOT_PLAIN = frozenset(_FINALS + "”’」』）》")
_SPACE = " \t\r\u3000\u00a0\ufeff"  # as zhqa.text.paragraphs: trimmed at both ends of a line


def sentence_span(text: str, pos: int) -> tuple[int, int] | None:
    """``(start, end)`` of the sentence that holds ``text[pos]``; None outside every sentence."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    if le < 0:
        le = len(text)
    line = text[ls:le]
    body = line.strip(_SPACE)
    ps = ls + len(line) - len(line.lstrip(_SPACE))
    pe = ps + len(body)
    if not ps <= pos < pe:
        return None
    if text[pos] in _NOT_PLAIN:
        start = ps  # inside a run of final or closing marks: walk from the paragraph start
    else:
        # a plain character: its sentence starts after the last final mark and its closers
        last = max(text.rfind(c, ps, pos) for c in _FINALS)
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
