"""The structure family's shortcuts (plain texts, body-only texts) give the findings of a full parse."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import corpus_records
from tests.structure.test_parser_property import PAGES
from zhqa.checks import CATALOGUE
from zhqa.schemas.document import Document
from zhqa.text import page_flow, plain
from zhqa.text.paragraphs import paragraphs
from zhqa.text.plain import body_line, plain_line, screened

S_CHECKS = [c for code, c in sorted(CATALOGUE.items()) if code.startswith("S")]
SENTENCES = st.sampled_from(
    [
        "会议在北京召开，代表们审议了报告。",
        "对于首都环卫工王进吉而言，过去的一年既有挑战，更有惊喜和收获，他的工作也得到了认可。" * 2,
        "“你怎么看？”",
        "他说：“以前觉得砚台赚不到钱。”",
        "近年来，该公司瞄准国内外市场需要，",
        "，带动就业300余人。",
        "们的工作很辛苦。",
        "记者：“你怎么看？”",
        "本报讯（记者邢生祥）近日，招聘会在乐都区举办。",
        "扫一扫在手机打开当前页。",
        "——记者手记",
        "\u3000\u3000段首有全角空格的段落。",
        "\ufeff，开头是字节序标记。",
        "青海海东规范化发展劳务品牌",
        "他大声说：“太好了！”",
        "真的吗？",
        "Is it true?",
        "记者 王五：“很好。”",
        "实习生张三说：“是的！”",
        "文/李四：“好。”",
        "他问道：『为什么？』」",
        "“好。”）”",
        "（完）",
        "本报记者 甘哲 摄",
        "图为快递员打包鲜花。",
    ]
)
PROSE = st.lists(st.tuples(SENTENCES, st.sampled_from(["\n", "\n\n", "\r\n", " \n", ""])), max_size=12).map(
    lambda xs: "".join(a + b for a, b in xs)
)


def _hits(text: str, record: bool) -> list[tuple]:
    doc = Document.from_text(text, line=1 if record else None)
    page_flow.analyse.cache_clear()
    return [(c.code, h.start, h.end, h.message, str(h.related)) for c in S_CHECKS for h in c.run(doc)]


def _both(text: str, record: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    fast = _hits(text, record)
    with monkeypatch.context() as m:  # no shortcut: every text is parsed
        m.setattr(page_flow, "screened", lambda _t: False)
        m.setattr(page_flow, "plain_line", lambda _t: False)
        m.setattr(page_flow, "body_line", lambda _t: False)
        full = _hits(text, record)
    page_flow.analyse.cache_clear()
    return fast, full


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(PROSE, PAGES), record=st.booleans())
def test_shortcuts_find_what_the_parse_finds(text, record, monkeypatch):
    fast, full = _both(text, record, monkeypatch)
    assert fast == full


@settings(max_examples=300, deadline=None)
@given(st.one_of(PROSE, PAGES, st.text(max_size=200)))
def test_a_screened_text_is_plain_line_by_line(text):
    if screened(text):
        assert all(plain_line(p.text) for p in paragraphs(text))


@pytest.mark.parametrize("name", ["ntrex128-zh/ntrex128_zho-CN.jsonl", "cmrc2018/cmrc2018_wiki.jsonl"])
def test_corpus_texts_give_the_same_findings_either_way(name, monkeypatch):
    texts = [r["text"] for r in corpus_records(name)[:150]]
    kinds = {"screened": 0, "plain": 0, "bodies": 0}
    for text in texts:
        flow = page_flow.Flow(text, False)
        kinds["screened"] += flow.screened
        kinds["plain"] += flow.plain
        kinds["bodies"] += flow.bodies
        for record in (False, True):
            fast, full = _both(text, record, monkeypatch)
            assert fast == full
    assert (kinds["plain"] > 0 and kinds["bodies"] > kinds["plain"]) or kinds["bodies"] == len(texts)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="们，,、。；;：:）)」』》〉】！!？?他说 \n", max_size=6))
def test_bad_start_is_its_pattern(text):
    para = page_flow.Para(0, len(text), text)
    assert page_flow.bad_start(para) == bool(page_flow._BAD_START.match(text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="扫一分享到打印本页关闭窗口版权所有【字体上下篇的 \n", max_size=12))
def test_boiler_words_by_in_tests_are_its_pattern(text):
    assert plain._boiler(text) == bool(plain._BOILER_WORDS.search(text))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        SENTENCES, st.text(max_size=80), st.text(alphabet="会议。！？”）—-本报记者 图为摄", max_size=80)
    )
)
def test_a_plain_line_is_a_body_line(line):
    line = line.strip()
    if line and plain_line(line):
        assert body_line(line)
