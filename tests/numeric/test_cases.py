"""Each N4xx code on realistic sentences: every bad one fires the code, no good one does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhqa.checks import CATALOGUE
from zhqa.schemas.document import Document

CASES = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))
# relations between two places report the other place(s) in ``related``
RELATED = {"N401", "N402", "N403", "N406", "N407", "N408", "N409", "N411", "N412"}
PARAMS = [
    pytest.param(code, kind, text, id=f"{code}-{kind}{i}")
    for code, sets in CASES.items()
    for kind in ("bad", "good")
    for i, text in enumerate(sets[kind])
]


def test_every_code_has_five_bad_and_five_good():
    codes = sorted(c for c in CATALOGUE if c.startswith("N4"))
    assert sorted(CASES) == codes
    for code in codes:
        assert len(CASES[code]["bad"]) >= 5 and len(CASES[code]["good"]) >= 5, code


@pytest.mark.parametrize(("code", "kind", "text"), PARAMS)
def test_case(code: str, kind: str, text: str):
    hits = CATALOGUE[code].run(Document.from_text(text))
    if kind == "bad":
        assert hits, f"{code} missed: {text}"
        for h in hits:
            assert 0 <= h.start < h.end <= len(text)
            assert h.related or code not in RELATED, f"{code} hit without related spans"
            for r in h.related:
                assert 0 <= r.start < r.end <= len(text)
    else:
        assert hits == [], f"{code} fired on correct text: {[h.message for h in hits]}"
