"""N405/N412/N413: shares above 100%, percent vs percentage point, fold decreases."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from decimal import Decimal

from zhqa.checks.numeric._common import BREAK, fmt, hit, in_quote, sentences_with
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit, Severity
from zhqa.text.numbers import NUMBER, parse_number

_SHARE = re.compile(r"占比|比重|份额|比例|占")
_PERCENT = re.compile(r"[%％]|百分之")
_MARKS = (re.compile("%"), re.compile("％"), re.compile("百分之"))  # literals: each searches fast
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_NUMISH = frozenset("0123456789０１２３４５６７８９,.．〇零一二两三四五六七八九十百千万亿")


def _may_exceed(text: str, p: int) -> bool:
    """False when the % at ``p`` follows a plain number from 0 to 100 (``35%``, ``35.5%``, ``30多%``)."""
    if text[p] == "百":
        return True
    e = p - 1 if text[p - 1 : p] in ("余", "多", "来") else p
    s = e
    while s > 0 and text[s - 1] in _NUMISH:
        s -= 1
    if s == e:
        return False  # no number before the %
    m = _PLAIN.fullmatch(text, s, e)
    return m is None or Decimal(m.group()) > 100 or text[s - 1 : s] in ("-", "－", "负")


_NOT_SHARE = re.compile(
    r"增长|增幅|增速|增加了|涨|提高|上升|同比|环比|完成|相当于|去年|上年|同期|计划|目标|超额|为原|是原|负债|倍"
)
_CHANGE = "提高|增加|上升|增长|提升|下降|降低|减少|回落|下滑"
PP = re.compile(
    rf"(?:从|由)(?P<a>{NUMBER})[%％](?P<v1>{_CHANGE})?(?:到|至)(?P<b>{NUMBER})[%％][，,]?"
    rf"[^。；;%％]{{0,12}}?(?P<v2>{_CHANGE})了?(?:约)?(?P<c>{NUMBER})[%％]"
)
FOLD_DOWN = re.compile(rf"(?:降低|减少|下降|缩小|缩减|下跌|降|减)了?(?:约|近)?(?P<n>{NUMBER})倍")
FOLD_UP = re.compile(
    rf"(?:从|由)(?P<a>{NUMBER})(?P<u>[^\d，,。；;从由]{{0,3}}?)(?:增加|增长|提高|上升|增)(?:到|至)(?P<b>{NUMBER})"
    rf"(?P=u)[，,]?(?:增加|增长|提高|上升)了(?P<n>{NUMBER})倍"
)


_SHARE_WORDS = tuple(_SHARE.pattern.split("|"))  # both patterns are alternations of literals
_NOT_SHARE_WORDS = tuple(_NOT_SHARE.pattern.split("|"))


class _Words:
    """Clause breaks and literal words of one sentence by offset: each number's clause is tested
    by bisect, not re-sliced and re-searched (a sentence of many numbers stays linear)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in BREAK.finditer(text)]
        self._at: dict[str, list[int]] = {}

    def clause_start(self, k: int) -> int:
        i = bisect_left(self.breaks, k)
        return self.breaks[i - 1] + 1 if i else 0

    def any_in(self, words: tuple[str, ...], a: int, b: int) -> bool:
        """Whether one of ``words`` lies inside ``text[a:b]`` (as a search of their alternation)."""
        for w in words:
            pos = self._at.get(w)
            if pos is None:
                pos = self._at[w] = [m.start() for m in re.finditer(f"(?={re.escape(w)})", self.text)]
            i = bisect_left(pos, a)
            if i < len(pos) and pos[i] + len(w) <= b:
                return True
        return False


@check(
    code="N405",
    name="percentage-out-of-range",
    severity="warning",
    examples=[
        Bad("该市新能源汽车销量占全省的比重为105%。"),
        Good("全年营收同比增长150%，占全省的比重为35%。", why="a growth rate may exceed 100%"),
        Good("产量为去年同期的120%。", why="a comparison, not a share"),
    ],
)
def percentage_out_of_range(doc: Document) -> Iterator[Hit]:
    """A share or proportion (`占…`, `比重`, `比例为`) above 100% or below 0.

    ## Why is this bad?
    A part cannot be more than the whole: the percentage or the base is wrong.

    ## Known limits
    Growth rates, completion rates and comparisons (`为去年的120%`) are not shares.
    """
    text = doc.text
    if "%" not in text and "％" not in text and "百分之" not in text:
        return  # no percentage (most texts): three literal tests
    at = sorted(m.start() for rx in _MARKS for m in rx.finditer(text) if _may_exceed(text, m.start()))
    for s in sentences_with(text, _PERCENT, at=at) if at else ():
        if "%" not in s.text and "％" not in s.text and "百分之" not in s.text:
            continue
        if not _SHARE.search(s.text):
            continue  # a share word is needed before the percentage
        words = None
        for n in s.nums:
            k = n.num_start - s.start
            negative = k > 0 and s.text[k - 1] in "-－负"
            if not n.percent or (not negative and n.lo <= 100):
                continue  # within 0–100% (or an approximation that may be)
            words = words or _Words(s.text)
            a, b = words.clause_start(n.start - s.start), n.start - s.start
            if words.any_in(_SHARE_WORDS, a, b) and not words.any_in(_NOT_SHARE_WORDS, a, b):
                value = f"-{fmt(n)}" if negative else fmt(n)
                yield hit(doc, n.start, n.end, f"a share of {value} is outside 0–100%")


def _dec(s: str) -> Decimal:
    v = parse_number(s)
    return v if v is not None else Decimal(-1)


def _half(s: str) -> Decimal:
    return Decimal(1).scaleb(-len(s.split(".")[1])) / 2 if "." in s else Decimal("0.5")


@check(
    code="N412",
    name="percent-vs-percentage-point",
    severity="warning",
    examples=[
        Bad("优良率从12%提高到15%，提高了3%。"),
        Good("优良率从12%提高到15%，提高了3个百分点。"),
        Good("优良率从12%提高到15%，提高了25%。", why="a correct relative change"),
    ],
)
def percent_vs_point(doc: Document) -> Iterator[Hit]:
    """A difference of two percentages written as a percent (`从12%提高到15%，提高了3%`).

    ## Why is this bad?
    15% is 3 percentage points above 12%, but 25% more. `提高了3%` states a
    relative change of 3%, which is false.

    ## References
    GB/T 15835-2011; statistical usage of 百分点.
    """
    if "%" not in doc.text and "％" not in doc.text:
        return
    for m in PP.finditer(doc.text):
        a, b, c = _dec(m.group("a")), _dec(m.group("b")), _dec(m.group("c"))
        ha, hb, hc = _half(m.group("a")), _half(m.group("b")), _half(m.group("c"))
        if a - ha <= 0 or c < 0 or a == b:
            continue
        diff = abs(b - a)
        rel = sorted(abs(y / x - 1) * 100 for x in (a - ha, a + ha) for y in (b - hb, b + hb))
        points = diff - ha - hb <= c + hc and c - hc <= diff + ha + hb
        if points and (c + hc < rel[0] or c - hc > rel[-1]):
            yield hit(
                doc,
                m.start("c"),
                m.end("c") + 1,
                f"{m.group('c')}% is the difference in percentage points; write {m.group('c')}个百分点",
                [(m.start("a"), m.end("b") + 1)],
            )


@check(
    code="N413",
    name="fold-decrease",
    severity="warning",
    examples=[
        Bad("新工艺使能耗降低了3倍。"),
        Bad("产量由100吨增加到200吨，增加了3倍。"),
        Good("新工艺使能耗降低了三分之二，产量由100吨增加到300吨，增加了2倍。"),
    ],
)
def fold_decrease(doc: Document) -> Iterator[Hit]:
    """A fold decrease `降低/减少/下降N倍` (a decrease cannot be N-fold) or `增加了N倍` that disagrees with its values.

    ## Why is this bad?
    "Reduced 3-fold" has no exact meaning in Chinese usage (GB/T 15835 notes on 倍数);
    write the result (`降至三分之一`) or a percentage. For `由A增加到B，增加了N倍`, N must
    be B/A − 1 (or, loosely, B/A).

    ## Known limits
    Inside quoted speech the finding is reported at info level.
    """
    if "倍" not in doc.text:
        return
    for m in FOLD_DOWN.finditer(doc.text):
        sev = Severity.info if in_quote(doc.text, m.start()) else None
        yield hit(
            doc, m.start(), m.end(), f"a decrease cannot be {m.group('n')}-fold: {m.group()}", severity=sev
        )
    for m in FOLD_UP.finditer(doc.text):
        a, b, n = parse_number(m.group("a")), parse_number(m.group("b")), parse_number(m.group("n"))
        if not a or b is None or n is None or b <= a:
            continue
        ratio = b / a
        tol = max(Decimal("0.05") * ratio, Decimal("0.05"))
        if abs(n - (ratio - 1)) > tol and abs(n - ratio) > tol:
            yield hit(
                doc,
                m.start("n"),
                m.end(),
                f"from {m.group('a')} to {m.group('b')} is {ratio - 1:.2f} times more, not {m.group('n')}倍",
                [(m.start("a"), m.end("b"))],
            )
