"""D302 and D305 through the local engine: map in workers, collect in the corpus phase."""

from __future__ import annotations

import json

from zhqa.checks import CATALOGUE
from zhqa.checks.runner import Plan
from zhqa.config import from_dict
from zhqa.engine.local import LocalEngine
from zhqa.schemas.document import Document

NOTE = "本网站所刊登的各种新闻信息均为转载，版权归原作者所有，如有侵权请联系我们。"
STORY = (
    "国家统计局今天发布数据显示，全国规模以上工业增加值同比增长，其中制造业增长较快，"
    "高技术制造业增加值增长明显，装备制造业对全部规模以上工业增长的贡献率达到四成以上，市场预期总体稳定。"
)
OTHER = [
    "今天召开全市就业工作会议，部署全年稳就业工作，要求各区县落实稳岗扩岗政策。",
    "春季招聘会在会展中心举行，三百多家企业提供岗位一万余个，吸引众多求职者。",
    "本市发布一季度经济数据，地区生产总值稳步增长，消费市场持续回暖。",
    "全市开展安全生产大检查，重点排查建筑工地和危化品企业的风险隐患。",
    "新建的城市公园今天开园，园内种植了两百多种植物，市民纷纷前来游览。",
]


def run(tmp_path, records, jobs=1, select="D30"):
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    res = LocalEngine(Plan.build(from_dict({"select": [select]})), jobs=jobs).run([str(path)])
    out = list(res.findings())
    res.close()
    return out


def test_near_duplicate_found_by_the_engine_with_any_jobs(tmp_path):
    records = [{"id": f"o{i}", "text": t} for i, t in enumerate(OTHER)]
    records.insert(1, {"id": "story", "text": STORY})
    records.append({"id": "reprint", "text": STORY.replace("总体稳定", "总体向好")})
    one, two = run(tmp_path, records, 1), run(tmp_path, records, 2)
    assert [f.model_dump() for f in one] == [f.model_dump() for f in two]
    (f,) = [f for f in one if f.code == "D302"]
    assert f.doc_id == "reprint" and f.related[0].doc_id == "story" and f.severity.value == "warning"
    assert (f.start, f.end, f.line) == (0, len(STORY), 1)


def test_boilerplate_in_five_documents_is_reported_in_each(tmp_path):
    records = [{"id": f"o{i}", "text": f"{t}\n\n{NOTE}"} for i, t in enumerate(OTHER)]
    records.append({"id": "clean", "text": STORY})
    found = [f for f in run(tmp_path, records, 1) if f.code == "D305"]
    assert [f.doc_id for f in found] == [f"o{i}" for i in range(5)]
    assert all(f.excerpt.startswith(NOTE[:10]) and f.severity.value == "info" for f in found)
    assert found[0].related == [] and {f.related[0].doc_id for f in found[1:]} == {"o0"}


def test_boilerplate_below_min_docs_is_not_reported():
    docs = [Document.from_text(f"{t}\n\n{NOTE}", id=f"o{i}") for i, t in enumerate(OTHER[:4])]
    assert CATALOGUE["D305"].run_corpus(docs) == []
    opts = CATALOGUE["D305"].options({"min_docs": 4})
    assert len(CATALOGUE["D305"].run_corpus(docs, opts)) == 4
