"""Precision of the D family on real Chinese text (../shared/corpora) and the real repeats in ITN."""

from __future__ import annotations

import pytest

from tests.conftest import corpus_records
from zhqa.checks import CATALOGUE
from zhqa.schemas.document import Document

CLEAN = [
    "ntrex128-zh/ntrex128_zho-CN.jsonl",
    "ntrex128-zh/ntrex128_zho-TW.jsonl",
    "cmrc2018/cmrc2018_wiki.jsonl",
]


def docs_of(name: str) -> list[Document]:
    return [Document.from_text(r["text"], id=r["id"]) for r in corpus_records(name) if r.get("text")]


@pytest.mark.parametrize("name", CLEAN)
def test_no_duplication_finding_between_or_inside_different_articles(name):
    docs = docs_of(name)
    assert len(docs) >= 123
    corpus = {c: CATALOGUE[c].run_corpus(docs) for c in ("D301", "D302", "D305")}
    inside = {c: [h for d in docs for h in CATALOGUE[c].run(d)] for c in ("D303", "D304", "D306")}
    assert {c: len(v) for c, v in {**corpus, **inside}.items()} == dict.fromkeys(
        ["D301", "D302", "D305", "D303", "D304", "D306"], 0
    )


def test_itn_near_duplicates_are_the_same_blurb_on_another_day():
    docs = docs_of("defects-itn-zh/itn_zh_blurbs.jsonl")
    found = CATALOGUE["D302"].run_corpus(docs)
    assert len(found) >= 5  # 7 on the snapshot of 2026-12: edits of one blurb over days
    for h in found:
        item = docs[h.seq].id.split("-")[1]
        assert all(r.doc_id.split("-")[1] == item for r in h.hit.related), (docs[h.seq].id, h.hit.related)
        assert h.hit.severity is None


def test_itn_exact_repeats_are_d301_not_d302():
    docs = docs_of("defects-itn-zh/itn_zh_blurbs.jsonl")
    exact = {h.seq for h in CATALOGUE["D301"].run_corpus(docs)}
    near = {h.seq for h in CATALOGUE["D302"].run_corpus(docs)}
    assert len(exact) == 52 and not exact & near
