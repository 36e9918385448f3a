"""D302 in Spark: the stages of :mod:`zhqa.checks.duplication.minhash`, distributed.

1. map: each document's D302 record (from the document pass) -> band keys, shingles;
2. group by template hash: identical content is D301's, template copies are reported;
3. candidates: ``(band, key) -> docs``, pairs per bucket (star + chain over 64), distinct;
4. verify: join both shingle sets (of candidates only: a Bloom filter of their ids drops
   the other documents' sets before any shuffle), keep Jaccard >= threshold;
5. clusters: min-label propagation over the verified edges (iterated joins, never
   collected), then one task per cluster builds the same hits as :func:`near.matches`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from zhqa.engine.spark.worker import State, plan

MAX_ROUNDS = 200


class Rec(NamedTuple):
    cseq: int
    doc_id: str
    size: int  # len(doc.text), the hit's end
    content: int
    template: int
    bands: Any  # np.ndarray uint64
    shingles: Any  # np.ndarray uint32, unique and sorted


def _records(code: str, nbands: int) -> Any:
    def run(p: tuple[Any, ...]) -> Iterator[Rec]:
        import numpy as np

        fixed = 24 + 8 * nbands
        for _key, (size, blob) in p[6].get(code, ()):
            head = np.frombuffer(blob[:fixed], dtype=np.uint64)
            yield Rec(
                p[0],
                p[1],
                size,
                int(head[1]),
                int(head[2]),
                head[3:].copy(),
                np.unique(np.frombuffer(blob[fixed:], dtype=np.uint32)),
            )

    return run


def _got(*recs: tuple[int, str, int]) -> dict[int, Any]:
    from zhqa.checks.registry import MapItem

    return {c: MapItem(c, d, None, (n, None)) for c, d, n in recs}


def _templates(state: State, code: str) -> Any:
    """One template group: drop content copies, report the rest against the first; keep the first."""

    def run(kv: tuple[int, Iterable[Rec]]) -> Iterator[tuple[str, Any]]:
        from zhqa.checks.duplication.near import Match, _hit

        seen: set[int] = set()
        rows = []
        for r in sorted(kv[1], key=lambda r: r.cseq):
            if r.content not in seen:
                seen.add(r.content)
                rows.append(r)
        first = rows[0]
        yield "rep", first
        n = plan(state).options[code].shingle
        for r in rows[1:]:
            m = Match(r.cseq, first.cseq, len(rows), 1.0, first.cseq, 1.0, True)
            got = _got((r.cseq, r.doc_id, r.size), (first.cseq, first.doc_id, first.size))
            yield "hit", (r.cseq, (code, _hit(m, got, n)))  # type: ignore[arg-type]  # got: seq -> item

    return run


def _bucket(kv: tuple[Any, Iterable[int]]) -> Iterator[tuple[int, int]]:
    import numpy as np

    from zhqa.checks.duplication.minhash import _linked

    members = sorted(set(kv[1]))
    if len(members) < 2:
        return
    if len(members) <= 64:
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                yield members[x], members[y]
    else:
        for a, b in _linked(np.array(members, dtype=np.int64)).tolist():
            yield (a, b) if a < b else (b, a)


def _jaccard(kv: tuple[int, tuple[tuple[int, Any], Any]]) -> tuple[int, int, float]:
    import numpy as np

    b, ((a, sa), sb) = kv
    inter = len(np.intersect1d(sa, sb, assume_unique=True))
    return a, b, inter / max(len(sa) + len(sb) - inter, 1)


def components(edges: Any, partitions: int) -> Any:
    """``(node, smallest node of its component)`` by min-label propagation on an edge RDD."""
    adj = edges.flatMap(lambda e: [(e[0], e[1]), (e[1], e[0])]).persist()
    labels = adj.map(lambda x: (x[0], min(x))).reduceByKey(min, partitions).persist()
    total = labels.values().sum()
    for step in range(MAX_ROUNDS):
        new = (
            adj.join(labels, partitions)
            .map(lambda kv: (kv[1][0], kv[1][1]))
            .union(labels)
            .reduceByKey(min, partitions)
            .persist()
        )
        if step % 8 == 7:
            new.localCheckpoint()
        now = new.values().sum()  # labels only fall: an unchanged sum means nothing moved
        labels.unpersist()
        labels = new
        if now == total:
            break
        total = now
    adj.unpersist()
    return labels


def _cluster(state: State, code: str) -> Any:
    """One cluster (members with their sets, verified edges) -> the local engine's hits."""

    def run(kv: tuple[int, Iterable[tuple[Any, ...]]]) -> Iterator[tuple[int, tuple[str, Any]]]:
        from zhqa.checks.duplication import minhash as mh
        from zhqa.checks.duplication.near import Match, _hit

        root = kv[0]
        members: dict[int, tuple[str, int, Any]] = {}
        edges = []
        for item in kv[1]:
            if item[0] == "m":
                members[item[1]] = item[2:]
            else:
                edges.append(item[1:])
        edges.sort()
        best: dict[int, tuple[float, int]] = {}
        sims: dict[tuple[int, int], float] = {}
        for a, b, s in edges:
            sims[a, b] = s
            for x, y in ((a, b), (b, a)):
                if s > best.get(x, (-1.0, 0))[0]:
                    best[x] = (s, y)
        n = plan(state).options[code].shingle
        for r in sorted(members)[1:]:
            s_first = sims.get((root, r))
            if s_first is None:  # linked through another member
                sets = (frozenset(members[x][2].tolist()) for x in (root, r))
                s_first = mh.jaccard(*sets)
            s_best, partner = best[r]
            m = Match(r, root, len(members), s_first, partner, s_best, False)
            got = _got(*((x, members[x][0], members[x][1]) for x in {r, root, partner}))
            yield r, (code, _hit(m, got, n))  # type: ignore[arg-type]

    return run


def near_hits(results: Any, state: State, code: str, partitions: int) -> Any:
    """The D302 hits as an RDD of ``(cseq, (code, Hit))``, and what to unpersist after."""
    from pyspark import StorageLevel

    from zhqa.engine.spark import bloom

    disk = StorageLevel.MEMORY_AND_DISK
    opts = plan(state).options[code]
    nbands, _rows = opts.params().banding()
    threshold = opts.params().threshold
    recs = results.flatMap(_records(code, nbands))
    grouped = recs.map(lambda r: (r.template, r)).groupByKey(partitions).flatMap(_templates(state, code))
    grouped = grouped.persist(disk)
    reps = grouped.filter(lambda x: x[0] == "rep").map(lambda x: x[1])
    template_hits = grouped.filter(lambda x: x[0] == "hit").map(lambda x: x[1])
    pairs = (
        reps.flatMap(lambda r: (((j, int(k)), r.cseq) for j, k in enumerate(r.bands.tolist())))
        .groupByKey(partitions)
        .flatMap(_bucket)
        .distinct(partitions)
        .persist(disk)
    )
    keep: list[Any] = [grouped, pairs]
    npairs = pairs.count()
    if not npairs:
        return template_hits, keep
    # only candidates' shingle sets enter the joins (a Bloom filter of their ids, not the ids)
    filt = pairs.context.broadcast(bloom.build(pairs.flatMap(lambda ab: ab), 2 * npairs))
    cands = reps.filter(lambda r: r.cseq in filt.value).map(
        lambda r: (r.cseq, (r.doc_id, r.size, r.shingles))
    )
    cands = cands.persist(disk)
    sets = cands.mapValues(lambda v: v[2])
    edges = (
        pairs.join(sets, partitions)
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
        .join(sets, partitions)
        .map(_jaccard)
        .filter(lambda e: e[2] >= threshold)
        .persist(disk)
    )
    keep += [cands, edges, filt]
    if edges.isEmpty():
        return template_hits, keep
    comp = components(edges.map(lambda e: (e[0], e[1])), partitions).persist()
    keep.append(comp)
    members = comp.join(cands, partitions).map(lambda kv: (kv[1][0], ("m", kv[0], *kv[1][1])))
    linked = (
        edges.map(lambda e: (e[0], e)).join(comp, partitions).map(lambda kv: (kv[1][1], ("e", *kv[1][0])))
    )
    clusters = members.union(linked).groupByKey(partitions).flatMap(_cluster(state, code))
    return template_hits.union(clusters), keep
