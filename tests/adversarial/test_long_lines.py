"""No check is superlinear in the length of a line (issues 2 and 13).

A corpus may hold one document of hundreds of thousands of characters on one line (table
dumps, machine-joined text without sentence ends), or of tens of thousands of short lines;
a check quadratic in the line, sentence or paragraph count then hangs the whole run. Each
unit below is rich in some checks' triggers; repeated to n and 4n characters, every document
check and every corpus check's map must cost less than 8x more CPU at 4n (linear: ~4x,
quadratic: ~16x). Checks run in the runner's order on one text, so a computation they
share is charged to the first that asks (as ``bench/checks_time.py`` does); each text is
new (a distinct first character), so no cache keyed on the text carries over.
"""

from __future__ import annotations

import gc
import itertools
import time
from collections.abc import Callable, Iterable

import pytest

from zhqa.checks.runner import Plan
from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.document import Document

N = 32_000  # characters of the small text; the large one has 4 * N
RATIO = 8.0  # linear gives ~4, quadratic ~16
FLOOR = 0.01  # CPU s: below this a small measurement is timer and scheduling noise
BIG_DOC = 200_000
BIG_DOC_LIMIT = 10.0  # CPU s per check on one 200k-character document of every unit

UNITS = {
    # numeric: wholes and parts, enumerations, dates, ranges, shares, trends, styles
    "parts": "全年共计12个，其中8个在市区，",
    "parts_units": "共12个，其中8人，剩余3个，男5人女6人；",
    "enum_colon": "会议提出三个方面：改革、发展、稳定，",
    "enum_markers": "两项工作：一是改革二是发展三是稳定、四大领域",
    "dates": "2024年3月5日（星期二）至3月8日，报名截止到2月30日，“8月32日”，25时61分，",
    "ranges": "增长3%至5%，下降2.5%~4%，10-20亿元，3～5%，13～17万元，",
    "shares": "占比45.6%，比重为105%，同比增长12.3个百分点，其余54.4%，",
    "trends": "由100吨增至200吨，增长100%，能耗降低了3倍，从12%提高到15%，提高了3%，由3年增至5年",
    "numstyle": "1，234，567元12.3万亿元三千五百万3千二个三、四个１２３，2025年，20年前的2015年，",
    # punctuation: pairs and quotes, ASCII marks, spacing, ellipses, dashes, interpuncts
    "pairs_open": "他说“你好“世界（中国（【《〈「『〔‘",
    "pairs_close": "）】》〉」』〕”’改革”（发展）《规划》",
    "ascii_marks": "中国,经济;发展:稳定!增长?(注)他说\"这是\"重要的'报告'，",
    "spacing": "中文 English 混排 abc中文123中 Hello， world： this is a test， ok。",
    "marks": "他说...然后。。。接着······还有…北京--上海－－广州──深圳―3~5天，，。。、，",
    "interpunct": "约翰・史密斯•玛丽‧安2024．5．1アニメ・マンガ",
    # encoding: scripts, radicals, mojibake, invisible and control characters
    "traditional": "經濟發展與國際貿易關係這是經濟。",
    "radicals": "⼈⺠⽇报⼯作⼤会中\uf900\u2e80文\u2f00字",
    "mojibake": "鍏ㄥ勾鍏辫锟斤拷Ã¤Â¸Â­æ–‡ï¼Œ",
    "invisible": "中文\x01\x7f\u200b\u00ad\ufeff\u202e\ufffd文字\ue000\ufdd0ＡＢＣ１２３中\u00a0文\u3000字",
    # plain runs: no punctuation at all, digits only
    "hanzi": "中华人民共和国国务院",
    "digits": "0123456789",
    # structure and duplication: furniture, bylines, captions, pages, repeated paragraphs
    "furniture": "本报讯（记者 张三）图为会议现场。新华社记者 李四 摄来源：新华网责任编辑：王五扫一扫分享到",
    "sentences": "这是一个重复的句子。",
    "para_repeat": "这是一个重复的段落内容在这里。\n",
    "page_lines": "第3页\n上一页 下一页\n本报记者 张三\n图为会议现场。新华社记者 李四 摄\n",
    "short_lines": "改革\n",
    "head_body": "标题\n正文内容很长，会议今天召开，\n",
    "byline_lines": "——记者 张三\n（完）\n图为会议现场。\n来源：新华网\n",
    "list_lines": "1. 第一条内容\n（二）第二条\n“第一段话，\n\n",
}

_fresh = itertools.count()


def _calls() -> list[tuple[str, Callable[[Document], Iterable[object]]]]:
    """Every document check and corpus check map, in the runner's order."""
    plan = Plan.build(SuiteConfig())
    calls = [(c.code, call) for c, call in plan.bound()]
    for c in plan.corpus_checks:  # as map_batch runs them: map_many when the check has it
        opts = plan.options[c.code]
        many = getattr(c, "map_many", None)
        if many is not None:
            calls.append((f"{c.code}.map_many", lambda doc, many=many, opts=opts: many([doc], opts)[0]))
        else:
            calls.append((f"{c.code}.map", lambda doc, c=c, opts=opts: c.map(doc, opts)))
    return calls


CALLS = _calls()


def _text(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters after a first character no other text has."""
    body = unit * (size // len(unit) + 1)
    return chr(0x4E00 + next(_fresh) % 20_000) + body[: size - 1]


def _cpu(text: str) -> dict[str, float]:
    """CPU seconds of each call on one document of ``text``, the garbage collector paused
    (its full passes over every live object, the test's cached texts included, would be
    charged to whichever check allocates at that moment: the checks' own cost is measured)."""
    doc = Document(id="long", source="adversarial", text=text)
    out = {}
    gc.disable()
    try:
        for code, call in CALLS:
            t0 = time.process_time()
            for _ in call(doc):
                pass
            out[code] = time.process_time() - t0
    finally:
        gc.enable()
    return out


def _min(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    return {k: min(a[k], b[k]) for k in a}


def _ratios(small: dict[str, float], big: dict[str, float]) -> dict[str, float]:
    return {k: big[k] / max(small[k], FLOOR) for k in small}


@pytest.mark.parametrize("unit", sorted(UNITS))
def test_cpu_grows_linearly_with_the_line(unit):
    text = UNITS[unit]
    small = _min(_min(_cpu(_text(text, N)), _cpu(_text(text, N))), _cpu(_text(text, N)))
    big = _cpu(_text(text, 4 * N))
    slow = [k for k, r in _ratios(small, big).items() if r >= RATIO]
    for _ in range(2 if slow else 0):  # a busy machine: measure both sizes again before failing
        small = _min(small, _cpu(_text(text, N)))
        big = _min(big, _cpu(_text(text, 4 * N)))
    ratios = _ratios(small, big)
    bad = {k: f"{small[k]:.3f}s -> {big[k]:.3f}s (x{ratios[k]:.1f})" for k in slow if ratios[k] >= RATIO}
    assert not bad, f"superlinear on {4 * N:,} characters of {text[:20]!r}…: {bad}"


def test_one_200k_document_of_every_unit():
    units = itertools.cycle(UNITS.values())
    parts: list[str] = []
    size = 0
    while size < BIG_DOC:
        u = next(units) * 40  # runs of each unit, so every trigger repeats in one sentence too
        parts.append(u)
        size += len(u)
    mixed = "".join(parts)[:BIG_DOC]
    cpu = _cpu(mixed)
    slow = {k: f"{v:.2f}s" for k, v in cpu.items() if v >= BIG_DOC_LIMIT}
    assert not slow, f"over {BIG_DOC_LIMIT}s CPU on one {len(mixed):,}-character document: {slow}"
    assert len(mixed) == BIG_DOC


def test_deep_nesting_is_linear():
    """Pairs nested thousands deep (``（“（“…”）”）``): no pass per level."""

    def nested(size: int) -> str:
        k = size // 4
        return chr(0x4E00 + next(_fresh) % 20_000) + "（“" * k + "”）" * k

    small = _min(_cpu(nested(N)), _cpu(nested(N)))
    big = _min(_cpu(nested(4 * N)), _cpu(nested(4 * N)))
    bad = {k: f"{small[k]:.3f}s -> {big[k]:.3f}s" for k, r in _ratios(small, big).items() if r >= RATIO}
    assert not bad, f"superlinear on nesting {N} deep: {bad}"
