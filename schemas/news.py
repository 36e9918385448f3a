"""This suite's data contract: the pages and records of our newspaper corpus.

Loaded by path from ``[tool.zhqa]`` (``schema = "schemas/news.py:NewsPage"``;
``record_schema = "schemas/news.py:NewsRecord"`` for record corpora). The
models extend the public ones of ``zhqa.schemas``, as any user's suite would;
the check X903 (``checks/pages.py``) validates every parsed page against them.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, model_validator

from zhqa.schemas.article import Article, Byline, Page
from zhqa.schemas.record import Record

HOUSE_ROLES = ("本报记者", "本报通讯员", "记者", "通讯员")
_PAGE_NO = re.compile(r"^第\d{2}版$")


def _page_no(v: str) -> str:
    if not _PAGE_NO.match(v):
        raise ValueError(f"page {v!r} is not like 第05版")
    return v


class NewsRecord(Record):
    """One article as a JSONL/Parquet record: the default record plus our 版次 field."""

    page: Annotated[str, AfterValidator(_page_no)] | None = None


def _roles(bylines: list[Byline]) -> list[str]:
    return [c.role for b in bylines for c in b.credits if c.role not in HOUSE_ROLES]


class NewsArticle(Article):
    """A story or photo item: house roles only; a photo item carries its credit (… 摄)."""

    @model_validator(mode="after")
    def _house_rules(self) -> NewsArticle:
        bylines = [b for b in (self.byline, *self.extra_bylines) if b is not None]
        bad = _roles(bylines)
        if bad:
            raise ValueError(f"byline role {bad[0]} is not one of {'、'.join(HOUSE_ROLES)}")
        if self.kind == "photo" and not any(b.photo for b in bylines):
            raise ValueError("photo item without a credit (… 摄)")
        return self


class NewsPage(Page):
    """A printed page of our paper: its articles follow the house rules."""

    articles: list[NewsArticle]  # type: ignore[assignment]
