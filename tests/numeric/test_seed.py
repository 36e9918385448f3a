"""The seed page: N406 on 二人/9人 and no other N finding; the 1687 = 1580 + 107 sum is guarded by N401."""

from __future__ import annotations

import pytest

from zhqa.checks import CATALOGUE
from zhqa.schemas.document import Document

N_CHECKS = [c for code, c in sorted(CATALOGUE.items()) if code.startswith("N4")]
SUM = "全地区1687个小区中,已建成骑手友好小区1580个,剩余107个小区"


def n_hits(text: str) -> list[tuple[str, str]]:
    doc = Document.from_text(text)
    return [(c.code, text[h.start : h.end]) for c in N_CHECKS for h in c.run(doc)]


def test_seed_has_only_the_mixed_numeral_finding(seed_text: str):
    assert SUM in seed_text
    hits = n_hits(seed_text)
    assert hits == [("N406", "二人")]
    (h,) = CATALOGUE["N406"].run(Document.from_text(seed_text))
    assert [seed_text[r.start : r.end] for r in h.related] == ["9人"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("1687个", "1688个"),
        ("1687个", "1697个"),
        ("1580个", "1579个"),
        ("1580个", "1508个"),
        ("107个", "117个"),
        ("107个", "106个"),
    ],
)
def test_changing_one_number_of_the_sum_fires_n401(seed_text: str, old: str, new: str):
    changed = seed_text.replace(SUM, SUM.replace(old, new))
    assert changed != seed_text
    hits = CATALOGUE["N401"].run(Document.from_text(changed))
    assert len(hits) == 1
    h = hits[0]
    assert changed[h.start : h.end].startswith(("1687", "1688", "1697"))
    assert sorted(changed[r.start : r.end] for r in h.related) == sorted(
        p
        for p in ("1580个", "107个", "1579个", "1508个", "117个", "106个")
        if p in changed[h.start : h.start + 60]
    )


def test_the_sum_in_chinese_numerals_is_checked_too():
    good = "全地区一千六百八十七个小区中，已建成一千五百八十个，剩余一百零七个。"
    assert CATALOGUE["N401"].run(Document.from_text(good)) == []
    bad = good.replace("一百零七", "一百一十七")
    assert len(CATALOGUE["N401"].run(Document.from_text(bad))) == 1
