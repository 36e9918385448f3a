"""The local engine: determinism across --jobs, corpus checks, accounting of inputs."""

from __future__ import annotations

import json
import random

from zhqa.checks.runner import Plan
from zhqa.config import from_dict
from zhqa.engine.local import LocalEngine
from zhqa.reports import json as json_report
from zhqa.schemas.report import RunReport

HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质信"


def make_corpus(path, n=1200, seed=7):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = "".join(rng.choice(HANZI) for _ in range(rng.randint(40, 200)))
            if i % 50 == 0:
                text += "\x07"
            if i % 97 == 0:
                text = "\ufeff" + text
            if i % 10 == 3:
                text = "重复的文章内容，完全一样。"
            rec = {"id": f"r{i}", "text": text} if i % 7 else {"text": text}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        f.write('{"id": "broken", "text": \n')


def run_json(paths, jobs):
    plan = Plan.build(from_dict({}))
    res = LocalEngine(plan, jobs=jobs).run(paths)
    import io

    buf = io.StringIO()
    json_report.write(res, buf)
    res.close()
    return buf.getvalue()


def test_jobs_1_and_2_give_byte_identical_json(tmp_path):
    corpus = tmp_path / "c.jsonl"
    make_corpus(corpus)
    one = run_json([str(corpus)], 1)
    two = run_json([str(corpus)], 2)
    assert one == two
    report = RunReport.model_validate_json(one)
    assert report.summary.documents == 1201
    assert report.summary.by_code["D301"] == 119  # 120 copies of one text, first is not a finding
    assert report.summary.by_code["S501"] == 1
    assert report.summary.inputs[0].status == "partial"


def test_streamed_json_equals_model_dump(tmp_path):
    corpus = tmp_path / "c.jsonl"
    make_corpus(corpus, n=120)
    out = run_json([str(corpus)], 1)
    assert RunReport.model_validate_json(out).model_dump_json() == out


def test_duplicate_related_points_at_first_copy(tmp_path):
    for name, text in [("a.txt", "同一篇文章。"), ("b.txt", "另一篇。"), ("c.txt", "同一篇文章。\n")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    res = LocalEngine(Plan.build(from_dict({})), jobs=1).run([str(tmp_path)])
    (f,) = [f for f in res.findings() if f.code == "D301"]
    assert f.doc_id == "c.txt" and f.related[0].doc_id == "a.txt"
    assert f.line == 1 and f.excerpt.startswith("同一篇")
    res.close()


def test_findings_are_in_document_then_offset_order(tmp_path):
    (tmp_path / "a.txt").write_text("甲\x01乙\x02丙", encoding="utf-8")
    (tmp_path / "b.txt").write_text("甲\x01乙\x02丙", encoding="utf-8")
    res = LocalEngine(Plan.build(from_dict({"select": ["E103", "D301"]})), jobs=1).run([str(tmp_path)])
    keys = [(f.doc_id, f.start, f.code) for f in res.findings()]
    assert keys == [
        ("a.txt", 1, "E103"),
        ("a.txt", 3, "E103"),
        ("b.txt", 0, "D301"),
        ("b.txt", 1, "E103"),
        ("b.txt", 3, "E103"),
    ]
    res.close()


def test_findings_per_check_are_capped_per_document_with_a_count_of_the_rest():
    from zhqa.checks.runner import run_document
    from zhqa.schemas.document import Document

    plan = Plan.build(from_dict({"select": ["E103"], "limits": {"max_findings_per_check": 10}}))
    text = "甲\x01" * 30
    found = run_document(plan, Document.from_text(text)).findings
    assert len(found) == 11
    assert found[-1].start == 21 and found[-1].message.startswith("20 more E103 findings")
