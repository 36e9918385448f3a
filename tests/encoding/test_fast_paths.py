"""The E family's shared screen skips work, never findings: each class bit agrees with a search."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhqa.checks import CATALOGUE
from zhqa.checks.encoding import _gbk, _scan, chars, decoding, mojibake, radicals, script
from zhqa.schemas.document import Document

# ordinary text and at least one character of every screened class (controls, invisibles, U+FFFD,
# radicals and compatibility ideographs, full-width letters, odd spaces, Latin-1 letters, fillers,
# '?', private use and astral, hanzi outside GB2312, traditional hanzi)
_ALPHABET = (
    "中文新闻会议。，a1 \n\t\r"
    "\x00\x07\x1f\x85\u200b\u200d\ufeff\u00ad\u202e\ufffd⼀⻩\uf9e1\ufa11Ａｚ０"
    "\u3000\u00a0\u2003éÖÐ锟斤拷烫屯?\ue40c\ufdd0\U00020000\U0002f800😀牠邨鍙戝發髮乾沈"
)
# UTF-8 read as GBK (鍏ㄥ浗…) and GBK one byte out of phase, in pieces, beside genuine text
_MOJIBAKE = [
    "全国人民代表大会".encode().decode("gb18030"),
    "简体中文新闻".encode().decode("gbk", "replace"),
    "?" + "黄明：现在我宣布".encode("gbk")[1:-3].decode("gbk", "replace"),
    "会议在北京召开。",
    "鄞州、鄱阳、亳州和邗江",
    "\n",
]
PIECES = st.lists(
    st.one_of(st.sampled_from(_MOJIBAKE), st.text(alphabet=_ALPHABET, max_size=6)), max_size=8
).map("".join)
TEXTS = st.one_of(st.text(alphabet=_ALPHABET, max_size=40), st.text(max_size=40), PIECES)
E_CHECKS = [c for code, c in sorted(CATALOGUE.items()) if code.startswith("E")]


def _searched(text: str) -> int:
    bits = sum(bit for body, bit in _scan.bodies().items() if re.search(f"[{body}]", text))
    ext = set(re.findall(f"[{_gbk.ext_class()}]", text))
    return bits | (_scan.EXT2_BIT if len(ext) >= 2 else 0)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_kinds_are_the_classes_a_search_finds(text):
    assert _scan.kinds(text) == _searched(text)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.sampled_from(sorted(_scan.bodies())))
def test_has_agrees_with_a_search(text, body):
    assert _scan.has(text, body) == (re.search(f"[{body}]", text) is not None)


def test_every_class_has_its_own_bit_and_every_bit_a_class():
    bits = list(_scan.bodies().values())
    assert len(set(bits)) == len(bits) == 12
    assert all(bit & (bit - 1) == 0 for bit in bits)


def test_a_full_memo_starts_again(monkeypatch):
    monkeypatch.setattr(_scan, "_MEMO_MAX", 2)
    monkeypatch.setattr(_scan, "_KINDS", {})
    _scan.kinds.cache_clear()
    text = "牠\x07é\u3000"
    assert _scan.kinds(text) == _searched(text)
    assert len(_scan._KINDS) <= 2
    _scan.kinds.cache_clear()


def _hits(text: str) -> list[tuple]:
    doc = Document.from_text(text)
    return [(c.code, h.start, h.end, h.message, str(h.fix)) for c in E_CHECKS for h in c.run(doc)]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_screened_checks_find_what_unscreened_checks_find(text):
    """With every class bit set, each check scans the text itself: the same findings
    (EXT2_BIT, a count and no class, stays what the text holds)."""
    fast = _hits(text)
    ext2 = _searched(text) & _scan.EXT2_BIT
    with pytest.MonkeyPatch.context() as m:
        for mod in (chars, decoding, mojibake, radicals, script):
            m.setattr(mod, "kinds", lambda _t: ~_scan.EXT2_BIT | ext2)
        full = _hits(text)
    assert fast == full


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_hanzi_counted_by_runs_equals_one_by_one(text):
    assert sum(map(len, script._HANZI_RUN.findall(text))) == len(script._HANZI.findall(text))


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(TEXTS, st.text(alphabet=st.characters(min_codepoint=0x80, max_codepoint=0xFFFF), max_size=30))
)
def test_utf8_like_is_the_byte_pattern_on_the_whole_text(text):
    data = text.encode("gb18030", "replace")
    assert _gbk.utf8_like(text) == (_gbk._UTF8_PAIR.search(data) is not None)


def test_mojibake_pieces_are_utf8_like_and_genuine_text_is_not():
    assert _gbk.utf8_like(_MOJIBAKE[0])
    assert not _gbk.utf8_like("会议在北京召开，鄞州、鄱阳、亳州和邗江的代表出席。")


def test_lead3_class_holds_every_character_encoded_so():
    """Exhaustive over the BMP: utf8_like's first screen misses no character it needs."""
    want = set()
    for cp in [*range(0x80, 0xD800), *range(0xE000, 0x10000)]:
        data = chr(cp).encode("gb18030")
        if len(data) == 2 and 0xE0 <= data[0] <= 0xEF and 0x80 <= data[1] <= 0xBF:
            want.add(chr(cp))
    pattern = _gbk.lead3_re()
    assert {chr(cp) for cp in range(0x80, 0x10000) if pattern.match(chr(cp))} == want
