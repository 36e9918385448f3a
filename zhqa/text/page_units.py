"""Page lines as units (headline, body, caption, byline, credit, furniture) for the page parser.

Each non-blank line is classified by :func:`zhqa.text.lines.line_kind`; a
dateline lead and a photo credit printed on a caption line become units of their
own. Then some body lines are headlines by position: a question or a long title
over a byline or a dash subtitle, a title-like line over a photo item on another
topic, a headline-like line wider than 48 characters only because of Latin names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from zhqa.text.cohesion import WINDOW, continues
from zhqa.text.lines import (
    CLOSERS,
    PAUSES,
    LineKind,
    credit_start,
    dateline,
    ends_sentence,
    is_headline,
    line_kind,
)
from zhqa.text.paragraphs import paragraphs

PHOTO_MAX_PARAS = 4
PHOTO_MAX_CHARS = 300
DASHES = ("—", "-", "－")
TEXT_KINDS = ("body", "headline")
_NOT_NAMES = re.compile(
    r"\$(?!\d)|[\\{}=^_<>+?*#|\[\]\"`~@;!]"
)  # markup or formulas ($ before a digit: money)


@dataclass
class Unit:
    """One line of the page (or a dateline lead / a credit cut from one) and what it is."""

    kind: str  # headline body caption byline credit boilerplate meta
    start: int
    end: int
    text: str
    dateline: bool = False


def units_of(text: str, whole: bool = False) -> list[Unit]:
    """The page's units; ``whole`` (one record's article) skips what only tells headlines from body lines."""
    out: list[Unit] = []
    for p in paragraphs(text):
        kind = line_kind(p.text)
        if kind is LineKind.body and (lead := dateline(p.text)):
            head = p.text[:lead].rstrip()
            rest = p.text[lead:]
            skip = len(rest) - len(rest.lstrip())
            out.append(Unit("byline", p.start, p.start + len(head), head, dateline=True))
            out.append(Unit("body", p.start + lead + skip, p.end, rest.lstrip()))
            continue
        if kind is LineKind.caption and (cut := credit_start(p.text)) > 0:
            cap = p.text[:cut].rstrip()
            out.append(Unit("caption", p.start, p.start + len(cap), cap))
            out.append(Unit("credit", p.start + cut, p.end, p.text[cut:]))
            continue
        if kind is LineKind.byline and p.text.rstrip().endswith("摄"):
            out.append(Unit("credit", p.start, p.end, p.text))
            continue
        prev = out[-1] if out else None
        if (
            kind is LineKind.byline
            and prev is not None
            and prev.kind == "byline"
            and not prev.dateline
            and text[prev.end : p.start].count("\n") == 1
        ):
            out[-1] = Unit("byline", prev.start, p.end, text[prev.start : p.end])
            continue
        if kind is LineKind.body and not whole and wide_headline(p.text):
            kind = LineKind.headline
        out.append(Unit(kind.value, p.start, p.end, p.text))
    if whole:
        return out  # one record, one article: a headline line and a body line are both its paragraphs
    _promote_titles(out)
    # headline-like lines after the last body line, at the end of the page, are a truncated end
    tail = len(out)
    while tail and out[tail - 1].kind == "headline":
        tail -= 1
    if tail and tail < len(out) and out[tail - 1].kind == "body":
        for u in out[tail:]:
            u.kind = "body"
    return out


def _asks(line: str, comma: bool = False) -> bool:
    """A short question or exclamation that could be a headline (a clause comma only if ``comma``)."""
    core = line.rstrip("？！?! ")
    return (
        len(line) <= (40 if comma else 30)
        and core != line
        and is_headline(core)
        and (comma or "，" not in core)
    )


def wide_headline(line: str) -> bool:
    """A headline-like line over 48 characters only because of Latin words (``利雲斯頓 (Livingston) …``).

    Printed width: an ASCII character takes half a hanzi's.
    """
    if len(line) <= 48 or len(line) > 96 or "。" in line or _NOT_NAMES.search(line):
        return False
    ascii_ = sum(1 for ch in line if ch.isascii())
    balanced = line.count("(") + line.count("（") == line.count(")") + line.count("）")
    return len(line) - ascii_ / 2 <= 48 and balanced and not dateline(line) and _title_like(line)


def _title_like(line: str) -> bool:
    """A line that could be a long title: no full stop in it, and it does not end a sentence or a clause."""
    core = line.rstrip(CLOSERS)
    return (
        0 < len(line) <= 80
        and "。" not in line
        and ends_sentence(line) is not True
        and core[-1:] not in PAUSES
    )


def _ends_article(out: list[Unit], k: int) -> bool:
    """``out[k]`` starts the page or follows the end of an article (a closing byline, a credit, end metadata)."""
    if k == 0:
        return True
    prev = out[k - 1]
    if prev.kind in ("credit", "meta"):
        return True
    return (
        prev.kind == "byline"
        and not prev.dateline
        and k >= 2
        and out[k - 2].kind in ("body", "caption", "credit")
    )


def _photo_title(out: list[Unit], k: int) -> bool:
    """``out[k]``, after body text, titles a photo item: a title-like line over a photo-item shape on another topic."""
    if not (_asks(out[k].text, comma=True) or _title_like(out[k].text)):
        return False
    end = photo_end(out, k + 1)
    if end < 0:
        return False
    photo = "".join(u.text for u in out[k + 1 : end])
    return not continues(window(out, k - 1, -1, TEXT_KINDS), out[k].text, photo)


def _promote_titles(out: list[Unit]) -> None:
    """Body lines that are headlines by position: a question or a long title before a byline or dash subtitle,
    or over body text right after the end of an article (a closing byline, a credit)."""
    for k, (u, nxt) in enumerate(pairwise(out)):
        if u.kind != "body" or u.text.endswith("。"):
            continue  # a line ending with a full stop is never a title (every branch below needs that)
        dash = nxt.text.startswith(DASHES)
        heads_story = nxt.kind == "byline" or dash
        if heads_story and _asks(u.text, comma=dash):
            u.kind = "headline"
        elif (
            dash or (nxt.kind == "byline" and k + 2 < len(out) and out[k + 2].kind == "body")
        ) and _title_like(u.text):
            u.kind = "headline"  # over a dash subtitle, or a byline over body text (a top byline): a title
        elif (k and out[k - 1].kind == "body" and _photo_title(out, k)) or (
            _ends_article(out, k)
            and (
                (heads_story and nxt.kind != "credit" and _title_like(u.text))
                or (_asks(u.text) and photo_end(out, k + 1) > 0)
                or (k and nxt.kind == "body" and (_asks(u.text, comma=True) or _title_like(u.text)))
            )
        ):
            u.kind = "headline"


def photo_end(units: list[Unit], j: int) -> int:
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


def window(units: list[Unit], k: int, step: int, kinds: tuple[str, ...]) -> str:
    """Text of the ``kinds`` units read from ``units[k]`` in direction ``step``, about WINDOW long."""
    parts: list[str] = []
    size = 0
    while 0 <= k < len(units) and units[k].kind in kinds and size < WINDOW:
        parts.append(units[k].text)
        size += len(units[k].text)
        k += step
    return "".join(reversed(parts) if step < 0 else parts)
