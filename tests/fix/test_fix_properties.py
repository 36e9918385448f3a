"""Properties of ``fix`` over generated Chinese text with injected defects (hypothesis)."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhqa.checks.runner import Plan
from zhqa.config import from_dict
from zhqa.engine.fixer import applicable, fix_document
from zhqa.io.text import document_from_bytes
from zhqa.schemas.document import Document

HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
WORDS = st.text(alphabet=HANZI, min_size=2, max_size=12)
# defects with safe, certain fixes in the catalogue (whichever of them are registered)
DEFECTS = st.sampled_from(
    [",", ";", ":", "!", "?", "，，", "。。", "\u200b", "\u2f00", "\u2f24", "Ａ", "１２", "...", "--", "・"]
)
ENDS = st.sampled_from(["。", "！", "？", "”"])


@st.composite
def damaged_text(draw) -> str:
    paras = []
    for _ in range(draw(st.integers(1, 4))):
        parts = [draw(WORDS)]
        for _ in range(draw(st.integers(1, 5))):
            parts.append(draw(DEFECTS))
            parts.append(draw(WORDS))
        paras.append("".join(parts) + draw(ENDS))
    prefix = draw(st.sampled_from(["", "\ufeff"]))
    return prefix + "\n\n".join(paras)


PLAN = Plan.build(from_dict({}))
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def ideographs(text: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", text))


def hanzi_seq(text: str) -> str:
    """The ideographs of a text after the mappings E109 reports (radicals -> unified)."""
    return "".join(re.findall(r"[\u4e00-\u9fff]", unicodedata.normalize("NFKC", text)))


@SETTINGS
@given(damaged_text())
def test_fix_is_idempotent(text):
    once = fix_document(PLAN, Document.from_text(text)).text
    assert fix_document(PLAN, Document.from_text(once)).text == once


@SETTINGS
@given(damaged_text())
def test_no_safely_fixable_finding_remains(text):
    out = fix_document(PLAN, Document.from_text(text))
    left = [f for f in out.remaining if applicable(f, unsafe=False)]
    assert not left, [(f.code, f.message) for f in left]
    assert not out.unconverged


@SETTINGS
@given(damaged_text())
def test_safe_fixes_change_no_ideograph_except_reported_mappings(text):
    out = fix_document(PLAN, Document.from_text(text))
    assert hanzi_seq(out.text) == hanzi_seq(text), "an ideograph was changed, dropped or added"
    if ideographs(out.text) != ideographs(text):
        assert {"E109", "E106"} & set(out.applied), "ideographs changed by a fix that is not a mapping"


@SETTINGS
@given(damaged_text())
def test_output_decodes_and_parses(text):
    out = fix_document(PLAN, Document.from_text(text)).text
    again = document_from_bytes(out.encode("utf-8"), "x.txt", "x.txt")
    assert again.text == out and not again.invalid_bytes
    from zhqa.text.paragraphs import paragraphs

    assert "".join(p.text for p in paragraphs(out))
