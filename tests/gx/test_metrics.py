"""The per-document metrics table: fixed columns, counts from findings, duplicate clusters, Parquet."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from zhqa.checks.runner import Plan
from zhqa.config import from_dict
from zhqa.engine.local import LocalEngine
from zhqa.reports import metrics

DUP = "本报讯 今天召开了全市就业工作会议，研究部署下一阶段的重点工作。"


def _run(tmp_path: Path, files: dict[str, str], **config: Any):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    select = config.pop("select", None)
    return LocalEngine(Plan.build(from_dict(config), select=select), jobs=1).run([str(corpus)])


def test_exact_duplicates_form_one_cluster_named_after_the_first(tmp_path):
    res = _run(
        tmp_path, {"a.txt": DUP, "b.txt": DUP + "\n", "c.txt": " " + DUP, "d.txt": "另一篇完全不同的稿件。"}
    )
    rows = {r["doc_id"]: r for r in metrics.rows(res)}
    assert [rows[f"{d}.txt"]["duplicate_cluster_id"] for d in "abcd"] == ["a.txt", "a.txt", "a.txt", None]
    assert [rows[f"{d}.txt"]["duplicate_cluster_size"] for d in "abcd"] == [3, 3, 3, 1]
    # corpus-phase findings (D301) are counted too, which the worker rows cannot know
    assert rows["b.txt"]["duplication_findings"] == 1 and rows["a.txt"]["duplication_findings"] == 0
    assert rows["b.txt"]["errors"] == rows["b.txt"]["findings"] >= 1


def test_columns_are_always_there_and_null_when_their_check_did_not_run(tmp_path):
    res = _run(tmp_path, {"a.txt": "中文,逗号。"}, select=["E"])
    (row,) = metrics.rows(res)
    assert list(metrics.COLUMNS) == list(row)[: len(metrics.COLUMNS)]
    assert row["halfwidth_per_1000"] is None  # P201 not selected: unknown, not 0
    assert row["duplicate_cluster_size"] is None
    assert row["hanzi_share"] > 0.5 and row["paragraphs"] == 1


@dataclass
class FakeResults:
    """A run seen through the Results protocol: metrics rows and finding payloads."""

    raw: list[dict[str, Any]]
    payloads: list[dict[str, Any]]
    extras: dict[str, Any] = field(default_factory=dict)

    def metrics(self):
        return iter(self.raw)

    def finding_payloads(self):
        return (json.dumps(p) for p in self.payloads)


def _finding(doc_id: str, code: str, family: str, severity: str = "error", related=(), message="") -> dict:
    return {
        "message": message,
        "doc_id": doc_id,
        "source": f"c/{doc_id}",
        "code": code,
        "family": family,
        "severity": severity,
        "related": [{"doc_id": r, "start": 0, "end": 1} for r in related],
    }


def test_p201_rate_comes_from_the_findings_and_check_metrics_fill_their_columns():
    raw = [
        {
            "seq": 0,
            "doc_id": "x",
            "source": "c/x",
            "characters": 2000,
            "traditional_share": 0.25,
            "repetition_share": 0.1,
            "width_fullwidth_marks": 7,
        },
        {"seq": 1, "doc_id": "y", "source": "c/y", "characters": 500},
    ]
    found = [_finding("x", "P201", "punctuation")] * 3 + [_finding("y", "E108", "encoding", "warning")]
    rows = metrics.rows(FakeResults(raw, found))
    assert rows[0]["halfwidth_per_1000"] == pytest.approx(1.5)
    assert rows[0]["traditional_share"] == 0.25 and rows[1]["traditional_share"] is None
    assert rows[0]["repetition_share"] == 0.1
    assert rows[0]["width_fullwidth_marks"] == 7.0  # whatever else a check measured is kept
    assert rows[1]["hanzi_share"] is None  # a blank document has no share: null, not 0
    assert (
        rows[1]["warnings"] == 1 and rows[1]["encoding_findings"] == 1 and rows[1]["halfwidth_per_1000"] == 0
    )


def test_a_check_metric_for_the_p201_rate_wins_over_the_count():
    raw = [{"seq": 0, "doc_id": "x", "source": "c/x", "characters": 1000, "halfwidth_per_1000": 0.5}]
    rows = metrics.rows(FakeResults(raw, [_finding("x", "P201", "punctuation")] * 9))
    assert rows[0]["halfwidth_per_1000"] == 0.5


def test_near_duplicate_chains_merge_and_template_notes_do_not():
    raw = [{"seq": i, "doc_id": d, "source": f"c/{d}", "characters": 100} for i, d in enumerate("pqrst")]
    found = [
        _finding("q", "D302", "duplication", "warning", related=["p"]),
        _finding("r", "D302", "duplication", "warning", related=["q"]),
        _finding(
            "t",
            "D302",
            "duplication",
            "info",
            ["s"],
            "template: same text as document 's' except its numbers",
        ),
    ]
    rows = metrics.rows(FakeResults(raw, found))
    assert [r["duplicate_cluster_id"] for r in rows] == ["p", "p", "p", None, None]
    assert [r["duplicate_cluster_size"] for r in rows] == [3, 3, 3, 1, 1]


def test_parquet_keeps_types_and_nulls(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    res = _run(tmp_path, {"a.txt": DUP, "b.txt": DUP, "n.txt": "没有标点的一行"})
    rows = metrics.rows(res)
    path = metrics.write_parquet(rows, tmp_path / "out" / "metrics.parquet")
    table = pq.read_table(path)
    assert table.num_rows == 3
    assert str(table.schema.field("doc_id").type) == "string"
    assert str(table.schema.field("characters").type) == "int64"
    assert str(table.schema.field("hanzi_share").type) == "double"
    assert table.column("duplicate_cluster_id").to_pylist() == ["a.txt", "a.txt", None]


def test_near_duplicates_found_by_d302_share_a_cluster(tmp_path):
    from tests.conftest import corpus_records

    records = corpus_records("ntrex128-zh/ntrex128_zho-CN.jsonl")
    base = records[0]["text"][:400]
    files = {
        "a.txt": base,
        "b.txt": base.replace("的", "地", 1) + "此外。",
        "c.txt": base[:-5] + "结束了。",
        "z.txt": records[1]["text"][:400],
    }
    res = _run(tmp_path, files, select=["D"])
    assert res.summary.by_code.get("D302") == 2 and "D301" not in res.summary.by_code
    rows = metrics.rows(res)
    assert [(r["duplicate_cluster_id"], r["duplicate_cluster_size"]) for r in rows] == [("a.txt", 3)] * 3 + [
        (None, 1)
    ]
