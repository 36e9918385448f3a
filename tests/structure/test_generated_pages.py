"""Corpus articles laid out as pages parse back into the same articles (≥ 95 %).

Every NTREX article counts, including the ones whose segments are real
subheadings or sentences that lost their final mark: inside a story such a line
is a paragraph of it (a subheading), not the title of a new article.
Measured when written (``round_trip`` over layouts 0–9, each a different random page
layout of all articles): NTREX zho-CN 1184/1230 (96.3 %); zho-TW 1160/1230 (94.3 %);
CMRC passages with generated subheadings 1876/2000 (93.8 %). On layouts 10–29, which
no parser change was looked at against: 2345/2460 (95.3 %), 2312/2460, 3737/4000.
"""

from __future__ import annotations

from tests.conftest import corpus_records
from tests.structure.layout import Expected, clean, page, segments
from zhqa.schemas.article import Article
from zhqa.text.page import parse_page

NTREX = "ntrex128-zh/ntrex128_zho-CN.jsonl"
NTREX_TW = "ntrex128-zh/ntrex128_zho-TW.jsonl"
CMRC = "cmrc2018/cmrc2018_wiki.jsonl"


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


def round_trip(
    records: list[dict], per_page: int = 4, layout: int = 0, subheads: bool = False
) -> tuple[int, int, list[str]]:
    ok = total = 0
    misses = []
    for n in range(0, len(records), per_page):
        text, expected = page(records[n : n + per_page], seed=n + 1000 * layout, subheads=subheads)
        parsed = {a.title.text: a for a in parse_page(text).articles if a.title}
        for exp in expected:
            total += 1
            if _same(exp, parsed.get(exp.title)):
                ok += 1
            else:
                misses.append(exp.title)
    return ok, total, misses


LAYOUTS = range(10)


def over_layouts(records: list[dict], layouts=LAYOUTS, subheads: bool = False) -> tuple[int, int, list]:
    """:func:`round_trip` summed over several random layouts; misses as (layout, title)."""
    ok = total = 0
    misses: list[tuple[int, str]] = []
    for k in layouts:
        o, t, m = round_trip(records, layout=k, subheads=subheads)
        ok, total = ok + o, total + t
        misses += [(k, title) for title in m]
    return ok, total, misses


def test_every_ntrex_article_round_trips_in_95_percent_of_cases():
    """All 123 articles on ten random layouts, subheadings and unpunctuated segments included."""
    ok, total, misses = over_layouts(corpus_records(NTREX))
    assert total == 123 * len(LAYOUTS)
    assert ok / total >= 0.95, f"{ok}/{total} articles round-tripped; missed: {misses}"


def test_clean_articles_round_trip_on_every_layout():
    """Articles whose every segment ends a sentence: no subheading to mistake (≥ 95 % on each layout)."""
    records = [r for r in corpus_records(NTREX) if clean(r)]
    for layout in range(3):
        ok, total, misses = round_trip(records, layout=layout)
        assert ok / total >= 0.95, f"layout {layout}: {ok}/{total}; missed: {misses}"


def test_the_traditional_parallel_text_on_ten_layouts():
    """The zho-TW translation (different segments, traditional characters) on the same ten layouts."""
    ok, total, misses = over_layouts(corpus_records(NTREX_TW))
    assert ok / total >= 0.93, f"{ok}/{total}; missed: {misses[:10]}"


def test_wikipedia_passages_with_subheadings_round_trip():
    """Another source (CMRC passages cut into paragraphs) with section subheadings printed in the body."""
    records = [r for r in corpus_records(CMRC) if len(segments(r)) >= 3][:200]
    _text, expected = page(records[:4], seed=0, subheads=True)
    assert sum(len(e.paragraphs) for e in expected) > sum(len(segments(r)) for r in records[:4])
    ok, total, misses = over_layouts(records, subheads=True)
    assert ok / total >= 0.92, f"{ok}/{total}; missed: {misses[:10]}"


def test_a_subheading_between_paragraphs_stays_in_its_story():
    text = (
        "青海海东规范化发展劳务品牌\n\n本报记者 邢生祥\n\n"
        "近日，海东市春风行动就业援助月暨劳务品牌发布活动在乐都区举办，现场提供岗位1.2万个。\n\n"
        "劳务品牌带动就业\n\n"
        "据了解，今年海东市已举办各类招聘活动36场，劳务品牌带动就业2.3万人次。\n\n"
        "鲜花快递换新装\n\n本报记者 甘哲\n\n3月进入鲜花销售旺季，快递公司采用定制纸盒套装。\n"
    )
    arts = parse_page(text).articles
    assert [a.title.text for a in arts if a.title] == ["青海海东规范化发展劳务品牌", "鲜花快递换新装"]
    assert [p.text for p in arts[0].paragraphs][1] == "劳务品牌带动就业"


def test_a_title_after_body_text_on_another_topic_starts_an_article():
    text = (
        "青海海东规范化发展劳务品牌\n\n"
        "近日，海东市春风行动就业援助月暨劳务品牌发布活动在乐都区举办，现场提供岗位1.2万个。\n\n"
        "据了解，今年海东市已举办各类招聘活动36场，劳务品牌带动就业2.3万人次。\n\n"
        "瓜州乡村工匠传技富民\n\n"
        "在河东镇，酿酒师吴刚获评甘肃省乡村工匠，他的酒庄吸纳本地工人10名，月均工资4500元以上。\n"
    )
    assert [a.title.text for a in parse_page(text).articles] == [
        "青海海东规范化发展劳务品牌",
        "瓜州乡村工匠传技富民",
    ]


def test_a_photo_item_between_two_stories_is_its_own_article():
    recs = [r for r in corpus_records(NTREX) if clean(r)][:3]
    seed = next(s for s in range(100) if [e.kind for e in page(recs, s)[1]] == ["news", "photo", "news"])
    text, expected = page(recs, seed)
    arts = parse_page(text).articles
    assert [(a.kind, a.title.text) for a in arts] == [(e.kind, e.title) for e in expected]
    assert arts[1].byline is not None and arts[1].byline.photo
