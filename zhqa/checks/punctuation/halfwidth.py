"""P201 halfwidth-punctuation and P209 width-normalised-text, with the mixed-width metrics."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from zhqa.checks.punctuation._context import FULL, halfwidth_marks, hit, tilde_ranges
from zhqa.checks.registry import Bad, Good, check
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit, Metric
from zhqa.text.chars import hanzi_count

_NON_SPACE_RUN = re.compile(r"\S+")
# Fix is frozen: one shared instance per mark
_FIXES = {ch: Fix(replacement=full, title=f"replace with full-width {full!r}") for ch, full in FULL.items()}
_MESSAGES = {ch: f"ASCII {ch!r} in Chinese text; use {full!r}" for ch, full in FULL.items()}


@check(
    code="P201",
    name="halfwidth-punctuation",
    severity="error",
    fix="always",
    examples=[
        Bad(
            "推动产业链人才链融合,苏州打破技能人才评价壁垒",
            fixed="推动产业链人才链融合，苏州打破技能人才评价壁垒",
        ),
        Bad("本报讯(记者邢生祥)近日,会议召开。", fixed="本报讯（记者邢生祥）近日，会议召开。"),
        Bad("他说:这是真的吗?", fixed="他说：这是真的吗？"),
        Good("提供就业岗位信息1.2万个，共1,000.5万元。", why="decimal points and thousands separators"),
        Good("比赛于10:30开始，比分3:2。", why="times and scores are numbers"),
        Good("详见 https://example.com/a,b;c 的说明。", why="a URL is a Latin run"),
        Good("他引用了 Hello, world. 这句话。", why="marks inside an English run"),
    ],
)
def halfwidth_punctuation(doc: Document) -> Iterator[Hit | Metric]:
    """ASCII `, . ; : ? ! ( )` in CJK context where GB/T 15834 uses `，。；：？！（）`.

    ## Why is this bad?
    Chinese text takes full-width marks. Half-width ones usually mean the text went
    through NFKC or a careless converter (`，` became `,`); they break sentence
    splitting, tokenisers and the look of the page.

    ## Fix safety
    Each mark is replaced by its full-width form; a bracket pair is fixed as a unit
    (`(WHO)` after a hanzi becomes `（WHO）`), so fixes are safe.

    ## Known limits
    `.` is only reported right after a Chinese character (`U.S.`, `.cn`, `3.5` stay).
    Marks inside URLs and e-mail addresses are never reported.

    ## Metrics
    Per document, for reports: `halfwidth_punct` (ASCII marks in CJK context, the
    findings), `fullwidth_punct` (full-width `，。；：？！（）`) and `p201_per_1000`
    (findings per 1,000 characters).

    ## References
    GB/T 15834-2011, 3 and 5.1 (full-width marks in Chinese text).
    """
    text = doc.text
    marks = halfwidth_marks(text)
    for i, ch in marks:
        yield hit(i, i + 1, _MESSAGES[ch], _FIXES[ch])
    half, full = len(marks), fullwidth_count(text)
    if not half:
        yield from _clean(full)
        return
    yield _count("halfwidth_punct", half)
    yield _count("fullwidth_punct", full)
    yield Metric(name="p201_per_1000", value=1000 * half / len(text))


def fullwidth_count(text: str) -> int:
    """``sum(map(text.count, FULLWIDTH_MARKS))``: a mark most texts lack is counted only when
    ``in`` (which stops at the first) finds it, as ``count`` reads the whole text."""
    n = text.count("，") + text.count("。") + text.count("（") + text.count("）")
    if "；" in text:
        n += text.count("；")
    if "：" in text:
        n += text.count("：")
    if "？" in text:
        n += text.count("？")
    if "！" in text:
        n += text.count("！")
    return n


@lru_cache(maxsize=2048)
def _count(name: str, value: int) -> Metric:
    """Metrics are frozen: one instance per (name, count) serves every document."""
    return Metric(name=name, value=value)


@lru_cache(maxsize=2048)
def _clean(full: int) -> tuple[Metric, Metric, Metric]:
    """The metrics of a text without findings and with ``full`` full-width marks."""
    return _count("halfwidth_punct", 0), _count("fullwidth_punct", full), _count("p201_per_1000", 0)


def _hanzi_share(text: str) -> float:
    hanzi = hanzi_count(text)
    non_space = sum(len(m) for m in _NON_SPACE_RUN.findall(text))
    return hanzi / non_space if non_space else 0.0


class WidthOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_marks: int = Field(20, ge=1, description="ASCII marks in CJK context needed to report")
    min_hanzi_share: float = Field(0.5, ge=0, le=1, description="below it the text is Latin-heavy")


_NFKC_SAMPLE = "推动产业链人才链融合,苏州打破壁垒。" * 2 + "他说:“好!”(完)" * 6 + "价格降低3%~5%;"


@check(
    code="P209",
    name="width-normalised-text",
    severity="error",
    options=WidthOptions,
    examples=[
        Bad(_NFKC_SAMPLE, why="20 ASCII marks, no full-width ones, 。 and “” kept: NFKC damage"),
        Good(_NFKC_SAMPLE.replace(";", "；"), why="one full-width mark: mixed typing, not NFKC"),
        Good("Prices rose, fell; (see: chart) ok! " * 5 + "价格。", why="Latin-heavy text"),
    ],
)
def width_normalised_text(doc: Document, options: WidthOptions) -> Iterator[Hit]:
    """Once per document: the whole text went through NFKC-like width normalisation.

    ## Why is this bad?
    NFKC (or ftfy's width fix) folds `，；：（）！？～` to ASCII but leaves `。、“”`
    alone. When a document has many ASCII marks in CJK context, not one full-width
    one, and still has `。` or `“”`, the damage is systematic, not a typo: fix the
    pipeline step and run `zhqa fix` (P201/P205 fixes restore every mark).

    ## Known limits
    Latin-heavy documents (hanzi share below `min_hanzi_share`) are skipped.
    """
    text = doc.text
    if "。" not in text and "“" not in text and "”" not in text:
        return
    if "，" in text or "；" in text or "：" in text or "（" in text or "）" in text or "！" in text:
        return  # an or-chain: no generator per document; `，` ends it for almost every text
    if "？" in text or "～" in text:
        return
    marks = [i for i, ch in halfwidth_marks(text) if ch != "."]
    marks += tilde_ranges(text)
    if len(marks) < options.min_marks or _hanzi_share(text) < options.min_hanzi_share:
        return
    first = min(marks)
    yield Hit(
        start=0,
        end=0,
        message=(
            f"{len(marks)} ASCII marks in CJK context and no full-width ，；：（）！？～ while 。/“” "
            "remain: the text went through NFKC-like width normalisation upstream; "
            "run `zhqa fix` to restore the marks (P201/P205 fixes)"
        ),
        excerpt=text[max(0, first - 10) : first + 10].strip(),
    )
