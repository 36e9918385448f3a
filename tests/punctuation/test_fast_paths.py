"""The P family's fast paths skip work, never findings: each agrees with the slow path it guards."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from zhqa.checks.punctuation import _context, halfwidth, marks, pairs, spacing
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Fix, Hit
from zhqa.text.chars import latin_spans

# paired marks (both widths), apostrophe contexts, hanzi, letters, spaces and line breaks
_PAIR_ALPHABET = "“”‘’《》〈〉（）【】「」『』〔〕()中文aZ \n"
_MARK_ALPHABET = ".。·・．⋯…-－─―~•‧⋅中a \n"
_SPACE_ALPHABET = " ，。（“”中文aZ1\n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_PAIR_ALPHABET, max_size=40))
def test_pair_scan_of_dirty_lines_equals_full_scan(text):
    """P202 scans only the lines whose marks do not simply nest: same lines, same findings."""
    assert pairs._scan(text, pairs._dirty(text)) == pairs._scan(text, pairs._line_spans(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab\n中", max_size=20))
def test_line_spans_are_the_lines(text):
    assert [text[a:b] for a, b in pairs._line_spans(text)] == text.split("\n")
    assert all(b == len(text) or text[b] == "\n" for _, b in pairs._line_spans(text))


def test_nested_lines_are_clean_and_broken_ones_dirty():
    text = "他说：“《书》（上）很好。”\n“第二段\n参观了《清明上河图（局部》）。\n‘引号’"
    assert [text[a:b] for a, b in pairs._dirty(text)] == ["“第二段", "参观了《清明上河图（局部》）。"]
    assert pairs._dirty("a‘b c’d\n“好”") == [(0, 7), (8, 11)]  # ‘ between letters: every line is scanned


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_MARK_ALPHABET, max_size=30))
def test_substring_prefilters_equal_plain_any(text):
    """P204, P205 and P210 go on exactly when one of their keys is in the text."""
    assert marks._has_ellipsis(text) == any(
        k in text for k in ("...", "。。。", "…", "···", "・・・", "．．．", "⋯")
    )
    assert marks._has_dash(text) == any(k in text for k in ("--", "－－", "──", "―", "~"))
    assert marks._has_variant(text) == any(k in text for k in "・•‧．⋅")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SPACE_ALPHABET, max_size=40))
def test_literal_space_pattern_equals_the_class_pattern(text):
    """Without tab, no-break or ideographic space, P207's literal-space regex matches the same runs."""
    spans = [m.span() for m in spacing._SPACE_RUN.finditer(text)]
    assert [m.span() for m in spacing._ASCII_SPACE_RUN.finditer(text)] == spans


def test_mark_runs_pattern_is_the_repeat_pattern():
    """`[..][..]+` is `[..]{2,}`: the rewrite that halves P206's search time finds the same runs."""
    text = "结束，，代表。。。离场；：好，。了、"
    old = [m.span() for m in re.finditer(r"[，。、；：]{2,}", text)]
    assert [m.span() for m in marks._REPEAT.finditer(text)] == old


# ASCII marks, full-width pause marks, CJK context, letters, digits, spaces and line breaks
_EVENT_ALPHABET = ",.;:?!()，。、；：！？中文aZ1 _'’-\u3000\n"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_EVENT_ALPHABET, max_size=40))
def test_one_mark_scan_gives_each_checks_own_matches(text):
    """P201, P206 and P208 share one scan (mark_events): each gets what its own regex finds."""
    half, pause = _context.mark_events.__wrapped__(text)
    assert list(half) == [m.start() for m in _context._HALF.finditer(text)]
    end, runs = 0, []
    for i in pause:
        if i >= end and text[i] in marks._PAUSE and text[i + 1] in marks._PAUSE:
            end = marks._REPEAT.match(text, i).end()
            runs.append((i, end))
    assert runs == [m.span() for m in marks._REPEAT.finditer(text)]
    latin = [m.start() for m in spacing._MARK_THEN_LATIN.finditer(text)]
    assert [i for i in pause if spacing._MARK_THEN_LATIN.match(text, i)] == latin


def test_repeated_and_latin_marks_from_the_shared_scan():
    text = "结束，，代表。。。离场；：好，。了、The report was published today，and the ministry responded"
    assert [h.message for h in marks.repeated_punctuation.run(_doc(text))] == [
        "repeated mark '，，'",
        "repeated mark '；：'",
        "repeated mark '，。'",
    ]
    assert [text[h.start] for h in spacing.fullwidth_punctuation_in_latin.run(_doc(text))] == ["，"]


def _doc(text):
    return Document(id="d", source="t", text=text)


def _halfwidth_reference(text):
    """halfwidth_marks without its shortcuts: _HALF's own scan, latin_spans, brackets always paired."""
    latin = latin_spans(text)
    fired = {
        m.start() for m in _context._HALF.finditer(text) if _context._keep(text, m.start(), m.group(), latin)
    }
    if fired:
        fired = _context._pair_parens(text, fired, latin)
        fired |= _context._beside_fired(text, fired, latin)
    return tuple((i, text[i]) for i in sorted(fired))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="(),.:!中文aZ1 @/w:zh-\n", max_size=40))
def test_halfwidth_shortcuts_keep_the_marks(text):
    """Shared scan, the latin prefilter and 'every bracket fired' give the same P201 marks."""
    assert _context.latin_of.__wrapped__(text) == latin_spans(text)
    assert _context.halfwidth_marks.__wrapped__(text) == _halfwidth_reference(text)


def test_latin_prefilter_finds_every_kind_of_latin_span():
    for text in (
        "见 https://a.cn/x,y 。",
        "见 www.a.cn,好",
        "写信 a@b.cn,好",
        "-{zh-hans:中;zh-hant:中}-,好",
    ):
        assert _context.latin_of.__wrapped__(text) == latin_spans(text) != []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="，。；：？！（）、中a\n", max_size=40))
def test_fullwidth_count_counts_every_mark(text):
    assert halfwidth.fullwidth_count(text) == sum(map(text.count, "，。；：？！（）"))


def test_hit_helper_builds_the_same_validated_hit():
    fix = Fix(replacement="，", applicability="unsafe")
    for made, plain in (
        (_context.hit(3, 4, "m"), Hit(start=3, end=4, message="m")),
        (_context.hit(3, 4, "m", fix), Hit(start=3, end=4, message="m", fix=fix)),
    ):
        assert made == plain and type(made) is Hit
        assert made.model_dump_json() == plain.model_dump_json()
        assert made.model_fields_set == plain.model_fields_set
    assert _context.fix("，", "unsafe") == fix
    with pytest.raises(ValidationError):
        _context.hit("x", 4, "m")  # still validated
