"""The Spark engine (local[2]) gives the local engine's findings, summary and metrics."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SEED
from tests.spark.conftest import need_spark
from tests.spark.corpus import build, chain
from zhqa.checks import CATALOGUE  # noqa: F401  (registers the checks)
from zhqa.checks.runner import Plan
from zhqa.engine.local import LocalEngine
from zhqa.schemas.config import SuiteConfig

pytestmark = pytest.mark.spark


def _run_both(spark: Any, paths: list[str], config: SuiteConfig | None = None, **kw: Any) -> tuple[Any, Any]:
    from zhqa.engine.spark import SparkEngine

    plan = Plan.build(config or SuiteConfig(), **kw)
    return SparkEngine(plan, spark=spark).run(paths), LocalEngine(plan, jobs=1).run(paths)


@pytest.fixture(scope="module")
def parity(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    corpus = build(tmp_path_factory.mktemp("spark"))
    s, loc = _run_both(spark, [str(corpus)])
    yield s, loc
    s.close()
    loc.close()


def test_findings_identical_to_local_engine(parity: tuple[Any, Any]) -> None:
    s, loc = parity
    local = list(loc.finding_payloads())
    assert list(s.finding_payloads()) == local
    assert sorted(s.finding_payloads()) == sorted(local)
    assert s.summary.model_dump() == loc.summary.model_dump()


def test_parity_corpus_has_every_family_of_defect(parity: tuple[Any, Any]) -> None:
    s, _ = parity
    found = list(s.findings())
    assert s.summary.documents >= 2000
    assert {f.family for f in found} >= {"encoding", "punctuation", "duplication", "numeric", "structure"}
    codes = {f.code for f in found}
    assert {"D301", "D302", "D305", "E101", "S501"} <= codes
    chains = [
        f for f in found if f.code == "D302" and f.doc_id.endswith("-c") and "cluster of 3" in f.message
    ]
    assert chains, "the planted A~B~C chains form clusters of 3"
    statuses = {Path(i.source).name: i.status for i in s.summary.inputs}
    assert statuses["cut.json"] == statuses["notes.csv"] == "error"
    assert statuses["a.jsonl"] == "partial"


def test_metrics_rows_identical(parity: tuple[Any, Any]) -> None:
    s, loc = parity
    assert list(s.metrics()) == list(loc.metrics())


def test_chain_is_one_cluster_though_its_ends_are_not_similar(spark: Any, tmp_path: Path) -> None:
    import random

    from zhqa.checks.duplication import minhash as mh

    base = json.loads((ROOT.parent / "shared/corpora/cmrc2018/cmrc2018_wiki.jsonl").open().readline())["text"]
    a, b, c = chain(base[:600], random.Random(3))
    sk = mh.sketch([a, b, c], mh.Params())
    sets = [frozenset(sk.shingles_of(i).tolist()) for i in range(3)]
    assert mh.jaccard(sets[0], sets[1]) >= 0.8 and mh.jaccard(sets[1], sets[2]) >= 0.8
    assert mh.jaccard(sets[0], sets[2]) < 0.8  # A-C is never a verified edge
    rows = [{"id": "C", "text": c}, {"id": "other", "text": SEED.read_text()[:400]}, {"id": "A", "text": a}]
    rows.append({"id": "B", "text": b})
    path = tmp_path / "chain.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    s, loc = _run_both(spark, [str(path)], select=["D302"])
    found = list(s.findings())
    assert [f.model_dump_json() for f in found] == [f.model_dump_json() for f in loc.findings()]
    by_id = {f.doc_id: f for f in found}
    assert set(by_id) == {"A", "B"}  # C is first in the file: the cluster's root
    assert by_id["A"].related[0].doc_id == "C" and "cluster of 3" in by_id["A"].message
    assert "Jaccard 0.8" not in by_id["A"].message and "with 'B'" in by_id["A"].message


def test_components_match_union_find(spark: Any) -> None:
    import random

    from zhqa.checks.duplication import minhash as mh
    from zhqa.engine.spark.near import components

    rng = random.Random(5)
    edges = [(i, i + 1) for i in range(100, 112)]  # a path: 12 rounds of propagation
    edges += [(7, k) for k in range(300, 320)] + [(50, 51), (900, 3)]
    edges += [tuple(sorted(rng.sample(range(1000, 1200), 2))) for _ in range(150)]
    got = dict(components(spark.sparkContext.parallelize(edges, 4), 4).collect())
    assert got == mh.components(edges)


def test_metrics_dataframe_for_the_gx_suite(parity: tuple[Any, Any], spark: Any) -> None:
    from zhqa.reports import metrics

    s, _ = parity
    df = s.extras["metrics_dataframe"]()
    rows = metrics.rows(s)
    assert df.count() == len(rows) == s.summary.documents
    assert set(df.columns) == set(metrics.to_pandas(rows).columns)
    pytest.importorskip("great_expectations")
    from zhqa.reports.expectations import suite_spec
    from zhqa.reports.gx import validate

    spec = suite_spec(s.config)
    on_spark, _ = validate(df, spec)
    on_pandas, _ = validate(metrics.to_pandas(rows), spec)
    assert [(o.label, o.success) for o in on_spark] == [(o.label, o.success) for o in on_pandas]
    assert on_spark


def test_cli_engine_spark_writes_the_local_json(tmp_path: Path) -> None:
    """`zhqa check --engine spark` in its own process (its own local[2] session)."""
    need_spark()
    env = {**os.environ, "ZHQA_SPARK_MASTER": "local[2]", "ZHQA_SPARK_DRIVER_MEMORY": "1g"}
    out = {}
    for engine in ("spark", "local"):
        dest = tmp_path / f"{engine}.json"
        cmd = [sys.executable, "-m", "zhqa", "check", str(SEED), "--engine", engine, "-f", "json"]
        proc = subprocess.run([*cmd, "-o", str(dest), "--no-progress"], env=env, capture_output=True)
        assert proc.returncode == 1, proc.stderr.decode()[-2000:]  # the seed page fails the gate
        out[engine] = json.loads(dest.read_text(encoding="utf-8"))
    assert out["spark"]["findings"] == out["local"]["findings"]
    assert out["spark"]["summary"] == out["local"]["summary"]
