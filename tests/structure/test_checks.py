"""Each structure check on realistic pages: what it must find, and the traps it must not fall into."""

from __future__ import annotations

import pytest

from zhqa.checks import CATALOGUE
from zhqa.engine.fixer import apply_fixes
from zhqa.io.records import document_from_record
from zhqa.schemas.document import Document

HEAD = "甘肃瓜州以人才振兴促产业振兴\n\n乡村工匠传技富民打造“增收引擎”\n\n本报记者 康功\n\n"


def hits(code: str, text: str, **kw):
    return CATALOGUE[code].run(Document.from_text(text, **kw))


def record_hits(code: str, record: dict):
    return CATALOGUE[code].run(document_from_record(record, rel="r.jsonl", line=1, source="r.jsonl"))


# S503 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("省级名匠马大学在此带领团队开展“大", "师带工匠、工匠带学徒”的梯次培养，目前已培训青年30人。"),
        (
            "瓜州县将乡村工匠培育作为防止规模性返贫的重要抓手，成立了工作专班、",
            "建立覆盖八大领域的人才信息库。",
        ),
        (
            "2025年以来，筹措省级乡村工匠联农带农、产品展销奖补资金，推动“工匠+合作社+电商”深度融合,",
            "打通全链条。",
        ),
    ],
)
def test_s503_finds_a_paragraph_broken_mid_sentence(first, second):
    text = HEAD + first + "\n\n" + second
    (hit,) = hits("S503", text)
    assert text[hit.related[0].start : hit.related[0].end] == second
    assert apply_fixes(text, [hit], unsafe=True).endswith(first + second)


@pytest.mark.parametrize(
    "body",
    [
        "他说：“以前东奔西跑四处打零工，现在家门口上班。”\n\n目前，酒庄稳定吸纳本地工人10名。",
        "主要做法有三条：\n\n一是建立信息库。\n\n二是实施精准扶持。",
        "培育工作取得成效！\n\n这是真的吗？\n\n是的。",
        "全县已培育省级名匠二人、省级工匠9人.\n\n县级储备人才50人.",
        "洮砚工坊建成投用。\n\n图为学徒正在雕刻砚台 本报记者 康功 摄\n\n目前已培训青年30人。",
    ],
)
def test_s503_leaves_finished_paragraphs_lists_and_captions_alone(body):
    assert hits("S503", HEAD + body) == []


def test_s503_offers_no_join_when_a_caption_sits_in_the_break():
    first = "酒庄年需玉米超千吨。目前，酒庄稳定吸纳本地工人"
    text = HEAD + first + "\n\n图为工人在车间劳动。 本报记者 康功 摄\n\n10名，月均工资4500元以上。"
    (hit,) = hits("S503", text)
    assert hit.fix is None and text[hit.related[0].start :].startswith("10名")


# S504 / S507 ----------------------------------------------------------------------------------


def test_s504_and_s507_point_at_each_other():
    orphan = "移民乡的一方洮砚，瓜州县以“育得出、留得住、能出彩”为目标，系统推进乡村工匠培育工程。"
    tail = "从玉米地里酿出的“梦城御液”，到戈壁"
    text = HEAD + orphan + "\n\n目前，酒庄稳定吸纳本地工人10名。\n\n" + tail + "\n"
    (s504,) = hits("S504", text)
    (s507,) = hits("S507", text)
    assert text[s504.start : s504.end] == tail
    assert (s504.related[0].start, s504.related[0].end) == (s507.start, s507.end)
    assert (s507.related[0].start, s507.related[0].end) == (s504.start, s504.end)


def test_s504_without_a_continuation_has_no_related_and_no_s507():
    text = HEAD + "近年来，当地聚焦“一村一品”。\n\n目前，酒庄稳定吸纳本地工人10名，月均工资"
    (hit,) = hits("S504", text)
    assert hit.related == [] and text[hit.start : hit.end] == "目前，酒庄稳定吸纳本地工人10名，月均工资"
    assert hits("S507", text) == []


@pytest.mark.parametrize(
    "end",
    [
        "目前已培训青年30人。",
        "“家里啥都有！”",
        "本报记者 康功",
        "（完）",
        "图为学徒在雕刻砚台。 本报通讯员 姜海波 摄",
    ],
)
def test_s504_not_on_a_finished_end(end):
    assert hits("S504", HEAD + "近年来，当地聚焦“一村一品”。\n\n" + end) == []


def test_s504_on_a_truncated_record():
    rec = {
        "id": "r",
        "title": "瓜州",
        "text": "近年来，当地聚焦“一村一品”。\n\n目前，酒庄稳定吸纳本地工人10名，月均",
    }
    assert len(record_hits("S504", rec)) == 1


def test_s507_not_on_sentences_opened_by_conjunctions():
    text = HEAD + "近年来，当地聚焦“一村一品”。\n\n但是，人才缺口依然存在。\n\n此外，当地还建立了人才库。"
    assert hits("S507", text) == []


# S502 / S505 / S506 ---------------------------------------------------------------------------


def test_s502_on_a_story_that_lost_its_headline():
    text = (
        "本报记者 赖志凯\n\n对于首都环卫工王进吉而言，过去的一年既有挑战。\n\n"
        + HEAD
        + "近年来，当地聚焦“一村一品”。"
    )
    (hit,) = hits("S502", text)
    assert text[hit.start : hit.end] == "本报记者 赖志凯"


def test_s502_on_records():
    assert len(record_hits("S502", {"id": "r", "title": " ", "text": "会议召开。"})) == 1
    assert record_hits("S502", {"id": "r", "title": "会议", "text": "会议召开。"}) == []
    assert record_hits("S502", {"id": "r", "text": "会议召开。"}) == []


@pytest.mark.parametrize(
    "byline",
    ["本报记者", "本报讯（记者）近日，当地举办招聘会。", "记者：", "本报记者 赖志凯赖志凯赖志凯"],
)
def test_s505_on_bylines_without_a_parsable_name(byline):
    assert (
        len(
            hits(
                "S505",
                "从田埂少年成长为首都劳模\n\n"
                + byline
                + "\n\n对于首都环卫工王进吉而言，过去的一年既有挑战。",
            )
        )
        == 1
    )


@pytest.mark.parametrize(
    "byline",
    [
        "本报记者 赖志凯",
        "记者 巴图尔江·玉苏甫",
        "本报通讯员 姜海波 张萍",
        "文/张三 图/李四",
        "新华社记者 李明 摄",
        "本报讯",
    ],
)
def test_s505_not_on_well_formed_bylines(byline):
    body = "对于首都环卫工王进吉而言，过去的一年既有挑战。"
    text = "从田埂少年成长为首都劳模\n\n" + (byline + body if byline == "本报讯" else byline + "\n\n" + body)
    assert hits("S505", text) == []


def test_s506_not_on_a_caption_of_the_story_itself():
    text = (
        HEAD
        + "近年来，当地聚焦“一村一品”。\n\n图为学徒在雕刻砚台。 本报通讯员 姜海波 摄\n\n目前已培训青年30人。"
    )
    assert hits("S506", text) == []


def test_s506_on_a_photo_item_between_two_paragraphs_of_a_story():
    photo = "鲜花快递换新装\n\n快递公司采用定制纸盒套装。\n\n图为快递员打包鲜花。 本报记者 甘哲 摄"
    text = HEAD + "近年来，当地聚焦“一村一品”。\n\n" + photo + "\n\n目前已培训青年30人。"
    (hit,) = hits("S506", text)
    assert text[hit.start : hit.end] == photo


# S508 / S509 ----------------------------------------------------------------------------------


def test_s508_title_and_paragraph_bounds_are_options():
    chk = CATALOGUE["S508"]
    doc = Document.from_text(HEAD + "近年来，当地聚焦“一村一品”，建成洮砚工坊。")
    assert chk.run(doc) == []
    found = chk.run(doc, chk.options({"title_max": 10, "paragraph_max": 10}))
    assert {doc.text[h.start : h.end] for h in found} == {
        "甘肃瓜州以人才振兴促产业振兴",
        "近年来，当地聚焦“一村一品”，建成洮砚工坊。",
    }


@pytest.mark.parametrize(
    "line", ["分享到：微信 微博", "【字体：大 中 小】", "打印本页 关闭窗口", "来源：工人日报"]
)
def test_s509_on_site_furniture_in_the_body(line):
    assert (
        len(hits("S509", HEAD + "近年来，当地聚焦“一村一品”。\n\n" + line + "\n\n目前已培训青年30人。")) == 1
    )


def test_s509_not_on_end_metadata():
    assert hits("S509", HEAD + "目前已培训青年30人。\n\n（完）\n\n责任编辑：王宁\n来源：工人日报") == []


def test_s503_in_a_record_and_not_on_its_subheadings():
    text = "近年来，当地聚焦“一村一品”，建成洮砚工坊，并引入两名工艺美术大师担任\n\n“工匠导师”。\n\n工匠培育\n\n目前已培训青年30人。"
    (hit,) = record_hits("S503", {"id": "r", "title": "瓜州", "text": text})
    assert text[hit.related[0].start : hit.related[0].end] == "“工匠导师”。"
