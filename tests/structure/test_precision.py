"""Precision: clean corpus articles, laid out as pages or read as records, give no S errors.

Measured when written (record mode, default record schema, all S checks):
NTREX zho-CN 76 clean articles → 0 findings as records, 0 findings as pages (since subheadings
stay in their story; 1 S502 warning before); all 123 as pages → 18 S503, the same missing final
marks the records show; all 123 records → 26 S503 (13 segments
ending with a comma or an open quotation, e.g. `…实施了性侵犯，` / `同时政治僵局…`, and 13 ending
without their full stop before a paragraph that does not open with a pronoun, conjunction or
time word) and 1 S504 (a last sentence without its full stop) — defects of the source.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import corpus_records
from tests.structure.layout import clean, page
from zhqa.checks import CATALOGUE
from zhqa.io.records import document_from_record
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Severity
from zhqa.schemas.record import cached_validator

STRUCTURE = [c for code, c in sorted(CATALOGUE.items()) if code.startswith("S")]
NTREX = "ntrex128-zh/ntrex128_zho-CN.jsonl"


def _findings(doc: Document, errors_only: bool = True) -> Counter:
    out: Counter = Counter()
    for chk in STRUCTURE:
        for hit in chk.run(doc):
            if not errors_only or (hit.severity or chk.severity) is Severity.error:
                out[chk.code] += 1
    return out


def _record(rec: dict, name: str, line: int) -> Document:
    validate = cached_validator(None, ".", "text", "id")
    return document_from_record(rec, rel=name, line=line, source=name, validate=validate)


def test_clean_articles_laid_out_as_pages_give_no_structure_errors():
    records = [r for r in corpus_records(NTREX) if clean(r)]
    total: Counter = Counter()
    for n in range(0, len(records), 4):
        text, _ = page(records[n : n + 4], seed=n)
        total += _findings(Document.from_text(text, id=f"page-{n}"))
    assert total == Counter(), total


def test_clean_articles_as_records_give_no_structure_findings_at_all():
    records = [r for r in corpus_records(NTREX) if clean(r)]
    total: Counter = Counter()
    for i, rec in enumerate(records, 1):
        total += _findings(_record(rec, NTREX, i), errors_only=False)
    assert total == Counter(), total


@pytest.mark.parametrize(
    "name", [NTREX, "cmrc2018/cmrc2018_wiki.jsonl", "defects-itn-zh/itn_zh_blurbs.jsonl"]
)
def test_corpus_records_fit_the_default_record_schema(name):
    bad = [i for i, rec in enumerate(corpus_records(name), 1) if CATALOGUE["S501"].run(_record(rec, name, i))]
    assert bad == []


def test_sogouca_empty_bodies_are_reported_not_dropped():
    name = "defects-sogouca/sogouca_smarty_decoded.jsonl"
    recs = corpus_records(name)
    docs = [_record(r, name, i) for i, r in enumerate(recs, 1)]
    empty = [d for d in docs if CATALOGUE["S501"].run(d)]
    assert len(docs) == len(recs)
    assert len(empty) == sum(1 for r in recs if not r["text"].strip()) > 0
