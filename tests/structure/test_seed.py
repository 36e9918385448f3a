"""The seed page as DESIGN.md's "what the seed teaches" describes its structure."""

from __future__ import annotations

import json

import pytest

from zhqa.checks import CATALOGUE
from zhqa.schemas.document import Document
from zhqa.text.page import parse_page

TABLE = [
    (
        "news",
        "推动产业链人才链融合,苏州打破技能人才评价壁垒",
        "“链主”企业发证书,一证“链通”上下游",
        None,
        None,
    ),
    ("photo", None, "鲜花快递换新装", None, "本报记者 甘哲 摄"),
    ("news", None, "青海海东规范化发展劳务品牌", None, "本报讯(记者邢生祥)"),
    ("photo", None, "瞄准市场需要 加工文创产品", None, "本报通讯员 计海新 摄"),
    (
        "news",
        "线上线下全面布局,切实解决“找服务难”问题",
        "新疆喀什暖“新”举措提升新就业群体获得感",
        None,
        "本报讯(记者吴锋忠 通讯员余思民)",
    ),
    ("news", None, "从田埂少年成长为首都劳模", "一名环卫工的“灯光”与荣光", "本报记者 赖志凯"),
    (
        "news",
        None,
        "甘肃瓜州以人才振兴促产业振兴",
        "乡村工匠传技富民打造“增收引擎”",
        "本报记者 康功\n本报通讯员 姜海波 张萍",
    ),
]
BREAKS = [
    ("技能等级", "评价。"),
    ("学院电", "气自动化"),
    ("市场需要,", "研发生产"),
    ("满是", "踏实与期盼"),
    ("开展“大", "师带工匠"),
]


def _text(el):
    return None if el is None else el.text


def test_seed_parses_into_the_seven_articles_of_design(seed_text):
    got = [
        (a.kind, _text(a.kicker), _text(a.title), _text(a.subtitle), _text(a.byline))
        for a in parse_page(seed_text).articles
    ]
    assert got == TABLE


def test_every_element_span_is_its_text(seed_text):
    for el in parse_page(seed_text).elements():
        assert seed_text[el.start : el.end] == el.text


def test_every_nonblank_character_belongs_to_exactly_one_element(seed_text):
    owner = [0] * len(seed_text)
    for el in parse_page(seed_text).elements():
        for i in range(el.start, el.end):
            owner[i] += 1
    assert all(owner[i] == 1 for i, ch in enumerate(seed_text) if not ch.isspace())
    assert max(owner) == 1


def test_bylines_parse_into_roles_and_names(seed_text):
    arts = parse_page(seed_text).articles
    assert [(c.role, c.names) for c in arts[4].byline.credits] == [
        ("记者", ["吴锋忠"]),
        ("通讯员", ["余思民"]),
    ]
    assert [(c.role, c.names) for c in arts[6].byline.credits] == [
        ("本报记者", ["康功"]),
        ("本报通讯员", ["姜海波", "张萍"]),
    ]
    assert arts[2].dateline is not None and arts[2].paragraphs[0].text.startswith("近日")


def test_cli_parse_json_prints_the_page(zhqa_cli, seed_text):
    from tests.conftest import SEED

    res = zhqa_cli("parse", str(SEED), "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    arts = data["articles"]
    assert [a["kind"] for a in arts] == [row[0] for row in TABLE]
    for a in arts:
        assert set(a) >= {
            "kind",
            "kicker",
            "title",
            "subtitle",
            "byline",
            "paragraphs",
            "captions",
            "start",
            "end",
        }
        for p in a["paragraphs"]:
            assert seed_text[p["start"] : p["end"]] == p["text"]
    assert arts[1]["title"]["text"] == "鲜花快递换新装"


def test_cli_parse_text_and_a_missing_file(zhqa_cli):
    from tests.conftest import SEED

    res = zhqa_cli("parse", str(SEED))
    assert res.returncode == 0 and res.stdout.decode().count("\n#") == 6
    assert zhqa_cli("parse", "no-such.txt").returncode == 2


def _hits(code, doc):
    return CATALOGUE[code].run(doc)


def test_s503_on_each_of_the_five_breaks_with_the_continuation_related(seed_doc):
    hits = _hits("S503", seed_doc)
    text = seed_doc.text
    found = [
        (text[: h.start].rstrip().rsplit("\n", 1)[-1], text[h.related[0].start : h.related[0].end])
        for h in hits
    ]
    assert len(hits) == 5
    for (end, cont), (before, after) in zip(found, BREAKS, strict=True):
        assert end.endswith(before) and cont.startswith(after)
    for h in hits:
        assert h.fix is not None and h.fix.applicability == "unsafe" and h.fix.replacement == ""
        assert text[h.start : h.end].strip() == ""


def test_s504_on_the_final_fragment_relating_to_the_orphan(seed_doc):
    (hit,) = _hits("S504", seed_doc)
    text = seed_doc.text
    assert text[hit.start : hit.end].endswith("到戈壁") and hit.end == len(text.rstrip())
    (rel,) = hit.related
    assert text[rel.start : rel.end].startswith("移民乡的一方洮砚")


def test_s507_on_the_orphan_relating_back(seed_doc):
    (hit,) = _hits("S507", seed_doc)
    text = seed_doc.text
    assert text[hit.start : hit.end].startswith("移民乡的一方洮砚")
    assert text[hit.related[0].start : hit.related[0].end].endswith("到戈壁")


def test_s506_on_the_flower_photo_inside_the_suzhou_article(seed_doc):
    (hit,) = _hits("S506", seed_doc)
    text = seed_doc.text
    assert text[hit.start : hit.end].startswith("鲜花快递换新装")
    assert text[hit.start : hit.end].endswith("本报记者 甘哲 摄")
    assert "苏州" in text[hit.related[0].start : hit.related[0].end]


@pytest.mark.parametrize("code", ["S505", "S502", "S509"])
def test_no_false_structure_findings_on_the_seed(seed_doc, code):
    assert _hits(code, seed_doc) == []


def test_joining_the_breaks_leaves_no_break(seed_doc):
    from zhqa.engine.fixer import apply_fixes

    fixed = apply_fixes(seed_doc.text, _hits("S503", seed_doc), unsafe=True)
    assert "技能等级评价。" in fixed and "满是踏实与期盼。" in fixed
    assert _hits("S503", Document.from_text(fixed)) == []
