"""The one line classifier (shared with P207): kinds, bylines, datelines, sentence ends."""

from __future__ import annotations

import pytest

from zhqa.text.lines import (
    LineKind,
    credit_start,
    dateline,
    ends_sentence,
    is_furniture,
    line_kind,
    parse_byline,
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("本报记者 赖志凯", LineKind.byline),
        ("本报通讯员 计海新 摄", LineKind.byline),
        ("本报记者", LineKind.byline),  # byline-like without a name (S505)
        ("图为3月25日,快递员正在打包鲜花。 本报记者 甘哲 摄", LineKind.caption),
        ("瞄准市场需要 加工文创产品", LineKind.headline),
        ("推动产业链人才链融合,苏州打破技能人才评价壁垒", LineKind.headline),
        ("近年来,该公司瞄准国内外市场需要,", LineKind.body),  # a trailing comma: a broken paragraph
        ("省级名匠马大学在此带领团队开展“大", LineKind.body),  # an unclosed quote
        ("这是为什么？", LineKind.body),
        ("“‘链主’企业颁发的证书无疑最具‘含金量’。”江苏省苏州技师学院电", LineKind.body),
        ("本报讯(记者邢生祥)近日,招聘会在乐都区举办。", LineKind.body),
        ("【字体：大 中 小】", LineKind.boilerplate),
        ("（完）", LineKind.meta),
        ("责任编辑：王宁", LineKind.meta),
    ],
)
def test_line_kind(line, kind):
    assert line_kind(line) is kind
    assert is_furniture(line) is (kind is not LineKind.body)


def test_dateline_and_credit_positions_used_by_p207():
    assert dateline("本报讯(记者吴锋忠 通讯员余思民)“这家餐厅饭菜分量足。”") == len(
        "本报讯(记者吴锋忠 通讯员余思民)"
    )
    line = "图为快递员正在打包鲜花。 本报记者 甘哲 摄"
    assert line[credit_start(line) :] == "本报记者 甘哲 摄"
    assert credit_start("快递员正在打包鲜花。") == -1


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        ("本报记者 康功", [("本报记者", ("康功",))]),
        ("本报讯（记者吴锋忠 通讯员余思民）", [("记者", ("吴锋忠",)), ("通讯员", ("余思民",))]),
        ("记者 巴图尔江·玉苏甫", [("记者", ("巴图尔江·玉苏甫",))]),
        ("新华社记者 李明 摄", [("新华社记者", ("李明",))]),
        ("本报记者", None),
        ("记者：", None),
        ("本报记者 赖志凯赖志凯赖志凯", None),
    ],
)
def test_parse_byline(line, credits):
    got = parse_byline(line)
    assert (None if got is None else [(c.role, c.names) for c in got]) == credits


@pytest.mark.parametrize(
    ("text", "finished"),
    [
        ("评价。", True),
        ("“这下能安心挣钱供孩子读大学了。”", True),
        ("谁说修理工不能上大学!”", True),  # NFKC: ASCII ! after hanzi
        ("距离选举还有五周时间.", True),
        ("开展技能等级", False),
        ("瞄准国内外市场需要,", False),
        ("开展“大", False),
        ("他被称为“链主”", None),
        ("1,000.5", False),
    ],
)
def test_ends_sentence(text, finished):
    assert ends_sentence(text) is finished


def test_parse_byline_gives_a_fresh_list_each_time():
    """parse_byline is cached inside: callers still get their own list (and equal results)."""
    first, second = parse_byline("本报记者 赖志凯"), parse_byline("本报记者 赖志凯")
    assert first == second and first is not second
    first.clear()
    assert parse_byline("本报记者 赖志凯") == second
    assert parse_byline("会议召开。") is None
