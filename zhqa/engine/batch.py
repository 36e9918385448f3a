"""What a worker does with one batch: parse its records, run the checks, pack compact results.

The local engine's main process only reads lines and merges: a worker gets raw JSONL
lines (bytes pickle cheaply; Documents do not), parses them, and sends back its
findings and metrics rows already pickled as spool chunks, the corpus checks' map
items as map-store chunks, and counts. Nothing is re-serialised in the main process.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

from zhqa.checks.runner import Plan, map_batch, run_document
from zhqa.engine.mapstore import Chunk, pack_items
from zhqa.engine.rows import finding_row, row_key
from zhqa.engine.spool import pack_rows
from zhqa.io import RawLine, parse_unit
from zhqa.io.discover import Input
from zhqa.io.linebatch import LineBatch
from zhqa.io.records import Validator
from zhqa.schemas.document import Document
from zhqa.text.charcount import class_counts

# (code, severity, family, start, end, message, json) per finding, then metrics and corpus map outputs
Packed = tuple[
    int,
    str,
    str,
    int,
    list[tuple[str, str, str, int, int, str, str]],
    dict[str, float],
    dict[str, list[tuple[Any, Any]]],
]
# (sequence number, index of its input, the document or its unparsed JSONL line)
Unit = tuple[int, int, Document | RawLine]


class State(NamedTuple):
    """What every worker needs (inherited by the forked workers, never pickled)."""

    plan: Plan
    inputs: Sequence[Input]
    validate: Validator | None


class BatchOut(NamedTuple):
    """A batch's results, compact: the main process writes the chunks as they are."""

    documents: int
    characters: int
    tally: dict[tuple[str, str, str], int]  # (code, severity, family) -> findings
    problem_inputs: set[int]  # inputs with a record that has problems (status "partial")
    findings: list[tuple[bytes, int]]  # spool chunks of (key, finding json)
    metrics: list[tuple[bytes, int]]  # spool chunks of (key, metrics row json)
    mapped: dict[str, list[Chunk]]  # map-store chunks per corpus check


def work_units(state: State, batch: list[Unit]) -> BatchOut:
    """Parse, check and pack one batch (in a worker, or in the main process with one job)."""
    plan, cfg = state.plan, state.plan.config
    docs: list[Document] = []
    problems: set[int] = set()
    for _, idx, unit in batch:
        doc = unit if isinstance(unit, Document) else parse_unit(unit, state.inputs[idx], cfg, state.validate)
        if doc.problems:
            problems.add(idx)
        docs.append(doc)
    maps = map_batch(plan, docs)  # corpus maps and character counts once per batch (vectorised)
    counts = class_counts([d.text for d in docs])
    tally: Counter[tuple[str, str, str]] = Counter()
    found: list[tuple[Any, str]] = []
    rows: list[tuple[Any, Any]] = []
    items: dict[str, list[tuple[int, str, Any, Any]]] = {c.code: [] for c in plan.corpus_checks}
    nchars = 0
    for (seq, _, _), doc, m, c in zip(batch, docs, maps, counts, strict=True):
        r = run_document(plan, doc, seq, m, c, make=finding_row, key=row_key)
        nchars += r.characters
        fam_counts: dict[str, int] = {}
        for start, end, code, msg, sev, fam, js in r.findings:
            tally[code, sev, fam] += 1
            fam_counts[f"{fam}_findings"] = fam_counts.get(f"{fam}_findings", 0) + 1
            fam_counts[f"{sev}s"] = fam_counts.get(f"{sev}s", 0) + 1
            found.append(((seq, start, end, code, msg), js))
        row = {"seq": seq, "doc_id": r.doc_id, "source": r.source, "characters": r.characters}
        rows.append(((seq, 0, 0, "", ""), {**row, **fam_counts, **r.metrics}))  # a dict: no JSON needed
        for code, pairs in r.mapped.items():
            items[code].extend((seq, r.doc_id, k, v) for k, v in pairs)
    mapped = {code: pack_items(got) for code, got in items.items() if got}
    return BatchOut(len(batch), nchars, dict(tally), problems, pack_rows(found), pack_rows(rows), mapped)


# a batch of raw lines as the pool sends it: first seq, then per line its input index, line
# number, byte offset and length (arrays), and all the lines' bytes joined (pickles as one copy;
# a list of NamedTuples pickles field by field)
PackedUnits = tuple[int, bytes, bytes, bytes, bytes, bytes]


def pack_lines(seq: int, idx: int, lines: LineBatch) -> PackedUnits:
    """A line batch of input ``idx`` whose first document is number ``seq``."""
    n = len(lines)
    idxs = (array("q", [idx]) * n).tobytes()
    return (seq, idxs, lines.numbers.tobytes(), lines.starts.tobytes(), lines.sizes.tobytes(), lines.data)


def work_packed(state: State, packed: list[Unit] | PackedUnits) -> BatchOut:
    """:func:`work_units` on a batch: a list of units, or raw lines from :func:`pack_lines`."""
    if isinstance(packed, list):
        return work_units(state, packed)
    seq0, idxs, numbers, starts, sizes, raw = packed
    batch: list[Unit] = []
    at = 0
    for k, (idx, number, start, size) in enumerate(
        zip(_ints(idxs), _ints(numbers), _ints(starts), _ints(sizes), strict=True)
    ):
        batch.append((seq0 + k, idx, RawLine(raw[at : at + size], number, start)))
        at += size
    return work_units(state, batch)


def _ints(data: bytes) -> array[int]:
    out = array("q")
    out.frombytes(data)
    return out


def unit_size(unit: Unit) -> int:
    """What a batch is measured in: bytes of a raw line (about 3 per character of a document)."""
    u = unit[2]
    return len(u.raw) if isinstance(u, RawLine) else 3 * len(u.text)


def _pack(
    plan: Plan, doc: Document, seq: int, mapped: dict[str, list[tuple[Any, Any]]], counts: tuple[int, ...]
) -> Packed:
    r = run_document(plan, doc, seq, mapped, counts)
    rows = [
        (f.code, f.severity.value, str(f.family), f.start, f.end, f.message, f.model_dump_json())
        for f in r.findings
    ]
    return (seq, r.doc_id, r.source, r.characters, rows, r.metrics, r.mapped)


def work_documents(plan: Plan, batch: list[tuple[int, Document]]) -> list[Packed]:
    """Findings rows, metrics and map outputs per document of a batch (the Spark engine's step)."""
    docs = [doc for _, doc in batch]
    maps = map_batch(plan, docs)
    counts = class_counts([d.text for d in docs])
    return [_pack(plan, doc, seq, m, c) for (seq, doc), m, c in zip(batch, maps, counts, strict=True)]


_encode = json.JSONEncoder(ensure_ascii=False).encode


def _json(obj: dict[str, Any]) -> str:
    """A metrics row as JSON (the Spark engine's spool; the local engine spools the dict)."""
    return _encode(obj)
