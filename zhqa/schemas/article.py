"""Page, Article and their elements, each with its ``[start, end)`` span in the page text.

The parser (:mod:`zhqa.text.page`) fills these; a suite subclasses them to state
its own expectations (``schemas/news.py``). Every non-blank character of a
parsed page belongs to exactly one element (:meth:`Page.elements`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Element(BaseModel):
    """A piece of the page: its text as printed and its code-point span."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Paragraph(Element):
    """A body paragraph (one line of the page, or the rest of it after a dateline lead)."""


class Caption(Element):
    """A photo caption (``图为…``); its credit, when printed on the same line, is a Byline."""


class Credit(BaseModel):
    """One role of a byline and the names after it (``本报通讯员`` → ``姜海波``, ``张萍``)."""

    model_config = ConfigDict(frozen=True)

    role: str
    names: list[str]


class Byline(Element):
    """A byline, a photo credit (``… 摄``) or a dateline lead (``本报讯(记者邢生祥)``).

    ``credits`` is empty when the line looks like a byline but does not parse (S505).
    """

    credits: list[Credit] = Field(default_factory=list)
    dateline: bool = False
    photo: bool = False


class Furniture(Element):
    """Site furniture (``扫一扫``, ``分享到``) or end metadata (``（完）``, ``责任编辑：``)."""

    kind: Literal["boilerplate", "meta"] = "boilerplate"


class Article(BaseModel):
    """One article of a page: a news story or a photo item (title, photo text, caption, credit)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["news", "photo"] = "news"
    kicker: Element | None = None
    title: Element | None = None
    subtitle: Element | None = None
    byline: Byline | None = None
    paragraphs: list[Paragraph] = Field(default_factory=list)
    captions: list[Caption] = Field(default_factory=list)
    extra_bylines: list[Byline] = Field(default_factory=list)
    furniture: list[Furniture] = Field(default_factory=list)
    start: int = 0
    end: int = 0

    def parts(self) -> list[Element]:
        """Every element of the article, grouped by kind (not in page order)."""
        parts: list[Element] = [e for e in (self.kicker, self.title, self.subtitle, self.byline) if e]
        parts += [*self.paragraphs, *self.captions, *self.extra_bylines, *self.furniture]
        return parts

    def elements(self) -> Iterator[Element]:
        """Every element of the article, in page order."""
        yield from sorted(self.parts(), key=lambda e: e.start)

    @property
    def dateline(self) -> Byline | None:
        """The dateline lead (``本报讯(记者…)``) if the article has one."""
        return next((b for b in (self.byline, *self.extra_bylines) if b and b.dateline), None)


class Page(BaseModel):
    """A parsed page: its articles in order of their first element."""

    model_config = ConfigDict(frozen=True)

    articles: list[Article] = Field(default_factory=list)
    length: int = 0

    def elements(self) -> Iterator[Element]:
        """Every element of the page, in page order (they never overlap)."""
        yield from sorted((e for a in self.articles for e in a.parts()), key=lambda e: e.start)
