"""This suite's data contract: the records and pages of our newspaper corpus.

Loaded by path from ``[tool.zhqa]`` (``schema = "schemas/news.py:NewsPage"``),
with the public models of ``zhqa.schemas`` as the base, as any user's suite would.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

HOUSE_ROLES = ("本报记者", "本报通讯员", "记者", "通讯员")
_PAGE_NO = re.compile(r"^第\d{2}版$")


class NewsRecord(BaseModel):
    """One article as a JSONL/Parquet record of the corpus."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    title: str | None = None
    date: dt.date | None = None
    page: str | None = Field(default=None, description="版次, e.g. 第05版")
    source: str | None = None
    url: str | None = None

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is blank")
        return v

    @field_validator("page")
    @classmethod
    def _page_no(cls, v: str | None) -> str | None:
        if v is not None and not _PAGE_NO.match(v):
            raise ValueError(f"page {v!r} is not like 第05版")
        return v


class NewsByline(BaseModel):
    """Who is credited, by house role (本报记者 康功 / 本报通讯员 姜海波 张萍)."""

    role: Literal["本报记者", "本报通讯员", "记者", "通讯员"]
    names: list[str] = Field(min_length=1)


class NewsArticle(BaseModel):
    """One item of a page: a news story or a photo item."""

    model_config = ConfigDict(extra="allow")

    kind: Literal["news", "photo"]
    title: str = Field(min_length=1)
    kicker: str | None = None
    subtitle: str | None = None
    bylines: list[NewsByline] = Field(default_factory=list)
    credit: str | None = None

    @field_validator("credit")
    @classmethod
    def _credit(cls, v: str | None) -> str | None:
        if v is not None and not v.rstrip().endswith("摄"):
            raise ValueError("a photo credit ends with 摄")
        return v


class NewsPage(BaseModel):
    """A printed page: between one and twelve articles; photo items carry a credit."""

    model_config = ConfigDict(extra="allow")

    articles: list[NewsArticle] = Field(min_length=1, max_length=12)

    @field_validator("articles")
    @classmethod
    def _photos_credited(cls, v: list[NewsArticle]) -> list[NewsArticle]:
        for a in v:
            if a.kind == "photo" and not a.credit:
                raise ValueError(f"photo item {a.title!r} has no credit")
        return v
