"""N408: a counted enumeration (`三个统一：A、B、C`) whose items do not match the count."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from zhqa.checks.numeric._common import Spots, hit
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit
from zhqa.text.numbers import parse_number

_NUMERALS = set("0123456789第一二三四五六七八九十百千万零两每")
_COUNT_VALUE = {c: int(parse_number(c) or 0) for c in "两二三四五六七八九十23456789"}  # COLON's and COUNT's n
COLON = re.compile(
    r"(?P<n>[两二三四五六七八九十2-9])(?P<u>个|项|大|条|种|类|方面|点)(?P<head>[^，,。；;：:、“”\n]{0,8})[：:]"
)
_COLON_Q = re.compile(COLON.pattern.replace("“”", ""))
COUNT = re.compile(r"(?P<n>[两二三四五六七八九十2-9])(?P<u>个|项|大|类|地|国|省|市|县)(?![月年日天人次名家])")
ITEMS = re.compile(
    r"(?:^|(?<=[，,。；;：:\s（(“”]))(?P<items>(?:[^，,。；;：:、“”（）()\s]{1,6}、)+[^，,。；;：:、“”（）()\s]{1,8}?)(?P<deng>等)?$"
)
# The colons a COLON match may end at: a count and its unit's first character 1–10 characters
# before (fixed-width lookbehinds after a literal: the colons are found fast, most ruled out in C).
_COUNTED_BEFORE = "|".join(f"(?<=[两二三四五六七八九十2-9][个项大条种类方点].{{{k}}}.)" for k in range(10))
_COLONS = (re.compile(f"：(?:{_COUNTED_BEFORE})"), re.compile(f":(?:{_COUNTED_BEFORE})"))
# A 、 whose list item (1–8 characters, maybe 等) ends at a COUNT: where ITEMS can match.
_LIST_END = re.compile(
    r"、(?=[^，,。；;：:、“”（）()\s]{1,8}?等?[两二三四五六七八九十2-9](?:个|项|大|类|地|国|省|市|县)(?![月年日天人次名家]))"
)
_MARKER = re.compile(r"[一二三四五六七八九十]是")
_ORDINALS = "一二三四五六七八九十"
_DIGIT = re.compile(r"[0-9一二三四五六七八九十两]")
_CONJ = re.compile(r"和|及|与|以及")
_VERBISH = re.compile(r"[了的有在是为将把被对向从到或们]")


def _counts(items: list[str]) -> set[int]:
    m = len(items)
    return {m, m + 1} if _CONJ.search(items[-1]) else {m}


def _colon_items(sp: Spots, a: int, end: int, n: int, conj: dict[tuple[int, int], bool]) -> set[int] | None:
    """Items in ``text[a:end]`` after the colon: ``一是…二是…`` markers, or a ``、`` list ending
    the sentence (``conj`` caches whether a last item holds 和/及)."""
    text = sp.text
    stop = sp.first("。", a, end)
    if sp.first("等", a, stop) < stop or sp.first("……", a, end, 2) < end:
        return None
    for style in ("{}是", "第{}"):
        if text.startswith(style.format("一"), a, end):
            k = 0
            while k < 10 and sp.first(style.format(_ORDINALS[k]), a, end, 2) < end:
                k += 1
            if k > n:  # fewer markers may continue in other words (三就是, 另一种)
                return {k}
            return None
    e = sp.first("[。！？]", a, end)  # the list runs to the sentence end
    count, last = sp.count_last("、", a, e)
    if count and sp.first("[，,；;]", a, e) == e:
        key = (last, e)
        if key not in conj:
            conj[key] = _CONJ.search(text, last + 1, e) is not None
        m = count + 1
        return {m, m + 1} if conj[key] else {m}
    return None


@check(
    code="N408",
    name="enumeration-count-mismatch",
    severity="warning",
    examples=[
        Bad("实现了“四个统一”：评价标准统一、认定流程统一、技能证书统一。"),
        Bad("建立覆盖刺绣、编织、酿造、雕刻三大领域的人才信息库。"),
        Good("实现了“三个统一”：评价标准统一、认定流程统一、技能证书统一。"),
        Good("覆盖刺绣、编织、酿造、雕刻等八大领域。", why="closed with 等"),
    ],
)
def enumeration_count_mismatch(doc: Document) -> Iterator[Hit]:
    """A count (`三个统一：`, `四大领域`) next to an enumeration of a different number of items.

    ## Why is this bad?
    An item was dropped or added without updating the count (or the reverse); one of them is wrong.

    ## Known limits
    Enumerations closed with `等`, lists with clauses (`，`) inside, and lists whose last
    item may hold two (`A、B和C`) are read conservatively.
    """
    # Quotes read as spaces when the text has “: the patterns treat both alike, but for COLON's
    # head, which _COLON_Q lets run over quotes as COLON runs over spaces.
    text = doc.text
    if "：" in text or ":" in text:
        colons = _colon_matches(text, _COLON_Q if "“" in text else COLON)
        if colons:
            yield from _colon_lists(doc, text, colons)
    if "、" in text:
        counts = _count_matches(text)
        if counts:
            yield from _counted_lists(doc, text, counts)


def _colon_matches(text: str, colon: re.Pattern[str]) -> Iterable[re.Match[str]]:
    """colon.finditer(text), searched only before each colon that may end a match (a match spans
    at most 12 characters and ends at the first colon after its unit)."""
    wide, narrow = ([c.start() for c in rx.finditer(text)] for rx in _COLONS)
    if not (wide or narrow):
        return []  # most texts
    out: list[re.Match[str]] = []
    last = 0
    for q in sorted(wide + narrow) if wide and narrow else wide or narrow:
        m = colon.search(text, max(last, q - 11), q + 1)
        if m is not None:
            last = m.end()
            out.append(m)
    return out


def _count_matches(text: str) -> Iterable[re.Match[str]]:
    """The COUNT matches that end a 、 list (1–8 characters after a 、), in order."""
    first = _LIST_END.search(text)
    if first is None:
        return []  # most texts
    starts = {
        m.start()
        for q in _LIST_END.finditer(text, first.start())
        for m in COUNT.finditer(text, q.start() + 2, q.start() + 13)
        if m.start() <= q.start() + 10
    }
    return [COUNT.match(text, s) for s in sorted(starts)]  # type: ignore[misc]


def _colon_lists(doc: Document, text: str, colons: Iterable[re.Match[str]]) -> Iterator[Hit]:
    """``三个统一：A、B、C`` and ``两项工作：一是…二是…``."""
    sp = Spots(text)
    conj: dict[tuple[int, int], bool] = {}
    for m in colons:
        if text[m.start() - 1 : m.start()] in _NUMERALS:
            continue
        n = _COUNT_VALUE[m.group("n")]
        end = sp.first("\n", m.end(), len(text))
        got = _colon_items(sp, m.end(), end, n, conj)
        if got and n not in got:
            msg = f"{m.group('n')}{m.group('u')} announced, {min(got)} items follow"
            yield hit(doc, m.start("n"), m.end("head"), msg, [(m.end(), end)])


def _counted_lists(doc: Document, text: str, counts: Iterable[re.Match[str]]) -> Iterator[Hit]:
    """``刺绣、编织、酿造、雕刻四大领域``: a 、 list right before its count."""
    for m in counts:
        s = m.start()
        if text[s - 1 : s] in _NUMERALS or "、" not in text[max(0, s - 60) : s]:
            continue
        lo = max(0, s - 80)
        it = ITEMS.search(text[lo:s])
        if it is None or it.group("deng") or (it.start() == 0 and lo > 0):
            continue
        items = it.group("items").split("、")
        lens = [len(i) for i in items[1:]]  # the first item may carry a verb (覆盖刺绣)
        last = items[-1]
        if (
            any(_DIGIT.search(i) for i in items)
            or len(last) < 2
            or _VERBISH.search(last)
            or _CONJ.match(last)
        ):
            continue
        n = _COUNT_VALUE[m.group("n")]
        got = _counts(items)
        if max(lens) - min(lens) <= 2 and n not in got:
            span = (lo + it.start("items"), lo + it.end("items"))
            yield hit(doc, s, m.end("u"), f"{m.group('n')}{m.group('u')} counts {min(got)} items", [span])
