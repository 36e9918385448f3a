"""N401/N402: a whole stated with its parts (``A个…中…B个…剩余C个``, ``共A人，其中男B人、女C人``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from zhqa.checks.numeric._common import BREAK, TIME_UNITS, Sent, Spots, fmt, hit, sentences_with
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
    + f"(?P<u>{UNIT})"
    + r"多?(?:左右|上下|以上|以下|以内|许)?"
    r"(?:[^，,；;。：:、0-9一二三四五六七八九十两]{0,12}?(?<!其)中[，,：:]|[，,：:]\s*其中)"
)
_NOT_WHOLE = re.compile("[均每最率约]")  # 平均, 均, 每, 最, 率, 约 (平均 holds 均)
_SUBSET = re.compile(r"[，,：:]\s*其中")
_SEMI = re.compile(r"[；;]")
_QIZHONG = re.compile("其中")
_MAX_PARTS = 64
_REST = re.compile(r"(?:剩余|其余|余下|剩下|其他|其它)[^，,；;。]{0,8}$")
_PAIRS = (("男", "女"), ("城镇", "农村"), ("境内", "境外"), ("国内", "国外"), ("公办", "民办"))


@dataclass
class Whole:
    whole: Num
    parts: list[Num]
    exhaustive: bool


def _usable(n: Num) -> bool:
    return not (n.percent or n.ordinal or n.unit in TIME_UNITS or not n.unit)


class _Marks:
    """Positions in one sentence, so each number's clause tests cost O(log n), not O(sentence)."""

    def __init__(self, s: Sent) -> None:
        t, o = s.text, s.start
        self.s = s
        self.starts = [n.start for n in s.nums]
        self.breaks = [m.start() + o for m in BREAK.finditer(t)]
        self.semis = [m.start() + o for m in _SEMI.finditer(t)]
        self.qizhong = [m.start() + o for m in _QIZHONG.finditer(t)]
        nw = [m.start() + o for m in _NOT_WHOLE.finditer(t)]
        # not_whole[i]: _NOT_WHOLE in the i-th number's clause; ok_from[i]: first j >= i without
        self.not_whole = [_after(nw, self.clause_start(a)) < a for a in self.starts]
        self.ok_from = [len(self.starts)] * (len(self.starts) + 1)
        for i in range(len(self.starts) - 1, -1, -1):
            self.ok_from[i] = self.ok_from[i + 1] if self.not_whole[i] else i
        self.by_unit: dict[str | None, list[int]] = {}  # usable numbers not skipped, by unit
        for i, n in enumerate(s.nums):
            if not self.not_whole[i] and _usable(n):
                self.by_unit.setdefault(n.unit, []).append(i)

    def clause_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` starts: after the last BREAK before it."""
        k = bisect_left(self.breaks, pos)
        return self.breaks[k - 1] + 1 if k else self.s.start

    def stop(self, pos: int, rel_end: int) -> int:
        """Index of the first number starting at or after ``pos`` (and ``rel_end``) not skipped."""
        return self.ok_from[bisect_left(self.starts, max(pos, rel_end))]

    def rest(self, n: Num) -> bool:
        """_REST ends the clause before ``n`` (a match is at most 10 characters long)."""
        a = max(self.clause_start(n.start), n.start - 12)
        return _REST.search(self.s.between(a, n.start)) is not None


def _after(pos: list[int], a: int) -> int:
    """The first position >= ``a`` in sorted ``pos``, or a large number."""
    k = bisect_left(pos, a)
    return pos[k] if k < len(pos) else 1 << 62


def _label(s: Sent, n: Num) -> str:
    return s.between(max(s.start, n.start - 3), n.start)


def wholes(s: Sent) -> Iterator[Whole]:
    """Each whole of the sentence with its same-unit parts up to ``；`` or a residual part.

    A part is a later number of the whole's unit; the parts stop before the first number
    (not in a clause with _NOT_WHOLE) past a ``；`` or past a ``其中`` after the last part.
    At most _MAX_PARTS parts are kept: a whole with more is not read as exhaustive.
    """
    nums = s.nums
    mk = _Marks(s) if len(nums) > 1 else None
    for i, w in enumerate(nums):
        if mk is None or not _usable(w):
            continue
        rel = _WHOLE_IN.match(s.text, w.end - s.start) or _SUBSET.match(s.text, w.end - s.start)
        if not rel or w.value < 2 or mk.not_whole[i]:
            continue
        rel_end = s.start + rel.end()
        semi_stop = mk.stop(_after(mk.semis, w.end) + 1, rel_end)
        stop = semi_stop
        parts: list[Num] = []
        exhaustive = False
        cands = mk.by_unit.get(w.unit, [])
        k = bisect_left(cands, max(i + 1, bisect_left(mk.starts, rel_end)))
        while k < len(cands) and cands[k] < stop:
            p = nums[cands[k]]
            k += 1
            if len(parts) == _MAX_PARTS:
                break
            parts.append(p)
            if mk.rest(p):
                exhaustive = True
                break
            stop = min(semi_stop, mk.stop(_after(mk.qizhong, p.end) + 2, rel_end))
        if len(parts) == 2 and not exhaustive:
            labels = (_label(s, parts[0]), _label(s, parts[1]))
            exhaustive = any(a in labels[0] and b in labels[1] for a, b in _PAIRS)
        if parts:
            yield Whole(w, parts, exhaustive)


_FINALS = "[。！？!?…]"  # a sentence ends at the first of these after any of its characters


def _whole_before(text: str, p: int, end: int) -> re.Match[str] | None:
    """The first _A_WHOLE match right before the ``中`` at ``p`` (a whole may end there), or None."""
    q = p - 1
    while q > 0 and text[q - 1].isspace():
        q -= 1  # 。。。，  其中: the spaces before 其
    return _A_WHOLE.search(text, max(0, q - 32), end)  # a whole and its unit: < 32 chars


def _part_after(sp: Spots, m: re.Match[str] | None, end: int) -> bool:
    """True when the unit of ``m`` or of a later _A_WHOLE match before ``end`` comes again after
    ``end`` in its sentence (a part has its whole's unit; the sentence ends before the next final
    mark or line end)."""
    text = sp.text
    stop = min(sp.first(_FINALS, end, len(text)), sp.first("\n", end, len(text)))
    while m is not None:
        unit = m.group("u")
        if sp.first(unit, end, stop, len(unit)) < stop:
            return True
        m = _A_WHOLE.search(text, m.start() + 1, end)
    return False


@lru_cache(maxsize=4)
def all_wholes(text: str) -> tuple[Whole, ...]:
    """Wholes of every sentence that has a ``中`` (``A个…中，``, ``，其中``) with a part after it."""
    if "中" not in text:
        return ()
    at = []
    sp: Spots | None = None
    for near in _NEAR.finditer(text):
        m = _whole_before(text, near.start(), near.end())
        if m is not None:
            sp = sp or Spots(text)
            if _part_after(sp, m, near.end()):
                at.append(near.start())
    if not at:
        return ()
    return tuple(
        w
        for s in sentences_with(text, _NEAR, at=at)
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
    A whole is read with its first 64 parts at most; one with more is not taken as exhaustive.
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
