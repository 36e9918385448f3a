"""Character classes shared by the checks: hanzi, CJK punctuation, "CJK context"."""

from __future__ import annotations

import re

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


def hanzi_count(text: str) -> int:
    return len(HANZI_CHAR.findall(text))
