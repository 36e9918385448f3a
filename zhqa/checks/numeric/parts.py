"""N401/N402: a whole stated with its parts (``A个…中…B个…剩余C个``, ``共A人，其中男B人、女C人``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from zhqa.checks.numeric._common import BREAK, TIME_UNITS, Sent, fmt, hit, sentences_with
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit
from zhqa.text.numbers import Num
from zhqa.text.numbers.scan import UNIT

_WHOLE_IN = re.compile(r"[^，,；;。：:、0-9一二三四五六七八九十两]{0,12}?(?<!其)中[，,：:]")
# A whole is followed by ``中，`` or ``，其中``; _NEAR finds both fast (a literal first).
_TRIGGER = re.compile(r"中[，,：:]|[，,：:]\s*其中")
_NEAR = re.compile(r"中(?:[，,：:]|(?<=其中))")
# A whole: a numeral, its unit (with 余/多/左右…), then _WHOLE_IN or _SUBSET; a sentence without
# this cannot hold one, so its numbers are not scanned.
_A_WHOLE = re.compile(
    r"[0-9０-９〇零一二两三四五六七八九十百千万亿](?:余|多|来)?"
    + UNIT
    + r"多?(?:左右|上下|以上|以下|以内|许)?"
    r"(?:[^，,；;。：:、0-9一二三四五六七八九十两]{0,12}?(?<!其)中[，,：:]|[，,：:]\s*其中)"
)
_NOT_WHOLE = re.compile(r"平均|均|每|最|率|约")
_SUBSET = re.compile(r"[，,：:]\s*其中")
_REST = re.compile(r"(?:剩余|其余|余下|剩下|其他|其它)[^，,；;。]{0,8}$")
_PAIRS = (("男", "女"), ("城镇", "农村"), ("境内", "境外"), ("国内", "国外"), ("公办", "民办"))


@dataclass
class Whole:
    whole: Num
    parts: list[Num]
    exhaustive: bool


def _usable(n: Num) -> bool:
    return not (n.percent or n.ordinal or n.unit in TIME_UNITS or not n.unit)


def _clause(s: Sent, n: Num) -> str:
    head = s.text[: n.start - s.start]
    return head[max((m.end() for m in BREAK.finditer(head)), default=0) :]


def _label(s: Sent, n: Num) -> str:
    head = s.text[: n.start - s.start]
    return head[-3:]


def wholes(s: Sent) -> Iterator[Whole]:
    """Each whole of the sentence with its same-unit parts up to ``；`` or a residual part."""
    nums = s.nums
    for i, w in enumerate(nums):
        if not _usable(w):
            continue
        at = w.end - s.start
        rel = _WHOLE_IN.match(s.text, at) or _SUBSET.match(s.text, at)
        if not rel or w.value < 2 or _NOT_WHOLE.search(_clause(s, w)):
            continue
        parts: list[Num] = []
        exhaustive = False
        for p in nums[i + 1 :]:
            if p.start < s.start + rel.end() or _NOT_WHOLE.search(_clause(s, p)):
                continue
            gap = s.between(w.end, p.start)
            if "；" in gap or ";" in gap or (parts and "其中" in s.between(parts[-1].end, p.start)):
                break
            if p.unit != w.unit or not _usable(p):
                continue
            parts.append(p)
            seg = s.text[: p.start - s.start]
            seg = seg[max(m.end() for m in BREAK.finditer(seg)) :] if BREAK.search(seg) else seg
            if _REST.search(seg):
                exhaustive = True
                break
        if len(parts) == 2 and not exhaustive:
            labels = (_label(s, parts[0]), _label(s, parts[1]))
            exhaustive = any(a in labels[0] and b in labels[1] for a, b in _PAIRS)
        if parts:
            yield Whole(w, parts, exhaustive)


def _whole_before(text: str, p: int, end: int) -> bool:
    """True when _A_WHOLE matches right before the ``中`` at ``p`` (a whole may end there)."""
    q = p - 1
    while q > 0 and text[q - 1].isspace():
        q -= 1  # 。。。，  其中: the spaces before 其
    return _A_WHOLE.search(text, max(0, q - 32), end) is not None  # a whole and its unit: < 32 chars


@lru_cache(maxsize=4)
def all_wholes(text: str) -> tuple[Whole, ...]:
    """Wholes of every sentence that has a ``中`` (``A个…中，``, ``，其中``)."""
    if "中" not in text:
        return ()
    at = [m.start() for m in _NEAR.finditer(text) if _whole_before(text, m.start(), m.end())]
    found = sentences_with(text, _NEAR, at=at) if at else []
    return tuple(
        w
        for s in found
        if _TRIGGER.search(s.text) and _A_WHOLE.search(s.text) and len(s.nums) > 1
        for w in wholes(s)
    )


@check(
    code="N401",
    name="part-whole-mismatch",
    severity="error",
    examples=[
        Bad("全地区1687个小区中，已建成骑手友好小区1580个，剩余117个小区均设置了储物点位。"),
        Good("全地区1687个小区中，已建成骑手友好小区1580个，剩余107个小区均设置了储物点位。"),
        Good("共培训青年30人，其中12人实现稳定就业。", why="one part, not exhaustive"),
    ],
)
def part_whole_mismatch(doc: Document) -> Iterator[Hit]:
    """A whole stated with all its parts, and the parts do not add up to it.

    Fires when the parts are exhaustive: the last one is the rest (`剩余`, `其余`,
    `余下`) or the two parts are complementary (`男`/`女`, `城镇`/`农村`).
    Approximate numbers (`余`, `多`, `约`, `超`) and rounding (`1.97万`) widen the
    comparison; only a sum outside every tolerance fires.

    ## Why is this bad?
    At least one of the numbers is wrong, and readers (and models) learn wrong
    arithmetic from it. Editors check these sums by hand.

    ## Known limits
    Parts listed without a residual or complementary label are not assumed exhaustive.
    """
    for w in all_wholes(doc.text):
        if not w.exhaustive or len(w.parts) < 2 or any(p.hi is None for p in w.parts):
            continue
        lo = sum((p.lo for p in w.parts), Decimal(0))
        hi = sum((p.hi or Decimal(0) for p in w.parts), Decimal(0))
        if w.whole.disjoint(lo, hi):
            total = " + ".join(fmt(p) for p in w.parts)
            yield hit(
                doc,
                w.whole.start,
                w.whole.end,
                f"the parts {total} do not add up to the whole {fmt(w.whole)}",
                w.parts,
            )


@check(
    code="N402",
    name="part-exceeds-whole",
    severity="error",
    examples=[
        Bad("目前已培训青年30人，其中42人实现稳定就业。"),
        Good("目前已培训青年30人，其中12人实现稳定就业，月收入超5000元。", why="different units"),
    ],
)
def part_exceeds_whole(doc: Document) -> Iterator[Hit]:
    """A part (`其中B…`, `A个…中…B个`) larger than its whole in the same unit.

    ## Why is this bad?
    A subset cannot be larger than the set it belongs to: one number is wrong.

    ## Known limits
    Only the parts in the clauses right after the whole, in its unit, are compared;
    percentages and rates are never parts.
    """
    for w in all_wholes(doc.text):
        p = w.parts[0]
        if w.whole.hi is not None and p.lo > w.whole.hi:
            yield hit(doc, p.start, p.end, f"the part {fmt(p)} exceeds its whole {fmt(w.whole)}", [w.whole])
