"""Every docs example of every registered check runs: Bad fires its code, Good does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhqa.checks import CATALOGUE, Bad
from zhqa.checks.registry import CorpusCheck, DocumentCheck, Example
from zhqa.config import from_dict, load_config
from zhqa.engine.fixer import apply_fixes
from zhqa.io.records import document_from_record
from zhqa.io.text import document_from_bytes
from zhqa.plugins import load_plugins
from zhqa.schemas.document import Document

# the reference suite's own checks (plugins = ["checks"] in pyproject.toml) run here too
load_plugins(load_config(Path(__file__).resolve().parent.parent / "pyproject.toml"))

CASES = [
    pytest.param(c, ex, id=f"{c.code}-{type(ex).__name__.lower()}{i}")
    for c in CATALOGUE.values()
    for i, ex in enumerate(c.examples)
]


def example_docs(ex: Example) -> list[Document]:
    if ex.raw is not None:
        return [document_from_bytes(ex.raw, "example.txt", "example.txt")]
    if ex.record is not None:
        return [document_from_record(ex.record, rel="example.jsonl", line=1, source="example.jsonl")]
    texts = [ex.text] if isinstance(ex.text, str) else list(ex.text)
    return [Document.from_text(t, id=f"doc{i}") for i, t in enumerate(texts)]


def hits_of(chk, ex: Example, docs: list[Document]) -> list:
    opts = chk.options(ex.options)
    if isinstance(chk, CorpusCheck):
        return [h.hit for h in chk.run_corpus(docs, opts)]
    assert isinstance(chk, DocumentCheck)
    cfg = from_dict(ex.config)
    return [h for d in docs for h in chk.run(d, opts, cfg)]


@pytest.mark.parametrize(("chk", "ex"), CASES)
def test_docs_example(chk, ex):
    docs = example_docs(ex)
    found = hits_of(chk, ex, docs)
    if not isinstance(ex, Bad):
        assert found == [], f"{chk.code} fired on its own good example: {found}"
        return
    assert found, f"{chk.code} did not fire on its own bad example"
    for h in found:
        text = docs[-1].text if isinstance(chk, CorpusCheck) else docs[0].text
        assert 0 <= h.start <= h.end <= len(text), f"{chk.code} span outside the text"
    if ex.fixed is not None:
        assert len(docs) == 1
        fixed = apply_fixes(docs[0].text, found, unsafe=ex.unsafe)
        assert fixed == ex.fixed
        again = hits_of(chk, ex, [Document.from_text(fixed)])
        assert again == [], f"{chk.code}: fix did not converge"
