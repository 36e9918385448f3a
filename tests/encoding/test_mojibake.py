"""E106: mojibake made by real mis-decoding, the SogouCA phase shift, ftfy's cases and negatives."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import CORPORA, corpus_records
from tests.encoding.conftest import hits
from zhqa.engine.fixer import apply_fixes


def _strict_misdecodes(wrong: str) -> list[tuple[str, str]]:
    """NTREX clauses whose UTF-8 bytes happen to be valid in the wrong codec (a lossless mis-decode)."""
    out = []
    for rec in corpus_records("ntrex128-zh/ntrex128_zho-CN.jsonl"):
        for sent in re.findall(r"[^，。！？\x00-\x7f]{4,}[，。！？]", rec["text"]):
            try:
                out.append((sent, sent.encode("utf-8").decode(wrong)))
            except UnicodeDecodeError:
                continue
    return out


@pytest.mark.parametrize("wrong", ["gbk", "gb18030"])
def test_utf8_read_as_gbk_is_found_and_repaired(wrong):
    pairs = _strict_misdecodes(wrong)
    assert len(pairs) >= 20
    repaired = 0
    for sentence, broken in pairs:
        text = f"新华社电 {broken}（完）"
        found = hits("E106", text)
        assert found, broken
        repaired += apply_fixes(text, found) == f"新华社电 {sentence}（完）"
    assert repaired >= 0.9 * len(pairs), f"{repaired} of {len(pairs)} repaired exactly"


def test_lossy_utf8_read_as_gbk_is_found_without_fix():
    broken = "国务院总理主持召开常务会议，研究部署有关工作。".encode().decode("gbk", "replace")
    assert "\ufffd" in broken
    found = hits("E106", broken)
    assert found and all(h.fix is None for h in found)


def test_every_ntrex_article_misdecoded_as_gbk_is_flagged():
    recs = corpus_records("ntrex128-zh/ntrex128_zho-CN.jsonl")
    missed = [r["id"] for r in recs if not hits("E106", r["text"].encode().decode("gbk", "replace"))]
    assert missed == []


@pytest.mark.parametrize("wrong", ["cp1252", "latin-1"])
def test_utf8_read_as_latin1_or_cp1252_is_repaired_without_touching_cjk_punctuation(wrong):
    word = "简体中文"
    broken = word.encode().decode(wrong, "ignore" if wrong == "cp1252" else "strict")
    text = f"语言：“{broken}”，（标题）：完"
    found = hits("E106", text)
    assert found
    fixed = apply_fixes(text, found, unsafe=True)
    assert "，（标题）：" in fixed and "“" in fixed
    if wrong == "latin-1":
        assert fixed == f"语言：“{word}”，（标题）：完"


def test_gbk_read_as_latin1_is_repaired():
    broken = "中文新闻报道".encode("gbk").decode("latin-1")
    found = hits("E106", f"Title: {broken}")
    assert apply_fixes(f"Title: {broken}", found) == "Title: 中文新闻报道"


@pytest.mark.parametrize("filler", ["锟斤拷锟斤拷", "烫烫烫烫", "屯屯屯屯屯"])
def test_fillers_are_lost_text(filler):
    found = hits("E106", f"内容：{filler}，完")
    assert [(h.start, h.end) for h in found] == [(3, 3 + len(filler))]
    assert found[0].fix is None


@pytest.mark.parametrize(
    "text",
    [
        "他到过鄞州、鄱阳、亳州、邗江和郓城，拜访了赟、喆、堃、玥四位朋友。",
        "羟基、羧基和氨基酸是生物化学的基本概念，醛与酮也是。",
        "这家café和那家Müller面包店都在Ångström街上。",
        "她说：“是吗?我不知道。”又问:“你呢?”",
        "火锅烫烫的，正好吃。",
    ],
)
def test_genuine_text_is_not_mojibake(text):
    assert hits("E106", text) == []


def test_sogouca_phase_shift_found_in_most_damaged_docs_and_never_in_realigned_text():
    recs = corpus_records("defects-sogouca/sogouca_smarty_decoded.jsonl")
    damaged = [r for r in recs if re.search(r"\?[^\x00-\x7f]", r["text"])]
    found = [r for r in damaged if hits("E106", r["text"])]
    assert len(damaged) >= 90
    assert len(found) >= 0.85 * len(damaged), f"{len(found)} of {len(damaged)}"
    assert [r["id"] for r in recs if hits("E106", r["text_realigned"])] == []


def test_sogouca_known_run_reads_as_the_original():
    text = "全国缉枪制爆统一销毁行动。?；泼鳎合衷谖倚?布，全国"
    (hit,) = hits("E106", text)
    assert text[hit.start] == "?" and "黄明：现在我" in hit.message


def _ftfy_cases(name):
    path = CORPORA / "defects-ftfy" / "test-cases" / f"{name}.json"
    if not path.is_file():
        pytest.skip(f"{path} not available")
    return json.loads(path.read_text(encoding="utf-8"))


def test_ftfy_negative_cases_do_not_fire():
    fired = [c["label"] for c in _ftfy_cases("negative") if hits("E106", c["original"])]
    assert fired == []


def test_ftfy_cjk_cases_are_repaired():
    cjk = [c for c in _ftfy_cases("language-names") if re.search("[\u4e00-\u9fff]", c["fixed"])]
    assert len(cjk) == 3
    for c in cjk:
        assert apply_fixes(c["original"], hits("E106", c["original"]), unsafe=True) == c["fixed"]


def test_ftfy_in_the_wild_mostly_found():
    cases = [c for c in _ftfy_cases("in-the-wild") if c["original"] != c.get("fixed-encoding", c["fixed"])]
    found = [c for c in cases if hits("E106", c["original"])]
    assert len(found) >= 0.6 * len(cases)
