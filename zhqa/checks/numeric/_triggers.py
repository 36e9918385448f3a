"""The screens that start with a character class, read in one pass over a text.

A regex that starts with a character class tests every character of a text (several times
slower than a search for one literal character), so :func:`triggers` reads a text once for:
range marks (MARK: N403/N411), Chinese counts that end a list item (CN_ITEM: N406), place words
next to a digit (PLACE: N414) and the 至/到 of a trend verb (VERB: N407). A match is one of
these, told by the name of its branch; where two hold at one character the first branch is
reported, and :func:`place_words` and :func:`verb_marks` add those back. No match holds
another's first character, so the positions are those of each regex alone (tested).
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

# --- place words next to a digit (N414): 3千, 十08 ---
_PLACE_REST = "(?:(?<=[0-9].)|(?=零?[0-9]))"
PLACE = re.compile("[十百千]" + _PLACE_REST)

# --- the 至/到 that ends a trend verb (N407: 增至, 降到…) ---
_VERB_CHARS = "增加长高升大涨降低少减小落滑跌"
VERB = re.compile(f"[至到](?<=[{_VERB_CHARS}].)")

_ALL = re.compile(
    f"[{_MARK_CLASS}{_CN_CLASS}]"
    f"(?:(?<=[{_MARK_CLASS}]){_B}{_A_WRAPS}{_A_NEAR}(?P<mark>)"
    f"|(?<=[{_CN_CLASS}]){_CN_REST}(?P<item>)"
    f"|(?<=[十百千]){_PLACE_REST}(?P<place>)"
    f"|(?<=[{_VERB_CHARS}][至到])(?P<verb>))"
)


@lru_cache(maxsize=4)
def triggers(text: str) -> dict[str, list[int]]:
    """The starts of the matches of each branch (mark, item, place, verb) in ``text``, one pass."""
    found: dict[str, list[int]] = {"mark": [], "item": [], "place": [], "verb": []}
    for m in _ALL.finditer(text):
        found[m.lastgroup].append(m.start())  # type: ignore[index]
    return found


def range_marks(text: str) -> list[int]:
    """MARK's matches."""
    return triggers(text)["mark"]


def count_items(text: str) -> list[int]:
    """CN_ITEM's matches."""
    return triggers(text)["item"]


def place_words(text: str) -> list[int]:
    """PLACE's matches (a 十/百/千 that ends a count item too is reported as an item)."""
    got = triggers(text)
    extra = [p for p in got["item"] if text[p] in "十百千" and PLACE.match(text, p)]
    return sorted(got["place"] + extra) if extra else got["place"]


def verb_marks(text: str) -> list[int]:
    """VERB's matches (a 至/到 that is also a range mark is reported as a mark)."""
    got = triggers(text)
    extra = [p for p in got["mark"] if text[p] in "至到" and VERB.match(text, p)]
    return sorted(got["verb"] + extra) if extra else got["verb"]
