"""The D family's fast paths give exactly what the plain definitions give.

``folds`` (one narrowing and one NFKC test per document, lines folded at once) against
``folded`` of each paragraph; ``repetition_share`` (only n-grams whose hash repeats are
looked at) against Gopher's loop over every position.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from zhqa.checks.duplication.paragraphs import repeats
from zhqa.checks.duplication.repetition import _hashes, _window_hashes, repetition_share
from zhqa.text.normal import folds, narrowed, paragraph_spans
from zhqa.text.paragraphs import _SPACE, paragraphs

# line breaks, spaces of every kind (U+FEFF is trimmed by paragraphs() but is no
# whitespace), full-width forms, "。" (where NFKC is split), characters NFKC changes
# (ligature, circled digit, Kangxi radical, squared word, halfwidth katakana and voicing
# mark, combining marks that compose or reorder, Hangul jamo), a lone surrogate, astral
EDGES = (
    "\n\n\n\r \t\u3000\u00a0\ufeff\u2003\x0b\x1c\u2028\u0085"
    "，（）：；！？～Ａｚ０。。｡…"
    "ﬁ①\u2f00㍿ｶﾞ\u0301\u0323\u0308e\u1100\u1161\u11a8¨"
    "\ud800\U00020000天下文章"
)
texts = st.text(alphabet=st.sampled_from(EDGES) | st.characters(), max_size=60)


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


@settings(max_examples=1500, deadline=None)
@given(texts)
@example("今天，召开\n\n\u3000会议（一）\n \n\u2003\n结束。\r\n")
@example("a\u3000\u0301b\n\ufeff\n\ufeffc\ufeff\nｶﾞ①。e\u0301。")
def test_folds_are_the_folded_text_and_paragraphs(text: str) -> None:
    got = folds(text)
    assert got.whole == _folded(text)
    assert got.paragraphs == tuple(_folded(p.text) for p in paragraphs(text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_narrowed_is_nfkc_of_full_width_ascii_only(text: str) -> None:
    want = "".join(unicodedata.normalize("NFKC", c) if "\uff01" <= c <= "\uff5e" else c for c in text)
    assert narrowed(text) == want


def _gopher(text: str, n: int) -> float:
    s = "".join(text.split())
    if len(s) < n:
        return 0.0
    seen: set[str] = set()
    repeated = i = 0
    while i <= len(s) - n:
        if s[i : i + n] in seen:
            repeated += n
            i += n
        else:
            seen.add(s[i : i + n])
            i += 1
    return repeated / len(s)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="天下文章 \n，", max_size=300) | texts, st.integers(2, 12))
@example("哈" * 25, 10)
@example("ab" * 40 + "abc" * 30, 3)
def test_repetition_share_is_gophers_loop(text: str, n: int) -> None:
    assert repetition_share(text, n) == _gopher(text, n)


def test_repeats_compare_folded_paragraphs() -> None:
    text = "今天，开会。\n\n明天 休息。\n\n\u3000今天,开会。 \n明天\u3000休息。"
    assert [(r.at, r.first, r.size) for r in repeats(text)] == [(2, 0, 2)]
    assert repeats("今天开会。\n\n明天休息。") == ()


@settings(max_examples=500, deadline=None)
@given(texts)
@example("第一段，正文。\n\n第二段（二）\n")
@example("第一段\r\n\r\n  第二段\n\u3000第三段\n\u2003\n")
def test_paragraph_spans_are_the_paragraphs(text: str) -> None:
    assert paragraph_spans(text) == [(p.start, p.end) for p in paragraphs(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 0x10FFFF), min_size=2, max_size=80), st.integers(1, 50), st.integers(1, 3))
def test_doubling_hashes_are_the_polynomial_of_each_window(codes: list[int], n: int, step: int) -> None:
    import numpy as np

    if (n - 1) * step >= len(codes):
        return
    want = [
        sum(codes[i + step * j] * pow(1_000_003, n - 1 - j, 1 << 32) for j in range(n)) % (1 << 32)
        for i in range(len(codes) - (n - 1) * step)
    ]
    assert _hashes(np.array(codes, dtype=np.uint32), n, step).tolist() == want


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="天下文章", min_size=2, max_size=120) | texts, st.integers(2, 13))
@example("天下文章天下文章天下文" * 3, 9)
@example("\U00020000天下\U00020000天下", 3)
def test_window_hashes_are_equal_for_equal_ngrams(s: str, n: int) -> None:
    # the fast path reads BMP text as pairs of characters: it may only merge n-grams, never split one
    if len(s) < n:
        return
    h = _window_hashes(s, n).tolist()
    assert len(h) == len(s) - n + 1
    first: dict[str, int] = {}
    for i, v in enumerate(h):
        assert first.setdefault(s[i : i + n], v) == v


def test_the_one_trimmed_space_split_keeps_is_bom() -> None:
    # folds() reads paragraphs off lines unless the text holds one of these
    assert {c for c in _SPACE if not c.isspace()} == {"\ufeff"}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="天下文章0１ ，\n", max_size=80) | texts, max_size=6))
def test_batch_records_are_each_rows_record(batch: list[str]) -> None:
    from zhqa.checks.duplication.minhash import Params, sketch

    sk = sketch(batch, Params())
    assert sk.records() == [sk.record(i) for i in range(len(batch))]


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=8))
def test_digest_is_the_xxh3_of_the_folded_text_and_its_memo_stays_bounded(batch: list[str]) -> None:
    import xxhash

    from zhqa.checks.duplication import exact

    limit = exact._MEMO_CHARS
    exact._MEMO_CHARS = 200  # a few texts: the memo is cleared as it fills
    exact._digests.clear()  # what earlier tests in this process left is not this test's
    exact._digest_chars = 0
    try:
        for _ in range(2):  # computed, then (maybe) remembered: the same either way
            for t in batch:
                norm = folds(t).whole
                assert exact.digest(norm) == xxhash.xxh3_128_intdigest(norm.encode("utf-8", "surrogatepass"))
                assert sum(map(len, exact._digests)) <= 200 + len(norm)
    finally:
        exact._MEMO_CHARS = limit
