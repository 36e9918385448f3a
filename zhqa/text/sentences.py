"""Sentences: split after 。！？… (and closing quotes/brackets that follow them), per paragraph."""

from __future__ import annotations

import re
from functools import lru_cache

from zhqa.text.paragraphs import Para, paragraphs

# A sentence ends at a run of final marks, plus any closing quotes/brackets right after.
_SENT = re.compile(r"[^。！？!?…]*(?:[。！？!?]+|…+|$)[”’」』）》]*")


@lru_cache(maxsize=16)
def sentences(text: str) -> tuple[Para, ...]:
    """Sentences of ``text`` as (start, end, text); a sentence never crosses a paragraph."""
    out = []
    for p in paragraphs(text):
        for m in _SENT.finditer(p.text):
            if m.group().strip():
                out.append(Para(p.start + m.start(), p.start + m.end(), m.group()))
    return tuple(out)


def sentences_of(para: Para) -> list[Para]:
    return [
        Para(para.start + m.start(), para.start + m.end(), m.group())
        for m in _SENT.finditer(para.text)
        if m.group().strip()
    ]
