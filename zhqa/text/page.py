"""Page parser: the text of a newspaper page (or of one record) → :class:`Page`.

Each non-blank line is classified by :func:`zhqa.text.lines.line_kind`; a
dateline lead and a photo credit printed on a caption line become elements of
their own. Then, walking the lines in order:

* a run of headline lines starts a news article: one line is its title; two are
  kicker + title when the first has a clause break (``,``/``，``) and the second
  does not start with a dash, else title + subtitle; three are kicker, title,
  subtitle;
* a headline followed by at most four short paragraphs and a caption or a photo
  credit (``… 摄``) is a photo item; text after it that is not a new headline
  continues the article it interrupted;
* headline-like lines at the very end of the page are body text (a truncated end).

Nothing is dropped: every non-blank character belongs to exactly one element.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from zhqa.schemas.article import Article, Byline, Caption, Credit, Element, Furniture, Page, Paragraph
from zhqa.text.lines import LineKind, credit_start, dateline, is_headline, line_kind, parse_byline
from zhqa.text.paragraphs import paragraphs

PHOTO_MAX_PARAS = 4
PHOTO_MAX_CHARS = 300


@dataclass
class _Unit:
    kind: str  # headline body caption byline credit boilerplate meta
    start: int
    end: int
    text: str
    dateline: bool = False


@dataclass
class _Draft:
    kind: str = "news"
    heads: list[_Unit] = field(default_factory=list)
    units: list[_Unit] = field(default_factory=list)


def _byline(u: _Unit) -> Byline:
    credits = parse_byline(u.text) or []
    return Byline(
        text=u.text,
        start=u.start,
        end=u.end,
        credits=[Credit(role=c.role, names=list(c.names)) for c in credits],
        dateline=u.dateline,
        photo=u.kind == "credit",
    )


def _units(text: str) -> list[_Unit]:
    out: list[_Unit] = []
    for p in paragraphs(text):
        kind = line_kind(p.text)
        if kind is LineKind.body and (lead := dateline(p.text)):
            head = p.text[:lead].rstrip()
            rest = p.text[lead:]
            skip = len(rest) - len(rest.lstrip())
            out.append(_Unit("byline", p.start, p.start + len(head), head, dateline=True))
            out.append(_Unit("body", p.start + lead + skip, p.end, rest.lstrip()))
            continue
        if kind is LineKind.caption and (cut := credit_start(p.text)) > 0:
            cap = p.text[:cut].rstrip()
            out.append(_Unit("caption", p.start, p.start + len(cap), cap))
            out.append(_Unit("credit", p.start + cut, p.end, p.text[cut:]))
            continue
        if kind is LineKind.byline and p.text.rstrip().endswith("摄"):
            out.append(_Unit("credit", p.start, p.end, p.text))
            continue
        prev = out[-1] if out else None
        if (
            kind is LineKind.byline
            and prev is not None
            and prev.kind == "byline"
            and not prev.dateline
            and text[prev.end : p.start].count("\n") == 1
        ):
            out[-1] = _Unit("byline", prev.start, p.end, text[prev.start : p.end])
            continue
        out.append(_Unit(kind.value, p.start, p.end, p.text))
    # a short question or exclamation is a headline when a byline or a dash subtitle follows it
    for u, nxt in pairwise(out):
        if u.kind == "body" and _asks(u.text) and (nxt.kind == "byline" or nxt.text.startswith("—")):
            u.kind = "headline"
    # headline-like lines after the last body line, at the end of the page, are a truncated end
    tail = len(out)
    while tail and out[tail - 1].kind == "headline":
        tail -= 1
    if tail and tail < len(out) and out[tail - 1].kind == "body":
        for u in out[tail:]:
            u.kind = "body"
    return out


def _asks(line: str) -> bool:
    return len(line) <= 30 and line[-1] in "？！?!" and is_headline(line[:-1]) and "，" not in line[:-1]


def _photo_end(units: list[_Unit], j: int) -> int:
    """If ``units[j-1]`` titles a photo item, the index after its caption/credit, else -1."""
    k = j
    while (
        k < len(units)
        and units[k].kind == "body"
        and k - j < PHOTO_MAX_PARAS
        and len(units[k].text) <= PHOTO_MAX_CHARS
    ):
        k += 1
    if k >= len(units) or units[k].kind not in ("caption", "credit"):
        return -1
    while k < len(units) and units[k].kind in ("caption", "credit"):
        k += 1
    return k


def _heads(group: list[_Unit]) -> dict[str, _Unit]:
    if len(group) == 1:
        return {"title": group[0]}
    if len(group) == 2:
        first, second = group
        kicker = any(c in first.text for c in ",，;；") and not second.text.startswith(("—", "-", "－"))
        return {"kicker": first, "title": second} if kicker else {"title": first, "subtitle": second}
    return dict(zip(("kicker", "title", "subtitle"), group, strict=True))


def _drafts(units: list[_Unit], whole: bool) -> list[_Draft]:
    drafts: list[_Draft] = []
    cur: _Draft | None = None
    i = 0
    while i < len(units):
        u = units[i]
        if u.kind != "headline" or whole:
            if cur is None:
                cur = _Draft()
                drafts.append(cur)
            cur.units.append(u)
            i += 1
            continue
        j = i
        while j < len(units) and units[j].kind == "headline":
            j += 1
        end = _photo_end(units, j)
        news = units[i : j - 1] if end > 0 else units[i:j]
        while news:  # more than three headline lines: the first ones stand alone
            size = min(len(news) - 3, 3) if len(news) > 3 else len(news)  # an article has <= 3 heads
            cur = _Draft(heads=news[:size])
            drafts.append(cur)
            news = news[size:]
        if end > 0:
            drafts.append(_Draft(kind="photo", heads=[units[j - 1]], units=units[j:end]))
            i = end
        else:
            i = j
    return drafts


def _article(d: _Draft) -> Article:
    heads = (
        {k: Element(text=u.text, start=u.start, end=u.end) for k, u in _heads(d.heads).items()}
        if d.heads
        else {}
    )
    bylines = [_byline(u) for u in d.units if u.kind in ("byline", "credit")]
    # a news story's byline is its author's; its photo credits stay with the other bylines
    main = next((b for b in bylines if d.kind == "photo" or not b.photo), None)
    spans = [(u.start, u.end) for u in (*d.heads, *d.units)]
    return Article(
        kind="photo" if d.kind == "photo" else "news",
        **heads,
        byline=main,
        extra_bylines=[b for b in bylines if b is not main],
        paragraphs=[
            Paragraph(text=u.text, start=u.start, end=u.end)
            for u in d.units
            if u.kind in ("body", "headline")
        ],
        captions=[Caption(text=u.text, start=u.start, end=u.end) for u in d.units if u.kind == "caption"],
        furniture=[
            Furniture(
                text=u.text, start=u.start, end=u.end, kind="meta" if u.kind == "meta" else "boilerplate"
            )
            for u in d.units
            if u.kind in ("boilerplate", "meta")
        ],
        start=min(s for s, _ in spans),
        end=max(e for _, e in spans),
    )


@lru_cache(maxsize=32)
def parse_page(text: str) -> Page:
    """A newspaper page (several articles, headlines, photo items) as a :class:`Page`."""
    drafts = [d for d in _drafts(_units(text), whole=False) if d.heads or d.units]
    articles = sorted((_article(d) for d in drafts), key=lambda a: a.start)
    return Page(articles=articles, length=len(text))


@lru_cache(maxsize=32)
def parse_article(text: str) -> Page:
    """One article's text (a record): one article, short lines kept as paragraphs."""
    drafts = [d for d in _drafts(_units(text), whole=True) if d.units]
    return Page(articles=[_article(d) for d in drafts], length=len(text))
