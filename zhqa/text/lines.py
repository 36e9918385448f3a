"""Line classes shared by punctuation (P207 exclusions) and the page parser (structure).

One implementation: the structure family refines it; others only call
:func:`line_kind` / :func:`is_furniture`. Works on NFKC-damaged text too
(ASCII ``, ( ) ! ?`` in place of the full-width marks).
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple


class LineKind(StrEnum):
    byline = "byline"  # 本报记者 甘哲 摄 / 本报通讯员 计海新 摄 / 本报记者 康功
    caption = "caption"  # 图为… (photo caption, often ending with a credit)
    headline = "headline"  # short line without sentence-final punctuation: kicker, title, subtitle
    boilerplate = "boilerplate"  # site furniture: 扫一扫, 分享到, 【字体：大 中 小】
    meta = "meta"  # (完), 责任编辑：…, 来源：… (metadata when at the end)
    body = "body"


_H = "\u4e00-\u9fff\u3400-\u4dbf"
_NAME = rf"[{_H}A-Za-z]{{1,12}}(?:[·•・][{_H}A-Za-z]{{1,12}})+|[{_H}]{{2,4}}"
_ORG = r"(?:本报|新华社|人民日报|中新社|中新网|央视|工人日报)?"
ROLE = rf"(?:{_ORG}(?:特约|见习|实习)?(?:摄影记者|记者|通讯员|实习生|摄影|编辑|特约撰稿人)|(?:文|图|文图|摄影)\s*/)"
_ROLE_RE = re.compile(ROLE)
_NAME_RE = re.compile(_NAME)
_NAME_SEP = re.compile(r"[\s、]+")
_PART = re.compile(rf"\s*({ROLE})\s*[:：]?\s*((?:(?!{ROLE})(?:{_NAME})[\s、]*)+)")
_TAIL = re.compile(r"\s*(摄|报道|文/图|图/文|供图|整理)?\s*$")
_BYLIKE = re.compile(
    r"^(?:(?:本报|新华社|人民日报|中新社|工人日报)(?:特约|见习|实习)?(?:摄影记者|记者|通讯员|实习生)"
    r"|(?:特约|见习|实习)?(?:摄影记者|记者|通讯员|实习生)(?=[\s:：]|$)|本报讯|文\s*/|图\s*/)"
)
_DATELINE = re.compile(
    rf"^(?:本报讯|本报[{_H}]{{1,6}}\d{{1,2}}月\d{{1,2}}日电|(?:新华社|中新社|中新网)[{_H}]{{0,8}}\d{{1,2}}月\d{{1,2}}日电)"
    r"\s*(?:[(（]([^()（）\n]{0,40})[)）])?"
)
_DATELINE_HEADS = ("本报", "新华社", "中新社", "中新网")
_CREDIT = re.compile(
    rf"(?:^|\s)((?:{ROLE})\s*[^\s。！？!?]{{0,12}}(?:\s+[^\s。！？!?]{{1,12}}){{0,4}}\s*摄)$"
)
_BOILER = re.compile(r"扫一扫|分享到|打印本页|关闭窗口|版权所有|【字体[:：]|^\s*(?:上一篇|下一篇)[:：]")
_META = re.compile(
    r"^(?:[(（]完[)）]|(?:责任编辑|编辑|校对|审核|来源|作者)\s*[:：].{0,40}|[(（](?:责任编辑|编辑)[:：].{0,30}[)）])$"
)
FINAL = "。！？!?…"
CLOSERS = "”’」』）)》〉】〕\"'“‘"
OPENERS = "“‘「『（(《〈【〔"
PAUSES = "，,、；;：:—-"


class Credit(NamedTuple):
    role: str
    names: tuple[str, ...]


def parse_byline(line: str) -> list[Credit] | None:
    """Roles and names of a byline (``本报记者 赖志凯``, ``记者吴锋忠 通讯员余思民``), or None."""
    credits = _parse_byline(line)
    return None if credits is None else list(credits)


@lru_cache(maxsize=1024)
def _parse_byline(line: str) -> tuple[Credit, ...] | None:
    """:func:`parse_byline`, cached: the page parser asks it of a byline line twice (its kind,
    then its credits), and a corpus repeats its reporters' bylines."""
    s = line.strip()
    lead = _DATELINE.match(s)
    if lead:
        inner = lead.group(1)
        if inner is None or lead.end() != len(s):
            return None
        s = inner.strip()
    s = _TAIL.sub("", s)
    out: list[Credit] = []
    pos = 0
    while pos < len(s):
        m = _PART.match(s, pos)
        if not m or m.end() == pos:
            return None
        names = tuple(n for n in _NAME_SEP.split(m.group(2)) if n)
        if not names or not all(_NAME_RE.fullmatch(n) for n in names):
            return None
        out.append(Credit(m.group(1), names))
        pos = m.end()
    return tuple(out) or None


def dateline(line: str) -> int:
    """Length of a dateline lead (``本报讯(记者邢生祥)``) at the start of ``line``, else 0."""
    if not line.startswith(_DATELINE_HEADS):
        return 0  # every dateline starts with one of them (cheap test before the regex)
    m = _DATELINE.match(line)
    return m.end() if m and m.end() < len(line.rstrip()) else 0


def credit_start(line: str) -> int:
    """Where a trailing photo credit (``本报记者 甘哲 摄``) starts in ``line``, else -1."""
    s = line.rstrip()
    if not s.endswith("摄"):
        return -1  # the credit pattern ends with 摄 (cheap test before the regex)
    m = _CREDIT.search(s)
    return m.start(1) if m else -1


def is_byline(line: str) -> bool:
    """A byline that parses into roles and names."""
    s = line.strip()
    return len(s) <= 60 and parse_byline(s) is not None and not _DATELINE.match(s)


def is_byline_like(line: str) -> bool:
    """A short line that looks like a byline (role word, ``摄``), whether or not it parses."""
    s = line.strip()
    if not s or len(s) > 40 or s[-1] in FINAL or dateline(s):
        return False
    if is_byline(s) or _BYLIKE.match(s):
        return True
    return s.endswith("摄") and (credit_start(s) == 0 or len(s) <= 12)


def is_caption(line: str) -> bool:
    s = line.strip()
    if len(s) > 300:
        return False
    return s.startswith(("图为", "上图", "下图", "左图", "右图", "图：", "图:")) or credit_start(s) > 0


def ends_sentence(text: str) -> bool | None:
    """True if ``text`` ends a sentence, False if it stops mid-sentence, None when unclear.

    A trailing pause mark, an opening bracket or a bare character (hanzi, letter,
    digit) is unfinished; a final mark, even followed by closing quotes or
    brackets, finishes it; a closing quote after no final mark is unclear.
    """
    s = text.rstrip()
    if not s:
        return None
    if s[-1] in OPENERS and s[-1] not in "“‘":
        return False
    core = s.rstrip(CLOSERS)
    if not core:
        return None
    last = core[-1]
    if last in FINAL or core.endswith(("……", "...", "。。。", "···")):
        return True
    if last == "." and len(core) > 1 and not core[-2].isascii():
        return True  # ASCII full stop after hanzi (P201 reports the mark itself)
    if core != s:
        return None
    return False


def _balanced(s: str) -> bool:
    quotes = s.count("“") == s.count("”") or (s.count("“") + s.count("”") + s.count('"')) % 2 == 0
    return quotes and s.count("（") + s.count("(") == s.count("）") + s.count(")")


def is_headline(line: str) -> bool:
    """Short, no sentence-final mark at the end: a kicker, headline or subtitle."""
    s = line.strip()
    if "。" in s or not (0 < len(s) <= 48) or dateline(s) or not _balanced(s):
        return False
    core = s.rstrip("”’」』）)》\"'")
    if not core or core[-1] in PAUSES or core[-1] in "。." or s[-1] in OPENERS:
        return False
    return core[-1] not in "！？!?"  # a question or exclamation on its own line is body text


def line_kind(line: str) -> LineKind:
    s = line.strip()
    if _META.match(s):
        return LineKind.meta
    if len(s) <= 60 and _BOILER.search(s):
        return LineKind.boilerplate
    if is_byline_like(s):
        return LineKind.byline
    if is_caption(s):
        return LineKind.caption
    if is_headline(s):
        return LineKind.headline
    return LineKind.body


def is_furniture(line: str) -> bool:
    """Bylines, captions, headlines, site furniture: lines whose spaces separate parts on purpose."""
    return line_kind(line) is not LineKind.body
