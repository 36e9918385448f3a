"""The corpus checks' reduce step, spread over the worker processes.

A check that keeps the registry's ``collect`` groups one map-store partition at a time
and a key never spans two partitions, so each partition is a task of its own; a check
with its own ``collect`` (near-duplicates) is one task. Tasks run in a pool forked after
the document pass (the children read the map-store files the parent wrote) and their
hits come back in task order: the same hits, in the same order, as one process gives.
A task also reads its hits' documents again where they sit at a known offset and
returns their finding rows, so most of pass 2 runs in parallel too.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from zhqa.checks.registry import CorpusCheck
from zhqa.checks.runner import Plan
from zhqa.engine.mapstore import MapStore
from zhqa.engine.pool import ordered_map
from zhqa.engine.revisit import Reread
from zhqa.engine.rows import Row, document_rows
from zhqa.schemas.finding import Hit

Pending = dict[int, list[tuple[CorpusCheck, Hit]]]
Ready = dict[int, list[Row]]  # per document: its corpus findings, as report rows


def _reduce(
    state: tuple[Plan, dict[str, MapStore], Reread | None], task: tuple[str, int | None]
) -> tuple[list[tuple[int, Hit]], Ready]:
    """A task's hits; those of documents that can be read at their offset come back as
    finding rows (pass 2 done here, in parallel), the others as hits."""
    plan, stores, reread = state
    code, part = task
    chk = next(c for c in plan.corpus_checks if c.code == code)
    store = stores[code]
    items: Any = store if part is None else store.part(part)
    hits = [(ch.seq, ch.hit) for ch in chk.collect(items, plan.options[code])]
    if reread is None or not hits:
        return hits, {}
    by_seq: dict[int, list[Hit]] = defaultdict(list)
    for seq, hit in hits:
        by_seq[seq].append(hit)
    here = sorted(s for s in by_seq if reread.at_offset(s))
    ready: Ready = {}
    for seq, doc in reread.documents(here):
        ready[seq] = document_rows(plan, doc, ((chk, hit) for hit in by_seq[seq]))
    return [(s, h) for s, h in hits if s not in ready], ready


def corpus_hits(
    plan: Plan, mapped: dict[str, MapStore], jobs: int, reread: Reread | None = None
) -> tuple[Pending, Ready]:
    """Every corpus hit by document (``seq``), each document's hits in check order: as
    finding rows where ``reread`` can read the document at its offset, else as hits for
    the caller's pass 2. The stores are closed afterwards."""
    stores = {c.code: mapped.pop(c.code) if c.code in mapped else MapStore() for c in plan.corpus_checks}
    tasks: list[tuple[str, int | None]] = []
    for chk in plan.corpus_checks:
        if type(chk).collect is CorpusCheck.collect:
            tasks += [(chk.code, i) for i in stores[chk.code].partition_ids()]
        else:
            tasks.append((chk.code, None))
    for store in stores.values():
        store.flush()
    if reread is not None:
        reread.offsets.flush()
    by_code = {c.code: c for c in plan.corpus_checks}
    pending: Pending = defaultdict(list)
    ready: Ready = defaultdict(list)
    workers = min(jobs, len(tasks))
    # a whole-store task (near-duplicates) is the longest: it starts first, the partitions
    # share the other workers; hits are taken back in task order all the same
    first = sorted(range(len(tasks)), key=lambda k: tasks[k][1] is not None)
    try:
        state = (plan, stores, reread)
        results = ordered_map(_reduce, [tasks[k] for k in first], state, workers, len(tasks) or 1)
        got = dict(zip(first, results, strict=True))
        for k, (code, _) in enumerate(tasks):
            hits, rows = got.pop(k)
            for seq, hit in hits:
                pending[seq].append((by_code[code], hit))
            for seq, done in rows.items():
                ready[seq].extend(done)
    finally:
        for store in stores.values():
            store.close()
    return pending, ready
