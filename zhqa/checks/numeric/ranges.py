"""N403/N411: ranges ``A～B`` (inverted, or the multiplier written only after B)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from zhqa.checks.numeric._common import Sent, fmt, hit, sentences_with
from zhqa.checks.numeric._triggers import range_marks
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit
from zhqa.text.numbers import Num, parse_number

_SEP = re.compile(r"^\s*(?:[～~〜—–]|——|至|到|-|－)\s*$")
_CYCLIC = frozenset(["月", "日", "号", "时", "点", "周", "分", "秒"])


def ranges(s: Sent) -> Iterator[tuple[Num, Num, str]]:
    """Adjacent pairs ``A sep B`` of the sentence (not changes like ``从A到B``)."""
    for a, b in pairwise(s.nums):
        sep = s.between(a.end, b.start)
        if not _SEP.match(sep) or a.ordinal or b.ordinal:
            continue
        before = s.text[max(0, a.start - s.start - 1) : a.start - s.start]
        after = s.text[b.end - s.start : b.end - s.start + 1]
        if before in ("-", "－", "负", "从", "由", "/", ".", ":", "：") or after in (
            "-",
            "－",
            "/",
            ".",
            ":",
        ):
            continue  # negatives, changes, dates 2019-01-05, scores 3-1, ratios
        if sep.strip() in ("-", "－", "–", "—") and not (b.unit or b.text[-1] in "万亿"):
            continue
        if "零下" in s.text[max(0, a.start - s.start - 2) : a.start - s.start]:
            continue
        yield a, b, sep.strip()


_SEP_CHARS = re.compile(r"[0-9０-９〇零一二两三四五六七八九十百千万亿%％]\s*(?:[～~〜—–\-－至到])")


# Most range marks cannot fire N403 or N411, so the sentences are located from the marks that may
# (_triggers.MARK rules out most in the regex engine): N411 needs a bound without unit or place
# word before the mark, then one with %, 万 or 亿 (or 百分之); N403 needs bounds A ≥ B, which
# _may_fire rules out for most numbers without a scan.
_N = "[0-9０-９,.．〇零一二两三四五六七八九十百千万亿]"
_N411 = re.compile(
    r"[0-9０-９〇零一二两三四五六七八九](?:余|多|来)?多?(?:左右|上下|以上|以下|以内|许)?\s*(?:——|[～~〜—–\-－至到])\s*"
    r"(?:约为|大约|将近|接近|超过|不到|不足|约|近|超|逾)?(?:百分之|[0-9０-９〇零一二两三四五六七八九十百千万亿]"
    r"[0-9０-９〇零一二两三四五六七八九十百千万亿,.．]*(?:(?:余|多|来)?[%％]|(?<=[万亿])))"
)
_NUMISH = frozenset("0123456789０１２３４５６７８９,.．〇零一二两三四五六七八九十百千万亿")
_CN = frozenset("〇零一二两三四五六七八九十百千万亿")
_ARABIC = re.compile(
    r"(?>[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?(?:[十百千万亿]+(?:零?[0-9]+[十百千万亿]+)*)?)"
)
_AFTER = re.compile(
    rf"\s*(?:约为|大约|将近|接近|超过|不到|不足|约|近|超|逾)?(?:(?P<pct>百分之)|(?P<run>{_N}*))"
)


@lru_cache(maxsize=4096)
def _value(run: str) -> Decimal | None:
    """The value the scanner gives a whole numeral run; None when it may read the run otherwise."""
    if all(c in _CN for c in run):
        return None if all(c in "十百千万亿" for c in run) else parse_number(run)
    m = _ARABIC.match(run)
    return parse_number(run) if m and m.end() == len(run) else None


def _may_fire(t: str, i: int, j: int) -> bool:
    """False when the mark ``t[i:j]`` cannot stand in a range that fires N403 or N411."""
    after = _AFTER.match(t, j)  # B: spaces, its prefix, 百分之 or its numeral run
    if after.group("pct"):  # type: ignore[union-attr]
        return True
    k, r = after.span("run")  # type: ignore[union-attr]
    e = i
    while e > 0 and t[e - 1].isspace():
        e -= 1
    stop = max(0, e - 9)  # A's unit and markers: at most 8 characters (9 with the — of ——)
    while e > stop and t[e - 1] not in _NUMISH:
        e -= 1
    if e == 0 or t[e - 1] not in _NUMISH:
        return False  # no number right before the mark
    if _N411.match(t, e - 1):
        return True
    st = e
    while st > 0 and t[st - 1] in _NUMISH:
        st -= 1
    a, b = _value(t[st:e]), _value(t[k:r])
    if a is None or b is None or t[st - 3 : st] == "百分之":
        return True
    if t[r - 1] in "万亿":
        a *= 100_000_000 if t[r - 1] == "亿" else 10_000  # 9～16亿: A may mean 9亿
    return a >= b


@lru_cache(maxsize=4)
def all_ranges(text: str) -> tuple[tuple[Sent, Num, Num], ...]:
    """The ranges that may fire N403 or N411: all of each sentence with a range mark that may."""
    marks = [p for p in range_marks(text) if _may_fire(text, p, p + 1)]
    if not marks:
        return ()
    return tuple((s, a, b) for s in sentences_with(text, _SEP_CHARS, at=marks) for a, b, _ in ranges(s))


def _years_ago(s: Sent, a: Num, b: Num) -> bool:
    """距今13000到10000年, 7000～5000年前, 前64年~17年, 1974–75: descending by nature."""
    head = s.text[max(0, a.start - s.start - 12) : a.start - s.start]
    tail = s.text[b.end - s.start : b.end - s.start + 3]
    return (
        "距今" in head or head.endswith("前") or "前" in tail or (a.value >= 1000 > b.value and b.value < 100)
    )


def _mult(n: Num) -> str:
    return n.text[-1] if n.text[-1] in "万亿" and not n.chinese else ""


@check(
    code="N403",
    name="inverted-range",
    severity="warning",
    examples=[
        Bad("今年计划招聘50～30人。"),
        Good("破损率降低3%～5%，今年计划招聘20—30人。"),
        Good("2024—2025年度工作要点。", why="ascending years"),
    ],
)
def inverted_range(doc: Document) -> Iterator[Hit]:
    """A range `A～B` (also `A—B`, `A至B`, `A到B`) whose lower bound is not below its upper bound.

    Bounds are compared after scaling: in `9～16亿` the 9 means 9亿.

    ## Why is this bad?
    A range is written from low to high (GB/T 15835); `50～30人` is a typo or swapped bounds.

    ## Known limits
    Times, days and months wrap (`22时至6时`, `12月至次年3月`) and are not compared; nor are
    negative bounds or changes (`从10人到5人`).
    """
    for s, a, b in all_ranges(doc.text):
        if a.unit in _CYCLIC or b.unit in _CYCLIC or (a.unit and b.unit and a.unit != b.unit):
            continue
        if not (b.unit or _mult(b)) or _years_ago(s, a, b):
            continue
        av = a.value
        if not a.unit and _mult(b) and not any(c in a.text for c in "十百千万亿"):
            av = a.value * (10_000 if _mult(b) == "万" else 100_000_000)
        if av >= b.value:
            yield hit(doc, a.start, b.end, f"inverted range: {fmt(a)} is not below {fmt(b)}", [a, b])


@check(
    code="N411",
    name="range-unit-omission",
    severity="error",
    fix="always",
    examples=[
        Bad("破损率降低3～5%。", fixed="破损率降低3%～5%。"),
        Bad("预计投资9～16亿元。", fixed="预计投资9亿～16亿元。"),
        Good("破损率降低3%～5%，单件重100～150kg，每批20～30人。"),
    ],
)
def range_unit_omission(doc: Document) -> Iterator[Hit]:
    """A range whose `%`, `万` or `亿` is written only after the upper bound (`3～5%`, `13～17万元`).

    ## Why is this bad?
    GB/T 15835-2011 5.1.3: `3～5%` reads as "3 to 5 percent" only by guessing; literally it
    is 3 to 0.05. Write `3%～5%`, `9亿～16亿`. Plain units may be dropped (`20～30人`).

    ## References
    GB/T 15835-2011, 5.1.3.
    """
    for _s, a, b in all_ranges(doc.text):
        if a.unit or any(c in a.text for c in "十百千万亿") or a.chinese != b.chinese:
            continue
        mark = "%" if b.percent and not b.text.startswith("百分之") else _mult(b)
        if not mark:
            continue
        end = a.num_end
        yield hit(
            doc,
            a.start,
            b.end,
            f"range {doc.text[a.start : b.end]} writes {mark} only after its upper bound",
            [b],
            fix=Fix(replacement=mark, start=end, end=end, title=f"write {mark} after both bounds"),
        )
