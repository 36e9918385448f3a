"""Page parser: the text of a newspaper page (or of one record) → :class:`Page`.

The lines become units (:mod:`zhqa.text.page_units`). Then, walking them in order:

* a run of headline lines starts a news article: one line is its title; two are
  kicker + title when the first has a clause break (``,``/``，``) and the second
  does not start with a dash, else title + subtitle; three are kicker, title,
  subtitle; before body text, a dash subtitle closes the headings and a run of more
  than three lines is a title over the lines that open the body;
* a headline followed by at most four short paragraphs and a caption or a photo
  credit (``… 摄``) is a photo item; text after it that is not a new headline
  continues the article it interrupted;
* headline-like lines between two body paragraphs, with no byline, dateline lead
  or dash subtitle after them, are subheadings (paragraphs) of the story when the
  text after them goes on with its topic (:mod:`zhqa.text.cohesion`), or opens with a
  connective (``而``, ``因此``), or when the story so far (not closed by a byline), or the
  text after them, is one short line; the story's own captioned photo may stand before them;
* a photo-item shape inside a story is the story's own photo only if it has a caption
  that tells of the story more than of the paragraphs under its headline;
* headline-like lines at the very end of the page are body text (a truncated end).

Nothing is dropped: every non-blank character belongs to exactly one element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from zhqa.schemas.article import Article, Byline, Caption, Credit, Element, Furniture, Page, Paragraph
from zhqa.text.cohesion import WINDOW, continues, overlap
from zhqa.text.lines import parse_byline
from zhqa.text.page_units import DASHES, TEXT_KINDS, Unit, photo_end, units_of, window

_SHORT_BODY = 50
# openings that refer back or connect (他…, 而…, 因此…): no title of a new article starts so
_ANAPHORA = re.compile(r"^(?:[而却]|但(?![丁愿])|因此|所以|并且|此后|随后|其后|然而|不过)")


@dataclass
class _Draft:
    kind: str = "news"
    heads: list[Unit] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)


def _byline(u: Unit) -> Byline:
    credits = parse_byline(u.text) or []
    return Byline(
        text=u.text,
        start=u.start,
        end=u.end,
        credits=[Credit(role=c.role, names=list(c.names)) for c in credits],
        dateline=u.dateline,
        photo=u.kind == "credit",
    )


def _heads(group: list[Unit]) -> dict[str, Unit]:
    if len(group) == 1:
        return {"title": group[0]}
    if len(group) == 2:
        first, second = group
        kicker = any(c in first.text for c in ",，;；") and not second.text.startswith(DASHES)
        return {"kicker": first, "title": second} if kicker else {"title": first, "subtitle": second}
    return dict(zip(("kicker", "title", "subtitle"), group, strict=True))


def _subheads(units: list[Unit], i: int, j: int) -> bool:
    """``units[i:j]`` (headline-like) sit inside one story: subheadings or lines that lost their final mark.

    They do when body paragraphs surround them, no dash subtitle is among them, no byline
    or dateline lead follows them, and the text after them goes on with the topic before them.
    A story's own captioned photo (``图为…``, a credit) may stand between its body and them.
    """
    b = i - 1  # the story's last body unit before them
    while b > 0 and units[b].kind in ("caption", "credit"):
        b -= 1
    if b < i - 1 and not any(u.kind == "caption" for u in units[b + 1 : i]):
        return False
    if i == 0 or j >= len(units) or units[b].kind != "body" or units[j].kind != "body":
        return False
    if any(u.text.startswith(DASHES) for u in units[i:j]):
        return False
    after = window(units, j, 1, ("body",))
    if len(after) < _SHORT_BODY:
        k = j
        while k < len(units) and units[k].kind == "body":
            k += 1
        if k < len(units) and units[k].kind == "headline":
            return True  # a title over one short line and the next headline is no article
    if _ANAPHORA.match(units[i].text):
        return True  # a line opening with a pronoun or connective reads on from the text before it
    return continues(window(units, b, -1, TEXT_KINDS), units[i].text, after)


def _story_photo(units: list[Unit], i: int, j: int, end: int) -> bool:
    """A photo-item shape (``units[j-1]`` to ``end``) inside a story's body that goes on with its topic.

    A story's own photo carries a caption (``图为…``); a bare credit line under a
    headline and a few paragraphs is how a photo item ends, never a story's photo.
    """
    if j - i != 1 or units[i - 1].kind != "body":
        return False
    caption = "".join(u.text for u in units[j:end] if u.kind == "caption")
    if not caption:
        return False
    before = window(units, i - 1, -1, TEXT_KINDS)
    own = "".join(u.text for u in units[j:end] if u.kind == "body")
    if overlap(caption, own) > overlap(caption, before[-WINDOW:]):
        return False  # the caption tells of the paragraphs under the headline: a photo item of its own
    return continues(before, units[i].text, "".join(u.text for u in units[j:end]))


def _stub(cur: _Draft) -> bool:
    """A titled story whose body so far is one short line: too little to end there (unless a byline closed it)."""
    if cur.units and cur.units[-1].kind in ("byline", "credit") and cur.units[0].kind == "body":
        return False
    if not cur.heads:
        return False
    size, body = 0, False  # counted up to _SHORT_BODY only: a long draft is not summed again at each head
    for u in cur.units:
        if u.kind == "body":
            size, body = size + len(u.text), True
            if size >= _SHORT_BODY:
                return False
    return body


def _tail_line(units: list[Unit], i: int, j: int) -> bool:
    """Three or more headline lines after body text, the third a dash subtitle, the first no kicker (no clause break)."""
    return (
        i > 0
        and j - i >= 3
        and units[i - 1].kind == "body"
        and units[i + 2].text.startswith(DASHES)
        and not any(c in units[i].text for c in ",，;；")
    )


def _after_top_byline(cur: _Draft, units: list[Unit], i: int) -> bool:
    """``units[i]`` follows the byline under an article's headings, before any body: it opens that body."""
    return (
        bool(cur.heads)
        and bool(cur.units)
        and all(u.kind == "byline" for u in cur.units)
        and units[i - 1] is cur.units[-1]
    )


def _heads_and_lead(group: list[Unit]) -> tuple[list[Unit], list[Unit]]:
    """Headline lines before body text: the article's headings, and the lines that open its body.

    A dash subtitle closes the headings; of more than three lines, the first is the title.
    """
    dash = next((k for k, u in enumerate(group) if k and u.text.startswith(DASHES)), 0)
    if 0 < dash <= 2:
        return group[: dash + 1], group[dash + 1 :]
    if len(group) > 3:
        return group[:1], group[1:]
    return group, []


def _drafts(units: list[Unit], whole: bool) -> list[_Draft]:
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
        if cur is not None and _tail_line(units, i, j):
            cur.units.append(u)  # the last line of the story before: the next heads are title + subtitle
            i += 1
            continue
        end = photo_end(units, j)
        body_next = end < 0 and j < len(units) and units[j].kind == "body"
        if (
            body_next
            and cur is not None
            and (
                _stub(cur)
                or _after_top_byline(cur, units, i)
                or ((cur.kind == "news" or units[i - 1].kind == "body") and _subheads(units, i, j))
            )
        ):
            cur.units += units[i:j]  # kept as paragraphs of the story
            i = j
            continue
        if (
            end > 0
            and cur is not None
            and any(u.kind == "caption" for u in units[j:end])
            and _after_top_byline(cur, units, i)
        ):
            cur.units += units[i:end]  # lines opening the body under a top byline, and the story's photo
            i = end
            continue
        if end > 0 and cur is not None and _story_photo(units, i, j, end):
            cur.units += units[i:end]  # a subheading, paragraphs and the story's own photo caption
            i = end
            continue
        lead_photo = end > 0 and j - i >= 2 and units[j - 2].text.startswith(DASHES)
        news = units[i : j - 1] if end > 0 else units[i:j]
        news, lead = _heads_and_lead(news) if body_next else (news, [])
        k = 0
        while k < len(news):  # more than three headline lines: the first ones stand alone
            left = len(news) - k
            size = min(left - 3, 3) if left > 3 else left  # an article has <= 3 heads
            cur = _Draft(heads=news[k : k + size])  # (no slicing of the rest: linear in the lines)
            drafts.append(cur)
            k += size
        if cur is not None:
            cur.units += lead
        if lead_photo and cur is not None:  # under a dash subtitle: the story's lead and its own photo
            cur.units += units[j - 1 : end]
            i = end
        elif end > 0:
            drafts.append(_Draft(kind="photo", heads=[units[j - 1]], units=units[j:end]))
            i = end
        else:
            i = j
    return drafts


def _article(d: _Draft) -> Article:
    """The draft as an Article."""
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
    drafts = [d for d in _drafts(units_of(text), whole=False) if d.heads or d.units]
    articles = sorted((_article(d) for d in drafts), key=lambda a: a.start)
    return Page(articles=articles, length=len(text))


@lru_cache(maxsize=32)
def parse_article(text: str) -> Page:
    """One article's text (a record): one article, short lines kept as paragraphs."""
    drafts = [d for d in _drafts(units_of(text, whole=True), whole=True) if d.units]
    return Page(articles=[_article(d) for d in drafts], length=len(text))
