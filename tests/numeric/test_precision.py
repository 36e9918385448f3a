"""Precision on clean text: at most 1 N4xx error per 100,000 characters (NTREX zho-CN, CMRC 2018).

Measured when written: NTREX zho-CN 85,432 characters, 1 error (N411 `70-90%`, a GB/T 15835
range written without the first %); CMRC 2018 565,955 characters, 3 errors (N411 `15至20万吨`,
`3-4万人`, `50-500万只`); 4 in 651,387 characters (0.61 per 100,000).
"""

from __future__ import annotations

import pytest

from tests.conftest import corpus_records
from zhqa.checks import CATALOGUE
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Severity

N_CHECKS = [c for code, c in sorted(CATALOGUE.items()) if code.startswith("N4")]
CLEAN = ["ntrex128-zh/ntrex128_zho-CN.jsonl", "cmrc2018/cmrc2018_wiki.jsonl"]


def errors(records: list[dict]) -> tuple[int, list[str]]:
    chars, found = 0, []
    for i, rec in enumerate(records):
        text = rec.get("text") or ""
        chars += len(text)
        doc = Document.from_text(text, id=str(rec.get("id", i)))
        for c in N_CHECKS:
            for h in c.run(doc):
                if (h.severity or c.severity) == Severity.error:
                    found.append(f"{c.code} {doc.id} {text[max(0, h.start - 10) : h.end + 5]!r}")
    return chars, found


@pytest.fixture(scope="module")
def measured() -> dict[str, tuple[int, list[str]]]:
    return {name: errors(corpus_records(name)) for name in CLEAN}


def test_clean_texts_stay_under_one_error_per_100k_chars(measured):
    chars = sum(c for c, _ in measured.values())
    found = [f for _, fs in measured.values() for f in fs]
    print(f"\n{len(found)} N errors in {chars} characters:", *found, sep="\n  ")
    assert chars > 600_000  # both corpora were read
    assert len(found) * 100_000 <= chars, found


def test_ntrex_news_has_at_most_one_error(measured):
    chars, found = measured["ntrex128-zh/ntrex128_zho-CN.jsonl"]
    assert chars > 80_000
    assert len(found) <= 1, found


def test_ntrex_numbers_are_found():
    """The scanner reads the ASCII numbers of NTREX (772 in all by the corpus README), dates aside."""
    import re

    from zhqa.text.numbers import scan

    recs = corpus_records("ntrex128-zh/ntrex128_zho-CN.jsonl")
    plain = re.compile(r"(?<![0-9A-Za-z.,\-])[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?(?![0-9A-Za-z年月日号时])")
    expected = sum(len(plain.findall(r["text"])) for r in recs)
    found = sum(1 for r in recs for n in scan(r["text"]) if not n.chinese)
    assert expected > 300
    assert found >= 0.95 * expected, (found, expected)
