"""The engine's finding rows carry exactly ``Finding.model_dump_json()``, byte for byte."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhqa.checks import CATALOGUE, Bad
from zhqa.checks.registry import DocumentCheck
from zhqa.checks.runner import Plan, finding_key, run_document, to_finding
from zhqa.config import from_dict
from zhqa.engine.rows import finding_row, row_key
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Edit, Fix, Hit, Related, Severity
from zhqa.text.locate import LineIndex

PLAN = Plan.build(from_dict({"severity": {"P201": "info"}, "promote_warnings": ["N"]}))


def _same(chk, doc: Document, hit: Hit) -> None:
    index = LineIndex(doc.text)
    f = to_finding(PLAN, chk, doc, hit, index)
    row = finding_row(PLAN, chk, doc, hit, index)
    assert row[-1] == f.model_dump_json()
    assert row[:4] == finding_key(f) and row[4:6] == (f.severity.value, f.family)


@pytest.mark.parametrize(
    "chk",
    [c for _, c in sorted(CATALOGUE.items()) if isinstance(c, DocumentCheck)],
    ids=lambda c: c.code,
)
def test_rows_of_every_bad_example_equal_the_findings_json(chk):
    for ex in chk.examples:
        if not isinstance(ex, Bad) or ex.raw is not None or ex.record is not None:
            continue
        for text in [ex.text] if isinstance(ex.text, str) else ex.text:
            doc = Document(id='doc "1"\\', source="a/b.jsonl", text=text)
            for hit in chk.run(doc, chk.options(ex.options), from_dict(ex.config)):
                _same(chk, doc, hit)


def test_run_document_orders_rows_as_findings():
    doc = Document(id="d", text="他说,“好”。他说,“好”。\n\n2025年3月1日, 全市新增1.5万人(同比增长3%)。")
    findings = run_document(PLAN, doc).findings
    rows = run_document(PLAN, doc, make=finding_row, key=row_key).findings
    assert findings and [r[-1] for r in rows] == [f.model_dump_json() for f in findings]


_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    text=_text.filter(bool),
    message=_text,
    doc_id=_text,
    excerpt=st.none() | _text,
    sev=st.none() | st.sampled_from(list(Severity)),
    fix=st.none()
    | st.builds(
        Fix,
        replacement=_text,
        applicability=st.sampled_from(["safe", "unsafe", "display"]),
        title=st.none() | _text,
        start=st.none() | st.integers(0, 5),
        end=st.none() | st.integers(0, 5),
        also=st.none()
        | st.lists(st.builds(Edit, start=st.integers(0, 9), end=st.integers(0, 9), replacement=_text)),
    ),
    related=st.lists(
        st.builds(Related, doc_id=_text, start=st.integers(0, 9), end=st.integers(0, 99)), max_size=2
    ),
)
def test_rows_equal_the_findings_json_on_any_strings(text, message, doc_id, excerpt, sev, fix, related):
    start = len(text) // 2
    hit = Hit(
        start=start, end=len(text), message=message, excerpt=excerpt, severity=sev, fix=fix, related=related
    )
    for code in ("P201", "N401", "E103"):
        _same(CATALOGUE[code], Document(id=doc_id, source="s\n\t", text=text), hit)
