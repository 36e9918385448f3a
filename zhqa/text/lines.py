"""Line classes shared by punctuation (P207 exclusions) and the page parser (structure).

One implementation: the structure family refines it; others only call
:func:`line_kind` / :func:`is_furniture`.
"""

from __future__ import annotations

import re
from enum import StrEnum


class LineKind(StrEnum):
    byline = "byline"  # 本报记者 甘哲 摄 / 本报讯(记者邢生祥) lead / 本报通讯员 计海新 摄
    caption = "caption"  # 图为… (photo caption, usually ending with a credit)
    headline = "headline"  # short line without sentence-final punctuation
    body = "body"


_ROLE = r"(?:本报|新华社|人民日报)?(?:特约)?(?:记者|通讯员|摄影记者|实习生|见习记者|编辑|供图)"
_BYLINE = re.compile(
    rf"^(?:{_ROLE}\s*[\u4e00-\u9fff·]{{2,5}}(?:\s+[\u4e00-\u9fff·]{{2,5}})*\s*)+(?:摄|报道|文/图|供图)?$"
)
_DATELINE = re.compile(r"^(?:本报讯|新华社[\u4e00-\u9fff]{1,6}\d{1,2}月\d{1,2}日电)[(（]")
_CREDIT = re.compile(rf"{_ROLE}\s*[\u4e00-\u9fff·]{{2,5}}(?:\s+[\u4e00-\u9fff·]{{2,5}})*\s*摄$")
_FINAL = "。！？!?…”’」』）)"


def is_byline(line: str) -> bool:
    s = line.strip()
    return bool(_BYLINE.match(s)) or (
        len(s) <= 40 and bool(_CREDIT.search(s)) and s.startswith(("本报", "记者", "通讯员"))
    )


def is_caption(line: str) -> bool:
    s = line.strip()
    return s.startswith("图为") or bool(_CREDIT.search(s))


def is_headline(line: str) -> bool:
    """Short, no sentence-final mark at the end: a kicker, headline or subtitle."""
    s = line.strip()
    return 0 < len(s) <= 40 and s[-1] not in _FINAL and not _DATELINE.match(s)


def line_kind(line: str) -> LineKind:
    if is_byline(line):
        return LineKind.byline
    if is_caption(line):
        return LineKind.caption
    if is_headline(line):
        return LineKind.headline
    return LineKind.body


def is_furniture(line: str) -> bool:
    """Bylines, captions and headlines: lines whose spaces separate parts on purpose."""
    return line_kind(line) is not LineKind.body
