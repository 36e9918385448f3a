"""The number parser and scanner: exact Decimal values, edges, tolerances, and a round-trip property."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhqa.text.numbers import parse_number, scan


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1687", "1687"),
        ("1,687", "1687"),
        ("１６８７", "1687"),
        ("1.97万", "19700"),
        ("3.5亿", "350000000"),
        ("16.4亿", "1640000000"),  # cn2an's float path gives 1639999999
        ("10亿零817万", "1008170000"),
        ("两", "2"),
        ("十二", "12"),
        ("二十", "20"),
        ("三千二百", "3200"),
        ("三千二", "3200"),
        ("一万五", "15000"),
        ("一百零一", "101"),
        ("一千零一十", "1010"),
        ("十万零一十", "100010"),
        ("一亿二千万零五百", "120000500"),
        ("一万亿", "1000000000000"),
        ("〇", "0"),
        ("二〇二五", "2025"),
        ("一点九七万", "19700"),
        ("千", "1000"),
    ],
)
def test_parse_exact(text: str, value: str):
    got = parse_number(text)
    assert got == Decimal(value) and isinstance(got, Decimal)


@pytest.mark.parametrize("text", ["", "三四", "十十", "百千", "万万", "abc", "一二"])
def test_not_one_number(text: str):
    assert parse_number(text) is None


@given(st.integers(min_value=0, max_value=10**12))
@settings(max_examples=400)
def test_arabic_to_chinese_round_trip(n: int):
    assert parse_number(cn2an.an2cn(n, "low")) == n


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["万", "亿"]))
@settings(max_examples=300)
def test_two_decimal_multiplier_forms(cents: int, big: str):
    x = Decimal(cents) / 100  # 1.97, 16.4, 0.05, 9999.99
    scale = 10_000 if big == "万" else 100_000_000
    assert parse_number(f"{x:.2f}{big}") == x * scale
    assert parse_number(cn2an.an2cn(str(x), "low") + big) == x * scale


def _one(text: str):
    nums = scan(text)
    assert len(nums) == 1, nums
    return nums[0]


@pytest.mark.parametrize(
    ("text", "lo", "hi", "unit"),
    [
        ("由20余户", "20", "30", "户"),
        ("300余人", "300", "400", "人"),
        ("1.97万余个", "19700", "19800", "个"),
        ("5万多元", "50000", "60000", "元"),
        ("超千户", "1000", None, "户"),
        ("约300人", "240", "360", "人"),
        ("近千人", "800", "1000", "人"),
        ("1687个", "1687", "1687", "个"),
        ("3.5%", "3.45", "3.55", "%"),
        ("百分之五", "5", "5", "%"),
        ("一个多月", "1", "2", "个"),
    ],
)
def test_scan_tolerance(text: str, lo: str, hi: str | None, unit: str):
    n = _one(text)
    assert n.lo == Decimal(lo)
    assert n.hi == (None if hi is None else Decimal(hi))
    assert n.unit == unit
    assert text[n.num_start : n.num_end] == n.text


def test_scan_spans_and_kinds():
    text = "省级名匠二人、省级工匠9人，COVID-19患者，第3名"
    nums = scan(text, base=100)
    assert [(n.text, n.chinese) for n in nums] == [("二", True), ("9", False), ("3", False)]
    assert text[nums[1].start - 100 : nums[1].end - 100] == "9人"
    assert nums[2].ordinal and not nums[0].ordinal


def test_place_words_alone_are_not_numbers():
    assert scan("千万不要忘记百姓的期待") == []


@given(st.integers(min_value=1, max_value=99_999_999), st.sampled_from(["万", "亿"]))
@settings(max_examples=200)
def test_agrees_with_cn2an_on_mixed_forms(cents: int, big: str):
    """Differential check against cn2an's own parser (its results may be float: compare as text)."""
    s = f"{Decimal(cents) / 100}{big}"
    theirs = cn2an.cn2an(s, "smart")
    assert parse_number(s) == Decimal(str(theirs))
