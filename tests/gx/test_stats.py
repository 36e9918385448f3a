"""Base per-document statistics (zhqa.text.stats) and their place in every metrics row."""

from __future__ import annotations

import pytest

from zhqa.checks.runner import Plan, run_document
from zhqa.config import from_dict
from zhqa.schemas.document import Document
from zhqa.text.stats import STAT_NAMES, text_stats, title_of


def test_seed_page_stats_describe_a_chinese_news_page(seed_text):
    s = text_stats(seed_text)
    assert 0.8 < s["hanzi_share"] < 0.95
    assert s["paragraphs"] == len([ln for ln in seed_text.splitlines() if ln.strip()])
    # the first line is the kicker of article 1 (DESIGN.md, "What the seed teaches")
    assert s["title_length"] == len("推动产业链人才链融合,苏州打破技能人才评价壁垒")


def test_record_title_field_wins_over_the_first_line():
    assert title_of("第一行标题\n正文。", {"title": " 泡泡战士 "}) == "泡泡战士"
    assert text_stats("第一行标题\n正文。", {"title": "泡泡战士"})["title_length"] == 4


def test_a_body_sentence_is_not_taken_for_a_title():
    text = "基于《跑跑卡丁车》与《泡泡堂》上所开发的游戏，由韩国Nexon开发与发行。\n第二段。"
    assert title_of(text) == ""
    assert text_stats(text)["title_length"] == 0


def test_shares_are_of_visible_characters():
    s = text_stats("中文 ABC 12。")
    assert s["hanzi_share"] == pytest.approx(2 / 8)
    assert s["latin_share"] == pytest.approx(3 / 8)
    assert s["digit_share"] == pytest.approx(2 / 8)
    assert s["cjk_punct_share"] == pytest.approx(1 / 8)


def test_a_blank_text_has_no_shares_and_zero_counts():
    for text in ("", "  \n\u3000\n"):
        s = text_stats(text)
        assert "hanzi_share" not in s  # null in the table: "characters >= 1" reports emptiness, once
        assert s["paragraphs"] == s["title_length"] == 0


def test_every_document_result_carries_the_stats_whatever_is_selected():
    plan = Plan.build(from_dict({}), select=["E101"])
    r = run_document(plan, Document.from_text("标题\n正文内容。"))
    assert set(STAT_NAMES) <= set(r.metrics)
    assert r.metrics["paragraphs"] == 2
