"""House style of this corpus: every photo caption ends with its credit (X902)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from zhqa.checks import Bad, Good, check
from zhqa.schemas import Document, Hit

_NAMES = r"[\u4e00-\u9fff·]{2,5}(?:[ \u3000]+[\u4e00-\u9fff·]{2,5})*"
# 本报记者 甘哲 摄 · 新华社记者 李贺 摄 · (新华社发) · 资料图片 · 受访者供图 · 某某 摄
_CREDIT = re.compile(
    rf"(?:{_NAMES}[ \u3000]*摄|[(（][^()（）]{{2,20}}(?:发|供图|摄)[)）]|资料图片|供图)[。.]?$"
)
# a credit leading the rest of the line: 张东清摄 / 亚心网记者　李铁军　摄 / （新华社发）
_LEAD_CREDIT = re.compile(
    r"^(?:[^。！？，,；;]{1,24}摄(?![\u4e00-\u9fff])|[(（][^()（）]{2,20}(?:发|供图)[)）])"
)
_CAPTION = re.compile(r"^(?:图为|图[一二三四五六七八九十\d]+[:：]?为?|上图|下图|左图|右图)")


@check(
    code="X902",
    name="photo-credit-missing",
    severity="error",
    family="structure",
    examples=[
        Bad(
            "鲜花快递换新装\n\n图为快递员正在用定制的纸盒打包鲜花。\n\n本报讯 会议昨日召开。", why="no credit"
        ),
        Good("图为快递员正在打包鲜花。 本报记者 甘哲 摄", why="credit at the end of the caption"),
        Good("图为工人在产线上加工文创产品。\n\n本报通讯员 计海新 摄", why="credit on its own line"),
        Good("图为会议现场。(新华社发)", why="agency credit"),
        Bad("图为消防官兵稀释泄漏的液体。记者从现场获悉,险情已排除。", why="body text follows, no credit"),
        Good(
            "图为消防官兵稀释泄漏的液体。张东清摄 记者从现场获悉,险情已排除。", why="credit, then the story"
        ),
    ],
)
def photo_credit_missing(doc: Document) -> Iterator[Hit]:
    """A photo caption (图为…) has no credit, neither at its end nor on the next line.

    ## Why is this bad?
    A photo item without its credit is incomplete: the credit line was lost in
    extraction, or the caption was cut. Reusing the photo without a credit is
    also a rights problem.
    """
    lines = doc.text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for i, line in enumerate(lines):
        s = line.strip()
        if not _CAPTION.match(s) or _CREDIT.search(s):
            continue
        end = s.find("。") + 1 or len(s)  # the caption is the first sentence of the line
        rest = s[end:].strip()
        if rest and (_CREDIT.fullmatch(rest) or _LEAD_CREDIT.match(rest)):
            continue
        nxt = next((x.strip() for x in lines[i + 1 :] if x.strip()), "")
        if not rest and (_CREDIT.fullmatch(nxt) or (nxt and _CREDIT.search(nxt) and len(nxt) <= 30)):
            continue
        lead = len(line) - len(line.lstrip())
        yield Hit(
            start=starts[i] + lead,
            end=starts[i] + lead + end,
            message="photo caption without a credit (… 本报记者 某某 摄)",
        )
