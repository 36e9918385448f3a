"""Reading flow of a parsed page: broken paragraphs, a truncated end, orphan fragments.

Shared by S503, S504 and S507 so the three agree on which paragraph continues which.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import NamedTuple

from zhqa.schemas.article import Article, Page, Paragraph
from zhqa.text.lines import FINAL, OPENERS, PAUSES, ends_sentence, is_headline
from zhqa.text.page import parse_article, parse_page
from zhqa.text.paragraphs import Para, paragraphs
from zhqa.text.plain import body_line, plain_line, screened

_LIST_ITEM = re.compile(
    r"^\s*(?:\d{1,2}[.、．)）]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十\d]{1,3}[,，、是])"
)
_BAD_START = re.compile(r"^[，,、。；;：:）)」』》〉】！!？?]|^们")
_BAD_FIRST = frozenset("，,、。；;：:）)」』》〉】！!？?")  # _BAD_START's class, for a set lookup
_OPENING = re.compile(r"^(?:对于|关于|在|据|从|为了|随着|近日|近年来|日前|目前|今年|去年|\d)")
_CLAUSE = re.compile(r"[，,。；;：:！!？?]")
_PAUSE_INSIDE = re.compile(r"[，,、；;]")
_OPENER = re.compile(
    r"^(?:这|此|该|那|他|她|它|我|你|您|在|对|据|但|而|因此|所以|另外|同时|其中|目前|如今|近年|近日|随着|截至|今年|去年)"
)


class Break(NamedTuple):
    """``para`` stops mid-sentence and ``nxt`` (the next paragraph of its article) continues it."""

    para: Paragraph
    nxt: Paragraph
    clean_gap: bool  # only whitespace between them: joining is a plain deletion


def unfinished(p: Paragraph) -> bool:
    return ends_sentence(p.text) is False


def _list_item(p: Paragraph) -> bool:
    return bool(_LIST_ITEM.match(p.text))


def breaks(page: Page) -> tuple[Break, ...]:
    """Paragraphs ending mid-sentence that the next paragraph of the same article continues."""
    return _breaks([art.paragraphs for art in page.articles], page)


def _breaks(groups: Iterable[Sequence[Paragraph]], page: Page | None) -> tuple[Break, ...]:
    """Breaks inside each group of paragraphs; with no ``page``, nothing lies between two of them."""
    starts: list[int] = []
    out = []
    for paras in groups:
        for p, q in pairwise(paras):
            if not unfinished(p) or _one_clause(p) or _list_item(q) or p.text[-1] in ":：":
                continue
            if not _surely_open(p) and _OPENER.match(q.text):
                continue  # a bare end before a sentence opener: more likely a lost full stop
            if page is None:
                out.append(Break(p, q, clean_gap=True))
                continue
            starts = starts or sorted(e.start for a in page.articles for e in a.parts())
            between = bisect_left(starts, q.start) - bisect_left(starts, p.end)
            out.append(Break(p, q, clean_gap=between == 0))
    return tuple(out)


def _surely_open(p: Paragraph) -> bool:
    """Ends with a pause mark or an opening bracket, or leaves a quotation or bracket open."""
    t = p.text
    return t[-1] in PAUSES or t[-1] in OPENERS or t.count("“") > t.count("”") or t.count("（") > t.count("）")


def _one_clause(p: Paragraph) -> bool:
    """A short headline-like line with no clause break: a heading, a bio line, a snippet."""
    return is_headline(p.text) and not _PAUSE_INSIDE.search(p.text)


def last_paragraph(page: Page) -> tuple[Article, Paragraph] | None:
    """The page's last element if it is a body paragraph (a byline or caption at the end is not)."""
    last = None
    for art in page.articles:
        for e in art.parts():  # elements never overlap: the one that starts last is the last
            if last is None or e.start > last[1].start:
                last = (art, e)
    if last is None or not isinstance(last[1], Paragraph):
        return None
    return last  # type: ignore[return-value]


def truncated(page: Page) -> tuple[Article, Paragraph] | None:
    """The last body paragraph when it stops mid-sentence and the page has a body to speak of."""
    found = last_paragraph(page)
    return found if found is not None and _cut_off(found[1]) else None


def _cut_off(p: Paragraph) -> bool:
    return unfinished(p) and not _one_clause(p)


def bad_start(p: Paragraph | Para) -> bool:
    """A paragraph that cannot open a sentence (starts with a pause mark or a suffix): ``_BAD_START``,
    tested with str operations."""
    t = p.text
    return t[:1] in _BAD_FIRST or t.startswith("们")


def _dangling(p: Paragraph) -> bool:
    """A first clause that reads like the tail of a sentence: a short noun phrase with 的."""
    m = _CLAUSE.search(p.text)
    head = p.text[: m.start()] if m else ""
    return 2 <= len(head) <= 12 and "的" in head and not _OPENING.match(head) and p.text[len(head)] in ",，"


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)}


def orphan_for(page: Page) -> Paragraph | None:
    """The fragment that continues the truncated end, if one is found anywhere in the page."""
    end = truncated(page)
    if end is None:
        return None
    groups = [(a.paragraphs, a is end[0], a.dateline is not None) for a in page.articles]
    return _orphan(groups, end[1], breaks(page))


def _orphan(
    groups: Iterable[tuple[Sequence[Paragraph], bool, bool]], tail: Paragraph, brks: tuple[Break, ...]
) -> Paragraph | None:
    """The orphan among groups of (paragraphs, same article as the tail, has a dateline)."""
    continued = {b.nxt.start for b in brks}
    best: tuple[int, int, Paragraph] | None = None
    tail_grams = _bigrams(tail.text)
    for paras, same_art, has_dateline in groups:
        for i, p in enumerate(paras):
            if p.start == tail.start or p.start in continued:
                continue
            first = i == 0 and not has_dateline
            if not (bad_start(p) or (first and _dangling(p))):
                continue
            same = int(same_art)
            overlap = len(tail_grams & _bigrams(p.text[:40]))
            if not (same or bad_start(p) or overlap >= 2):
                continue
            key = (same, overlap, p)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def last_sentence_start(p: Paragraph) -> int:
    """Page offset where the paragraph's last (unfinished) sentence starts."""
    cut = max(p.text.rfind(ch) for ch in FINAL)
    return p.start + cut + 1 if cut >= 0 else p.start


class Flow:
    """One text's parse (a page, or one record's article) and its flow defects.

    Three kinds of text: ``plain`` (:mod:`zhqa.text.plain`): its page would be one untitled
    article of its lines, with no break, truncated end or orphan; ``bodies`` (every line a
    body line, :func:`zhqa.text.plain.body_line`): one untitled article too, analysed on its
    lines; anything else is parsed. For the first two ``articles`` is empty (no title,
    byline, caption or furniture) and ``paragraphs`` are the lines themselves.
    """

    def __init__(self, text: str, record: bool) -> None:
        self.text, self.record = text, record
        self.screened = self.plain = self.bodies = screened(text)
        if (
            not self.screened
        ):  # a plain line is a body line: only the lines after the first other one are asked
            paras = paragraphs(text)
            k = next((i for i, p in enumerate(paras) if not plain_line(p.text)), len(paras))
            self.plain = k == len(paras)
            self.bodies = self.plain or all(body_line(p.text) for p in paras[k:])
        self.breaks: tuple[Break, ...] = ()
        self.truncated: Paragraph | None = None  # the last paragraph, cut off mid-sentence
        self.orphan: Paragraph | None = None
        # the page's articles; none for a plain or bodies-only text (its one article is only paragraphs)
        self.articles: list[Article] = []
        if self.plain:
            return
        if self.bodies:
            lines: tuple = paragraphs(text)  # Para spans stand in for Paragraphs here
            self.breaks = _breaks([lines], None)
            self.truncated = lines[-1] if _cut_off(lines[-1]) else None
            if self.truncated is not None:
                self.orphan = _orphan([(lines, True, False)], self.truncated, self.breaks)
            return
        page = self.page
        self.articles = page.articles
        self.breaks = breaks(page)
        end = truncated(page)
        if end is not None:
            self.truncated = end[1]
            groups = [(a.paragraphs, a is end[0], a.dateline is not None) for a in page.articles]
            self.orphan = _orphan(groups, end[1], self.breaks)

    @cached_property
    def page(self) -> Page:
        return parse_article(self.text) if self.record else parse_page(self.text)

    def paragraphs(self) -> Iterator[Paragraph | Para]:
        """Every body paragraph, article by article (the lines themselves, as spans, when ``bodies``)."""
        if self.bodies:
            yield from paragraphs(self.text)
        else:
            for art in self.page.articles:
                yield from art.paragraphs

    def bad_starts(self) -> list[Paragraph | Para]:
        """Paragraphs that cannot open a sentence (:func:`bad_start`), in order."""
        if self.screened:
            return []  # the screen saw no line start with a pause mark or 们
        if self.bodies:
            return [p for p in paragraphs(self.text) if bad_start(p)]
        return [p for art in self.articles for p in art.paragraphs if bad_start(p)]


@lru_cache(maxsize=32)
def analyse(text: str, record: bool = False) -> Flow:
    """Parse once (a page, or one record's article) and find the flow defects; cached on the text."""
    return Flow(text, record)
