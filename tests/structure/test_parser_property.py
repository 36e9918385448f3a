"""The parser never drops text: every non-blank character belongs to exactly one element."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhqa.text.page import parse_article, parse_page

HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
MARKS = st.sampled_from([*"，。、；：！？“”（）,.;:!?()—… \u3000", "\t"])
WORDS = st.text(
    st.one_of(HANZI, HANZI, HANZI, MARKS, st.sampled_from(list("ab1 ·"))), min_size=1, max_size=60
)
NAME = st.text(HANZI, min_size=2, max_size=3)
LINES = st.one_of(
    WORDS,
    WORDS.map(lambda s: s + "。"),
    st.text(HANZI, min_size=4, max_size=20),  # headline-like
    NAME.map(lambda n: f"本报记者 {n}"),
    st.tuples(NAME, NAME).map(lambda t: f"本报通讯员 {t[0]} {t[1]} 摄"),
    st.tuples(WORDS, NAME).map(lambda t: f"图为{t[0]}。 本报记者 {t[1]} 摄"),
    st.tuples(NAME, WORDS).map(lambda t: f"本报讯(记者{t[0]}){t[1]}。"),
    st.sampled_from(["本报记者", "（完）", "责任编辑：王宁", "扫一扫在手机打开当前页", "1. 第一项", ""]),
)
SEPS = st.sampled_from(["\n", "\n\n", "\n\n\n", " \n", "\r\n", "\n　　"])
PAGES = st.lists(st.tuples(LINES, SEPS), max_size=30).map(lambda xs: "".join(a + b for a, b in xs))


def _assert_partition(text: str, page) -> None:
    owner = [0] * len(text)
    for el in page.elements():
        assert text[el.start : el.end] == el.text
        for i in range(el.start, el.end):
            owner[i] += 1
    assert all(n <= 1 for n in owner), "elements overlap"
    # blank: whitespace, and a BOM at a line's edge, which paragraphs() trims like a space (E102/E104 report it)
    lost = [i for i, ch in enumerate(text) if not (ch.isspace() or ch == "\ufeff") and owner[i] != 1]
    assert not lost, f"characters outside every element at {lost[:5]}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
def test_generated_pages_keep_every_character(text):
    _assert_partition(text, parse_page(text))


@settings(max_examples=200, deadline=None)
@given(PAGES)
def test_records_keep_every_character(text):
    _assert_partition(text, parse_article(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_keeps_every_character(text):
    _assert_partition(text, parse_page(text))


@settings(max_examples=100, deadline=None)
@given(PAGES)
def test_articles_are_in_page_order(text):
    starts = [a.start for a in parse_page(text).articles]
    assert starts == sorted(starts)


@settings(max_examples=150, deadline=None)
@given(PAGES, st.booleans())
def test_structure_checks_never_crash_and_stay_inside_the_text(text, record):
    from zhqa.checks import CATALOGUE
    from zhqa.schemas.document import Document

    doc = Document.from_text(text, line=1 if record else None)
    for code in sorted(CATALOGUE):
        if code.startswith("S5"):
            for hit in CATALOGUE[code].run(doc):
                assert 0 <= hit.start <= hit.end <= len(text)
                assert all(0 <= r.start <= r.end <= len(text) for r in hit.related)


def test_seven_headline_lines_in_a_row_parse():
    """Hypothesis found it: more than six headline-like lines in a row made a draft with four heads."""
    text = "1\n" * 7
    _assert_partition(text, parse_page(text))
