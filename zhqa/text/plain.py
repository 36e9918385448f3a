"""Plain texts: every line a body line that ends a sentence, so there is no page structure to parse.

The page parser would make such a text one untitled article of its lines, with no
paragraph broken mid-sentence, no truncated end and no orphan continuation; the
structure checks use this to skip the parse (most records are plain prose).
"""

from __future__ import annotations

import re

from zhqa.text.lines import LineKind, dateline, ends_sentence, line_kind
from zhqa.text.page_units import DASHES, wide_headline

# a line that starts with one of these may be a caption, a dateline lead, end metadata or
# a dash subtitle's neighbour: such lines take the exact test
HEADS = (
    *("图为", "上图", "下图", "左图", "右图", "图：", "图:", "本报", "新华社", "中新社", "中新网"),
    *("责任编辑", "编辑", "校对", "审核", "来源", "作者", "(", "（", "—", "-", "－"),
)
# a line ending with a closing quote or bracket may look like a byline when it starts with a role
_ROLES = r"|人民日报|工人日报|特约|见习|实习|摄影记者|记者|通讯员|实习生|文\s*/|图\s*/"
_START = (
    "(?:"
    + "|".join(map(re.escape, HEADS))
    + _ROLES
    + r"|[^\S\n]|\ufeff|[，,、。；;：:）)」』》〉】！!？?]|们)"
)
_FIRST = re.compile(_START)
# a plain line ends with a final mark and at most two of these closers (with none of them
# is_headline takes such a line for a headline, nor is_byline_like unless it starts with a role)
_FINAL, _CLOSE = "。！？!?", "”’」』）)》\"'"
_F, _Q = re.escape(_FINAL), re.escape(_CLOSE)
# a newline after anything but a final mark (and up to two closers) or another newline, or one
# before a line that starts badly
_LATER = re.compile(
    rf"\n(?:(?<=[^{_F}{_Q}\n]\n)|(?<=[{_Q}]\n)(?<![{_F}{_Q}][{_Q}]\n)|(?<=[{_Q}]{{2}}\n)(?<![{_F}{_Q}][{_Q}]{{2}}\n)"
    rf"|(?<=[{_Q}]{{3}}\n)|{_START[3:]}"
)
_BOILER_WORDS = re.compile("扫一扫|分享到|打印本页|关闭窗口|版权所有|【字体|上一篇|下一篇")


def _boiler(text: str) -> bool:
    """``_BOILER_WORDS.search(text)``, as ``in`` tests: one character of each word first (a
    one-character ``in`` is several times faster than the regex; these are rare in prose)."""
    return (
        ("扫" in text and "扫一扫" in text)
        or ("享" in text and "分享到" in text)
        or ("页" in text and "打印本页" in text)
        or ("窗" in text and "关闭窗口" in text)
        or ("版" in text and "版权所有" in text)
        or ("【" in text and "【字体" in text)
        or ("篇" in text and ("上一篇" in text or "下一篇" in text))
    )


def _ends(line: str) -> bool:
    """``line`` ends with a final mark and at most two closers."""
    core = line.rstrip(_CLOSE)
    return core != "" and core[-1] in _FINAL and len(line) - len(core) <= 2


def screened(text: str) -> bool:
    """A few passes over the whole text show it is plain, with no line that starts mid-sentence.

    Every line ends with a final mark (``。！？!?``) and at most two closing quotes or brackets
    (no newline follows anything else but another newline), no line starts with a space, a
    pause mark, one of :data:`HEADS` or a byline role, and no site-furniture word occurs: then
    every line is a body line (:func:`zhqa.text.lines.line_kind`) that ends a sentence.
    False means "look line by line", not "not plain".
    """
    return (
        _ends(text.rstrip("\n")) and not _FIRST.match(text) and not _LATER.search(text) and not _boiler(text)
    )


def plain_line(t: str) -> bool:
    """A body line (trimmed, non-empty) that ends a sentence, with no dateline lead and no dash at its start."""
    if len(t) > 60 and _ends(t) and not t[0].isspace() and not t.startswith(HEADS):
        return True  # longer than any meta, boilerplate, byline or headline line; not a caption
    return (
        ends_sentence(t) is True
        and not t.startswith(DASHES)
        and line_kind(t) is LineKind.body
        and not dateline(t)
    )


def body_line(t: str) -> bool:
    """A body line (finished or not) that the page parser keeps as a body line: no dateline
    lead, no dash at its start (a dash line can make the line before it a headline), not a
    headline wider than 48 characters only because of Latin names."""
    return (
        not t.startswith(DASHES)
        and line_kind(t) is LineKind.body
        and not dateline(t)
        and not wide_headline(t)
    )
