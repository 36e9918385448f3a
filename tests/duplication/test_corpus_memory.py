"""The corpus phase stays small: reading map items back and D302's collect keep no per-document text.

Python-level allocations are measured with tracemalloc (numpy reports its buffers to it),
so the figures do not depend on the machine or on other processes.
"""

from __future__ import annotations

import random
import tracemalloc

from zhqa.checks import CATALOGUE
from zhqa.checks.duplication import sketches
from zhqa.checks.registry import MapItem
from zhqa.engine.mapstore import MapStore
from zhqa.schemas.document import Document

from .test_near import HANZI, mutate

D302 = CATALOGUE["D302"]


def _peak(run) -> tuple[int, object]:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        out = run()
        return tracemalloc.get_traced_memory()[1] - base, out
    finally:
        tracemalloc.stop()


def test_reading_a_map_store_keeps_no_item_alive():
    store = MapStore(partitions=4)
    for seq in range(3000):
        store.add(MapItem(seq, f"doc-{seq}", "k", (seq, bytes(20_000))))  # 60 MB in all

    def read() -> int:
        return sum(len(item.value[1]) for item in store)

    peak, total = _peak(read)
    store.close()
    assert total == 3000 * 20_000
    assert peak < 5_000_000, f"reading back held {peak / 1e6:.1f} MB (a memoising unpickler keeps every item)"


def _collect_peak(n: int) -> tuple[int, int, list]:
    """Peak allocation of D302's collect over ``n`` random documents plus 50 near copies."""
    rng = random.Random(7)
    texts = ["".join(rng.choices(HANZI, k=3000)) for _ in range(n)]
    texts += [mutate(t, 20, rng) for t in texts[:50]]
    opts = D302.options()
    docs = [Document(id=f"d{i}", source="s", text=t) for i, t in enumerate(texts)]
    store = MapStore()
    for seq, pairs in enumerate(D302.map_many(docs, opts)):
        for key, value in pairs:
            store.add(MapItem(seq, docs[seq].id, key, value))
    record_bytes = sum(len(item.value[1]) for item in store)  # ~4 bytes per character
    peak, hits = _peak(lambda: list(D302.collect(store, opts)))
    store.close()
    return peak, record_bytes, hits


def test_d302_collect_does_not_grow_with_the_corpus(monkeypatch):
    """Twice the documents: the records double, collect's peak grows by the fixed part
    of each row only (band keys, sequence number, length: ~200 bytes a document)."""
    monkeypatch.setattr(sketches, "BATCH_BYTES", 1 << 18)
    small, small_bytes, _ = _collect_peak(600)
    large, large_bytes, hits = _collect_peak(1200)
    assert sorted(h.seq for h in hits) == list(range(1200, 1250))
    assert {h.hit.related[0].doc_id for h in hits} == {f"d{i}" for i in range(50)}
    grown = large_bytes - small_bytes
    assert grown > 7_000_000
    assert large - small < grown / 20, (
        f"peak grew {(large - small) / 1e6:.2f} MB for {grown / 1e6:.1f} MB more records"
    )
