"""Base per-document statistics for the metrics table, computed from the text alone.

They are measured in the worker beside the checks (``run_document``), so every
run's metrics rows carry them whatever checks were selected.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from zhqa.text.chars import CJK_PUNCT, HANZI_RUN
from zhqa.text.lines import is_headline
from zhqa.text.paragraphs import paragraphs

# runs, not single characters: counting the lengths of runs is about twice as fast
_NON_SPACE = re.compile(r"\S+")
_CJK_PUNCT = re.compile(f"[{CJK_PUNCT}]+")
_LATIN = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"[0-9０-９]+")

STAT_NAMES = (
    "hanzi_share",
    "cjk_punct_share",
    "latin_share",
    "digit_share",
    "paragraphs",
    "mean_paragraph_chars",
    "title_length",
)


def title_of(text: str, meta: Mapping[str, Any] | None = None) -> str:
    """The record's ``title`` field, else the first paragraph when it reads as a headline, else ``""``."""
    title = (meta or {}).get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    paras = paragraphs(text)
    if paras and is_headline(paras[0].text):
        return paras[0].text
    return ""


def _count(runs: re.Pattern[str], text: str) -> int:
    return sum(map(len, runs.findall(text)))


_SHARES = {
    "hanzi_share": HANZI_RUN,
    "cjk_punct_share": _CJK_PUNCT,
    "latin_share": _LATIN,
    "digit_share": _DIGIT,
}


def text_stats(
    text: str, meta: Mapping[str, Any] | None = None, counts: Sequence[int] | None = None
) -> dict[str, float]:
    """Shares are of the non-space characters; a blank text has no shares (null in the table).

    ``counts``: the text's non-space, hanzi, CJK punctuation, Latin and digit counts when
    already known (``charcount.class_counts`` of a batch); else they are counted here."""
    if counts is None:
        counts = [_count(_NON_SPACE, text), *(_count(p, text) for p in _SHARES.values())]
    visible = counts[0]
    paras = paragraphs(text)
    out = {k: round(n / visible, 6) for k, n in zip(_SHARES, counts[1:], strict=True)} if visible else {}
    return {
        **out,
        "paragraphs": float(len(paras)),
        "mean_paragraph_chars": round(sum(len(p.text) for p in paras) / len(paras), 3) if paras else 0.0,
        "title_length": float(len(title_of(text, meta))),
    }
