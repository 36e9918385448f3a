"""``zhqa check --gx``: reports beside the Data Docs, expectations in the gate and the exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("great_expectations")

CLEAN = "新华社北京电 国务院新闻办公室今天举行新闻发布会，介绍今年前三季度经济运行情况。\n"


def _formats() -> list[str]:
    from zhqa.reports import FORMATS

    return ["--format", "html"] if "html" in FORMATS else []


def test_seeds_with_gx_write_the_report_and_the_data_docs(zhqa_cli, tmp_path):
    proc = zhqa_cli(
        "check", str(ROOT / "seeds"), *_formats(), "--format", "json", "--gx", "--report-dir", "reports"
    )
    assert proc.returncode == 1, proc.stderr.decode()
    reports = tmp_path / "reports"
    if _formats():  # the HTML report links the Data Docs beside it
        assert 'href="gx/index.html"' in (reports / "index.html").read_text(encoding="utf-8")
    docs = reports / "gx" / "index.html"
    assert docs.is_file()
    assert list((reports / "gx" / "validations").rglob("*.html"))
    assert (reports / "metrics.parquet").is_file()
    gate = json.loads((reports / "report.json").read_text(encoding="utf-8"))["summary"]["gate"]
    # the seed page is full of ASCII commas between hanzi: far over 1 per 1,000 characters
    assert any(r.startswith("GX halfwidth_per_1000 ≤ 1") for r in gate["reasons"]), gate["reasons"]


def _corpus(tmp_path: Path, config: str = "") -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"{i}.txt").write_text(CLEAN.replace("三季度", f"第{i + 1}季度"), encoding="utf-8")
    (tmp_path / "zhqa.toml").write_text(config, encoding="utf-8")
    return corpus


def test_a_failing_expectation_alone_fails_the_gate(zhqa_cli, tmp_path):
    corpus = _corpus(tmp_path, "[expectations.columns.hanzi_share]\nmin = 0.99\n")
    proc = zhqa_cli("check", str(corpus), "--select", "E", "--gx", "--format", "json", "--output", "r.json")
    assert proc.returncode == 1, proc.stderr.decode()
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["summary"]["findings"] == 0
    assert report["summary"]["gate"]["reasons"] == ["GX hanzi_share ≥ 0.99: 3 of 3 documents fail (100.0%)"]
    results = {e["label"]: e for e in report["summary"]["expectations"]}
    assert results["hanzi_share ≥ 0.99"]["success"] is False
    assert results["hanzi_share ≥ 0.99"]["unexpected_count"] == 3
    assert results["doc_id unique"]["success"] is True
    assert (tmp_path / "reports" / "gx" / "index.html").is_file()


def test_the_same_corpus_passes_with_the_default_suite(zhqa_cli, tmp_path):
    corpus = _corpus(tmp_path)
    proc = zhqa_cli("check", str(corpus), "--select", "E", "--gx", "--report-dir", "out")
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
    assert (tmp_path / "out" / "gx" / "index.html").is_file()


def test_without_gx_the_json_report_has_no_expectations_key(zhqa_cli, tmp_path):
    corpus = _corpus(tmp_path)
    proc = zhqa_cli("check", str(corpus), "--select", "E", "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    assert "expectations" not in json.loads(proc.stdout)["summary"]


def test_metrics_alone_writes_parquet_without_gx(zhqa_cli, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = _corpus(tmp_path)
    proc = zhqa_cli("check", str(corpus), "--select", "E", "--metrics", "m.parquet")
    assert proc.returncode == 0, proc.stderr.decode()
    table = pq.read_table(tmp_path / "m.parquet")
    assert table.num_rows == 3 and "hanzi_share" in table.column_names
    assert not (tmp_path / "reports" / "gx").exists()
