"""GX Core validation of a metrics table: results per expectation, offline Data Docs on disk."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("great_expectations")

from zhqa.config import from_dict  # noqa: E402
from zhqa.reports import gx as zgx  # noqa: E402
from zhqa.reports.expectations import suite_spec  # noqa: E402
from zhqa.reports.gx_offline import remote_urls  # noqa: E402


@pytest.fixture(scope="module")
def table():
    """Four documents: hanzi share fine for all, one doc_id duplicated, one cluster of 7 copies."""
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "b", "c"],
            "source": ["s"] * 4,
            "characters": [120, 300, 80, 40],
            "hanzi_share": [0.9, 0.85, 0.8, 0.95],
            "halfwidth_per_1000": [0.0, 0.5, None, 0.0],
            "duplicate_cluster_size": [1, 1, 7, 1],
        }
    )


def _spec(**expectations):
    return suite_spec(from_dict({"script": "any", "expectations": {"defaults": False, **expectations}}))


def test_one_expectation_passes_one_fails_and_the_docs_are_written(table, tmp_path):
    spec = _spec(columns={"hanzi_share": {"min": 0.5}, "duplicate_cluster_size": {"max": 5}})
    outcomes, index = zgx.validate(table, spec, tmp_path / "gx")
    by_label = {o.label: o for o in outcomes}
    passed, failed = by_label["hanzi_share ≥ 0.5"], by_label["duplicate_cluster_size ≤ 5"]
    assert passed.success and passed.unexpected_count == 0
    assert not failed.success and failed.unexpected_count == 1 and failed.element_count == 4
    assert failed.reason == "GX duplicate_cluster_size ≤ 5: 1 of 4 documents fail (25.0%)"
    assert index == tmp_path / "gx" / "index.html" and index.is_file()
    pages = sorted(p.relative_to(tmp_path / "gx").parts[0] for p in (tmp_path / "gx").rglob("*.html"))
    assert pages.count("validations") == 1 and pages.count("expectations") == 1
    assert (tmp_path / "gx" / "static" / "vendor" / "jquery-3.7.1" / "dist" / "jquery.min.js").is_file()
    assert remote_urls(tmp_path / "gx") == {}, "a page still loads something from the network"
    assert "duplicate_cluster_size" in next((tmp_path / "gx" / "validations").rglob("*.html")).read_text()


def test_mostly_lets_a_few_documents_through_and_means_are_checked(table):
    spec = _spec(
        columns={"characters": {"min": 50, "mostly": 0.7}, "halfwidth_per_1000": {"max": 0.1, "mostly": 0.6}},
        mean={"characters": {"min": 20, "max": 100}},
        unique=[],
    )
    outcomes, index = zgx.validate(table, spec)
    got = {o.label: (o.success, o.observed) for o in outcomes}
    assert got["characters ≥ 50 for 70% of documents"][0] is True  # 1 of 4 below: 75% within
    assert got["halfwidth_per_1000 ≤ 0.1 for 60% of documents"][0] is True  # nulls are not counted
    assert got["mean characters in [20, 100]"] == (False, 135.0)
    assert index is None


def test_defaults_run_on_a_real_metrics_table_and_a_rebuild_leaves_no_stale_pages(tmp_path):
    spec = suite_spec(from_dict({}))
    rows = pd.DataFrame(
        {
            "doc_id": ["x", "y"],
            "source": ["s", "s"],
            "characters": [100, 200],
            "hanzi_share": [0.9, 0.9],
            "halfwidth_per_1000": [0.0, 0.0],
            "traditional_share": [None, None],
            "repetition_share": [None, None],
            "duplicate_cluster_size": [1, 1],
        }
    )
    outcomes, _ = zgx.validate(rows, spec, tmp_path / "gx")
    assert [o.label for o in outcomes] == [e["meta"]["zhqa"] for e in spec["expectations"]]
    assert all(o.success for o in outcomes), [o.reason for o in outcomes if not o.success]
    zgx.validate(rows, spec, tmp_path / "gx")
    assert len(list((tmp_path / "gx" / "validations").rglob("*.html"))) == 1


def test_a_missing_column_fails_with_the_reason_instead_of_crashing(table):
    outcomes, _ = zgx.validate(table, _spec(columns={"no_such_metric": {"min": 0}}))
    (o,) = outcomes
    assert not o.success and o.exception and "could not be evaluated" in o.reason


def test_an_unknown_expectation_type_is_a_usage_error(table):
    spec = _spec(extra=[{"type": "expect_the_unexpected", "kwargs": {}}])
    with pytest.raises(zgx.UsageError, match="expect_the_unexpected"):
        zgx.validate(table, spec)


def test_import_zhqa_and_its_gx_module_do_not_import_great_expectations():
    code = (
        "import sys, json, zhqa, zhqa.cli, zhqa.reports.gx, zhqa.reports.metrics, zhqa.reports.expectations;"
        "zhqa.cli.build_parser();"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'great_expectations', 'pandas', 'pyarrow', 'altair'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []


@pytest.mark.spark
def test_the_same_suite_validates_a_spark_dataframe(table, spark_session):
    spec = _spec(columns={"hanzi_share": {"min": 0.5}, "duplicate_cluster_size": {"max": 5}})
    sdf = spark_session.createDataFrame(table.astype(object).where(table.notna(), None))
    outcomes, _ = zgx.validate(sdf, spec)
    assert [(o.label, o.success, o.unexpected_count) for o in outcomes] == [
        ("hanzi_share ≥ 0.5", True, 0),
        ("duplicate_cluster_size ≤ 5", False, 1),
    ]
