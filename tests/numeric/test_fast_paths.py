"""The fast paths of the N4xx checks find exactly what the plain ones find.

The checks locate sentences from trigger words (instead of splitting every text) and rule
out most triggers with cheap local tests before any number is scanned. Here every such
shortcut is switched off again (``plain`` below: all numbered sentences, permissive
pre-filters, the straightforward regex scans) and the findings must be identical, on
numeric-heavy generated texts and on the real corpora.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import cn2an
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import corpus_records
from zhqa.checks import CATALOGUE
from zhqa.checks.numeric import _common, _triggers, dates, enums, parts, ranges, shares, style, trends
from zhqa.checks.numeric._locate import sentence_span
from zhqa.schemas.document import Document
from zhqa.text.numbers import parse_number
from zhqa.text.numbers.parse import _split_runs
from zhqa.text.sentences import sentences

N_CHECKS = [c for code, c in sorted(CATALOGUE.items()) if code.startswith("N4")]

# Pieces of numeric prose: numbers, units, markers, range marks, dates, lists, sentence ends.
PIECES = [
    *"0123456789", "１２", "3.5", "1,500", "12,34", "一", "二", "两", "三", "五", "九", "十", "百", "千",
    "万", "亿", "零", "〇", "十二", "二十九", "三十一", "百分之", "%", "％", "个", "人", "名", "家",
    "项", "大", "米", "千米", "个百分点", "万元", "亿元", "元", "年", "月", "日", "号", "时", "分", "倍",
    "余", "多", "约", "近", "超过", "不到", "左右", "以上", "～", "~", "—", "——", "-", "至", "到",
    "中，", "其中", "，", "、", "；", "：", ":", "。", "！", "？", "…", "”", "“", "（", "）", "\n",
    " ", "\u3000", "星期二", "周三", "（星期五）", "农历", "剩余", "男", "女", "共", "全市", "由",
    "从", "增至", "降至", "增长", "提高了", "降低了", "占", "比重为", "等", "统一", "第", "COVID",
    "年前", "二个", "三、四个", "一是", "二是", "负", "距今", "零下", "的", "了", "小区", "学生",
]  # fmt: skip
pieces = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)
CN_DIGITS = "〇一二三四五六七八九"


def _chinese(n: int) -> str:
    return cn2an.an2cn(n) if n < 10**8 else "".join(CN_DIGITS[int(d)] for d in str(n))


numbers = st.one_of(
    st.integers(0, 3000).map(str),
    st.integers(0, 10**7).map(lambda n: f"{n:,}"),
    st.tuples(st.integers(0, 300), st.integers(0, 99)).map(lambda p: f"{p[0]}.{p[1]}"),
    st.integers(0, 99_999).map(_chinese),
    st.tuples(st.integers(1, 999), st.sampled_from(["万", "亿", "千", "百"])).map(lambda p: f"{p[0]}{p[1]}"),
    st.integers(0, 120).map(lambda n: "百分之" + _chinese(n)),
)
units = st.sampled_from([
    "", "", "人", "个", "家", "%", "％", "万元", "个百分点", "千米", "年", "倍", "余人", "多个",
    "月", "日", "日元", "时", "小时", "分", "分钟", "号", "周", "秒", "多天",
])  # fmt: skip
marks = st.sampled_from(["～", "~", "—", "——", "-", " - ", "至", "到", "不到", "、", "，"])
pre = st.sampled_from(["", "", "约", "近", "超过", "距今"])
snippets = st.one_of(
    pieces,
    st.tuples(pre, numbers, units, marks, pre, numbers, units).map("".join),  # ranges
    st.tuples(pieces, numbers, units, st.sampled_from(["中，", "，其中", "中：", "，其中男"]), pieces, numbers, units,
              st.sampled_from(["，剩余", "、女", "，其余", "，"]), numbers, units).map("".join),  # wholes
    st.tuples(st.sampled_from(["占全省的比重为", "比例为", "占", "同比增长"]), st.sampled_from(["", "-", "负"]),
              numbers, st.sampled_from(["%", "％", "多%", "个"])).map("".join),  # shares
    st.tuples(st.integers(1500, 2100), st.integers(0, 14), st.integers(0, 33),
              st.sampled_from(["", "（星期二）", "，星期五", "周日"])).map(lambda d: f"{d[0]}年{d[1]}月{d[2]}日{d[3]}"),
    st.tuples(st.integers(0, 30), st.integers(0, 70)).map(lambda t: f"{t[0]}时{t[1]}分"),
    st.tuples(st.sampled_from(["由", "从"]), numbers, units, st.sampled_from(["增至", "降至", "提高到"]), numbers, units,
              st.sampled_from(["，增长", "，下降了", ""]), numbers, st.sampled_from(["%", ""])).map("".join),  # trends
    st.tuples(numbers, st.sampled_from(["人", "家", "个"]), st.sampled_from(["、", "，"]), pieces, numbers,
              st.sampled_from(["人", "家", "个"])).map("".join),  # counts
    st.tuples(st.sampled_from(["名匠", "", "省级"]), numbers, st.sampled_from(["人", "家", "项"]),
              st.sampled_from(["、", "，", "；"]), st.sampled_from(["工匠", ""]), numbers,
              st.sampled_from(["人", "家", "项"]), st.sampled_from(["。", "，", "、", "\n", ""])).map("".join),  # lists
)  # fmt: skip
texts = st.lists(snippets, max_size=12).map("".join)


def _plain_sentences(text: str, *rxs: re.Pattern[str], at: list[int] | None = None) -> list:
    return list(_common.numbered(text))  # every numbered sentence; each check tests its own condition


def _plain_ranges(text: str) -> tuple:
    found = (s for s in _common.numbered(text) if ranges._SEP_CHARS.search(s.text))
    return tuple((s, a, b) for s in found for a, b, _ in ranges.ranges(s))


def _plain_wholes(text: str) -> tuple:
    found = (s for s in _common.numbered(text) if re.search(r"中[，,：:]|其中", s.text) and len(s.nums) > 1)
    return tuple(w for s in found for w in parts.wholes(s))


def _plain_places(text: str) -> Iterator[tuple[int, int]]:
    for m in style._DIGIT_PLACE.finditer(text):
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        if not (before.isascii() and (before.isalnum() or before == ".")) and after not in style._SI:
            yield m.start(), m.end()
    for m in style._PLACE_DIGIT.finditer(text):
        if text[m.start() - 1 : m.start()] in style._CN_DIGIT and not text[m.end() : m.end() + 1].isdigit():
            yield m.start() - 1, m.end()


ALWAYS = re.compile("")


def switch_off(mp: pytest.MonkeyPatch) -> None:
    """Every shortcut off: the checks then read every numbered sentence and every match."""
    for mod in (parts, shares, style, trends):
        mp.setattr(mod, "sentences_with", _plain_sentences)
    mp.setattr(parts, "all_wholes", _plain_wholes)
    mp.setattr(ranges, "all_ranges", _plain_ranges)
    mp.setattr(shares, "_may_exceed", lambda text, p: True)
    mp.setattr(style, "_AR_ITEM", ALWAYS)
    mp.setattr(style, "_AR_IN_TEXT", ALWAYS)
    mp.setattr(style, "_item_counts", lambda text: [0])
    mp.setattr(style, "_places", lambda text, at: _plain_places(text))
    mp.setattr(style, "place_words", lambda text: [0])
    mp.setattr(trends, "verb_marks", lambda text: [0])
    mp.setattr(dates, "_may_be_bad", lambda text: True)
    mp.setattr(dates, "_HOUR", re.compile(r"[0-9]{1,2}时"))
    mp.setattr(enums, "_colon_matches", lambda text, colon: colon.finditer(text))
    mp.setattr(enums, "_count_matches", enums.COUNT.finditer)


def findings(text: str) -> list[tuple]:
    doc = Document(id="t", source="s", text=text)
    return [(c.code, h.model_dump_json()) for c in N_CHECKS for h in c.run(doc)]


def compare(texts: list[str]) -> None:
    fast = [findings(t) for t in texts]
    _clear()
    with pytest.MonkeyPatch.context() as mp:
        switch_off(mp)
        slow = [findings(t) for t in texts]
    _clear()
    assert sum(map(len, slow)) == sum(map(len, fast))
    for t, a, b in zip(texts, fast, slow, strict=True):
        assert a == b, t


def _clear() -> None:
    for f in (_common.numbered, _common._located, _triggers.triggers, parts.all_wholes, ranges.all_ranges):
        if hasattr(f, "cache_clear"):
            f.cache_clear()


@given(st.lists(texts, min_size=20, max_size=20))
@settings(max_examples=60, deadline=None)
def test_generated_texts_give_the_plain_findings(batch):
    compare(batch)


@pytest.mark.parametrize(
    "name",
    [
        "ntrex128-zh/ntrex128_zho-CN.jsonl",
        "cmrc2018/cmrc2018_wiki.jsonl",
        "defects-sogouca/sogouca_smarty_decoded.jsonl",
        "defects-itn-zh/itn_zh_blurbs.jsonl",
    ],
)
def test_corpora_give_the_plain_findings(name):
    compare([r.get("text") or "" for r in corpus_records(name)])


@given(
    st.lists(st.sampled_from([*"。！？!?…”’」』）》 \t\r\u3000\xa0\ufeff\na一2中"]), max_size=30).map("".join)
)
@settings(max_examples=500, deadline=None)
def test_sentence_span_is_the_sentence_of_the_split(text):
    want: list[tuple[int, int] | None] = [None] * len(text)
    for s in sentences(text):
        for i in range(s.start, s.end):
            want[i] = (s.start, s.end)
    assert [sentence_span(text, i) for i in range(len(text))] == want


def test_sentence_span_on_real_text():
    text = "\n".join(r["text"] for r in corpus_records("ntrex128-zh/ntrex128_zho-CN.jsonl")[:40])
    for s in sentences(text):
        for i in range(s.start, s.end):
            assert sentence_span(text, i) == (s.start, s.end)


colon_texts = st.lists(  # a count, its unit, a head of 0–10 characters, a colon (or not)
    st.tuples(
        st.sampled_from(["三", "两", "5", "一", "", "第三"]),
        st.sampled_from(["个", "项", "方面", "点", "大", "", "人"]),
        st.one_of(st.text(alphabet="统一工作a 面", max_size=10), st.text(alphabet="统一“”、\n", max_size=10)),
        st.sampled_from(["：", ":", "，", "：：", ""]),
    ).map("".join),
    max_size=6,
).map("".join)


@given(st.one_of(texts, colon_texts))
@example("三方面统一工作统一工作：好，5个工作统一工作统一:")  # the longest heads (8 characters)
@settings(max_examples=500, deadline=None)
def test_colon_search_before_colons_is_the_full_scan(text):
    assert [m.span() for m in enums._colon_matches(text, enums.COLON)] == [
        m.span() for m in enums.COLON.finditer(text)
    ]
    spaced = text.replace("”", " ").replace("“", " ")
    assert [m.span() for m in enums._colon_matches(text, enums._COLON_Q)] == [
        m.span() for m in enums.COLON.finditer(spaced)
    ]


@given(
    st.lists(
        st.sampled_from([*"0123456789", "１", "２", ",", ".", "．", *"〇零一二两三四五六七八九十百千万亿点"]),
        min_size=1,
        max_size=8,
    ).map("".join)
)
@settings(max_examples=500, deadline=None)
def test_digit_fast_path_parses_like_the_tokeniser(s):
    toks = _split_runs(s)
    if toks and len(toks) == 1 and not isinstance(toks[0], str):
        assert parse_number(s) == toks[0]
        assert str(parse_number(s)) == str(toks[0])


@given(
    st.lists(st.sampled_from([*"。！？!?…，,；;、等一二是第个\n", "……", "a"]), max_size=40).map("".join),
    st.lists(
        st.tuples(
            st.sampled_from(
                ["。", "等", "……", "一是", "三是", "第二", "\n", "[。！？]", "[，,；;]", "[。！？!?…]", "个"]
            ),
            st.integers(0, 45),
            st.integers(0, 45),
        ),
        max_size=25,
    ),
)
@settings(max_examples=300, deadline=None)
def test_spots_answer_as_a_search_of_each_query(text, queries):
    """Spots reuses its last answer per pattern: every query still gives the plain search's answer."""
    sp = _common.Spots(text)
    for pat, lo, span in sorted(queries, key=lambda q: q[1]) + queries:  # rising, then in any order
        hi, width = min(lo + span, len(text)), 2 if pat == "……" else 1
        m = re.compile(pat if pat.startswith("[") else re.escape(pat)).search(text, lo)
        want = m.start() if m and m.start() + width <= hi else hi
        assert sp.first(pat, lo, hi, width) == want
        inside = [i for i in range(lo, hi) if text[i] == "、"]
        assert sp.count_last("、", lo, hi) == (len(inside), inside[-1] if inside else -1)


def test_counts_ending_in_yi_give_the_plain_findings():
    """N406 skips a lone 一 (a count of 1), not the 一 that ends 十一, 二十一 or 一百零一."""
    texts = [
        f"全县培育名匠{n}人、工匠9人；{m}家、8家。"
        for n in ("一", "十一", "二十一", "一百零一", "两", "二")
        for m in ("一", "三十一", "五")
    ]
    texts += [
        "名匠十一人、工匠9人，三人组成。",
        "名匠二十一家、工匠9家，三家合办",
        "\n一人、9人。",
        "一人、9人",
    ]
    compare(texts)
    assert sum(len(findings(t)) for t in texts) > 0  # the texts have findings to compare


@given(
    st.one_of(
        texts,
        st.lists(st.sampled_from([*"3十百千零08一二人、，增降至到由5%", "增至", "降到"]), max_size=30).map(
            "".join
        ),
    )
)
@settings(max_examples=400, deadline=None)
def test_one_pass_finds_what_each_screen_finds(text):
    """triggers() reads marks, Chinese counts, place words and trend verbs in one pass: each list
    is the positions of that regex alone."""
    _triggers.triggers.cache_clear()
    assert _triggers.range_marks(text) == [m.start() for m in _triggers.MARK.finditer(text)]
    assert _triggers.count_items(text) == [m.start() for m in _triggers.CN_ITEM.finditer(text)]
    assert _triggers.place_words(text) == [m.start() for m in _triggers.PLACE.finditer(text)]
    assert _triggers.verb_marks(text) == sorted(m.start() for rx in trends._NEAR for m in rx.finditer(text))
