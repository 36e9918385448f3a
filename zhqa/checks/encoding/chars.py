"""Character-level encoding checks: invisibles, full-width alphanumerics, private use, odd spaces."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from zhqa.checks.encoding._scan import (
    FULLWIDTH,
    FULLWIDTH_BIT,
    INVISIBLE,
    INVISIBLE_BIT,
    SPACES,
    SPACES_BIT,
    SUSPECT_BIT,
    kinds,
    runs,
    suspect_body,
)
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit, Severity

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_JOINERS = frozenset("\u200c\u200d")
# Emoji and their modifiers (a ZWJ between two of them builds one glyph: 👨‍👩‍👧).
_EMOJI = re.compile("[\u00a9\u00ae\u203c-\u3299\ufe0f\U0001f000-\U0001faff\U000e0020-\U000e007f]")
# Scripts where ZWJ/ZWNJ shape letters (Arabic, Persian, Indic): not defects there.
_SHAPING = re.compile("[\u0600-\u06ff\u0900-\u0dff]")
_NAMES = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)",
    "\u00ad": "SOFT HYPHEN",
}


def _legit_joiner(text: str, start: int, end: int) -> bool:
    if not set(text[start:end]) <= _JOINERS:
        return False
    before, after = text[start - 1 : start], text[end : end + 1]
    if text[start:end] == "\u200d" and _EMOJI.match(before) and _EMOJI.match(after):
        return True
    return bool(_SHAPING.match(before) or _SHAPING.match(after))


@check(
    code="E104",
    name="invisible-character",
    severity="warning",
    fix="always",
    examples=[
        Bad("苏州打破技能人才\u200b评价壁垒", fixed="苏州打破技能人才评价壁垒"),
        Bad("链主企业\u00ad发证书", fixed="链主企业发证书"),
        Bad("用户名\u202e3pm.exe", fixed="用户名3pm.exe", unsafe=True, why="bidi override"),
        Good("一家人👨\u200d👩\u200d👧合影", why="ZWJ inside an emoji sequence"),
        Good("\ufeff本报讯", why="a leading BOM is E102"),
    ],
)
def invisible_character(doc: Document) -> Iterator[Hit]:
    """Zero-width characters, soft hyphens, mid-text BOMs and bidi controls.

    ## Why is this bad?
    They are invisible in editors but split words for search, tokenisers and exact
    matching; bidi controls (U+202A–U+202E, U+2066–U+2069) can reorder what a reader
    sees (Trojan Source) and are errors.

    ## Fix safety
    Removing zero-width characters and soft hyphens is safe; removing bidi controls
    is unsafe because right-to-left text may need them.
    """
    text = doc.text
    if not kinds(text) & INVISIBLE_BIT:
        return
    for m in runs(INVISIBLE, text):
        start, end = m.span()
        if start == 0 and text[0] == "\ufeff":
            start += 1
            if start == end:
                continue
        if _legit_joiner(text, start, end):
            continue
        chars = dict.fromkeys(text[start:end])
        bidi = any(c in _BIDI for c in chars)
        names = ", ".join(f"U+{ord(c):04X} {_NAMES.get(c) or unicodedata.name(c, '')}".strip() for c in chars)
        yield Hit(
            start=start,
            end=end,
            message=f"invisible {names}",
            severity=Severity.error if bidi else None,
            fix=Fix(
                replacement="",
                applicability="unsafe" if bidi else "safe",
                title="remove the invisible characters",
            ),
        )


_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF5B)}


@check(
    code="E110",
    name="fullwidth-alphanumeric",
    severity="warning",
    fix="always",
    examples=[
        Bad("中广网唐山６月１２日消息", fixed="中广网唐山6月12日消息"),
        Bad("居民消费价格指数（ＣＰＩ）同比上涨", fixed="居民消费价格指数（CPI）同比上涨"),
        Good("中广网唐山6月12日消息，CPI同比上涨。", why="half-width letters and digits"),
    ],
)
def fullwidth_alphanumeric(doc: Document) -> Iterator[Hit]:
    """Full-width Latin letters and digits (`Ａ-Ｚ ａ-ｚ ０-９`).

    ## Why is this bad?
    GB/T 15835-2011 writes Arabic numerals and Latin letters half-width; full-width
    forms break number parsing, search and deduplication (`１２` ≠ `12`).

    ## References
    GB/T 15835-2011, 4.1 (Arabic numerals); GB/T 15834-2011 for punctuation widths.
    """
    if not kinds(doc.text) & FULLWIDTH_BIT:
        return
    for m in runs(FULLWIDTH, doc.text):
        run = m.group()
        yield Hit(
            start=m.start(),
            end=m.end(),
            message=f"full-width alphanumerics {run!r}",
            fix=Fix(replacement=run.translate(_HALF), title="use half-width letters and digits"),
        )


@cache
def _suspect() -> re.Pattern[str]:
    """BMP private use, unassigned and noncharacters, and every astral character (looked up one by one)."""
    return re.compile(f"[{suspect_body()}]")


_NONCHAR = re.compile("[\ufdd0-\ufdef\ufffe\uffff]")


def _unusable(ch: str) -> str | None:
    cp = ord(ch)
    if _NONCHAR.match(ch) or (cp & 0xFFFE) == 0xFFFE:
        return "noncharacter"
    cat = unicodedata.category(ch)
    if cat == "Co":
        return "private-use character"
    if cat == "Cn":
        return "unassigned code point"
    return None


@check(
    code="E111",
    name="private-use-or-unassigned",
    severity="warning",
    examples=[
        Bad("公安部治安局\ue40c局长刘绍武介绍", why="a private-use character from a GBK user-defined row"),
        Bad("第\ufdd0条"),
        Good("公安部治安局局长刘绍武介绍，𠀋字属扩展B区。", why="Ext-B hanzi are assigned"),
    ],
)
def private_use_or_unassigned(doc: Document) -> Iterator[Hit]:
    """Private-use, unassigned or noncharacter code points.

    ## Why is this bad?
    They have no agreed meaning: private-use characters come from vendor fonts or
    user-defined rows of legacy code pages (GBK 0xAAA1–0xAFFE, 0xF8A1–0xFEFE), and
    show as boxes elsewhere; unassigned code points and noncharacters are damage.

    ## Known limits
    "Unassigned" follows the Unicode version of the running Python.
    """
    text = doc.text
    if not kinds(text) & SUSPECT_BIT:
        return
    for m in _suspect().finditer(text):
        kind = _unusable(m.group())
        if kind is None:
            continue
        yield Hit(start=m.start(), end=m.end(), message=f"{kind} U+{ord(m.group()):04X}")


_SPACE_NAMES = {"\u00a0": "NO-BREAK SPACE", "\u3000": "IDEOGRAPHIC SPACE"}


@check(
    code="E112",
    name="nonstandard-whitespace",
    severity="info",
    examples=[
        Bad("公安机关销毁非法枪支\u3000跨国武器走私渐起"),
        Bad("记者汤一亮\u00a0庄胜春"),
        Good(
            "\u3000\u3000本报讯 近日，会议召开。\n\u3000\u3000第二段。",
            why="two U+3000 as a paragraph indent",
        ),
    ],
)
def nonstandard_whitespace(doc: Document) -> Iterator[Hit]:
    """No-break, ideographic and other Unicode spaces inside running text.

    ## Why is this bad?
    They look like spaces but are not matched by tools that split on ASCII space,
    and often mark a layout (indent, table column) flattened into the text.

    ## Known limits
    Indents at the start of a line and trailing spaces at its end are ignored.
    """
    text = doc.text
    if not kinds(text) & SPACES_BIT:
        return
    for m in runs(SPACES, text):
        start, end = m.span()
        if start == 0 or text[start - 1] == "\n" or end == len(text) or text[end] in "\r\n":
            continue
        chars = dict.fromkeys(m.group())
        names = ", ".join(f"U+{ord(c):04X} {_SPACE_NAMES.get(c) or unicodedata.name(c, '')}" for c in chars)
        yield Hit(start=start, end=end, message=f"nonstandard space {names} in running text")
