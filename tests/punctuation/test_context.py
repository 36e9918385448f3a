"""The "CJK context" of CHECKS.md (zhqa.text.chars) as P201 sees it."""

from __future__ import annotations

import pytest

from zhqa.checks.punctuation._context import halfwidth_marks, tilde_ranges
from zhqa.text.chars import in_cjk_context, latin_spans, left_char, right_char


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("推动融合,苏州打破", ","),
        ("市场需要,\n\n研发生产", ","),  # end of line: one CJK side is enough
        ("近日 , 会议召开", ","),  # spaces do not hide the neighbour
        ("风速达到 85 mph, 为一级飓风", ","),  # Latin before, Chinese after
        ("告诉 FEMAIL:“我预计", ":"),
        ("世界卫生组织(WHO)发布", "()"),
        ("世界卫生组织(WHO)\n", "()"),  # the pair is fixed as a unit
        ("他问:这是真的吗?", ":?"),
        ("信息。.\n", "."),
        ("村(社区)党群", "()"),
    ],
)
def test_marks_in_cjk_context(text, marks):
    assert "".join(ch for _, ch in halfwidth_marks(text)) == marks


@pytest.mark.parametrize(
    "text",
    [
        "全市共1,000.5万人",
        "比赛10:30开始，比分3:2",
        "提供岗位1.2万个和1.97万个",
        "见 https://example.com/a,b;c(d) 的说明",
        "邮箱 news.desk@example.com.cn 欢迎来信",
        "他引用了 Hello, world. 这句话",
        "美国U.S.政府与.NET框架",
        "彗星C/2022 E3 (ZTF)（图）从离地球最近处经过",
        "战国无双系列1.由于",
        "Wait... what?",
    ],
)
def test_latin_runs_and_numbers_are_not_cjk_context(text):
    assert halfwidth_marks(text) == ()


def test_neighbours_skip_spaces_within_the_line():
    assert left_char("中  ,", 3) == "中"
    assert right_char(",\n中", 1) == ""
    assert in_cjk_context("a , 中", 2, 3)
    assert not in_cjk_context("a , b", 2, 3)


def test_url_and_email_spans_drop_trailing_punctuation():
    text = "见http://a.com/x,y。邮箱a@b.cn,欢迎"
    assert [text[a:b] for a, b in latin_spans(text)] == ["http://a.com/x,y", "a@b.cn"]
    assert [text[i] for i, _ in halfwidth_marks(text)] == [","]


@pytest.mark.parametrize(
    ("text", "n"),
    [("降低3%~5%。", 1), ("3月~5月", 1), ("气温 20~25℃", 1), ("好的~", 0), ("ls ~/x", 0), ("5~10 km", 0)],
)
def test_tilde_ranges_need_numbers_and_cjk(text, n):
    assert len(tilde_ranges(text)) == n
