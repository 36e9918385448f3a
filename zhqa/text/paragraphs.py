"""Paragraphs: each non-blank line, with its span (leading/trailing spaces trimmed).

Chinese corpora put one paragraph per line (pages, JSONL texts joined by "\\n\\n"),
so a line is the paragraph unit every family shares.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_LINE = re.compile(r"[^\n]+")
_SPACE = " \t\r\u3000\u00a0\ufeff"


class Para(NamedTuple):
    start: int
    end: int
    text: str


@lru_cache(maxsize=16)
def paragraphs(text: str) -> tuple[Para, ...]:
    """The non-blank lines of ``text`` as (start, end, text), trimmed of spaces at both ends."""
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip(_SPACE)
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip(_SPACE))
        start = m.start() + lead
        out.append(Para(start, start + len(stripped), stripped))
    return tuple(out)
