"""D303/D304 repeated paragraphs and blocks, D306 repetitive n-grams, on the seed and on made cases."""

from __future__ import annotations

import pytest

from zhqa.checks import CATALOGUE
from zhqa.checks.duplication.paragraphs import repeats
from zhqa.checks.duplication.repetition import repetition_share
from zhqa.engine.fixer import apply_fixes
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Metric
from zhqa.text.paragraphs import paragraphs

D_DOCUMENT = [c for c in CATALOGUE.values() if c.code.startswith("D3") and c.kind == "document"]
P = [
    "近年来，喀什地区立足区域实际，聚焦新就业群体急难愁盼问题，推出一系列服务举措。",
    "新就业群体只需轻点手机，就能快速找到所需服务的点位。",
    "解决住房问题，是喀什回应新就业群体需求的重要着力点。",
    "除了线上服务平台，喀什地区在线下也积极为新就业群体打造暖心阵地。",
]


def hits(code: str, text: str) -> list:
    return CATALOGUE[code].run(Document.from_text(text, id="doc"))


def test_seed_has_one_d304_over_the_second_copy_of_the_block(seed_doc):
    found = [(code, h) for chk in D_DOCUMENT for h in chk.run(seed_doc) for code in [chk.code]]
    assert [code for code, _ in found] == ["D304"]
    hit = found[0][1]
    text = seed_doc.text
    first = text.index("踏实与期盼。")
    second = text.index("踏实与期盼。", first + 1)
    assert hit.start == second
    end_of_block = text.index("贡献“新”力量。", second) + len("贡献“新”力量。")
    assert hit.end == end_of_block
    (rel,) = hit.related
    assert (rel.doc_id, rel.start) == (seed_doc.id, first)
    assert text[rel.start : rel.end] == text[hit.start : hit.end]
    assert len(paragraphs(text[hit.start : hit.end])) == 5
    corpus = [c for c in CATALOGUE.values() if c.code.startswith("D3") and c.kind == "corpus"]
    assert {c.code for c in corpus} == {"D301", "D302", "D305"}
    assert [h for c in corpus for h in c.run_corpus([seed_doc])] == []


def test_seed_fix_removes_the_second_copy_only(seed_doc):
    (hit,) = CATALOGUE["D304"].run(seed_doc)
    fixed = apply_fixes(seed_doc.text, [hit], unsafe=True)
    assert fixed.count("踏实与期盼。") == 1
    assert len(seed_doc.text) - len(fixed) == hit.end - hit.start + 2  # the block and one blank line
    assert "贡献“新”力量。\n\n从田埂少年成长为首都劳模" in fixed
    assert not [h for chk in D_DOCUMENT for h in chk.run(Document.from_text(fixed)) if chk.code != "D306"]


def test_single_repeat_is_d303_with_related_first_copy():
    text = "\n\n".join([P[0], P[1], P[2], P[0], P[3]])
    assert hits("D304", text) == []
    (h,) = hits("D303", text)
    assert text[h.start : h.end] == P[0] and h.start > 0
    assert h.related[0].start == 0 and "line 1" in h.message
    assert apply_fixes(text, [h], unsafe=True) == "\n\n".join([P[0], P[1], P[2], P[3]])
    assert apply_fixes(text, [h], unsafe=False) == text  # the fix is unsafe


def test_block_repeated_three_times_gives_two_d304_and_no_d303():
    block = [P[0], P[1], P[2]]
    text = "\n".join(block * 3 + [P[3]])
    found = hits("D304", text)
    assert len(found) == 2 and hits("D303", text) == []
    assert all(h.related[0].start == 0 for h in found)


def test_runs_of_short_lines_or_bylines_are_not_reported():
    text = "\n".join(["本报讯", "本报记者 赖志凯", P[0], "本报讯", "本报记者 赖志凯", P[1]])
    assert hits("D303", text) == [] and hits("D304", text) == []


def test_a_short_line_inside_a_repeated_block_belongs_to_the_block():
    text = "\n".join([P[0], "踏实与期盼。", P[1], P[2], "踏实与期盼。", P[1]])
    (h,) = hits("D304", text)
    assert text[h.start : h.end] == "踏实与期盼。\n" + P[1]
    assert hits("D303", text) == []


def test_repeats_never_overlap_their_first_copy():
    text = "\n".join([P[0]] * 4)
    assert [(r.at, r.first, r.size) for r in repeats(text)] == [(1, 0, 1), (2, 0, 2)]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("哈" * 200, 0.9, 1.0), ("".join(P), 0.0, 0.0), ("欢迎光临本店！" * 30, 0.9, 1.0)],
)
def test_repetition_share_bounds(text, low, high):
    assert low <= repetition_share(text) <= high


def test_d306_emits_the_metric_on_every_text():
    out = list(CATALOGUE["D306"].evaluate(Document.from_text(P[0]), CATALOGUE["D306"].options()))
    assert out == [Metric(name="repetition_share", value=0.0)]
