"""Reading flow of a parsed page: broken paragraphs, a truncated end, orphan fragments.

Shared by S503, S504 and S507 so the three agree on which paragraph continues which.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from zhqa.schemas.article import Article, Page, Paragraph
from zhqa.text.lines import FINAL, OPENERS, PAUSES, ends_sentence, is_headline
from zhqa.text.page import parse_article, parse_page

_LIST_ITEM = re.compile(
    r"^\s*(?:\d{1,2}[.、．)）]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十\d]{1,3}[,，、是])"
)
_BAD_START = re.compile(r"^[，,、。；;：:）)」』》〉】！!？?]|^们")
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
    starts = sorted(e.start for e in page.elements())
    out = []
    for art in page.articles:
        for p, q in pairwise(art.paragraphs):
            if not unfinished(p) or _one_clause(p) or _list_item(q) or p.text[-1] in ":：":
                continue
            if not _surely_open(p) and _OPENER.match(q.text):
                continue  # a bare end before a sentence opener: more likely a lost full stop
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
        for e in art.elements():
            if last is None or e.start > last[1].start:
                last = (art, e)
    if last is None or not isinstance(last[1], Paragraph):
        return None
    return last  # type: ignore[return-value]


def truncated(page: Page) -> tuple[Article, Paragraph] | None:
    """The last body paragraph when it stops mid-sentence and the page has a body to speak of."""
    found = last_paragraph(page)
    if found is None or not unfinished(found[1]):
        return None
    if _one_clause(found[1]):
        return None
    return found


def bad_start(p: Paragraph) -> bool:
    """A paragraph that cannot open a sentence (starts with a pause mark or a suffix)."""
    return bool(_BAD_START.match(p.text))


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
    art, tail = end
    continued = {b.nxt.start for b in breaks(page)}
    best: tuple[int, int, Paragraph] | None = None
    tail_grams = _bigrams(tail.text)
    for a in page.articles:
        for i, p in enumerate(a.paragraphs):
            if p.start == tail.start or p.start in continued:
                continue
            first = i == 0 and a.dateline is None
            if not (bad_start(p) or (first and _dangling(p))):
                continue
            same = int(a is art)
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


class Flow(NamedTuple):
    page: Page
    breaks: tuple[Break, ...]
    truncated: tuple[Article, Paragraph] | None
    orphan: Paragraph | None


@lru_cache(maxsize=32)
def analyse(text: str, record: bool = False) -> Flow:
    """Parse once (a page, or one record's article) and find the flow defects; cached on the text."""
    page = parse_article(text) if record else parse_page(text)
    return Flow(page, breaks(page), truncated(page), orphan_for(page))
