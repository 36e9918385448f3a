"""P207 space-in-cjk and P208 fullwidth-punctuation-in-latin."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from zhqa.checks.punctuation._context import hit, mark_events
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit
from zhqa.text.chars import CJK_CTX, HANZI_CHAR, left_char
from zhqa.text.lines import credit_start, dateline, is_furniture

_AFTER_MARK = "，。、；：！？）》」』】”’"  # no space after these
_BEFORE_MARK = "，。、；：！？（《「『【“‘"  # nor before these
_RARE_SPACES = "\t\u00a0\u3000"


def _space_run(sp: str) -> re.Pattern[str]:
    """Spaces between two CJK characters, after a closing/pause mark, or before a mark.

    The leading space lets the engine skip text fast; the lookarounds do the rest in C.
    """
    return re.compile(
        rf"{sp}(?:(?<=[{CJK_CTX}]{sp}){sp}*(?=[{CJK_CTX}])|(?<=[{_AFTER_MARK}]{sp}){sp}*(?=\S)"
        rf"|{sp}*(?=[{_BEFORE_MARK}]))"
    )


_SPACE_RUN = _space_run(f"[ {_RARE_SPACES}]")
# the same for a text with no tab, no-break or ideographic space: a literal first
# character is searched about three times faster than a class
_ASCII_SPACE_RUN = _space_run(" ")
_IDEOGRAPHIC_SPACE = re.compile("\u3000").search  # faster than `in` for a low byte of 0 (see marks._BOX_RULE)


@lru_cache(maxsize=4096)
def _space_message(before: str, after: str) -> str:
    return f"space between {before!r} and {after!r} in Chinese text"


def _line_facts(line: str) -> tuple[bool, int, int]:
    """Per line, once: is it furniture, where its dateline lead ends, where a trailing credit starts."""
    return is_furniture(line), dateline(line), credit_start(line)


def _in_credit(k: int, lead: int, credit: int) -> bool:
    """A space inside a dateline lead (`本报讯(记者吴锋忠 通讯员余思民)`) or a trailing photo credit."""
    return k < lead or (credit >= 0 and k >= credit - 1)


@check(
    code="P207",
    name="space-in-cjk",
    severity="warning",
    examples=[
        Bad("长期以来，产业链技能 人才评价存在壁垒。", why="OCR split inside a sentence"),
        Bad("近日， 会议在乐都区举办。", why="space after a full-width comma"),
        Good("本报记者 甘哲 摄", why="a byline"),
        Good("瞄准市场需要 加工文创产品", why="a headline using a space as a separator"),
        Good("本报讯(记者吴锋忠 通讯员余思民)“这家餐厅饭菜分量足，价格实惠。”", why="byline in a dateline"),
        Good("他用 Python 写了一个程序。", why="spaces between hanzi and Latin are a style choice"),
    ],
)
def space_in_cjk(doc: Document) -> Iterator[Hit]:
    """Spaces between two CJK characters, or around full-width punctuation, in running text.

    ## Why is this bad?
    Chinese is written without spaces; a space between hanzi splits words for
    tokenisers and search, and is typically an OCR or line-joining artifact.

    ## Known limits
    Byline, caption and headline lines (`zhqa.text.lines`, shared with the page
    parser) use spaces on purpose and are skipped, as are bylines inside a dateline
    bracket. Spaces between hanzi and Latin letters or digits are not reported.
    """
    text = doc.text
    start = end = -1  # the current line (matches come in order: each line is looked at once)
    rare = "\t" in text or "\u00a0" in text or _IDEOGRAPHIC_SPACE(text) is not None  # _RARE_SPACES
    for m in (_SPACE_RUN if rare else _ASCII_SPACE_RUN).finditer(text):
        i, j = m.start(), m.end()
        if i == 0 or text[i - 1] == "\n":
            continue  # indentation
        before, after = text[i - 1], text[j]
        if i > end:
            start = text.rfind("\n", max(end, 0), i) + 1
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            skip, lead, credit = _line_facts(text[start:end])
        if skip or _in_credit(i - start, lead, credit):
            continue
        yield hit(i, j, _space_message(before, after))


_MARK_THEN_LATIN = re.compile(r"[，。；：！？、] *[A-Za-z]")
_LATIN_BEFORE = re.compile(r"[A-Za-z][\w'’\-]*(?:[ ,]+[A-Za-z0-9][\w'’\-]*){2,} *$", re.ASCII)
_CLAUSE_END = re.compile(r"[，。；：！？、\n]")
_RUN_END = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'’- "
)  # _LATIN_BEFORE's last


@check(
    code="P208",
    name="fullwidth-punctuation-in-latin",
    severity="info",
    examples=[
        Bad("The report was published today，and the ministry responded。", why="English clause"),
        Good("我们采访了 John Smith，他说这很重要。", why="an English name inside a Chinese sentence"),
    ],
)
def fullwidth_punctuation_in_latin(doc: Document) -> Iterator[Hit]:
    """Full-width punctuation inside a Latin run of three or more words with no hanzi in the clause.

    ## Why is this bad?
    English text takes ASCII punctuation; full-width marks inside it usually come
    from a Chinese input method left on, or from a blanket ASCII-to-full-width pass.

    ## Known limits
    Only marks followed by more Latin text are reported; a Chinese mark closing
    an English quotation inside a Chinese sentence is correct.
    """
    text = doc.text
    for i in mark_events(text)[1]:  # pause marks before a letter or a space, among others
        if text[i - 1 : i] not in _RUN_END or not _MARK_THEN_LATIN.match(text, i):
            continue  # the mark follows a hanzi or a mark: no Latin run ends here
        run = _LATIN_BEFORE.search(text, max(0, i - 160), i)
        if run is None or HANZI_CHAR.match(left_char(text, run.start()) or " "):
            continue
        stop = _CLAUSE_END.search(text, i + 1)
        if HANZI_CHAR.search(text, i + 1, stop.start() if stop else len(text)):
            continue
        yield hit(i, i + 1, f"full-width {text[i]!r} inside English text")
