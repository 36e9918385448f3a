"""Lexical cohesion: what the page parser uses to tell a subheading from a new article's title."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from zhqa.text import cohesion
from zhqa.text.cohesion import continues, overlap, topic_grams

HAIDONG = (
    "近日，青海省海东市春风行动就业援助月暨劳务品牌发布活动在乐都区举办，海东市劳务品牌带动就业2.3万人次。"
)
HAIDONG_MORE = "据了解，今年海东市已举办各类招聘活动36场，劳务品牌输出人数同比增长。"
GUAZHOU = "在河东镇，酿酒师吴刚获评甘肃省乡村工匠，他的酒庄吸纳本地工人10名，月均工资4500元以上。"


def test_topic_grams_skip_function_characters_and_keep_latin_words():
    grams = topic_grams("海东市的劳务品牌 Apgar Score")
    assert {"海东", "东市", "劳务", "品牌", "apgar", "score"} <= grams
    assert not any("的" in g for g in grams)


def test_the_same_story_goes_on_and_another_does_not():
    assert overlap(HAIDONG, HAIDONG_MORE) > overlap(HAIDONG, GUAZHOU)
    assert continues(HAIDONG, "劳务品牌带动就业", HAIDONG_MORE)
    assert not continues(HAIDONG, "瓜州乡村工匠传技富民", GUAZHOU)


def test_a_line_that_repeats_the_story_s_words_continues_it():
    assert continues(HAIDONG, "海东市劳务品牌发布活动", GUAZHOU)


def test_empty_sides_do_not_continue():
    assert overlap("", HAIDONG) == 0.0
    assert not continues("", "标题", "")


def _grams_by_translation(text: str) -> set[str]:
    """topic_grams as first written: function characters blanked, then runs cut into bigrams."""
    blank = str.maketrans(dict.fromkeys(cohesion._COMMON, " "))
    out: set[str] = set()
    for run in re.findall(r"[\u4e00-\u9fff\u3400-\u4dbf]{2,}|[A-Za-z]{2,}", text.translate(blank)):
        out.update([run.lower()] if run.isascii() else [run[k : k + 2] for k in range(len(run) - 1)])
    return out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="海东市的劳务品牌是了在和一㐀䶿丁龥鿿AbcZz 1，\n", max_size=30))
def test_topic_grams_are_the_bigrams_of_the_runs_between_function_characters(text):
    assert topic_grams(text) == _grams_by_translation(text)
