"""The corpus checks' reduce step, spread over the worker processes.

A check that keeps the registry's ``collect`` groups one map-store partition at a time
and a key never spans two partitions, so each partition is a task of its own; a check
with its own ``collect`` (near-duplicates) is one task. Tasks run in a pool forked after
the document pass (the children read the map-store files the parent wrote) and their
hits come back in task order: the same hits, in the same order, as one process gives.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from zhqa.checks.registry import CorpusCheck
from zhqa.checks.runner import Plan
from zhqa.engine.mapstore import MapStore
from zhqa.engine.pool import ordered_map
from zhqa.schemas.finding import Hit

Pending = dict[int, list[tuple[CorpusCheck, Hit]]]


def _reduce(state: tuple[Plan, dict[str, MapStore]], task: tuple[str, int | None]) -> list[tuple[int, Hit]]:
    plan, stores = state
    code, part = task
    chk = next(c for c in plan.corpus_checks if c.code == code)
    store = stores[code]
    items: Any = store if part is None else store.part(part)
    return [(ch.seq, ch.hit) for ch in chk.collect(items, plan.options[code])]


def corpus_hits(plan: Plan, mapped: dict[str, MapStore], jobs: int) -> Pending:
    """Every corpus hit by document (``seq``), each document's hits in check order; the
    stores are closed afterwards."""
    stores = {c.code: mapped.pop(c.code) if c.code in mapped else MapStore() for c in plan.corpus_checks}
    tasks: list[tuple[str, int | None]] = []
    for chk in plan.corpus_checks:
        if type(chk).collect is CorpusCheck.collect:
            tasks += [(chk.code, i) for i in stores[chk.code].partition_ids()]
        else:
            tasks.append((chk.code, None))
    for store in stores.values():
        store.flush()
    by_code = {c.code: c for c in plan.corpus_checks}
    pending: Pending = defaultdict(list)
    workers = min(jobs, len(tasks))
    # a whole-store task (near-duplicates) is the longest: it starts first, the partitions
    # share the other workers; hits are taken back in task order all the same
    first = sorted(range(len(tasks)), key=lambda k: tasks[k][1] is not None)
    try:
        results = ordered_map(_reduce, [tasks[k] for k in first], (plan, stores), workers, len(tasks) or 1)
        got = dict(zip(first, results, strict=True))
        for k, (code, _) in enumerate(tasks):
            for seq, hit in got.pop(k):
                pending[seq].append((by_code[code], hit))
    finally:
        for store in stores.values():
            store.close()
    return pending
