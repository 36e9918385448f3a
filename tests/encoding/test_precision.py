"""Precision of the E family on real text: the clean reference must stay clean.

Clean: NTREX-128 zho-CN (professional news translations; 0 encoding or script defects
per the corpora README). CMRC 2018 is realistic but has known defects: zero E errors
there too; its warnings are genuine (舖/貍 residues, full-width Ｔ/１２０１, U+200B),
counted and listed below.
"""

from __future__ import annotations

from collections import Counter

from tests.conftest import SEED, corpus_records
from zhqa.checks.runner import Plan, run_document
from zhqa.config import from_dict
from zhqa.schemas.document import Document

PLAN = Plan.build(from_dict({}), select=["E"])


def e_findings(texts: list[str]) -> tuple[Counter, int, list]:
    sev: Counter = Counter()
    found = []
    for i, text in enumerate(texts):
        res = run_document(PLAN, Document.from_text(text, id=str(i)))
        for f in res.findings:
            sev[f.severity.value] += 1
            found.append(f)
    return sev, sum(len(t) for t in texts), found


def texts_of(name: str) -> list[str]:
    return [t for r in corpus_records(name) for t in (r.get("title") or "", r["text"]) if t]


def test_ntrex_zho_cn_is_clean():
    sev, chars, found = e_findings(texts_of("ntrex128-zh/ntrex128_zho-CN.jsonl"))
    assert chars > 85_000
    assert sev["error"] == 0, found
    assert sev["warning"] <= chars / 100_000, found


def test_cmrc_has_no_errors_and_only_known_warnings():
    sev, _, found = e_findings(texts_of("cmrc2018/cmrc2018_wiki.jsonl"))
    assert sev["error"] == 0, [f for f in found if f.severity.value == "error"]
    by_code = Counter(f.code for f in found if f.severity.value == "warning")
    assert set(by_code) <= {"E104", "E108", "E110"}, by_code
    assert sum("舖" in f.message for f in found if f.code == "E108") >= 20  # the residue the README names
    assert by_code.total() <= 60  # 43 at the time of writing: 28 E108, 13 E110, 2 E104


def test_seed_page_has_no_encoding_errors():
    text = SEED.read_text(encoding="utf-8")
    sev, _, found = e_findings([text])
    assert sev["error"] == 0, found
    assert sev["warning"] == 0, found
