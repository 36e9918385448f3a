"""Realistic cases per P check: what fires (marked spans), what must not, and the fixes."""

from __future__ import annotations

import pytest

from tests.punctuation.conftest import p_hits
from zhqa.checks import CATALOGUE
from zhqa.engine.fixer import apply_fixes
from zhqa.schemas.document import Document

# (code, text, the exact substrings reported in order) — "must not fire" cases have [].
CASES = [
    ("P201", "苏州市职业技能鉴定中心主任柳杰坦言,有的企业不具备能力;", [",", ";"]),
    ("P201", "记者从会上获悉:今年将新增岗位(约3000个)!", [":", "(", ")", "!"]),
    ("P201", "时间为2024年10:30,地点待定", [","]),
    ("P202", "他说：“我们明天出发。", ["“"]),
    ("P202", "据《人民日报》报道）。", ["）"]),
    ("P202", "参观了《清明上河图（局部》）。", ["》"]),
    ("P202", "“第一段。\n\n“第二段。\n\n“第三段。”", []),
    ("P202", "罗纳尔多说（见下图)。", []),
    ("P202", "the players’ union 与 McDonald’s 门店", []),
    ("P203", '他所在的党团担心"MWP"与"Twp"押韵。', ['"'] * 4),
    ("P203", '屏幕为6.1"，重量200克。', []),
    ("P203", 'He said "don\'t" twice.', []),
    ("P204", "好奇心重......它们不会主动伤害人。", ["......"]),
    ("P204", "记得她的回答…你泄露文件了吗？", ["…"]),
    ("P204", "记得她的回答……你泄露文件了吗？", []),
    ("P205", "很大规模的竞选之一 -- 我现在没有参加竞选", ["--"]),
    ("P205", "国家级非物质文化遗产――洮砚制作", ["――"]),
    ("P205", "电话010-12345678，日期2024-03-25，型号A--B", []),
    ("P205", "1949—1986年，北京—上海", []),
    ("P206", "这是他罪有应得的惩罚。。", ["。。"]),
    ("P206", "眼中充满了泪水，。", ["，。"]),
    ("P206", "这是真的吗？！太好了！！", []),
    ("P207", "进行投票 。", [" "]),
    ("P207", "长期以来，产业链技能 人才评价存在壁垒。", [" "]),
    ("P207", "本报通讯员 计海新 摄", []),
    ("P207", "图为3月25日，快递员正在打包鲜花。 本报记者 甘哲 摄", []),
    ("P207", "本报讯（记者吴锋忠 通讯员余思民）“这家餐厅饭菜分量足。”", []),
    ("P207", "他用 Python 写程序，售价 28 亿英镑。", []),
    ("P208", "The report was published today，and the ministry responded.", ["，"]),
    ("P208", "我们采访了 John Smith，他说这很重要。", []),
    ("P209", "推动融合,苏州打破壁垒。" * 21, [""]),
    ("P209", "推动融合,苏州打破壁垒。" * 21 + "此外，", []),
    ("P210", "马其顿总统奥尔盖•伊万诺夫表示", ["•"]),
    ("P210", "• 第一项内容\n・ 第二项", []),
    ("P210", "アニメ・マンガ", []),
    ("P210", "价格为３．５０元", []),
]


@pytest.mark.parametrize(("code", "text", "marked"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_case(code, text, marked):
    hits = CATALOGUE[code].run(Document.from_text(text))
    assert [text[h.start : h.end] for h in hits] == marked


FIXES = [
    ("P201", "本报讯(记者邢生祥)近日,会议召开!", "本报讯（记者邢生祥）近日，会议召开！"),
    ("P203", '支持"链主"企业和"链通"上下游', "支持“链主”企业和“链通”上下游"),
    ("P204", "他沉默了...然后离开。", "他沉默了……然后离开。"),
    ("P205", "破损率降低3%~5%--这是成绩", "破损率降低3%～5%——这是成绩"),
    ("P206", "会议结束，，代表们离场。", "会议结束，代表们离场。"),
    ("P210", "巴图尔江・玉苏甫", "巴图尔江·玉苏甫"),
]


@pytest.mark.parametrize(("code", "text", "fixed"), FIXES, ids=[f[0] for f in FIXES])
def test_safe_fix(code, text, fixed):
    hits = CATALOGUE[code].run(Document.from_text(text))
    assert all(h.fix is not None and h.fix.applicability == "safe" for h in hits)
    assert apply_fixes(text, hits) == fixed
    assert CATALOGUE[code].run(Document.from_text(fixed)) == []


def test_clashing_marks_fix_is_unsafe():
    (hit,) = CATALOGUE["P206"].run(Document.from_text("他说自己已经尽力了，。"))
    assert hit.fix.applicability == "unsafe" and hit.fix.replacement == "。"


def test_quotation_carried_over_paragraphs_is_info_not_error():
    text = "他说：“我们没有时间自救。\n\n我希望他们一切平安。”"
    (hit,) = CATALOGUE["P202"].run(Document.from_text(text))
    assert hit.severity == "info" and hit.start == text.index("“")
    assert [r.start for r in hit.related] == [text.index("”")]


def test_p201_and_p209_metrics_reach_the_runner():
    from zhqa.checks.runner import Plan, run_document
    from zhqa.schemas.config import SuiteConfig

    plan = Plan.build(SuiteConfig(), select=["P2"])
    result = run_document(plan, Document.from_text("推动融合,苏州打破壁垒。共1.2万人，"))
    assert result.metrics["halfwidth_punct"] == 1
    assert result.metrics["fullwidth_punct"] == 2
    assert {f.code for f in result.findings} == {"P201"}


def test_no_two_p_codes_on_one_span():
    text = '推动融合,苏州打破壁垒。。他说:"好..."降低3%~5%--真的!! 巴图尔江・玉苏甫 说'
    spans = [(h.start, h.end) for _, h in p_hits(text)]
    assert len(spans) == len(set(spans))
