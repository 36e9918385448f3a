"""Every page against the suite's page schema (``schema`` in [tool.zhqa]) (X903)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from zhqa.checks import Bad, Good, check
from zhqa.plugins import load_schema
from zhqa.schemas import Document, Hit, SuiteConfig
from zhqa.text.page import parse_page

_NEWS = {"schema": f"{Path(__file__).resolve().parents[1] / 'schemas' / 'news.py'}:NewsPage"}


@check(
    code="X903",
    name="page-schema-violation",
    severity="error",
    family="structure",
    examples=[
        Bad(
            "鲜花快递换新装\n\n图为快递员正在打包鲜花。\n\n本报讯 会议昨日召开。",
            config=_NEWS,
            why="photo item, no credit",
        ),
        Bad("本报讯(实习生 李明)近日,培训班开班。", config=_NEWS, why="role outside the house style"),
        Good("鲜花快递换新装\n\n图为快递员正在打包鲜花。 本报记者 甘哲 摄", config=_NEWS),
        Good("本报讯(记者邢生祥)近日,招聘会在乐都区举办。", config=_NEWS),
        Good("本报讯(实习生 李明)近日,培训班开班。", why="no schema configured: nothing to check"),
    ],
)
def page_schema_violation(doc: Document, config: SuiteConfig) -> Iterator[Hit]:
    """A parsed page breaks the suite's page schema (`schema = "schemas/news.py:NewsPage"`).

    The page is parsed into articles (`zhqa parse`) and validated with the
    schema's pydantic model; each error is reported on the article it is about.
    Records are validated by `record_schema` instead (S501).

    ## Why is this bad?
    The schema is the suite's contract for what a page is: an article that
    breaks it (a photo item without its credit, a byline role the paper does not
    print) is a page that was extracted, assembled or typed wrongly.
    """
    if doc.line is not None:
        return  # a record: record_schema (S501) checks it
    model = load_schema(config) if config.schema_ else None
    if model is None:
        return
    page = parse_page(doc.text)
    try:
        model.model_validate(page.model_dump())
    except ValidationError as e:
        for err in e.errors(include_url=False):
            loc = err["loc"]
            i = loc[1] if len(loc) > 1 and loc[0] == "articles" and isinstance(loc[1], int) else None
            art = page.articles[i] if i is not None and i < len(page.articles) else None
            where = f"article {i + 1}" if i is not None else "page"
            msg = str(err["msg"]).removeprefix("Value error, ")
            start, end = (art.start, art.end) if art else (0, 0)
            head = art.title or art.byline if art else None
            if head is not None:
                start, end = head.start, head.end
            yield Hit(start=start, end=end, message=f"{where}: {msg}")
