"""E108: traditional characters in simplified text (OpenCC t2s, phrase-aware) and its metric."""

from __future__ import annotations

from tests.conftest import corpus_records
from zhqa.checks import CATALOGUE
from zhqa.config import from_dict
from zhqa.engine.fixer import apply_fixes
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Metric

E108 = CATALOGUE["E108"]


def run(text: str, config: dict | None = None, **options) -> list:
    return list(E108.evaluate(Document.from_text(text), E108.options(options), from_dict(config or {})))


def hits(text: str, **kw) -> list:
    return [h for h in run(text, **kw) if not isinstance(h, Metric)]


def share(text: str) -> float:
    return next(m.value for m in run(text) if isinstance(m, Metric))


def test_run_of_traditional_characters_is_one_finding_with_t2s_fix():
    text = "俄罗斯与美国宇航员搭載聯盟號飞船升空。"
    found = hits(text)
    assert [text[h.start : h.end] for h in found] == ["載聯盟號"]
    assert apply_fixes(text, found, unsafe=True) == "俄罗斯与美国宇航员搭载联盟号飞船升空。"
    assert found[0].fix.applicability == "unsafe"


def test_phrase_aware_cases_are_simplified_already():
    for text in ["乾隆年间的著作", "理发店", "沈阳的沈先生", "於梨华是作家", "她很著名，也很乾净"[:5]]:
        assert hits(text) == [], text


def test_weak_characters_count_next_to_other_traditional_ones():
    assert hits("他位於北京。") == []
    assert hits("該公司位於北京。")


def test_allowlist_and_script_setting():
    text = "品牌「臺灣啤酒」在大陆销售。"
    assert hits(text)
    assert hits(text, allow=["臺灣啤酒"]) == []
    assert hits(text, config={"script": "traditional"}) == []
    assert hits(text, config={"script": "any"}) == []


def test_metric_is_the_share_of_changed_hanzi():
    assert share("完全简体的句子。") == 0.0
    assert share("發動機升空") == 0.6
    assert 0 < share("联盟号發射升空") < 0.5


def test_ntrex_simplified_is_clean_and_traditional_parallel_is_flagged():
    cn = corpus_records("ntrex128-zh/ntrex128_zho-CN.jsonl")
    assert [r["id"] for r in cn if hits(r["title"] + "\n" + r["text"])] == []
    tw = corpus_records("ntrex128-zh/ntrex128_zho-TW.jsonl")
    shares = [share(r["text"]) for r in tw]
    assert sum(s > 0.1 for s in shares) >= 0.95 * len(tw)


def test_itn_mixtures_are_found():
    recs = corpus_records("defects-itn-zh/itn_zh_blurbs.jsonl")
    flagged = [r for r in recs if hits(r["text"])]
    assert len(flagged) >= 228  # the README counts 228 blurbs mixing both scripts in one sentence


def test_cmrc_residues_are_real():
    recs = corpus_records("cmrc2018/cmrc2018_wiki.jsonl")
    found = {r["text"][h.start : h.end] for r in recs for h in hits(r["text"])}
    assert "舖" in found
    assert not found & {"沈", "於", "哩", "霑"}
