"""The local engine: stream documents, check them in a process pool, then the corpus checks.

Pass 1 reads every input once and runs the document checks (in order, so the
output is the same for any ``--jobs``); corpus checks keep only their small map
outputs. The reduce step gives corpus hits, and pass 2 re-reads just the
documents those hits point at to add line, column and excerpt.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from zhqa.checks.runner import Plan
from zhqa.engine import gate
from zhqa.engine.batch import (
    BatchOut,
    PackedUnits,
    State,
    Unit,
    _json,  # noqa: F401  (the Spark engine imports it from here)
    pack_lines,
    unit_size,
    work_documents,
    work_packed,
    work_units,
)
from zhqa.engine.malloc import keep_freed_memory
from zhqa.engine.mapstore import MapStore
from zhqa.engine.pool import batched, ordered_map
from zhqa.engine.reduce import corpus_hits
from zhqa.engine.revisit import LineOffsets, Reread, seekable
from zhqa.engine.rows import document_rows, row_key
from zhqa.engine.spool import Spool, findings, merged, metric_rows
from zhqa.io import InputError, discover, read_input, read_units
from zhqa.io.discover import Input
from zhqa.io.linebatch import line_batches
from zhqa.io.records import Validator
from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Finding
from zhqa.schemas.report import InputStatus, RunReport, Summary, ToolInfo

_work = work_documents  # the Spark worker's batch step (same maps, same findings)
BATCH_CHARS = 256_000  # a batch of Documents (the Spark engine's unit too)
BATCH_BYTES = 3 * BATCH_CHARS  # a batch of raw JSONL lines: about as much text
BATCH_DOCS = 256
# a small page touching the common paths of every family (its results are dropped)
_WARM_UP = (
    "新华社北京3月1日电\n\n本报记者 王进吉\n\n据统计, 2025年全市新增就业2.5万人(同比增长3%)。“好”——他说……\n"
)


@dataclass
class RunResult:
    """The outcome of a run: its summary, and its findings and metrics streamed from disk."""

    config: SuiteConfig
    plan: Plan
    summary: Summary
    spools: list[Spool]
    metrics_spool: Spool
    version: str
    extras: dict[str, Any] = field(default_factory=dict)

    def finding_payloads(self) -> Iterator[str]:
        """Each finding as its JSON text, in report order."""
        return merged(self.spools)

    def findings(self) -> Iterator[Finding]:
        return findings(self.finding_payloads())

    def metrics(self) -> Iterator[dict[str, Any]]:
        """One row per document: ids, size, per-family counts and what the checks measured."""
        return metric_rows(self.metrics_spool)

    @property
    def tool(self) -> ToolInfo:
        return ToolInfo(name="zhqa", version=self.version)

    def report(self) -> RunReport:
        """The whole RunReport in memory (small runs and tests)."""
        return RunReport(tool=self.tool, summary=self.summary, findings=list(self.findings()))

    def close(self) -> None:
        for s in [*self.spools, self.metrics_spool]:
            s.close()


class _Counts:
    def __init__(self) -> None:
        self.by_code: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter({"error": 0, "warning": 0, "info": 0})
        self.errors_by_code: Counter[str] = Counter()
        self.errors_by_family: Counter[str] = Counter()

    def summary(
        self, config: SuiteConfig, documents: int, characters: int, inputs: list[InputStatus]
    ) -> Summary:
        """The run's summary with the gate's verdict (both engines end their run here)."""
        summary = Summary(
            documents=documents,
            characters=characters,
            findings=sum(self.by_code.values()),
            by_code=dict(sorted(self.by_code.items())),
            by_severity=dict(self.by_severity),
            inputs=inputs,
        )
        summary.gate = gate.evaluate(
            config,
            self.errors_by_code,
            self.by_code,
            self.errors_by_family,
            self.by_severity["warning"],
            inputs,
        )
        return summary

    def add(self, code: str, severity: str, family: str, n: int = 1) -> None:
        self.by_code[code] += n
        self.by_severity[severity] += n
        if severity == "error":
            self.errors_by_code[code] += n
            self.errors_by_family[family] += n


class LocalEngine:
    """Runs a plan over paths on this machine."""

    def __init__(
        self,
        plan: Plan,
        jobs: int | None = None,
        progress: bool = False,
        validate: Validator | None = None,
    ) -> None:
        self.plan = plan
        self.config = plan.config
        self.jobs = max(1, jobs or self.config.jobs or os.cpu_count() or 1)
        self.progress = progress
        self.validate = validate

    # -- reading -----------------------------------------------------------------
    def _documents(
        self, inputs: Sequence[Input], statuses: list[InputStatus]
    ) -> Iterator[tuple[int, Document]]:
        seq = 0
        for inp, status in zip(inputs, statuses, strict=True):
            try:
                for doc in read_input(inp, self.config, self.validate):
                    status.documents += 1
                    if doc.problems and status.status == "ok":
                        status.status = "partial"
                    yield seq, doc
                    seq += 1
            except InputError as e:
                status.status, status.error = "error", str(e)

    def _units(self, inp: Input, idx: int, status: InputStatus, seq: int) -> Iterator[Unit]:
        """``(seq, input index, unit)`` of one input, from ``seq`` on (JSONL files go by
        :func:`line_batches` instead)."""
        try:
            for unit in read_units(inp, self.config, self.validate):
                status.documents += 1
                yield seq, idx, unit
                seq += 1
        except InputError as e:
            status.status, status.error = "error", str(e)

    def _batches(
        self, inputs: Sequence[Input], statuses: list[InputStatus], offsets: LineOffsets | None
    ) -> Iterator[list[Unit] | PackedUnits]:
        """Pass 1's batches: a JSONL file's lines as packed batches (no object per line in
        this process), any other input's documents as lists. ``offsets`` notes where each
        document's line starts, for pass 2."""
        seq = 0
        for idx, (inp, status) in enumerate(zip(inputs, statuses, strict=True)):
            if inp.fmt == "jsonl" and inp.path is not None:
                seek = seekable(inp)
                try:
                    for b in line_batches(inp, self.config.limits, BATCH_BYTES, BATCH_DOCS):
                        n = len(b)
                        status.documents += n
                        if offsets is not None:
                            offsets.add_many(b.numbers, b.starts) if seek else offsets.add_unknown(n)
                        yield pack_lines(seq, idx, b)
                        seq += n
                except InputError as e:
                    status.status, status.error = "error", str(e)
                continue
            before = status.documents
            yield from batched(self._units(inp, idx, status, seq), unit_size, BATCH_BYTES, BATCH_DOCS)
            if offsets is not None:
                offsets.add_unknown(status.documents - before)
            seq += status.documents - before

    def _results(
        self, inputs: Sequence[Input], statuses: list[InputStatus], offsets: LineOffsets | None
    ) -> Iterator[BatchOut]:
        state = State(self.plan, list(inputs), self.validate)
        batches = self._batches(inputs, statuses, offsets)
        if self.jobs == 1:
            yield from map(partial(work_packed, state), batches)
            return
        # compile the checks' regexes and tables once, before the workers fork
        work_units(state, [(0, 0, Document(id="<warm-up>", source="<warm-up>", text=_WARM_UP))])
        yield from ordered_map(work_packed, batches, state, self.jobs)

    # -- the run -----------------------------------------------------------------
    def run(self, paths: Sequence[str]) -> RunResult:
        from zhqa import __version__

        keep_freed_memory()
        inputs = discover(list(paths), self.config.exclude)
        statuses = [InputStatus(source=i.source) for i in inputs]
        counts = _Counts()
        doc_spool, corpus_spool, metrics = Spool(), Spool(), Spool()
        mapped: dict[str, MapStore] = defaultdict(MapStore)
        offsets = LineOffsets() if self.plan.corpus_checks else None
        ndocs = nchars = 0
        bar = _progress(self.progress)
        try:
            with _quiet_gc():
                for out in self._results(inputs, statuses, offsets):
                    ndocs += out.documents
                    nchars += out.characters
                    for (code, sev, fam), n in out.tally.items():
                        counts.add(code, sev, fam, n)
                    for idx in out.problem_inputs:
                        if statuses[idx].status == "ok":
                            statuses[idx].status = "partial"
                    for chunk, n in out.findings:
                        doc_spool.add_chunk(chunk, n)
                    for chunk, n in out.metrics:
                        metrics.add_chunk(chunk, n)
                    for code, chunks in out.mapped.items():
                        store = mapped[code]
                        for part in chunks:
                            store.add_chunk(*part)
                    if bar is not None:
                        bar.update(out.documents)
        finally:
            if bar is not None:
                bar.close()
        if offsets is not None:
            with _quiet_gc():
                self._corpus_phase(inputs, statuses, offsets, mapped, counts, corpus_spool)
            offsets.close()
        summary = counts.summary(self.config, ndocs, nchars, statuses)
        res = RunResult(self.config, self.plan, summary, [doc_spool, corpus_spool], metrics, __version__)
        # the rich reports (html, sarif) re-read documents in run order for their text and record line
        res.extras["documents"] = lambda: (
            d for _, d in self._documents(inputs, [InputStatus(source=i.source) for i in inputs])
        )
        return res

    def _corpus_phase(
        self,
        inputs: Sequence[Input],
        statuses: list[InputStatus],
        offsets: LineOffsets,
        mapped: dict[str, MapStore],
        counts: _Counts,
        spool: Spool,
    ) -> None:
        firsts = [0]
        for st in statuses[:-1]:
            firsts.append(firsts[-1] + st.documents)
        reread = Reread(inputs, firsts, offsets, self.config, self.validate)
        pending, ready = corpus_hits(self.plan, mapped, self.jobs, reread)
        for seq, doc in reread.documents(sorted(pending)):  # inputs read from their start
            ready[seq] = document_rows(self.plan, doc, pending[seq])
        for seq in sorted(ready):
            for start, end, code, msg, sev, fam, js in sorted(ready[seq], key=row_key):
                counts.add(code, sev, fam)
                spool.add((seq, start, end, code, msg), js)


@contextmanager
def _quiet_gc() -> Iterator[None]:
    """Fewer, cheaper garbage collections while documents stream: what is alive at the start
    (modules, tables, the plan) is frozen out of them, and the young generation is collected
    every 20,000 allocations instead of 700 (a run makes millions; few are cycles)."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _progress(enabled: bool) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(desc="zhqa", unit=" docs", file=sys.stderr, leave=False, dynamic_ncols=True)
