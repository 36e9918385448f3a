"""Helpers for the punctuation tests: run the P family on a text."""

from __future__ import annotations

import pytest

from zhqa.checks import CATALOGUE
from zhqa.schemas.document import Document

P_CHECKS = [c for code, c in sorted(CATALOGUE.items()) if code.startswith("P2")]


def p_hits(text: str, doc_id: str = "doc") -> list[tuple[str, object]]:
    """(code, hit) of every P check on ``text``, with the hit's effective severity applied."""
    doc = Document.from_text(text, id=doc_id)
    return [(c.code, h) for c in P_CHECKS for h in c.run(doc)]


def p_errors(text: str, doc_id: str = "doc") -> list[tuple[str, object]]:
    sev = {c.code: c.severity for c in P_CHECKS}
    return [(code, h) for code, h in p_hits(text, doc_id) if (h.severity or sev[code]) == "error"]


@pytest.fixture
def p_codes():
    """Codes the P family reports on a text (sorted, with repeats)."""
    return lambda text: sorted(code for code, _ in p_hits(text))
