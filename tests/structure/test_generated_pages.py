"""Corpus articles laid out as pages parse back into the same articles (≥ 95 %)."""

from __future__ import annotations

from tests.conftest import corpus_records
from tests.structure.layout import Expected, clean, page
from zhqa.schemas.article import Article
from zhqa.text.page import parse_page

NTREX = "ntrex128-zh/ntrex128_zho-CN.jsonl"


def _same(exp: Expected, got: Article | None) -> bool:
    if got is None:
        return False
    text = lambda e: e.text if e is not None else None  # noqa: E731
    return (
        got.kind == exp.kind
        and text(got.kicker) == exp.kicker
        and text(got.subtitle) == exp.subtitle
        and text(got.byline) == exp.byline
        and [p.text for p in got.paragraphs] == exp.paragraphs
    )


def round_trip(records: list[dict], per_page: int = 4) -> tuple[int, int, list[str]]:
    ok = total = 0
    misses = []
    for n in range(0, len(records), per_page):
        text, expected = page(records[n : n + per_page], seed=n)
        parsed = {a.title.text: a for a in parse_page(text).articles if a.title}
        for exp in expected:
            total += 1
            if _same(exp, parsed.get(exp.title)):
                ok += 1
            else:
                misses.append(exp.title)
    return ok, total, misses


def test_generated_pages_parse_back_into_the_same_articles():
    """Clean NTREX articles (76 of 123) as pages: 75/76 round-trip when this was written."""
    records = [r for r in corpus_records(NTREX) if clean(r)]
    ok, total, misses = round_trip(records)
    assert total >= 70
    assert ok / total >= 0.95, f"{ok}/{total} articles round-tripped; missed: {misses[:10]}"


def test_most_articles_round_trip_even_with_headline_like_segments():
    """All 123 (some segments are subheadings or lack a final mark): 100/123 when written."""
    ok, total, _ = round_trip(corpus_records(NTREX))
    assert ok / total >= 0.75


def test_a_photo_item_between_two_stories_is_its_own_article():
    recs = [r for r in corpus_records(NTREX) if clean(r)][:3]
    seed = next(s for s in range(100) if [e.kind for e in page(recs, s)[1]] == ["news", "photo", "news"])
    text, expected = page(recs, seed)
    arts = parse_page(text).articles
    assert [(a.kind, a.title.text) for a in arts] == [(e.kind, e.title) for e in expected]
    assert arts[1].byline is not None and arts[1].byline.photo
