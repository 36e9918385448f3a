"""The Spark engine: the local engine's checks and findings, computed on a Spark cluster.

Documents are read by Spark (:mod:`.read`), checked in ``mapPartitions`` with the
same :func:`~zhqa.checks.runner.run_document` as the local engine (:mod:`.worker`),
corpus checks run as map -> ``groupByKey`` -> reduce, D302 as distributed stages
(:mod:`.near`). The driver only streams the sorted findings and per-document metrics
into the same :class:`~zhqa.engine.local.RunResult` (spools on disk), so every report
and the gate work unchanged. pyspark is imported lazily (extra ``spark``).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence
from typing import Any

from zhqa.checks.runner import Plan
from zhqa.engine.local import RunResult, _Counts, _json
from zhqa.engine.spark.read import SHIFT, documents, find_inputs
from zhqa.engine.spark.worker import State, check_partition, corpus_findings, reduce_group
from zhqa.engine.spool import Spool
from zhqa.schemas.report import InputStatus

__all__ = ["SparkEngine", "metrics_dataframe"]
_RUNS = itertools.count(1)


class SparkEngine:
    """Runs a plan over paths or Hadoop URIs on a Spark session (the active one, or a new one)."""

    def __init__(self, plan: Plan, spark: Any = None, partitions: int | None = None) -> None:
        from zhqa.engine.spark.session import get_session

        self.plan = plan
        self.config = plan.config
        self.spark = spark or get_session()
        sc = self.spark.sparkContext
        self._auto = partitions is None
        self.partitions = partitions or max(2, sc.defaultParallelism * 2)
        import os

        key = (os.getpid() << 20) | next(_RUNS)
        self.state = State(key, self.config, tuple(c.code for c in plan.checks))

    def run(self, paths: Sequence[str]) -> RunResult:
        from pyspark import StorageLevel

        from zhqa import __version__

        inputs = find_inputs(self.spark, list(paths), self.config.exclude)
        statuses = [InputStatus(source=i.source) for i in inputs]
        for inp, st in zip(inputs, statuses, strict=True):
            if inp.problem:
                st.status, st.error = "error", inp.problem
        docs = documents(self.spark, inputs, self.config, self.state)
        results = docs.mapPartitions(check_partition(self.state)).persist(StorageLevel.MEMORY_AND_DISK)
        if self._auto:  # one shuffle partition per input split (32 MB of a local file)
            self.partitions = max(1, docs.getNumPartitions())
        counts = _Counts()
        doc_spool, corpus_spool, metrics = Spool(), Spool(), Spool()
        cached: list[Any] = [results]
        timings: dict[str, float] = {}
        try:
            t0 = time.perf_counter()
            ndocs, nchars = self._document_pass(results, statuses, counts, doc_spool, metrics)
            timings["document pass"] = (t1 := time.perf_counter()) - t0
            hits = self._corpus_hits(results, cached)
            if hits is not None:
                self._corpus_findings(inputs, hits, counts, corpus_spool)
            timings["corpus checks"] = time.perf_counter() - t1
        finally:
            for rdd in cached:
                rdd.unpersist()
        summary = counts.summary(self.config, ndocs, nchars, statuses)
        res = RunResult(self.config, self.plan, summary, [doc_spool, corpus_spool], metrics, __version__)
        res.extras["engine"] = "spark"
        res.extras["timings"] = timings  # wall seconds per phase (the benchmark prints them)
        res.extras["metrics_dataframe"] = lambda spark=None: metrics_dataframe(res, spark or self.spark)
        if all(i.path is not None for i in inputs):  # rich reports re-read local documents in order
            from zhqa.io import InputError, read_input

            def again() -> Any:
                for inp in inputs:
                    try:
                        yield from read_input(inp, self.config)
                    except InputError:  # statuses already say why
                        continue

            res.extras["documents"] = again
        return res

    def _document_pass(
        self, results: Any, statuses: list[InputStatus], counts: _Counts, spool: Spool, metrics: Spool
    ) -> tuple[int, int]:
        """Stream per-document findings and metrics to the driver in document order."""
        from collections import Counter

        small = results.map(lambda p: (p[0], (p[1], p[2], p[3], p[4], p[5], p[7])))
        ndocs = nchars = 0
        for cseq, (doc_id, source, chars, rows, doc_metrics, problems) in small.sortByKey(
            numPartitions=self.partitions
        ).toLocalIterator(prefetchPartitions=True):
            status = statuses[cseq >> SHIFT]
            if doc_id is None:  # the input failed while being read
                status.status, status.error = "error", source
                continue
            status.documents += 1
            if problems and status.status == "ok":
                status.status = "partial"
            fam_counts: Counter[str] = Counter()
            for code, sev, fam, start, end, msg, payload in rows:
                counts.add(code, sev, fam)
                fam_counts[f"{fam}_findings"] += 1
                fam_counts[f"{sev}s"] += 1
                spool.add((cseq, start, end, code, msg), payload)
            row = {"seq": ndocs, "doc_id": doc_id, "source": source, "characters": chars}
            metrics.add((cseq, 0, 0, "", ""), _json({**row, **fam_counts, **doc_metrics}))
            ndocs += 1
            nchars += chars
        return ndocs, nchars

    def _corpus_hits(self, results: Any, cached: list[Any]) -> Any:
        from zhqa.checks.duplication.near import NearDuplicate
        from zhqa.checks.registry import CorpusCheck
        from zhqa.engine.spark.near import near_hits

        parts = []
        for chk in self.plan.corpus_checks:
            code = chk.code
            if chk is NearDuplicate:
                hits, keep = near_hits(results, self.state, code, self.partitions)
                cached.extend(keep)
            elif type(chk).collect is CorpusCheck.collect:
                items = results.flatMap(
                    lambda p, code=code: ((k, (p[0], p[1], k, v)) for k, v in p[6].get(code, ()))
                )
                hits = items.groupByKey(self.partitions).flatMap(reduce_group(self.state, code))
            else:  # a plugin's own multi-stage collect: its map outputs come to the driver
                hits = self._collect_on_driver(results, chk)
            parts.append(hits)
        if not parts:
            return None
        return self.spark.sparkContext.union(parts)

    def _collect_on_driver(self, results: Any, chk: Any) -> Any:
        from zhqa.checks.registry import MapItem

        code, opts = chk.code, self.plan.options[chk.code]
        items = results.flatMap(lambda p: ((p[0], (p[1], k, v)) for k, v in p[6].get(code, ())))
        got = (MapItem(s, d, k, v) for s, (d, k, v) in items.sortByKey().toLocalIterator())
        hits = [(ch.seq, (code, ch.hit)) for ch in chk.collect(got, opts)]
        return self.spark.sparkContext.parallelize(hits, self.partitions)

    def _corpus_findings(self, inputs: Any, hits: Any, counts: _Counts, spool: Spool) -> None:
        """Pass 2: re-read only the documents with corpus hits and locate the hits in them."""
        from pyspark import StorageLevel

        from zhqa.engine.spark import bloom

        by_doc = hits.groupByKey(self.partitions).persist(StorageLevel.MEMORY_AND_DISK)
        try:
            n = by_doc.count()
            if not n:
                return
            sc = self.spark.sparkContext
            filt = sc.broadcast(bloom.build(by_doc.keys(), n))
            docs = documents(self.spark, inputs, self.config, self.state, keep=lambda k: k in filt.value)
            wanted = docs.filter(lambda kv: not isinstance(kv[1], str))
            joined = wanted.join(by_doc, self.partitions).map(corpus_findings(self.state))
            for cseq, rows in joined.sortByKey(numPartitions=self.partitions).toLocalIterator(
                prefetchPartitions=True
            ):
                for code, sev, fam, start, end, msg, payload in rows:
                    counts.add(code, sev, fam)
                    spool.add((cseq, start, end, code, msg), payload)
            filt.destroy()
        finally:
            by_doc.unpersist()


def metrics_dataframe(results: Any, spark: Any) -> Any:
    """The metrics table (:func:`zhqa.reports.metrics.rows`) as a Spark DataFrame, for the GX suite."""
    from zhqa.reports import metrics

    rows = metrics.rows(results)
    table = metrics.to_pandas(rows)
    return spark.createDataFrame(table)
