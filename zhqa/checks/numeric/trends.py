"""N407: a stated trend (`由A增至B`, `增长X%`) that its own numbers contradict."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from decimal import Decimal

from zhqa.checks.numeric._common import TIME_UNITS, Sent, fmt, hit, sentences_with
from zhqa.checks.numeric._triggers import verb_marks
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit
from zhqa.text.numbers import Num

_UP = "增至|增加到|增加至|增长到|增长至|提高到|提高至|上升到|上升至|提升到|提升至|扩大到|扩大至|升至|涨至|涨到|增到"
_DOWN = "降至|降到|降低到|降低至|减少到|减少至|下降到|下降至|减至|缩小到|缩小至|回落到|回落至|下滑至|跌至|跌到|缩减至|缩减到"
VERB = re.compile(rf"(?P<up>{_UP})|(?P<down>{_DOWN})")
# Every verb ends with 至 or 到: these find them fast (a literal first).
_NEAR = (
    re.compile(r"至(?<=[增加长高升大涨降低少减小落滑跌]至)"),
    re.compile(r"到(?<=[增加长高升大涨降低少减小落滑跌]到)"),
)
_BREAKS = re.compile(r"[，,；;。]")
_LEAD = re.compile(r"[，,]?\s*")
_RISE = ("增长", "增加", "提高", "上升", "提升")
STATED = re.compile(
    r"^[，,]?\s*(?:同比|比上年|年均)?(?P<v>增长|增加|提高|上升|提升|下降|降低|减少|回落)了?(?:约)?$"
)


def _compatible(a: Num, b: Num) -> bool:
    if a.unit in TIME_UNITS or b.unit in TIME_UNITS or a.ordinal or b.ordinal:
        return False
    return a.unit == b.unit or not a.unit


class _Index:
    """One sentence's number starts, clause breaks and comparable numbers, for bisects."""

    def __init__(self, s: Sent) -> None:
        self.s, self.nums = s, s.nums
        self.starts = [n.start for n in self.nums]
        self.breaks = [m.start() + s.start for m in _BREAKS.finditer(s.text)]
        self.any: list[int] = []  # numbers that may be an endpoint (not a time, not an ordinal)
        self.by_unit: dict[str, list[int]] = {}
        for i, n in enumerate(self.nums):
            if n.unit not in TIME_UNITS and not n.ordinal:
                self.any.append(i)
                self.by_unit.setdefault(n.unit, []).append(i)

    def first(self, idx: list[int], lo: int, hi: int) -> Num | None:
        """The first number of ``idx`` starting in ``[lo, hi]``."""
        j = bisect_left(idx, bisect_left(self.starts, lo))
        return self.nums[idx[j]] if j < len(idx) and self.starts[idx[j]] <= hi else None


def trends(s: Sent, ix: _Index) -> Iterator[tuple[Num, Num, bool, re.Match[str]]]:
    """``(A, B, up, verb)`` for each ``由/从 A … 增至/降至 B`` in the sentence.

    A is the last number between 由/从 (at most 24 characters before the verb) and the verb;
    B the first number after the verb, in its clause, comparable with A.
    """
    for v in VERB.finditer(s.text):
        vs, ve = s.start + v.start(), s.start + v.end()
        lo = max(0, v.start() - 24)
        k = max(s.text.rfind("由", lo, v.start()), s.text.rfind("从", lo, v.start()))
        if k < 0 or any(c in s.text[k : v.start()] for c in "，,；;。"):
            continue
        before = [
            n
            for n in ix.nums[bisect_right(ix.starts, s.start + k) : bisect_left(ix.starts, vs)]
            if n.end <= vs
        ]
        q = ix.breaks[i] if (i := bisect_left(ix.breaks, ve)) < len(ix.breaks) else len(s.text) + s.start
        i = bisect_left(ix.starts, ve)
        if not before or i == len(ix.starts) or ix.starts[i] > q:  # no number after the verb in its clause
            continue
        a = before[-1]
        b = None
        if a.unit not in TIME_UNITS and not a.ordinal:
            b = ix.first(ix.by_unit.get(a.unit, []) if a.unit else ix.any, ve, q)
        if b is not None and _compatible(a, b) and a.percent == b.percent:
            yield a, b, v.group("up") is not None, v


def _stated(s: Sent, ix: _Index, b: Num) -> Num | None:
    """The first percentage right after ``b`` with STATED between them (at most 7 characters
    after ``b``'s comma and spaces: only those numbers can be it)."""
    far = s.start + _LEAD.match(s.text, b.end - s.start).end() + 7  # type: ignore[union-attr]
    for j in range(bisect_right(ix.starts, b.end), len(ix.nums)):
        n = ix.nums[j]
        if n.start > far:
            break
        if n.percent and STATED.match(s.between(b.end, n.start)):
            return n
    return None


@check(
    code="N407",
    name="trend-contradiction",
    severity="error",
    examples=[
        Bad("带动玉米种植户由70余户增至20余户。"),
        Bad("人均收入由8000元增至12000元，增长20%。"),
        Good("带动玉米种植户由20余户增至70余户，人均收入由8000元增至1万元，增长25%。"),
    ],
)
def trend_contradiction(doc: Document) -> Iterator[Hit]:
    """A trend `由A增至B` with B ≤ A, `由A降至B` with B ≥ A, or a stated `增长X%` its endpoints contradict.

    Approximate endpoints (`20余户`, `约`) and rounding are tolerated: only a
    contradiction outside every tolerance fires.

    ## Why is this bad?
    The direction or the size of the change is wrong: one of the three numbers is a typo.

    ## Known limits
    Endpoints must be in one clause and in the same unit; percentage endpoints are left to N412.
    """
    text = doc.text
    if ("由" not in text and "从" not in text) or ("至" not in text and "到" not in text):
        return
    at = verb_marks(text)  # the 至/到 of _NEAR's matches
    if not at:
        return
    for s in sentences_with(text, *_NEAR, at=at):
        if ("由" not in s.text and "从" not in s.text) or not VERB.search(s.text):
            continue
        ix = _Index(s)
        for a, b, up, _verb in trends(s, ix):
            if a.hi is None or b.hi is None:
                continue
            if (up and b.hi <= a.lo) or (not up and b.lo >= a.hi):
                word = "rise" if up else "fall"
                yield hit(
                    doc, a.start, b.end, f"a {word} from {fmt(a)} to {fmt(b)} contradicts itself", [a, b]
                )
                continue
            c = _stated(s, ix, b)
            if c is None or a.percent or a.lo <= 0:
                continue
            lo = (b.lo / a.hi - 1) * 100
            hi = (b.hi / a.lo - 1) * 100
            sign = 1 if STATED.match(s.between(b.end, c.start)).group("v") in _RISE else -1  # type: ignore[union-attr]
            half = Decimal("0.5") if "." not in c.text else Decimal("0.05")
            m_lo, m_hi = c.lo - half, None if c.hi is None else c.hi + half
            c_lo: Decimal | None
            if sign > 0:
                c_lo, c_hi = m_lo, m_hi
            else:
                c_lo, c_hi = (None if m_hi is None else -m_hi), -m_lo
            if (c_hi is not None and c_hi < lo) or (c_lo is not None and c_lo > hi):
                yield hit(
                    doc,
                    c.start,
                    c.end,
                    f"{fmt(c)} disagrees with {fmt(a)} → {fmt(b)} (a change of {lo:.1f}%–{hi:.1f}%)",
                    [a, b],
                )
