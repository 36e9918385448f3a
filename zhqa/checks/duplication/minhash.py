"""Near-duplicate detection in pure, batchable stages (numpy, imported lazily).

The stages are plain functions of arrays so that any engine can run them: the
local engine calls them in :class:`~zhqa.checks.duplication.near.NearDuplicate`;
a Spark engine runs the same functions per partition and per group.

1. **map** ``sketch(texts, params) -> Sketches`` (per document, or per batch for
   speed: ``mapPartitions``). Per text: content length, ``content`` hash (text
   without whitespace/punctuation), ``template`` hash (the same without digits),
   ``bands`` = one 64-bit key per LSH band, and the ``shingles`` (uint32 hashes
   of the character n-grams, kept only for verification). The MinHash
   signature itself is not kept and no text leaves this stage;
   ``Sketches.record(i)`` packs one document into one ``bytes`` (the local
   engine's map output), ``sketches.from_records`` reads them back.
2. **group** ``first_of(keys)``: the first document with the same content hash
   (identical content: left to D301) and the same template hash (template
   bulletins, info level). Spark: ``reduceByKey(min)`` on the key.
3. **candidates** ``bucket_pairs(bands, ids)``: documents sharing any band key.
   Spark: ``flatMap((band, key) -> seq)``, ``groupByKey``, ``bucket_pairs`` per
   bucket, ``distinct()``.
4. **verify** ``verify(pairs, sketches, threshold)``: the true Jaccard of the
   shingle sets (vectorised set intersection); pairs below the threshold are
   dropped, so nothing unverified is ever reported. Spark: join the pairs with
   the shingles by seq, ``verify`` per partition.
5. **cluster** ``components(pairs)``: connected components, labelled by their
   smallest seq (= the cluster's first document). Spark: iterative min-label
   propagation (or GraphFrames ``connectedComponents``).

Signatures are one-permutation MinHash (Li, Owen & Zhang 2012) with optimal
densification (Shrivastava 2017): one 32-bit hash per shingle fills all
``num_perm`` slots, instead of ``num_perm`` hashes per shingle. Each slot still
collides with probability close to the Jaccard similarity; banding is chosen so
a pair at the threshold becomes a candidate with probability >= ``recall``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from zhqa.checks.duplication.sketches import Sketches, concat, take
from zhqa.text.shingles import content_codes, fmix32, shingle_hashes, text_hashes

if TYPE_CHECKING:
    import numpy as np

_EMPTY = 0xFFFFFFFF
__all__ = ["Params", "Sketches", "bucket_pairs", "concat", "first_of", "sketch", "verify"]


@dataclass(frozen=True)
class Params:
    """Shingle size, signature size, threshold and LSH banding (bands x rows <= num_perm)."""

    n: int = 5
    num_perm: int = 128
    threshold: float = 0.8
    bands: int = 0  # 0: chosen from the threshold
    rows: int = 0
    seed: int = 1
    recall: float = 0.97

    def banding(self) -> tuple[int, int]:
        if self.bands and self.rows:
            return self.bands, self.rows
        return choose_bands(self.threshold, self.num_perm, self.recall)


@lru_cache(maxsize=64)
def choose_bands(threshold: float, num_perm: int, recall: float = 0.97) -> tuple[int, int]:
    """The (bands, rows) with the most rows per band (fewest false candidates) whose
    probability of making a pair at ``threshold`` a candidate is at least ``recall``."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if bands < 1:
            break
        if 1 - (1 - threshold**rows) ** bands >= recall:
            best = (bands, rows)
    return best


def sketch(texts: Sequence[str], params: Params) -> Sketches:
    """Stage 1 (map): content keys, band keys and shingle hashes of each text."""
    import numpy as np

    codes = content_codes(texts)
    sh = shingle_hashes(codes, params.n, params.seed, digits=True)
    bands, rows = params.banding()
    sig = signatures(sh.hashes, sh.counts, params.num_perm, params.seed)
    return Sketches(
        length=codes.lengths,
        content=text_hashes(sh),
        template=text_hashes(sh, skip=sh.has_digit),
        bands=band_keys(sig, bands, rows, params.seed),
        shingles=sh.hashes,
        offsets=np.concatenate(([0], np.cumsum(sh.counts))),
    )


def signatures(hashes: np.ndarray, counts: np.ndarray, num_perm: int, seed: int = 1) -> np.ndarray:
    """One-permutation MinHash of uint32 shingle hashes (``counts[i]`` of them for text i):
    the slot is taken from the high bits, the value is the minimum of the low bits, and
    an empty slot borrows a filled one chosen by a fixed probe sequence (densification)."""
    import numpy as np

    ndocs = len(counts)
    sig = np.full(ndocs * num_perm, _EMPTY, dtype=np.uint32)
    if len(hashes):
        cell = np.repeat(np.arange(ndocs, dtype=np.int64) * num_perm, counts)  # + slot below
        if num_perm & (num_perm - 1) == 0:
            bits = num_perm.bit_length() - 1
            cell += hashes >> np.uint32(32 - bits)
            value = hashes & np.uint32((1 << (32 - bits)) - 1)
        else:
            cell += ((hashes.astype(np.uint64) * np.uint64(num_perm)) >> np.uint64(32)).astype(np.int64)
            value = fmix32(hashes ^ np.uint32(0x5BD1E995)) >> np.uint32(1)
        np.minimum.at(sig, cell, value)
    filled = sig != _EMPTY
    flat = np.flatnonzero(~filled & np.repeat(counts > 0, num_perm))
    probes = _probes(num_perm, seed)
    for a0 in range(0, len(probes), 8):  # eight probes at a time for every empty slot
        if not len(flat):
            break
        base = flat - flat % num_perm
        src = base + probes[a0 : a0 + 8][:, flat - base]
        ok = filled[src]
        hit = ok.any(axis=0)
        pick = src[ok.argmax(axis=0)[hit], np.flatnonzero(hit)]
        sig[flat[hit]] = sig[pick] | np.uint32(0x80000000)
        flat = flat[~hit]
    return sig.reshape(ndocs, num_perm)


@lru_cache(maxsize=8)
def _probes(num_perm: int, seed: int) -> np.ndarray:
    import numpy as np

    return np.random.default_rng(seed).integers(0, num_perm, size=(64, num_perm))


def band_keys(sig: np.ndarray, bands: int, rows: int, seed: int = 1) -> np.ndarray:
    """One 64-bit key per band: a hash of its ``rows`` slots and the band number."""
    import numpy as np

    block = sig[:, : bands * rows].reshape(len(sig), bands, rows).astype(np.uint64)
    keys = np.broadcast_to(
        np.arange(1, bands + 1, dtype=np.uint64) * np.uint64(seed * 2 + 1), block.shape[:2]
    ).copy()
    for r in range(rows):
        keys *= np.uint64(0x100000001B3)
        keys ^= block[:, :, r] * np.uint64(0x9E3779B97F4A7C15)
    return keys


def first_of(keys: np.ndarray) -> np.ndarray:
    """Stage 2 (group): for each row, the index of the first row with the same key."""
    import numpy as np

    if not len(keys):
        return np.zeros(0, np.int64)
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    return first[inverse.ravel()].astype(np.int64)


def bucket_pairs(bands: np.ndarray, ids: np.ndarray | None = None, max_bucket: int = 64) -> np.ndarray:
    """Stage 3 (candidates): pairs ``(a, b)``, ``a < b``, of the rows ``ids`` of ``bands``
    (default: every row) sharing a band key. Each band is read as one column of the
    selected rows, so no copy of the selected rows is made.

    A bucket of more than ``max_bucket`` documents is linked as a star from its
    first member plus a chain, which keeps the pair count linear.
    """
    import numpy as np

    out: list[np.ndarray] = [np.zeros((0, 2), np.int64)]
    nbins = 1 << max(10, (2 * (len(bands) if ids is None else len(ids))).bit_length())
    for j in range(bands.shape[1]):
        col = bands[:, j] if ids is None else bands[ids, j]
        low = (col & np.uint64(nbins - 1)).astype(np.intp)
        maybe = np.flatnonzero(np.bincount(low, minlength=nbins)[low] > 1)  # cheap pre-filter
        order = maybe[np.argsort(col[maybe])]
        s = col[order]
        brk = np.flatnonzero(np.concatenate(([True], s[1:] != s[:-1], [True])))
        sizes = np.diff(brk)
        for m in np.unique(sizes[sizes > 1]).tolist():
            starts = brk[:-1][sizes == m]
            if m <= max_bucket:
                i, k = np.triu_indices(m, 1)
                out.append(
                    np.stack((order[starts[:, None] + i].ravel(), order[starts[:, None] + k].ravel()), axis=1)
                )
            else:
                out.extend(_linked(order[a : a + m]) for a in starts.tolist())
    p = np.concatenate(out)
    if ids is not None:
        p = ids[p]
    p.sort(axis=1)
    width = np.int64(max(int(p.max(initial=0)) + 1, 1))
    packed = np.unique(p[:, 0] * width + p[:, 1])
    return np.stack((packed // width, packed % width), axis=1)


def _linked(members: np.ndarray) -> np.ndarray:
    import numpy as np

    members = np.sort(members)
    star = np.stack((np.full(len(members) - 1, members[0]), members[1:]), axis=1)
    return np.concatenate((star, np.stack((members[1:-1], members[2:]), axis=1)))


def jaccard(a: frozenset[int] | set[int], b: frozenset[int] | set[int]) -> float:
    """The Jaccard similarity of two shingle-hash sets."""
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def verify(
    pairs: np.ndarray, sk: Sketches, threshold: float, chunk: int = 2048
) -> tuple[np.ndarray, np.ndarray]:
    """Stage 4 (verify): the candidate pairs (rows of ``sk``) whose true Jaccard of the
    shingle sets is >= ``threshold``, and those similarities (vectorised set intersection,
    ``chunk`` pairs at a time so memory stays bounded)."""
    import numpy as np

    kept, sims = [pairs[:0]], [np.zeros(0)]
    for c0 in range(0, len(pairs), chunk):
        part = pairs[c0 : c0 + chunk]
        sim = _jaccards(part, sk)
        keep = sim >= threshold
        kept.append(part[keep])
        sims.append(sim[keep])
    return np.concatenate(kept), np.concatenate(sims)


def _jaccards(pairs: np.ndarray, sk: Sketches) -> np.ndarray:
    import numpy as np

    docs, inv = np.unique(pairs, return_inverse=True)
    inv = inv.reshape(pairs.shape)
    keys, offsets, rank = _sorted_sets(sk, docs)
    ra, rb = rank[inv[:, 0]], rank[inv[:, 1]]
    size_a, size_b = offsets[ra + 1] - offsets[ra], offsets[rb + 1] - offsets[rb]
    swap = size_b > size_a  # look the smaller set up in the larger one
    ra, rb = np.where(swap, rb, ra), np.where(swap, ra, rb)
    small = np.minimum(size_a, size_b)
    first = np.cumsum(small) - small
    idx = np.arange(int(small.sum())) + np.repeat(offsets[rb] - first, small)
    probe = keys[idx] + np.repeat(((ra - rb) << 32).view(np.uint64), small)  # rank rb -> ra
    del idx
    pos = np.searchsorted(keys, probe)
    np.minimum(pos, len(keys) - 1, out=pos)
    found = (keys[pos] == probe).view(np.uint8)
    inter = np.zeros(len(pairs), np.int64)
    some = small > 0
    if some.any():
        inter[some] = np.add.reduceat(found, first[some], dtype=np.int64)
    return inter / np.maximum(size_a + size_b - inter, 1)


def _sorted_sets(
    sk: Sketches, docs: np.ndarray, cells: int = 1 << 21
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The shingle sets of ``docs`` as one sorted array of ``rank << 32 | hash`` keys (rank:
    the document's place in order of size), their offsets by rank, and each doc's rank."""
    import numpy as np

    counts = sk.offsets[docs + 1] - sk.offsets[docs]
    order = np.argsort(counts, kind="stable")
    rank = np.empty(len(docs), np.int64)
    rank[order] = np.arange(len(docs))
    parts, sizes = [], []
    for c0, c1 in _blocks(counts[order], cells):  # rows of similar length, padded and sorted
        idx = order[c0:c1]
        cnt = counts[idx]
        width = max(int(cnt.max()), 1)
        mat = np.full((len(idx), width), 0xFFFFFFFF, np.uint32)
        col = np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        mat[np.repeat(np.arange(len(idx)), cnt), col] = take(sk.shingles, sk.offsets[docs[idx]], cnt)
        mat.sort(axis=1)
        mask = np.arange(width)[None, :] < cnt[:, None]
        mask[:, 1:] &= mat[:, 1:] != mat[:, :-1]
        rows = np.broadcast_to(
            (np.arange(c0, c0 + len(idx), dtype=np.uint64) << np.uint64(32))[:, None], mat.shape
        )
        parts.append(rows[mask] | mat[mask].astype(np.uint64))
        sizes.append(mask.sum(axis=1))
    offsets = np.concatenate(([0], np.cumsum(np.concatenate(sizes))))
    return np.concatenate(parts), offsets, rank


def _blocks(ascending: np.ndarray, cells: int) -> Iterator[tuple[int, int]]:
    """Consecutive row ranges whose padded matrix (rows x widest row) has at most ``cells``
    cells (or one row): the padding of a long document never multiplies by many rows."""
    start, n = 0, len(ascending)
    while start < n:
        stop = start + 1
        while stop < n and (stop + 1 - start) * int(ascending[stop]) <= cells:
            stop += 1
        yield start, stop
        start = stop


def components(pairs: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Stage 5 (cluster): each seq in ``pairs`` -> the smallest seq of its component."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent.get(x, x)
        return root

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent.keys() | {r for p in pairs for r in p}}
