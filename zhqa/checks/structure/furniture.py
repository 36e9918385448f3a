"""S508, S509: lengths out of bounds and site furniture inside the body."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from zhqa.checks.registry import Bad, Good, check
from zhqa.checks.structure._common import flow, is_record, snippet
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Hit


class LengthBounds(BaseModel):
    """Length bounds in characters (spaces not counted); 0 switches a bound off."""

    model_config = ConfigDict(extra="forbid")

    title_min: int = Field(default=2, ge=0)
    title_max: int = Field(default=64, ge=0)
    paragraph_max: int = Field(default=3000, ge=0)
    document_min: int = Field(default=0, ge=0)
    document_max: int = Field(default=200_000, ge=0)


def _size(text: str) -> int:
    """Characters that are not whitespace (``str.split`` drops exactly the ``isspace`` ones)."""
    return len("".join(text.split()))


def _outside(n: int, lo: int, hi: int) -> str | None:
    if lo and n < lo:
        return f"{n} characters, fewer than {lo}"
    if hi and n > hi:
        return f"{n} characters, more than {hi}"
    return None


@check(
    code="S508",
    name="length-out-of-bounds",
    severity="info",
    options=LengthBounds,
    examples=[
        Bad("会议召开。", options={"document_min": 20}, why="a document under 20 characters"),
        Bad("对于首都环卫工王进吉而言，过去的一年既有挑战，更有惊喜。" * 3, options={"paragraph_max": 50}),
        Good("对于首都环卫工王进吉而言，过去的一年既有挑战，更有惊喜。"),
    ],
)
def length_out_of_bounds(doc: Document, options: LengthBounds) -> Iterator[Hit]:
    """Titles, paragraphs or documents outside the configured length bounds.

    Bounds are `[tool.zhqa.options.S508]`: `title_min`, `title_max`,
    `paragraph_max`, `document_min`, `document_max` (characters, spaces not counted;
    0 switches a bound off; `document_min` is off by default).
    A record's `title` field is measured too.

    ## Why is this bad?
    A one-character title, a 5 000-character paragraph or a 10-character
    document usually means a split or merge went wrong upstream.
    """
    o = options
    n = len(doc.text)  # an upper bound of the size: count exactly only when a bound could be crossed
    if (o.document_min or (o.document_max and n > o.document_max)) and (
        why := _outside(_size(doc.text), o.document_min, o.document_max)
    ):
        yield Hit(start=0, end=n, message=f"document has {why}")
    f = flow(doc)
    titles = [(t.start, t.end, t.text) for a in f.articles if (t := a.title)] if f.articles else []
    if is_record(doc) and isinstance(title := doc.meta.get("title"), str) and title.strip():
        titles.append((0, 0, title))
    for start, end, text in titles:
        if why := _outside(_size(text), o.title_min, o.title_max):
            yield Hit(start=start, end=end, message=f"title {snippet(text)!r} has {why}")
    if not o.paragraph_max or n <= o.paragraph_max:
        return
    for p in f.paragraphs():
        if len(p.text) > o.paragraph_max and (why := _outside(_size(p.text), 0, o.paragraph_max)):
            yield Hit(start=p.start, end=p.end, message=f"paragraph has {why}")


@check(
    code="S509",
    name="boilerplate-line",
    severity="info",
    examples=[
        Bad("会议在北京召开，代表们审议了报告。\n\n扫一扫在手机打开当前页\n\n会议还通过了决议。"),
        Bad(
            "会议在北京召开，代表们审议了报告。\n\n责任编辑：王宁\n\n会议还通过了决议。",
            why="editor line mid-body",
        ),
        Good(
            "会议在北京召开，代表们审议了报告。\n\n会议还通过了决议。\n\n（完）\n\n责任编辑：王宁",
            why="end metadata",
        ),
    ],
)
def boilerplate_line(doc: Document) -> Iterator[Hit]:
    """Site furniture inside the body: `来源：`, `责任编辑：`, `扫一扫`, `分享到`, `打印本页`, `【字体：大 中 小】`.

    `（完）`, editor and source lines after the last paragraph of an article are
    metadata: the parser classifies them and this check leaves them alone.

    ## Why is this bad?
    Navigation and sharing widgets scraped with the article are not text; they
    repeat across documents and pollute training data and statistics.
    """
    for art in flow(doc).articles:
        last_para = max((p.start for p in art.paragraphs), default=-1)
        for f in art.furniture:
            if f.kind == "meta" and f.start > last_para:
                continue
            yield Hit(
                start=f.start, end=f.end, message=f"site furniture in the body: {snippet(f.text, 20)!r}"
            )
