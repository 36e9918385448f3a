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
_START = "(?:" + "|".join(map(re.escape, HEADS)) + r"|[^\S\n]|\ufeff|[，,、。；;：:）)」』》〉】！!？?]|们)"
_FIRST = re.compile(_START)
# a newline after anything but 。 or another newline, or one before a line that starts badly
_LATER = re.compile(r"\n(?:(?<=[^。\n]\n)|" + _START[3:])
_BOILER_WORDS = re.compile("扫一扫|分享到|打印本页|关闭窗口|版权所有|【字体|上一篇|下一篇")


def screened(text: str) -> bool:
    """A few passes over the whole text show it is plain, with no line that starts mid-sentence.

    Every line ends with ``。`` (no newline follows anything else but another newline), no line
    starts with a space, a pause mark or one of :data:`HEADS`, and no site-furniture word
    occurs: then every line is a body line (:func:`zhqa.text.lines.line_kind`) that ends
    a sentence. False means "look line by line", not "not plain".
    """
    return (
        text.rstrip("\n").endswith("。")
        and not _FIRST.match(text)
        and not _LATER.search(text)
        and not _BOILER_WORDS.search(text)
    )


def plain_line(t: str) -> bool:
    """A body line (trimmed, non-empty) that ends a sentence, with no dateline lead and no dash at its start."""
    if t[-1] == "。" and len(t) > 60 and not t[0].isspace() and not t.startswith(HEADS):
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
