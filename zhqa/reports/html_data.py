"""The data the HTML report embeds: findings as compact rows, document text, metric histograms.

Findings become arrays (``[doc, code, severity, start, end, line, column,
message, fix, related, excerpt]``) with messages interned, so 50,000 findings
stay a few megabytes. Document text has a corpus-wide budget; each document
gets a share by its share of the findings, and is embedded whole when that
share allows, else as windows around its findings (narrower as the share
shrinks), else (budget spent) as excerpts only. All offsets are code points.
"""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Iterable, Iterator
from typing import Any

from zhqa.reports.base import FAMILY_ORDER
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Finding

MAX_FINDINGS = 100_000
FULL_TEXT_MAX = 8_000
TEXT_BUDGET = 1_000_000
CONTEXTS = (80, 40, 20, 10)
SEVERITIES = ["error", "warning", "info"]
APPLICABILITY = ["safe", "unsafe", "display"]
BINS = 20
_SKIP_METRICS = {"seq", "line", "doc_id", "source"}
_LABELS = {
    "findings_per_1000": "findings per 1,000 characters",
    "characters": "characters per document",
    "errors": "errors per document",
    "warnings": "warnings per document",
}


def script_json(obj: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(ch, esc)
    return text


def _windows(length: int, spans: list[tuple[int, int]], ctx: int) -> list[tuple[int, int]]:
    """``[(start, end), …]`` around each (sorted) span, ``ctx`` either side, overlaps merged."""
    out: list[list[int]] = []
    for start, end in spans:
        a, b = max(0, start - ctx), min(length, max(end, start) + ctx)
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


class ReportData:
    """Collects findings (with their documents) into the embedded data of the page."""

    def __init__(self, expected: int, max_findings: int = MAX_FINDINGS, budget: int = TEXT_BUDGET) -> None:
        self.expected, self.max_findings, self.budget = expected, max_findings, budget
        self.docs: list[dict[str, Any]] = []
        self.rows: list[list[Any]] = []
        self.codes: list[str] = []
        self.msgs: list[str] = []
        self._doc_index: dict[tuple[str, str], int] = {}
        self._code_index: dict[str, int] = {}
        self._msg_index: dict[str, int] = {}
        self._open: tuple[int, Document | None, list[tuple[int, int]], list[tuple[int, str]]] | None = None
        self._decided: set[int] = set()
        self.text_chars = 0
        self.total = 0

    def _intern(self, table: list[str], index: dict[str, int], value: str) -> int:
        i = index.get(value)
        if i is None:
            i = index[value] = len(table)
            table.append(value)
        return i

    def add_all(self, pairs: Iterable[tuple[Finding, Document | None]]) -> ReportData:
        for f, doc in pairs:
            self.total += 1
            if len(self.rows) < self.max_findings:
                self.add(f, doc)
        self._close()
        return self

    def add(self, f: Finding, doc: Document | None) -> None:
        key = (f.source, f.doc_id)
        di = self._doc_index.get(key)
        if di is None or self._open is None or self._open[0] != di:
            self._close()
            if di is None:
                di = self._doc_index[key] = len(self.docs)
                self.docs.append({"id": f.doc_id, "src": f.source})
            self._open = (di, doc, [], [])
        _, _, spans, excerpts = self._open
        spans.append((f.start, f.end))
        fix: Any = 0
        if f.fix is not None:
            fs = f.start if f.fix.start is None else f.fix.start
            fe = f.end if f.fix.end is None else f.fix.end
            spans.append((fs, fe))
            fix = [f.fix.replacement, APPLICABILITY.index(f.fix.applicability)]
            moved = (fs, fe) != (f.start, f.end)
            if f.fix.title or moved:
                fix.append(f.fix.title or "")
            if moved:
                fix += [fs, fe]
        related: Any = [[r.doc_id, r.start, r.end] for r in f.related] or 0
        for r in f.related:
            if r.doc_id == f.doc_id:
                spans.append((r.start, r.end))
        excerpts.append((len(self.rows), f.excerpt))
        self.rows.append(
            [
                di,
                self._intern(self.codes, self._code_index, f.code),
                SEVERITIES.index(f.severity.value),
                f.start,
                f.end,
                f.line,
                f.column,
                self._intern(self.msgs, self._msg_index, f.message),
                fix,
                related,
                0,
            ]
        )

    def _close(self) -> None:
        """Decide how much of the open document's text to embed, then forget the text."""
        if self._open is None:
            return
        di, doc, spans, excerpts = self._open
        self._open = None
        entry = self.docs[di]
        if doc is None or di in self._decided:
            if "t" not in entry:  # no text, or windows cut before these findings came
                for row, excerpt in excerpts:
                    self.rows[row][10] = excerpt
            return
        self._decided.add(di)
        entry["n"] = len(doc.text)
        if doc.line is not None:
            entry["line"] = doc.line
        # this document's share of what is left, by its share of the findings still to come
        to_come = max(len(excerpts), min(self.expected, self.max_findings) - len(self.rows) + len(excerpts))
        allowance = (self.budget - self.text_chars) * len(excerpts) / to_come
        spans.sort()
        n = len(doc.text)
        wins = _windows(n, spans, CONTEXTS[0])
        size = sum(b - a for a, b in wins)
        if n <= min(FULL_TEXT_MAX, allowance) or (n <= allowance and size > 0.7 * n):
            entry["t"] = doc.text
            self.text_chars += n
            return
        for ctx in CONTEXTS[1:]:
            if size <= allowance:
                break
            wins = _windows(n, spans, ctx)
            size = sum(b - a for a, b in wins)
        if self.text_chars + size > self.budget:  # nothing left: excerpts only
            for row, excerpt in excerpts:
                self.rows[row][10] = excerpt
            return
        entry["w"] = [[a, doc.text[a:b]] for a, b in wins]
        self.text_chars += size

    def as_json(self) -> dict[str, Any]:
        for row in self.rows:  # optional trailing fields (fix, related, excerpt) are dropped when empty
            while len(row) > 8 and row[-1] == 0:
                row.pop()
        return {"docs": self.docs, "codes": self.codes, "msgs": self.msgs, "f": self.rows}


def histograms(rows: Iterator[dict[str, Any]], top: int = 10) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Per-document metric histograms, and the documents with the most findings."""
    values: dict[str, array[float]] = {}
    worst: list[tuple[float, int, dict[str, Any]]] = []
    for n, row in enumerate(rows):
        found = sum(v for k, v in row.items() if k.endswith("_findings") and isinstance(v, int | float))
        chars = row.get("characters") or 0
        metrics = {"findings_per_1000": found * 1000 / chars if chars else 0.0}
        for k, v in row.items():
            if k not in _SKIP_METRICS and isinstance(v, int | float) and not isinstance(v, bool):
                metrics[k] = v
        for k, v in metrics.items():
            if math.isfinite(v):
                values.setdefault(k, array("d"))
                values[k].append(float(v))
        if found:
            item = (
                found,
                -n,
                {"id": row.get("doc_id"), "src": row.get("source"), "n": found, "chars": chars},
            )
            worst.append(item)
            if len(worst) > top * 4:
                worst = sorted(worst, reverse=True)[:top]
    order = ["findings_per_1000", "characters"]
    order += sorted(k for k in values if k not in order)
    hists = {k: _bins(k, values[k]) for k in order if k in values}
    return hists, [w[2] for w in sorted(worst, reverse=True)[:top]]


def _bins(name: str, vals: array[float]) -> dict[str, Any]:
    lo, hi = min(vals), max(vals)
    nbins = 1 if hi == lo else BINS
    width = (hi - lo) / nbins if nbins > 1 else 1.0
    counts = [0] * nbins
    for v in vals:
        counts[min(nbins - 1, int((v - lo) / width)) if nbins > 1 else 0] += 1
    label = _LABELS.get(name) or name.replace("_", " ")
    fam = name.removesuffix("_findings")
    if fam in FAMILY_ORDER:
        label = f"{fam} findings per document"
    edges = [lo + i * width for i in range(nbins)] + [hi]
    return {"label": label, "n": len(vals), "edges": [round(e, 6) for e in edges], "counts": counts}
