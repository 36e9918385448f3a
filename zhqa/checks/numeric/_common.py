"""Shared helpers of the N4xx checks: numbered sentences, clauses, hits."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from zhqa.checks.numeric._locate import sentence_span
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit, Related, Severity
from zhqa.text.numbers import HAS_NUMBER, Num, scan
from zhqa.text.sentences import sentences

BREAK = re.compile(r"[，,；;：:。！？!?]")
TIME_UNITS = frozenset(
    ["年", "月", "日", "天", "时", "小时", "分钟", "秒", "岁", "号", "周", "届", "倍", "分", "成", "度", "大"]
)
COUNT_UNITS = frozenset(
    [
        "人",
        "名",
        "位",
        "个",
        "家",
        "户",
        "所",
        "座",
        "项",
        "件",
        "条",
        "只",
        "头",
        "辆",
        "台",
        "套",
        "次",
        "场",
        "场次",
        "人次",
        "架次",
        "户次",
        "亩",
        "吨",
        "篇",
        "部",
        "本",
        "张",
        "种",
        "类",
        "批",
        "支",
        "队",
        "处",
        "间",
        "栋",
        "幢",
        "块",
        "份",
        "笔",
        "起",
        "例",
        "株",
        "棵",
        "款",
        "枚",
        "颗",
        "艘",
        "架",
        "门",
        "村",
        "镇",
        "县",
    ]
)


class Sent:
    """A sentence; its numbers (absolute offsets) are scanned on first use.

    Checks test a cheap trigger on ``text`` first, so most sentences are never scanned.
    """

    __slots__ = ("_nums", "start", "text")

    def __init__(self, start: int, text: str) -> None:
        self.start, self.text = start, text
        self._nums: tuple[Num, ...] | None = None

    @property
    def nums(self) -> tuple[Num, ...]:
        if self._nums is None:
            self._nums = tuple(scan(self.text, self.start))
        return self._nums

    def between(self, a: int, b: int) -> str:
        """Sentence text between absolute offsets ``a`` and ``b``."""
        return self.text[a - self.start : b - self.start]


@lru_cache(maxsize=4)
def numbered(text: str) -> tuple[Sent, ...]:
    """Sentences of ``text`` that contain a digit or a Chinese numeral."""
    return tuple(Sent(s.start, s.text) for s in sentences(text) if HAS_NUMBER.search(s.text))


@lru_cache(maxsize=4)
def _located(text: str) -> dict[int, Sent]:
    """The sentences of ``text`` located so far, by start (so their numbers are scanned once)."""
    return {}


def sentences_with(text: str, *rxs: re.Pattern[str], at: list[int] | None = None) -> list[Sent]:
    """The sentences of :func:`numbered` in which one of ``rxs`` matches, in order, without a split.

    Each match in the whole text locates its sentence; the search resumes after that sentence.
    Exact when a match inside a sentence is also a match in the whole text at the same place
    (true for patterns without lookarounds, and for lookbehinds that only see the match's own
    sentence); callers then test their own condition on each sentence. Patterns that start with
    a literal character search fastest (``至(?<=[增升]至)``). With ``at``, only the sentences
    around those positions are looked at (those where ``rxs`` match).
    """
    out: dict[int, Sent] = {}
    found: dict[int, Sent] | None = None
    if at is not None:
        found = _located(text)
        located_to = 0
        for p in at:  # ascending
            if p < located_to:
                continue  # inside the sentence located last
            span = sentence_span(text, p)
            if span is None:
                continue
            located_to = span[1]
            if span[0] in out:
                continue
            s = found.get(span[0])
            if s is None:
                s = found[span[0]] = Sent(span[0], text[span[0] : span[1]])
            if HAS_NUMBER.search(s.text) and any(rx.search(s.text) for rx in rxs):
                out[span[0]] = s
        return [out[k] for k in sorted(out)]
    for rx in rxs:
        search = rx.search
        if (m := search(text)) is None:
            continue  # most texts
        while m is not None:
            span = sentence_span(text, m.start())
            if span is None:
                m = search(text, m.start() + 1)
                continue
            start, pos = span
            m = search(text, pos)
            if start in out:
                continue
            if found is None:
                found = _located(text)
            s = found.get(start)
            if s is None:
                s = found[start] = Sent(start, text[start:pos])
            if HAS_NUMBER.search(s.text) and search(s.text):
                out[start] = s
    if not out:
        return []
    return [out[k] for k in sorted(out)] if len(rxs) > 1 else list(out.values())


@lru_cache(maxsize=4)
def _quote_marks(text: str) -> tuple[list[int], list[int], list[int]]:
    """Positions of newlines, “ and ” in ``text`` (found once per text)."""
    return tuple([m.start() for m in re.finditer(c, text)] for c in ("\n", "“", "”"))  # type: ignore[return-value]


def in_quote(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside “…” quoted speech (within its paragraph): more “ than ”
    between the line start and ``pos``, counted by bisect (a long line stays linear)."""
    nl, opens, closes = _quote_marks(text)
    k = bisect_left(nl, pos)
    line_start = nl[k - 1] + 1 if k else 0
    n_open = bisect_left(opens, pos) - bisect_left(opens, line_start)
    return n_open > bisect_left(closes, pos) - bisect_left(closes, line_start)


_CLASSES: dict[str, re.Pattern[str]] = {}  # the character classes Spots was asked for, compiled


class Spots:
    """Searches forward in one text: each pattern's last answer is kept, and a query from a later
    offset that it still answers costs nothing, so rising queries read the text once per pattern
    (a long line stays linear); a character is counted by bisect over its positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._next: dict[str, tuple[int, int]] = {}
        self._at: dict[str, list[int]] = {}

    def _find(self, pat: str, lo: int) -> int:
        """The first start at or after ``lo`` of ``pat`` (a literal, or a ``[…]`` class), or -1."""
        got = self._next.get(pat)
        if got is not None and got[0] <= lo and (got[1] >= lo or got[1] < 0):
            return got[1]  # nothing from got[0] to got[1]: still the first one from lo
        if pat[0] == "[" and len(pat) > 1:
            rx = _CLASSES.get(pat) or _CLASSES.setdefault(pat, re.compile(pat))
            m = rx.search(self.text, lo)
            k = -1 if m is None else m.start()
        else:
            k = self.text.find(pat, lo)
        self._next[pat] = (lo, k)
        return k

    def first(self, pat: str, lo: int, hi: int, width: int = 1) -> int:
        """The first start of ``pat`` (``width`` characters) inside ``text[lo:hi]``, or ``hi``."""
        k = self._find(pat, lo)
        return k if k >= 0 and k + width <= hi else hi

    def count_last(self, pat: str, lo: int, hi: int) -> tuple[int, int]:
        """How many times the character ``pat`` occurs in ``[lo, hi)``, and the last place (-1 if none)."""
        pos = self._at.get(pat)
        if pos is None:
            pos = self._at[pat] = [m.start() for m in re.finditer(re.escape(pat), self.text)]
        i, j = bisect_left(pos, lo), bisect_left(pos, hi)
        return j - i, pos[j - 1] if j > i else -1


def hit(
    doc: Document,
    start: int,
    end: int,
    message: str,
    related: Sequence[Num | tuple[int, int]] = (),
    severity: Severity | None = None,
    **kw: object,
) -> Hit:
    rel = [
        Related(doc_id=doc.id, start=r.start, end=r.end)
        if isinstance(r, Num)
        else Related(doc_id=doc.id, start=r[0], end=r[1])
        for r in related
    ]
    return Hit(start=start, end=end, message=message, related=rel, severity=severity, **kw)  # type: ignore[arg-type]


def fmt(n: Num) -> str:
    return f"{n.text}{n.unit}"
