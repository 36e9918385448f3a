"""Fuzzing (hypothesis) over every check and the parsers: nothing raises, spans stay inside.

The long runs (10 minutes per target) are ``python bench/fuzz.py``; this is the
bounded CI slice of the same targets.
"""

from __future__ import annotations

import json
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhqa.checks import CATALOGUE
from zhqa.checks.registry import DocumentCheck
from zhqa.engine.fixer import edits_of
from zhqa.io.decode import decode_file
from zhqa.io.discover import Input
from zhqa.io.records import parse_line
from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.document import Document
from zhqa.text.numbers import scan
from zhqa.text.page import parse_page

EXAMPLES = int(os.environ.get("ZHQA_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

PIECES = [
    "的",
    "一",
    "是",
    "人",
    "中",
    "国",
    "年",
    "月",
    "日",
    "两",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "余",
    "多",
    "约",
    "，",
    "。",
    "、",
    "；",
    "：",
    "！",
    "？",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "（",
    "）",
    "【",
    "】",
    "…",
    "—",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    '"',
    "'",
    "~",
    "-",
    "%",
    "～",
    "·",
    "・",
    "0",
    "1",
    "2",
    "5",
    "9",
    "3.5",
    "1,000",
    "10:30",
    "2024年",
    "3月25日",
    "%",
    "个",
    "人",
    "中",
    "其中",
    "共",
    "剩余",
    "增长",
    "由",
    "增至",
    "降至",
    "星期二",
    "本报记者",
    " 摄",
    "图为",
    "本报讯(记者",
    " ",
    "\u3000",
    "\n",
    "\n\n",
    "\t",
    "\x00",
    "\x07",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\ufffd",
    "\ue000",
    "\u2f00",
    "\u2e80",
    "\uf900",
    "\ufa0e",
    "Ａ",
    "１",
    "鍙戝睍",
    "锟斤拷",
    "ä¸­",
    "café",
    "http://a.b/c,d",
    "English text, here.",
    "𠀀",
    "乾隆",
    "著作",
    "頭髮",
    "這個",
    "發展",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=60).map("".join)
DOC_CHECKS = [c for c in CATALOGUE.values() if isinstance(c, DocumentCheck)]
QUOTED = re.compile(r"'(.)'")


@FUZZ
@given(TEXT)
def test_every_document_check_survives_and_stays_inside(text):
    doc = Document.from_text(text)
    n = len(text)
    for chk in DOC_CHECKS:
        for h in chk.run(doc):
            assert 0 <= h.start <= h.end <= n, (chk.code, h)
            assert h.message, chk.code
            for s, e, _ in edits_of(h):
                assert 0 <= s <= e <= n, (chk.code, h.fix)
            for rel in h.related:
                assert 0 <= rel.start <= rel.end <= n, (chk.code, rel)
            repl = h.fix.replacement if h.fix else ""
            named = [c for c in QUOTED.findall(h.message) if c not in repl]
            if named and h.end > h.start and chk.code.startswith("P2"):
                near = text[max(0, h.start - 1) : h.end + 1]
                assert any(c in near for c in named), (chk.code, h.message, near)


@FUZZ
@given(TEXT)
def test_page_parser_keeps_every_character(text):
    page = parse_page(text)
    dumped = json.dumps(page.model_dump(), ensure_ascii=False)
    assert isinstance(dumped, str)
    for art in page.articles:
        assert 0 <= art.start <= art.end <= len(text)


@FUZZ
@given(TEXT)
def test_number_scanner_spans_are_inside(text):
    for num in scan(text):
        assert 0 <= num.start <= num.end <= len(text)


@FUZZ
@given(st.binary(max_size=400))
def test_decoder_never_raises_and_matches_replace(data):
    d = decode_file(data)
    if d.encoding == "utf-8":
        assert d.text == data.decode("utf-8", "replace")
    for inv in d.invalid:
        assert d.text[inv.char_offset] == "\ufffd"


@FUZZ
@given(st.one_of(st.binary(max_size=300), TEXT.map(lambda t: json.dumps({"id": t[:5], "text": t}).encode())))
def test_jsonl_line_parser_never_raises(raw):
    inp = Input("f.jsonl", "f.jsonl", None, "jsonl")
    rec = parse_line(raw, 1, 0, inp, SuiteConfig().limits, "text", "id")
    assert rec.doc.id
    for inv in rec.doc.invalid_bytes:
        assert 0 <= inv.char_offset <= max(0, len(rec.doc.text) - 1) or not rec.doc.text
