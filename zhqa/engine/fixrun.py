"""``zhqa fix`` over inputs: fix each document, write copies in the same format, report.

Text is never lost: records that cannot be parsed are copied as they are,
unreadable files are copied byte for byte, and every output lands atomically.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from zhqa.checks.runner import Plan
from zhqa.engine.fixer import applicable, fix_document
from zhqa.engine.pool import batched, ordered_map
from zhqa.io import InputError, discover, read_input
from zhqa.io.compression import open_binary
from zhqa.io.discover import Input
from zhqa.io.records import jsonl_records
from zhqa.io.writers import copy_file, open_output, write_parquet
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Finding


def left_reason(f: Finding, unsafe: bool) -> str:
    """Why a finding is still there after fixing."""
    if f.fix is None:
        return "no fix"
    if f.fix.applicability == "display":
        return "display only"
    if f.fix.applicability == "unsafe" and not unsafe:
        return "unsafe fix: use --unsafe-fixes"
    return "conflicting edits"


@dataclass
class DocFix:
    """A worker's answer for one document."""

    text: str | None  # None when unchanged
    applied: Counter[str]
    left: Counter[tuple[str, str, str]]  # (code, severity, reason)
    unconverged: list[str]


def _fix_one(state: tuple[Plan, bool], doc: Document) -> DocFix:
    plan, unsafe = state
    out = fix_document(plan, doc, unsafe)
    left = Counter((f.code, f.severity.value, left_reason(f, unsafe)) for f in out.remaining)
    return DocFix(out.text if out.changed else None, out.applied, left, out.unconverged)


def _fix_batch(state: tuple[Plan, bool], batch: list[Document]) -> list[DocFix]:
    return [_fix_one(state, d) for d in batch]


@dataclass
class FileResult:
    source: str
    target: str | None
    documents: int = 0
    changed: int = 0
    status: str = "unchanged"  # fixed | unchanged | copied | error
    error: str | None = None


@dataclass
class FixReport:
    files: list[FileResult] = field(default_factory=list)
    applied: Counter[str] = field(default_factory=Counter)
    left: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    unconverged: Counter[str] = field(default_factory=Counter)

    def add(self, d: DocFix) -> None:
        self.applied.update(d.applied)
        self.left.update(d.left)
        self.unconverged.update(d.unconverged)

    @property
    def errors_left(self) -> int:
        return sum(n for (_, sev, _), n in self.left.items() if sev == "error")


class FixRun:
    """Fix the inputs under ``paths``; write to ``out_dir``, in place, or only a diff."""

    def __init__(self, plan: Plan, unsafe: bool = False, jobs: int = 1) -> None:
        self.plan, self.unsafe, self.jobs = plan, unsafe, max(1, jobs)
        self.config = plan.config

    def _fix_docs(self, docs: Iterator[Document]) -> Iterator[tuple[Document, DocFix]]:
        """Fix documents in the pool, yielding each with its result, in order."""
        pending: deque[Document] = deque()

        def feed() -> Iterator[list[Document]]:
            for batch in batched(docs, lambda d: len(d.text), 256_000, 64):
                pending.extend(batch)
                yield batch

        for results in ordered_map(_fix_batch, feed(), (self.plan, self.unsafe), self.jobs):
            for res in results:
                yield pending.popleft(), res

    def run(self, paths: list[str], out_dir: Path | None, in_place: bool, diff: IO[str] | None) -> FixReport:
        report = FixReport()
        for inp in discover(paths, self.config.exclude):
            target = None
            if diff is None:
                target = inp.path if in_place else (out_dir / inp.rel if out_dir is not None else None)
            res = FileResult(inp.source, str(target) if target else None)
            report.files.append(res)
            try:
                self._one(inp, target, res, report, diff)
            except InputError as e:
                res.status, res.error = "error", str(e)
                if target is not None and inp.path is not None and not in_place and inp.path.is_file():
                    copy_file(inp.path, target)
                    res.status = "copied"
        return report

    def _one(
        self, inp: Input, target: Path | None, res: FileResult, rep: FixReport, diff: IO[str] | None
    ) -> None:
        if inp.problem:
            raise InputError(inp.problem)
        if inp.fmt == "jsonl" and inp.path is not None:
            return self._jsonl(inp, target, res, rep, diff)
        docs = list(read_input(inp, self.config))
        fixed: dict[int, str] = {}
        for i, (doc, d) in enumerate(self._fix_docs(iter(docs))):
            rep.add(d)
            res.documents += 1
            if d.text is not None:
                fixed[i] = d.text
                if diff is not None:
                    _diff(diff, doc.text, d.text, inp.source, doc.id)
        res.changed = len(fixed)
        res.status = "fixed" if fixed else "unchanged"
        if target is None or (not fixed and target == inp.path):
            return
        assert inp.path is not None
        if not fixed:
            copy_file(inp.path, target)
        elif inp.fmt == "text":
            with open_output(target, inp.compression) as f:
                f.write(fixed[0].encode("utf-8"))
        elif inp.fmt == "json":
            self._write_json(inp, target, fixed)
        elif inp.fmt == "parquet":
            write_parquet(inp.path, target, self.config.text_field, fixed)

    def _write_json(self, inp: Input, target: Path, fixed: dict[int, str]) -> None:
        assert inp.path is not None
        with open_binary(inp.path, inp.compression, self.config.limits.max_decompressed_bytes) as f:
            data = json.loads(f.read().decode("utf-8", "replace"))
        rows = data if isinstance(data, list) else [data]
        for i, text in fixed.items():
            rows[i][self.config.text_field] = text
        with open_output(target, inp.compression) as out:
            out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    def _jsonl(
        self, inp: Input, target: Path | None, res: FileResult, rep: FixReport, diff: IO[str] | None
    ) -> None:
        assert inp.path is not None
        cfg = self.config
        lim = cfg.limits
        with open_binary(inp.path, inp.compression, lim.max_decompressed_bytes) as src:
            records = jsonl_records(src, inp, lim, cfg.text_field, cfg.id_field)
            lines: dict[int, Any] = {}

            def docs() -> Iterator[Document]:
                for rec in records:
                    lines[id(rec.doc)] = rec
                    yield rec.doc

            out_cm = open_output(target, inp.compression) if target is not None else None
            out = out_cm.__enter__() if out_cm is not None else None
            try:
                for doc, d in self._fix_docs(docs()):
                    rec = lines.pop(id(doc))
                    rep.add(d)
                    res.documents += 1
                    line = rec.raw
                    if d.text is not None and isinstance(rec.obj, dict):
                        res.changed += 1
                        obj = dict(rec.obj)
                        obj[cfg.text_field] = d.text
                        line = (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")
                        if diff is not None:
                            _diff(diff, doc.text, d.text, f"{inp.source}:{rec.number}", doc.id)
                    if out is not None:
                        out.write(line if line.endswith(b"\n") else line + b"\n")
            except BaseException as e:
                if out_cm is not None:
                    out_cm.__exit__(type(e), e, e.__traceback__)
                raise
            if out_cm is not None:
                out_cm.__exit__(None, None, None)
        res.status = "fixed" if res.changed else "unchanged"


def _diff(out: IO[str], before: str, after: str, where: str, doc_id: str) -> None:
    label = where if doc_id in where else f"{where} [{doc_id}]"
    for line in difflib.unified_diff(
        before.splitlines(), after.splitlines(), f"a/{label}", f"b/{label}", lineterm=""
    ):
        out.write(line + "\n")


__all__ = ["FixReport", "FixRun", "applicable"]
