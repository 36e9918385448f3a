"""Character classes shared by the checks: hanzi, CJK punctuation, "CJK context"."""

from __future__ import annotations

import re
from bisect import bisect_right

# Unified ideographs (BMP blocks and the supplementary planes' Ext B..), plus 〇.
HANZI = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U000323af"
)
# Full-width / CJK punctuation (GB/T 15834 marks and the CJK symbols block).
CJK_PUNCT = (
    "\u3000-\u3006\u3008-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\ufe10-\ufe1f\ufe30-\ufe4f"
)
HANZI_CHAR = re.compile(f"[{HANZI}]")
CJK_CHAR = re.compile(f"[{HANZI}{CJK_PUNCT}]")


def is_hanzi(ch: str) -> bool:
    return bool(HANZI_CHAR.match(ch))


def is_cjk(ch: str) -> bool:
    """A hanzi or a CJK punctuation mark."""
    return bool(CJK_CHAR.match(ch))


HANZI_RUN = re.compile(f"[{HANZI}]+")


def hanzi_count(text: str) -> int:
    return sum(map(len, HANZI_RUN.findall(text)))  # runs: about twice as fast as single characters


# --- "CJK context" (CHECKS.md) -------------------------------------------------
# A mark is in CJK context when the nearest non-space character on either side (same
# line) is a hanzi or a CJK punctuation mark, and the mark is not inside a Latin run
# (URL, e-mail, number such as 1,000.5 / 10:30 / 3:2, English words on both sides).

SPACES = " \t\u00a0\u3000"
# CJK characters that decide context: the ideographic space is a space, not a mark.
CJK_CTX = HANZI + CJK_PUNCT.replace("\u3000-\u3006", "\u3001-\u3006")
CJK_CTX_CHAR = re.compile(f"[{CJK_CTX}]")
_URL = re.compile(
    r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)
_URL_TAIL = ".,;:!?)'"
_WIKI_VARIANT = re.compile(r"-\{[^{}\n]{0,400}\}-|zh-(?:hans|hant|cn|tw|hk|sg|mo|my)\s*:[^;}\n]{0,80};?")


def left_char(text: str, i: int) -> str:
    """The nearest non-space character before ``i`` on the same line ("" at line start)."""
    ch = text[max(0, i - 6) : i].rstrip(SPACES)[-1:]
    return "" if ch == "\n" else ch


def right_char(text: str, j: int) -> str:
    """The nearest non-space character at or after ``j`` on the same line ("" at line end)."""
    ch = text[j : j + 6].lstrip(SPACES)[:1]
    return "" if ch == "\n" else ch


def is_cjk_ctx(ch: str) -> bool:
    """A hanzi or CJK punctuation mark (not the ideographic space): decides CJK context."""
    return bool(ch) and bool(CJK_CTX_CHAR.match(ch))


def latin_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, disjoint spans of URLs, e-mail addresses and MediaWiki variant markup
    (``-{zh-hans:…;zh-hk:…}-``): code, not prose (trailing sentence punctuation excluded)."""
    out = []
    if "://" in text or "www." in text or "@" in text:
        for m in _URL.finditer(text):
            url = m.group()
            while url and url[-1] in _URL_TAIL and not (url[-1] == ")" and url.count("(") >= url.count(")")):
                url = url[:-1]
            out.append((m.start(), m.start() + len(url)))
    if "zh-" in text:
        out += [m.span() for m in _WIKI_VARIANT.finditer(text)]
        out.sort()
        merged: list[tuple[int, int]] = []
        for a, b in out:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        out = merged
    return out


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls inside one of the sorted, disjoint ``spans``."""
    if not spans:
        return False
    k = bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def in_cjk_context(text: str, start: int, end: int, latin: list[tuple[int, int]] | None = None) -> bool:
    """CHECKS.md's CJK context for the mark ``text[start:end]``."""
    if latin and inside(latin, start):
        return False
    return is_cjk_ctx(left_char(text, start)) or is_cjk_ctx(right_char(text, end))
