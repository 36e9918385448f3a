"""Acceptance on seeds/page-001.txt: the NFKC-damaged page of DESIGN.md."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.punctuation.conftest import p_hits
from zhqa.checks import CATALOGUE
from zhqa.checks.punctuation._context import FULL
from zhqa.engine.fixer import apply_fixes
from zhqa.schemas.document import Document
from zhqa.text.lines import is_furniture


@pytest.fixture(scope="module")
def hits(seed_text):
    return p_hits(seed_text, "page-001.txt")


def by_code(hits, code):
    return [h for c, h in hits if c == code]


def test_every_ascii_mark_between_hanzi_is_one_p201_with_its_fullwidth_fix(seed_text, hits):
    p201 = by_code(hits, "P201")
    expected = [m.start() for m in re.finditer(r"[,;:()!]", seed_text)]
    assert len(expected) == 259
    assert [h.start for h in p201] == expected
    for h in p201:
        assert h.end == h.start + 1
        assert h.fix is not None and h.fix.replacement == FULL[seed_text[h.start]]
        assert h.fix.applicability == "safe"


def test_decimal_points_are_not_p201(seed_text, hits):
    starts = {h.start for h in by_code(hits, "P201")}
    for number in ("1.2万", "1.97万"):
        i = seed_text.index(number)
        assert not any(i <= s < i + len(number) for s in starts)


def test_tilde_range_is_p205_with_fullwidth_tilde(seed_text, hits):
    i = seed_text.index("3%~5%") + 2
    p205 = by_code(hits, "P205")
    assert [(h.start, h.end, h.fix.replacement) for h in p205] == [(i, i + 1, "～")]


def test_one_p209_for_the_page_pointing_to_zhqa_fix(hits):
    p209 = by_code(hits, "P209")
    assert len(p209) == 1
    assert "NFKC" in p209[0].message and "zhqa fix" in p209[0].message


def test_p207_silent_on_bylines_captions_headlines(seed_text, hits):
    assert by_code(hits, "P207") == []
    furniture = [ln for ln in seed_text.splitlines() if ln.strip() and " " in ln.strip()]
    assert furniture, "the seed has lines with spaces"
    for line in furniture:
        doc = Document.from_text(line)
        if is_furniture(line) or line.startswith("本报讯"):
            assert CATALOGUE["P207"].run(doc) == [], line


def test_split_quotation_is_one_p202_on_the_opening_mark_with_the_close_related(seed_text, hits):
    p202 = by_code(hits, "P202")
    open_at = seed_text.index("开展“大") + 2
    close_at = seed_text.index("工匠带学徒”") + 5
    assert [(h.start, h.end) for h in p202] == [(open_at, open_at + 1)]
    assert [(r.start, r.end) for r in p202[0].related] == [(close_at, close_at + 1)]


def test_one_defect_one_code(hits):
    spans = Counter((h.start, h.end) for _, h in hits)
    assert [s for s, n in spans.items() if n > 1] == []


def test_safe_fixes_restore_the_page_and_converge(seed_text, hits):
    fixed = apply_fixes(seed_text, [h for _, h in hits])
    again = Counter(code for code, _ in p_hits(fixed))
    assert again["P201"] == again["P205"] == again["P209"] == 0
    assert "，苏州打破" in fixed and "3%～5%" in fixed and "本报讯（记者邢生祥）" in fixed


def test_width_metrics_are_reported(seed_text):
    metrics = {
        m.name: m.value
        for m in CATALOGUE["P201"].evaluate(Document.from_text(seed_text))
        if not hasattr(m, "start")
    }
    assert metrics["halfwidth_punct"] == 259
    assert metrics["fullwidth_punct"] == sum(seed_text.count(c) for c in "，。；：？！（）")
    assert metrics["p201_per_1000"] == pytest.approx(259 * 1000 / len(seed_text))
