"""E104 invisibles, E110 full-width alphanumerics, E111 private use/unassigned, E112 odd spaces."""

from __future__ import annotations

from tests.conftest import corpus_records
from tests.encoding.conftest import hits
from zhqa.engine.fixer import apply_fixes
from zhqa.schemas.finding import Severity


def test_zero_width_characters_are_removed():
    text = "苏州\u200b打破\u200c技能\u2060人才\ufeff评价\u00ad壁垒"
    found = hits("E104", text)
    assert len(found) == 5 and all(h.severity is None for h in found)
    assert apply_fixes(text, found) == "苏州打破技能人才评价壁垒"


def test_bidi_controls_are_errors_with_unsafe_fix():
    text = "文件名\u202egpj.exe\u202c已下载"
    found = hits("E104", text)
    assert {h.severity for h in found} == {Severity.error}
    assert apply_fixes(text, found) == text
    assert apply_fixes(text, found, unsafe=True) == "文件名gpj.exe已下载"


def test_joiners_in_emoji_and_shaping_scripts_are_legitimate():
    assert hits("E104", "一家人👨\u200d👩\u200d👧\u200d👦合影，🏳\ufe0f\u200d🌈") == []
    assert hits("E104", "波斯语\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645一词") == []
    assert hits("E104", "中文\u200d中文")


def test_leading_bom_is_left_to_e102():
    assert hits("E104", "\ufeff本报讯") == []
    assert len(hits("E104", "\ufeff本报讯\ufeff第二条")) == 1


def test_fullwidth_alphanumerics_are_halved():
    text = "中广网唐山６月１２日消息，ＣＰＩ同比上涨３．５％"
    found = hits("E110", text)
    assert apply_fixes(text, found) == "中广网唐山6月12日消息，CPI同比上涨3．5％"


def test_sogouca_fullwidth_counts():
    recs = corpus_records("defects-sogouca/sogouca_smarty_decoded.jsonl")
    texts = [r[k] or "" for r in recs for k in ("title_realigned", "text_realigned")]
    chars = sum(h.end - h.start for t in texts for h in hits("E110", t))
    assert chars == 3806  # README: 3,806 full-width digits/letters in the realigned titles and texts


def test_private_use_noncharacters_unassigned():
    assert [h.message.split(" U+")[0] for h in hits("E111", "局\ue40c长\ufdd0第\uffff条\U0010fffd")] == [
        "private-use character",
        "noncharacter",
        "noncharacter",
        "private-use character",
    ]
    assert hits("E111", "局\U000e0000长")  # unassigned plane-14 code point
    assert hits("E111", "𠀋𪚥 ﹏ ＃ ｡ ㊣ ⑴ 한국어 にほんご") == []


def test_nonstandard_spaces_inside_text_but_not_indents_or_line_ends():
    assert hits("E112", "\u3000\u3000本报讯 近日会议召开。\u3000\n\u3000\u3000第二段。") == []
    found = hits("E112", "记者汤一亮\u3000庄胜春\n价格\u00a0100元")
    assert [h.message.split(" ")[2] for h in found] == ["U+3000", "U+00A0"]
