"""The local engine: stream documents, check them in a process pool, then the corpus checks.

Pass 1 reads every input once and runs the document checks (in order, so the
output is the same for any ``--jobs``); corpus checks keep only their small map
outputs. The reduce step gives corpus hits, and pass 2 re-reads just the
documents those hits point at to add line, column and excerpt.
"""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from zhqa.checks.registry import CorpusCheck, MapItem
from zhqa.checks.runner import Plan, finding_key, map_batch, run_document, to_finding
from zhqa.engine import gate
from zhqa.engine.mapstore import MapStore
from zhqa.engine.pool import batched, ordered_map
from zhqa.engine.spool import Spool, findings, merged, metric_rows
from zhqa.io import InputError, discover, read_input
from zhqa.io.discover import Input
from zhqa.io.records import Validator
from zhqa.schemas.config import SuiteConfig
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Finding, Hit
from zhqa.schemas.report import InputStatus, RunReport, Summary, ToolInfo
from zhqa.text.charcount import class_counts

BATCH_CHARS = 256_000
BATCH_DOCS = 256
# a small page touching the common paths of every family (its results are dropped)
_WARM_UP = (
    "新华社北京3月1日电\n\n本报记者 王进吉\n\n据统计, 2025年全市新增就业2.5万人(同比增长3%)。“好”——他说……\n"
)

# (code, severity, family, json) per finding, then metrics and corpus map outputs
Packed = tuple[
    int,
    str,
    str,
    int,
    list[tuple[str, str, str, int, int, str, str]],
    dict[str, float],
    dict[str, list[tuple[Any, Any]]],
]


def _pack(
    plan: Plan, doc: Document, seq: int, mapped: dict[str, list[tuple[Any, Any]]], counts: tuple[int, ...]
) -> Packed:
    r = run_document(plan, doc, seq, mapped, counts)
    rows = [
        (f.code, f.severity.value, str(f.family), f.start, f.end, f.message, f.model_dump_json())
        for f in r.findings
    ]
    return (seq, r.doc_id, r.source, r.characters, rows, r.metrics, r.mapped)


def _work(plan: Plan, batch: list[tuple[int, Document]]) -> list[Packed]:
    docs = [doc for _, doc in batch]
    maps = map_batch(plan, docs)  # corpus maps and character counts once per batch (vectorised)
    counts = class_counts([d.text for d in docs])
    return [_pack(plan, doc, seq, m, c) for (seq, doc), m, c in zip(batch, maps, counts, strict=True)]


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

    def add(self, code: str, severity: str, family: str) -> None:
        self.by_code[code] += 1
        self.by_severity[severity] += 1
        if severity == "error":
            self.errors_by_code[code] += 1
            self.errors_by_family[family] += 1


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

    def _packed(self, docs: Iterator[tuple[int, Document]]) -> Iterator[Packed]:
        batches = batched(docs, lambda item: len(item[1].text), BATCH_CHARS, BATCH_DOCS)
        if self.jobs > 1:  # compile the checks' regexes and tables once, before the workers fork
            _work(self.plan, [(0, Document(id="<warm-up>", source="<warm-up>", text=_WARM_UP))])
        for results in ordered_map(_work, batches, self.plan, self.jobs):
            yield from results

    # -- the run -----------------------------------------------------------------
    def run(self, paths: Sequence[str]) -> RunResult:
        from zhqa import __version__

        inputs = discover(list(paths), self.config.exclude)
        statuses = [InputStatus(source=i.source) for i in inputs]
        counts = _Counts()
        doc_spool, corpus_spool, metrics = Spool(), Spool(), Spool()
        mapped: dict[str, MapStore] = defaultdict(MapStore)
        ndocs = nchars = 0
        bar = _progress(self.progress)
        try:
            for seq, doc_id, source, chars, rows, doc_metrics, doc_mapped in self._packed(
                self._documents(inputs, statuses)
            ):
                ndocs += 1
                nchars += chars
                fam_counts: Counter[str] = Counter()
                for code, sev, fam, start, end, msg, payload in rows:
                    counts.add(code, sev, fam)
                    fam_counts[f"{fam}_findings"] += 1
                    fam_counts[f"{sev}s"] += 1
                    doc_spool.add((seq, start, end, code, msg), payload)
                for code, pairs in doc_mapped.items():
                    store = mapped[code]
                    for k, v in pairs:
                        store.add(MapItem(seq, doc_id, k, v))
                row = {"seq": seq, "doc_id": doc_id, "source": source, "characters": chars}
                metrics.add((seq, 0, 0, "", ""), _json({**row, **fam_counts, **doc_metrics}))
                if bar is not None:
                    bar.update(1)
        finally:
            if bar is not None:
                bar.close()
        self._corpus_phase(inputs, mapped, counts, corpus_spool)
        summary = counts.summary(self.config, ndocs, nchars, statuses)
        res = RunResult(self.config, self.plan, summary, [doc_spool, corpus_spool], metrics, __version__)
        # the rich reports (html, sarif) re-read documents in run order for their text and record line
        res.extras["documents"] = lambda: (
            d for _, d in self._documents(inputs, [InputStatus(source=i.source) for i in inputs])
        )
        return res

    def _corpus_phase(
        self, inputs: Sequence[Input], mapped: dict[str, MapStore], counts: _Counts, spool: Spool
    ) -> None:
        pending: dict[int, list[tuple[CorpusCheck, Hit]]] = defaultdict(list)
        for chk in self.plan.corpus_checks:
            store = mapped.pop(chk.code, None) or MapStore()
            for ch in chk.collect(store, self.plan.options[chk.code]):
                pending[ch.seq].append((chk, ch.hit))
            store.close()
        if not pending:
            return
        scratch = [InputStatus(source=i.source) for i in inputs]
        for seq, doc in self._documents(inputs, scratch):
            hits = pending.pop(seq, None)
            if hits is None:
                continue
            out = sorted((to_finding(self.plan, chk, doc, hit) for chk, hit in hits), key=finding_key)
            for f in out:
                counts.add(f.code, f.severity.value, f.family)
                spool.add((seq, f.start, f.end, f.code, f.message), f.model_dump_json())
            if not pending:
                break


def _json(obj: dict[str, Any]) -> str:
    import json

    return json.dumps(obj, ensure_ascii=False)


def _progress(enabled: bool) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(desc="zhqa", unit=" docs", file=sys.stderr, leave=False, dynamic_ncols=True)
