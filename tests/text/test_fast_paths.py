"""The vectorised and cached fast paths give exactly what the plain definitions give."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from zhqa.text import stats
from zhqa.text.charcount import class_counts
from zhqa.text.normal import folded

# characters at the edges of every class: spaces of all kinds, full-width forms, astral
# hanzi (in and just outside the ranges), a lone surrogate, combining marks
EDGES = (
    " \t\n\u3000\u00a0\u1680\u2028\u0085\ufeff"
    "Aaz09０９Ａｚ，。！？：（）「」—…·"
    "〇一龥豈\U00020000\U0002a6df\U0002a6e0\U000323af\U0001f600\ud800"
    "\u0301\u3099ｶﾞ①ﬁ\u2f00"
)
texts = st.text(alphabet=st.sampled_from(EDGES) | st.characters(), max_size=40)


def _regex_counts(text: str) -> tuple[int, ...]:
    runs = (stats._NON_SPACE, *stats._SHARES.values())  # non-space, hanzi, CJK punct, Latin, digits
    return tuple(len("".join(p.findall(text))) for p in runs)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=8))
def test_class_counts_equal_the_regex_counts(batch: list[str]) -> None:
    assert class_counts(batch) == [_regex_counts(t) for t in batch]


def test_class_counts_of_real_text() -> None:
    text = "新华社北京3月1日电 据统计，2025年全市新增就业2.5万人(同比增长3%)。\n\nGDP增长５％"
    (visible, hanzi, punct, latin, digit) = class_counts([text, ""])[0]
    assert (latin, visible) == (3, len(text) - text.count(" ") - text.count("\n"))
    assert digit == sum(ch.isdigit() for ch in text)
    assert hanzi + punct + latin + digit < visible  # "." "%" "(" ")" are none of them
    assert class_counts([""]) == [(0, 0, 0, 0, 0)]


@settings(max_examples=500, deadline=None)
@given(texts)
def test_folded_is_nfkc_with_whitespace_folded(text: str) -> None:
    want = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()
    assert folded(text) == want


def test_text_stats_same_with_batch_counts() -> None:
    text = "标题\n\n正文，今天Ａ股上涨1.5%。\n"
    assert stats.text_stats(text, None, class_counts([text])[0]) == stats.text_stats(text)
