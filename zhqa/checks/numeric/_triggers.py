"""The two screens that start with a character class, read in one pass over a text.

N403/N411 look for range marks (MARK) and N406 for Chinese counts that end a list item
(CN_ITEM). A regex that starts with a character class tests every character of a text (several
times slower than a search for one literal character), so :func:`triggers` reads the text once
for both: a match is one mark (one character) or one count (a numeral and its classifier, two
or more). The two classes share no character and no match holds the other's first character,
so the positions are those of the two regexes alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from zhqa.checks.numeric._common import COUNT_UNITS
from zhqa.text.numbers.scan import ARABIC_NUMERAL, CHINESE_NUMERAL, UNIT

# --- range marks (N403/N411) ---
_N = "[0-9０-９,.．〇零一二两三四五六七八九十百千万亿]"
# A unit the scanner reads after a number (after 余/多/来), unless it wraps (月, 日, 时…: ranges
# _CYCLIC); 日元, 分钟 and 小时 do not wrap.
_UNWRAPPED = rf"(?:余|多|来)?(?!月|日(?!元)|号|时|周|分(?!钟)|秒){UNIT}"
# After the mark, B as the scanner reads it (its prefix, then its whole numeral), and B is 百分之…,
# ends with 万/亿, or has a unit that does not wrap (both checks need one of these).
_B = (
    r"(?=\s*(?:约为|大约|将近|接近|超过|不到|不足|约|近|超|逾)?(?:百分之"
    rf"|{ARABIC_NUMERAL}(?:(?<=[万亿])|{_UNWRAPPED})|{CHINESE_NUMERAL}{_UNWRAPPED}))"
)
# A mark right after a wrapping unit (月, 日, 号, 时, 周, 分, 秒): A's, which rules both checks out.
_A_WRAPS = "(?<![月日号周分秒].)(?<![^小]时.)"
# Before the mark, a space or a number within 10 characters (a number, its unit and markers, the
# first — of ——: what ranges._may_fire reads).
_A_NEAR = "(?:(?<=\\s.)|" + "|".join(f"(?<={_N}[^{_N[1:-1]}]{{{k}}}.)" for k in range(10)) + ")"
_MARK_CLASS = "～~〜—–\\-－至到"
MARK = re.compile(f"[{_MARK_CLASS}]" + _B + _A_WRAPS + _A_NEAR)

# --- Chinese counts that end an item (N406) ---
# A classifier; the lookahead on first characters only prunes the alternation.
COUNT_UNIT = "(?=[" + "".join(sorted({u[0] for u in COUNT_UNITS})) + "])"
COUNT_UNIT += "(?:" + "|".join(sorted(COUNT_UNITS, key=len, reverse=True)) + ")"
_CN_CLASS = "〇零一二两三四五六七八九十百千万亿"
_CN_REST = rf"(?:{COUNT_UNIT})(?=[、，,；;。！？!?）)”\s\ufeff]|$)"
# A count in Chinese numerals that ends a list item (or its sentence: a line end after it).
CN_ITEM = re.compile(f"[{_CN_CLASS}]" + _CN_REST)

_BOTH = re.compile(
    f"[{_MARK_CLASS}{_CN_CLASS}](?:(?<=[{_MARK_CLASS}]){_B}{_A_WRAPS}{_A_NEAR}|(?<=[{_CN_CLASS}]){_CN_REST})"
)


@lru_cache(maxsize=4)
def triggers(text: str) -> tuple[list[int], list[int]]:
    """The starts of MARK's and of CN_ITEM's matches in ``text``, read in one pass."""
    marks: list[int] = []
    counts: list[int] = []
    for m in _BOTH.finditer(text):
        s = m.start()
        (marks if m.end() - s == 1 else counts).append(s)
    return marks, counts
